package com.stocklens.connector;

import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceProbe;

/**
 * One source of snapshots (a TikTok Shop authorization, a warehouse account). {@link #fetch()}
 * reads everything the source holds, paging to the end, and returns it whole, or throws: a
 * partial reading is never returned.
 */
public interface StockSource {
    SourceInfo info();

    /** Reads the source completely. Called from the sync engine's threads, never the FX thread. */
    Reading fetch() throws SourceException;

    /**
     * HTTP attempts this source has made so far, retries included, readable from any thread while a
     * {@link #fetch()} runs: the sync engine reports what a failed read cost from it, as a reading reports what a
     * whole one cost, and the window shows a sync's progress with it; -1 when the source does not count.
     */
    default int requestCount() {
        return -1;
    }

    /**
     * The connection test: proves the credentials work and says what they reach. The default reads
     * everything; a connector may override it with a cheaper call.
     */
    default SourceProbe probe() throws SourceException {
        Reading r = fetch();
        return new SourceProbe(r.channelWarehouses().stream().map(w -> w.shopId()).distinct().toList(),
                r.warehouses().stream().map(w -> w.name()).toList(), r.skus().size(), r.requests());
    }
}
