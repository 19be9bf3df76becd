package com.stocklens.store;

import com.stocklens.support.FileReasons;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The workspace's database could not be opened for a reason other than another process holding
 * it: a damaged or foreign file, a failed migration, a directory that cannot be created. The
 * message names the file so the user knows what to restore or move aside.
 */
public final class WorkspaceOpenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public WorkspaceOpenException(Path path, String reason, Throwable cause) {
        this(path, cause, "Could not open the StockLens database " + path + ": " + reason
                + ". If the file is damaged, restore a backup or move it aside, "
                + "or start with --data-dir to use another workspace.");
    }

    private WorkspaceOpenException(Path path, Throwable cause, String message) {
        super(message, cause);
        this.path = path;
    }

    /**
     * The workspace's folder (or one above it) cannot be created: one sentence naming the folder that failed
     * and why. Nothing is damaged, so no advice about backups.
     */
    static WorkspaceOpenException folder(Path workspace, Path dbDir, IOException cause) {
        Path failed = cause instanceof FileSystemException f && f.getFile() != null ? Path.of(f.getFile()) : dbDir;
        String where = failed.equals(workspace) ? "the workspace folder " + workspace
                : "the folder " + failed + " for the workspace " + workspace;
        return new WorkspaceOpenException(dbDir, cause, "Cannot create " + where + ": " + FileReasons.of(cause) + ".");
    }

    /**
     * The disk refuses writes and the file cannot be opened read-only either (it needs an upgrade, or H2
     * cannot read it without writing): one sentence saying so. The file was not touched.
     *
     * @param refusal the disk's refusal as a phrase ("the disk holding … is full (0 KB free)")
     */
    static WorkspaceOpenException refused(Path file, String refusal, Throwable cause) {
        return new WorkspaceOpenException(file, cause, "The StockLens database " + file + " was not opened and "
                + "was left as it is: " + refusal + "; free some space (or make it writable) and run StockLens again.");
    }

    /** The database file (or directory) that failed to open. */
    public Path path() {
        return path;
    }
}
