package com.stocklens.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Tells a damaged or foreign database file from other reasons a workspace does not open. */
final class Corruption {
    /** MVStore files are written in blocks of this size. */
    private static final int BLOCK = 4096;
    private static final String NOT_A_DATABASE = "not a database file (it does not start like one)";

    private Corruption() {
    }

    /**
     * "truncated (N bytes)" (or "not a database file") when the file's length is not a whole number of MVStore blocks (H2 only
     * ever writes whole blocks), else null. Checked before opening: H2 itself would open such a file
     * and quietly fall back to an older state.
     */
    static String truncated(Path file) {
        try {
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size == 0 || size % BLOCK == 0) {
                return null;
            }
            String header;
            try (InputStream in = Files.newInputStream(file)) {
                header = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
            }
            return header.startsWith("H:2,") ? "truncated (" + size + " bytes)" : NOT_A_DATABASE;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What is wrong with {@code file}, as the end of "The workspace database was …", or null when
     * the failure is not the file's fault (permissions, a schema from a newer StockLens, a lock).
     */
    static String classify(Path file, Throwable failure) {
        long size;
        byte[] head = new byte[256];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return null; // cannot even read it: not something to move aside
        }
        String header = new String(head, 0, Math.max(0, read), StandardCharsets.ISO_8859_1);
        if (size == 0) {
            return "empty (0 bytes)";
        }
        if (!header.startsWith("H:2,")) {
            return NOT_A_DATABASE;
        }
        int format = header.indexOf(",format:");
        if (format > 0 && header.startsWith("1", format + 8)
                || hasCode(failure, ErrorCode.FILE_VERSION_ERROR_1)) {
            return "written by another H2 version, which this StockLens cannot read";
        }
        if (!corruptionLike(failure)) {
            return null;
        }
        if (size % BLOCK != 0 || size < 2L * BLOCK) {
            return "truncated (" + size + " bytes)";
        }
        return "damaged (" + Database.oneLine(failure) + ")";
    }

    private static boolean corruptionLike(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1
                        || code == ErrorCode.GENERAL_ERROR_1 || code == ErrorCode.IO_EXCEPTION_1
                        || code == ErrorCode.IO_EXCEPTION_2 || code == ErrorCode.FILE_NOT_FOUND_1) {
                    return true;
                }
            }
            if (c.getClass().getName().startsWith("org.h2.mvstore")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false; // Flyway alone (a schema from a newer StockLens), permissions …: not the file's fault
    }

    private static boolean hasCode(Throwable t, int code) {
        return Database.hasErrorCode(t, code);
    }
}
