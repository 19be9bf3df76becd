package com.stocklens.store;

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
        super("Could not open the StockLens database " + path + ": " + reason
                + ". If the file is damaged, restore a backup or move it aside, "
                + "or start with --data-dir to use another workspace.", cause);
        this.path = path;
    }

    /** The database file (or directory) that failed to open. */
    public Path path() {
        return path;
    }
}
