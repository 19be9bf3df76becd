package com.stocklens.service;

/** Reads the current red flags from the store. Blocking I/O: never on the FX thread. */
public interface FlagReader {
    FlagBoard read();
}
