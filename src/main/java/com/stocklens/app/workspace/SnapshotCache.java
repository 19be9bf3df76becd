package com.stocklens.app.workspace;

import com.stocklens.support.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases restored from snapshot files, kept by the file's content so the same file opens again without
 * its restore (a demo shop's file: 15 s of restore, against a copy of its database in well under a second).
 * Each entry is one closed H2 file named by the SHA-256 of the snapshot file's bytes and this build's version:
 * another file, a changed file or another StockLens build finds nothing and restores as before. Entries are
 * written under a temporary name and moved into place, so a crash or a full disk leaves no half file under an
 * entry's name; the {@value #KEEP} most recently used stay, older ones are removed, and no copy is made that would
 * leave less than a gigabyte (or less than its own size) free on the disk. Every failure here only costs the
 * restore: the cache is never the reason a snapshot does not open.
 */
public final class SnapshotCache {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCache.class);

    /** The folder under the data directory. */
    public static final String FOLDER = "snapshot-cache";
    /** Entries kept: each is as large as the snapshot's database (about 100 MB for the demo shop). */
    static final int KEEP = 2;
    static final String SUFFIX = ".mv.db";
    /** A copy is kept only if at least this much (and as much again as the copy) stays free: the workspace comes first. */
    static final long MIN_FREE_AFTER = 1L << 30;

    private final Path dir;
    private final String build;
    private final long minFreeAfter;

    /** The cache of the data directory {@code baseDir}. */
    public static SnapshotCache in(Path baseDir) {
        String version = SnapshotCache.class.getPackage().getImplementationVersion();
        return new SnapshotCache(baseDir.resolve(FOLDER), version == null ? "dev" : version);
    }

    SnapshotCache(Path dir, String build) {
        this(dir, build, MIN_FREE_AFTER);
    }

    SnapshotCache(Path dir, String build, long minFreeAfter) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.build = Objects.requireNonNull(build, "build");
        this.minFreeAfter = minFreeAfter;
    }

    /** The entry name of {@code file}'s bytes in this build; empty when the file cannot be read (the restore says why). */
    public Optional<String> key(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(build.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Copies the database kept for {@code key} to {@code target} (a new workspace's database file); false when
     * there is none or the copy failed (then nothing is left at {@code target}).
     */
    public boolean copyInto(String key, Path target) {
        Path entry = dir.resolve(key + SUFFIX);
        if (!Files.isRegularFile(entry)) {
            return false;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
            PrivateFiles.restrict(target);
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.info("The kept database of this snapshot could not be copied ({}); restoring the file instead",
                    e.toString());
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // the restore replaces it or says why it cannot
            }
            return false;
        }
    }

    /** Removes the entry for {@code key} (it did not open as kept). */
    public void forget(String key) {
        try {
            Files.deleteIfExists(dir.resolve(key + SUFFIX));
        } catch (IOException | RuntimeException e) {
            LOG.info("A kept snapshot database could not be removed: {}", e.toString());
        }
    }

    /** Keeps a copy of {@code database} (closed) for {@code key}, and removes the least recently used beyond {@value #KEEP}. */
    public void keep(String key, Path database) {
        Path partial = null;
        try {
            PrivateFiles.folder(dir);
            long size = Files.size(database);
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free - size < Math.max(size, minFreeAfter)) {
                LOG.info("This snapshot's database ({} MB) was not kept for the next open: {} MB free on the disk",
                        size >> 20, free >> 20);
                return;
            }
            partial = Files.createTempFile(dir, key, ".partial");
            Files.copy(database, partial, StandardCopyOption.REPLACE_EXISTING);
            PrivateFiles.restrict(partial);
            Files.move(partial, dir.resolve(key + SUFFIX), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.info("This snapshot's database was not kept for the next open: {}", e.toString());
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a full disk: the next keep's prune has another go
                }
            }
        }
    }

    /** The kept entries, most recently used first. */
    List<Path> entries() throws IOException {
        List<Path> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            files.forEach(all::add);
        }
        all.sort(Comparator.comparing(SnapshotCache::lastUsed).reversed());
        return all;
    }

    private void prune() throws IOException {
        List<Path> all = entries();
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
        // Copies a crash left half-written.
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(dir, "*.partial")) {
            for (Path p : partials) {
                if (lastUsed(p).isBefore(Instant.now().minusSeconds(3600))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Instant lastUsed(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
