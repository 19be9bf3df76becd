package com.stocklens.store;

import java.io.IOException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * Tells a disk that refuses writes (full, read-only, no permission, quota used up) from a damaged database
 * file. A refusal is never damage: the file is kept as it is and opened read-only if it can be, and the next
 * start with space (or write access) opens the real data. Moving such a file aside as "corrupt" is what once
 * emptied a workspace on a full disk (docs/RELIABILITY.md, "Full and read-only disks").
 *
 * <p>The checks read the folder itself (read-only file system, write access, free space) as well as the
 * failure's messages, because the operating system's wording depends on its language.
 */
final class DiskRefusal {
    /** Below this much usable space the disk counts as full before anything is tried: opened read-only. */
    static final long FULL_BYTES = 1L << 20;
    /** Below this much usable space a failed open is put down to the disk, never to the file. */
    static final long LOW_SPACE_BYTES = 16L << 20;

    private DiskRefusal() {
    }

    /**
     * Before opening: why {@code dbDir} (or the database {@code file} in it) cannot be written, as a phrase
     * ("… is on a read-only file system", "the disk holding … is full (0 KB free)"), or null when it can.
     */
    static String before(Path dbDir, Path file) {
        try {
            if (Files.getFileStore(dbDir).isReadOnly()) {
                return readOnly(dbDir);
            }
        } catch (IOException | RuntimeException e) {
            // no file store to ask: the write checks below still answer
        }
        if (!Files.isWritable(dbDir) || Files.exists(file) && !Files.isWritable(file)) {
            return noPermission(dbDir);
        }
        return usableSpace(dbDir) < FULL_BYTES ? full(dbDir) : null;
    }

    /**
     * After a failed open or write: the refusal the failure chain or the folder explains, as a phrase, or
     * null when neither does (then the file itself may be at fault).
     */
    static String after(Path dbDir, Path file, Throwable failure) {
        String before = before(dbDir, file);
        if (before != null) {
            return before;
        }
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left") || m.contains("not enough space") || m.contains("disk full")) {
                return full(dbDir);
            }
            if (m.contains("quota")) {
                return "the disk quota for " + dbDir + " is used up (" + StoreWriteFailures.freeSpace(dbDir)
                        + " free)";
            }
            if (c instanceof ReadOnlyFileSystemException || m.contains("read-only file system")) {
                return readOnly(dbDir);
            }
            if (m.contains("locked") || m.contains("already in use")) {
                return "the database file in " + dbDir + " is locked by another program";
            }
            if (c instanceof AccessDeniedException || c instanceof NonWritableChannelException
                    || m.contains("permission denied") || m.contains("operation not permitted")
                    || m.contains("access is denied")) {
                return noPermission(dbDir);
            }
        }
        if (usableSpace(dbDir) < LOW_SPACE_BYTES) {
            return full(dbDir);
        }
        return null;
    }

    private static String full(Path dbDir) {
        return "the disk holding " + dbDir + " is full (" + StoreWriteFailures.freeSpace(dbDir) + " free)";
    }

    private static String readOnly(Path dbDir) {
        return dbDir + " is on a read-only file system";
    }

    private static String noPermission(Path dbDir) {
        return "this user may not write to " + dbDir;
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE; // unknown: do not blame the disk
        }
    }
}
