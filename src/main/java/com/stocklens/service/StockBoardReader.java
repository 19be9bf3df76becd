package com.stocklens.service;

/** Reads the current board from the store. Blocking I/O: never call it on the FX thread. */
public interface StockBoardReader {
    StockBoard read();

    /**
     * The snapshot history behind this board (time travel, diffs); {@link History#NONE} for a reader
     * without one. The window finds the history here, so wiring a board reader wires history too.
     */
    default History history() {
        return History.NONE;
    }
}
