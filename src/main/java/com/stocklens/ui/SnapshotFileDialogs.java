package com.stocklens.ui;

import javafx.stage.Window;

/**
 * The file dialogs behind File → Open snapshot… and File → Export snapshot…, implemented by the
 * composition root (it owns the runtime and the files). Called on the FX thread; file and database work
 * goes to a background thread.
 */
public interface SnapshotFileDialogs {
    /** Asks for a {@code .stocklens} file and opens it read-only in a window of its own. */
    void open(Window owner);

    /** Asks where to save and writes a snapshot of the workspace as it is now. */
    void export(Window owner);
}
