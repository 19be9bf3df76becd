package com.stocklens.support;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files only their owner may read: folders 0700, files 0600, whatever the process's umask. A workspace holds
 * a seller's stock, sales and connection settings, its logs and backups the same: none of it is for the other
 * users of the machine. On a file system without POSIX permissions (Windows) nothing is changed: there the
 * per-user profile folder is already private.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) if needed, and makes {@code dir} itself 0700. */
    public static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir);
        return dir;
    }

    /**
     * Makes {@code path} 0700 (a folder) or 0600 (a file). A symbolic link, a missing path, a path owned by
     * another user or a read-only file system is left as it is. Never throws.
     */
    public static void restrict(Path path) {
        if (!POSIX || path == null) {
            return;
        }
        try {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
                return;
            }
            Set<PosixFilePermission> wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE;
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (IOException | RuntimeException e) {
            // not ours to change, or a read-only disk: the folders above still keep others out
        }
    }

    /** {@link #restrict} for {@code dir} and everything below it (symbolic links are not followed). Never throws. */
    public static void restrictTree(Path dir) {
        if (!POSIX || dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(PrivateFiles::restrict);
        } catch (IOException | RuntimeException e) {
            // what could not be listed keeps its mode; its folder is private
        }
    }
}
