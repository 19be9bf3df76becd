package com.stocklens.service;

/** Reads the current board from the store. Blocking I/O: never call it on the FX thread. */
public interface StockBoardReader {
    StockBoard read();
}
