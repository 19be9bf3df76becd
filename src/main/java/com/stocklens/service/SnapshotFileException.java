package com.stocklens.service;

/**
 * A {@code .stocklens} file that cannot be written or opened. The message is one plain sentence for a
 * person (never a stack trace); {@link #problem()} lets a window say it in its own language.
 */
public final class SnapshotFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Problem {
        /** Made by a newer StockLens: {@link #formatVersion()} is above what this version reads. */
        NEWER_FORMAT,
        /** An older format this version no longer reads. */
        OLDER_FORMAT,
        /** Not a StockLens snapshot, truncated, or a checksum does not match. */
        CORRUPT,
        /** The file could not be read or written. */
        IO
    }

    private final Problem problem;
    private final int formatVersion;

    public SnapshotFileException(Problem problem, int formatVersion, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.formatVersion = formatVersion;
    }

    /** A file that is not a readable snapshot: {@code file} and why, in one sentence. */
    public static SnapshotFileException corrupt(String file, String why) {
        return new SnapshotFileException(Problem.CORRUPT, 0,
                file + " is not a readable StockLens snapshot (" + why + ").", null);
    }

    public Problem problem() {
        return problem;
    }

    /** The file's format version when known, else 0. */
    public int formatVersion() {
        return formatVersion;
    }
}
