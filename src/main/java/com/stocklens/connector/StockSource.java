package com.stocklens.connector;

import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;

/**
 * One source of snapshots (a TikTok Shop authorization, a warehouse account). {@link #fetch()}
 * reads everything the source holds, paging to the end, and returns it whole, or throws: a
 * partial reading is never returned.
 */
public interface StockSource {
    SourceInfo info();

    /** Reads the source completely. Called from the sync engine's threads, never the FX thread. */
    Reading fetch() throws SourceException;
}
