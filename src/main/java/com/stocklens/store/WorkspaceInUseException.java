package com.stocklens.store;

import java.nio.file.Path;

/**
 * The workspace's database is held by another StockLens window or process. H2 keeps its file
 * lock for as long as a process has the database open, and two writers would corrupt the file,
 * so the only safe answer is to tell the user which workspace is busy and how to pick another.
 */
public final class WorkspaceInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path workspace;

    public WorkspaceInUseException(Path workspace, Throwable cause) {
        super("This StockLens workspace (" + workspace + ") is already open in another StockLens window or process. "
                + "Close it, or start with --data-dir to use another workspace.", cause);
        this.workspace = workspace;
    }

    /** The data directory that is busy. */
    public Path workspace() {
        return workspace;
    }
}
