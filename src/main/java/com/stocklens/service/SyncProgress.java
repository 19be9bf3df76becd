package com.stocklens.service;

import java.time.Instant;
import java.util.Map;

/**
 * The syncs under way, source by source (issue 16 item 4): the window's freshness chips say "syncing" with
 * the requests made so far while a source reads, so a first sync that the rate limits stretch over minutes
 * (ShipBob: 150 requests a minute) shows its progress. Polled by the screen's one-second tick, never
 * pushed per request.
 */
public interface SyncProgress {
    /** Nothing ever syncs (a snapshot file, tests). */
    SyncProgress NONE = Map::of;

    /** The runs under way now, by source id; a source not in the map is not syncing. Any thread. */
    Map<String, Running> running();

    /**
     * One run under way.
     *
     * @param startedAt when it began
     * @param requests  HTTP requests made so far, retries included; -1 when the source does not count them
     */
    record Running(String sourceId, Instant startedAt, int requests) {
    }
}
