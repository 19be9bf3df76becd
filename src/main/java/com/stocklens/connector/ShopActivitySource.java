package com.stocklens.connector;

import java.time.Instant;

/**
 * What happened in the shops (orders sold, returns opened or moved on) between two instants, by the
 * platform's update time. {@link #fetchActivity} pages to the end of every authorized shop and
 * returns the whole window, or throws: a partial window is never returned, so a caller that stores
 * it and advances its cursor never skips anything.
 */
public interface ShopActivitySource {
    /** Identifies the source in the store's cursor table, e.g. {@code tiktok:main}. */
    String id();

    /**
     * Every sale line and return item whose update time lies in {@code [updatedSince, updatedUntil)}.
     * Called from a sync thread, never the FX thread.
     */
    ActivityPage fetchActivity(Instant updatedSince, Instant updatedUntil) throws SourceException;
}
