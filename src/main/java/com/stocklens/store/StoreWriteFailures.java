package com.stocklens.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.ErrorCode;
import org.jdbi.v3.core.Jdbi;

/** Turns the store's I/O failures into one plain sentence naming the disk and its free space. */
final class StoreWriteFailures {
    /** PostgreSQL SQLSTATEs (H2 reports its own vendor codes instead, and SQLSTATEs of class 90). */
    static final String PG_DISK_FULL = "53100";
    static final String PG_OUT_OF_MEMORY = "53200";
    static final String PG_IO_ERROR = "58030";

    private StoreWriteFailures() {
    }

    /** {@code e} itself unless it is a disk or I/O failure, which becomes a {@link StoreWriteException}. */
    static RuntimeException translate(Jdbi jdbi, RuntimeException e) {
        if (e instanceof StoreWriteException) {
            return e;
        }
        boolean diskFull = false;
        boolean io = false;
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("no space left") || m.contains("disk full") || m.contains("not enough space")
                    || m.contains("there is not enough space on the disk")) {
                diskFull = true;
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                // PostgreSQL (team mode): class 53 "insufficient resources" (53100 disk_full), 58030 io_error.
                String state = sql.getSQLState();
                if (state.equals(PG_DISK_FULL) || state.equals(PG_OUT_OF_MEMORY)) {
                    diskFull = true;
                } else if (state.equals(PG_IO_ERROR)) {
                    io = true;
                }
            }
            if (c instanceof IOException || c instanceof SQLException sql
                    && (sql.getErrorCode() == ErrorCode.IO_EXCEPTION_1 || sql.getErrorCode() == ErrorCode.IO_EXCEPTION_2
                    || sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1
                    || sql.getErrorCode() == ErrorCode.GENERAL_ERROR_1 && m.contains("i/o"))) {
                io = true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        if (!diskFull && !io) {
            return e;
        }
        String server = serverName(jdbi);
        if (server != null) {
            // The disk is the server's: its free space is not ours to measure.
            String message = (diskFull ? "the team database server " + server + " is out of disk space"
                    : "write failed on the team database server " + server + ": " + rootMessage(e))
                    + "; nothing of this sync was stored, the last complete snapshot is still shown";
            return new StoreWriteException(message, e);
        }
        Path dir = databaseDirectory(jdbi);
        String where = dir == null ? "the workspace disk" : dir.toString();
        String free = freeSpace(dir);
        String message = diskFull
                ? "disk full: free space on " + where + " is " + free
                        + "; nothing of this sync was stored, the last complete snapshot is still shown"
                : "write failed on " + where + " (" + free + " free): " + rootMessage(e)
                        + "; nothing of this sync was stored, the last complete snapshot is still shown";
        return new StoreWriteException(message, e);
    }

    /** The shared database's URL without its query, or null for the workspace's H2 file. */
    private static String serverName(Jdbi jdbi) {
        try {
            String url = jdbi.withHandle(h -> h.getConnection().getMetaData().getURL());
            return Database.isPostgresUrl(url) ? Database.safeUrl(url) : null;
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    private static Path databaseDirectory(Jdbi jdbi) {
        try {
            String url = jdbi.withHandle(h -> h.getConnection().getMetaData().getURL());
            String prefix = Database.FILE_URL_PREFIX;
            if (url != null && url.startsWith(prefix)) {
                String file = url.substring(prefix.length());
                int semi = file.indexOf(';');
                return Path.of(semi < 0 ? file : file.substring(0, semi)).getParent();
            }
        } catch (SQLException | RuntimeException e) {
            // The database may be unusable after the failure: no path then.
        }
        return null;
    }

    static String freeSpace(Path dir) {
        if (dir == null) {
            return "unknown";
        }
        try {
            long bytes = Files.getFileStore(dir).getUsableSpace();
            return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
