package com.stocklens.service;

import com.stocklens.domain.Provider;
import com.stocklens.domain.SourceInfo;
import java.time.Instant;

/**
 * How fresh one source is.
 *
 * @param lastSnapshotAt time of its latest complete snapshot, null if it never completed one
 * @param lastAttemptAt  when the latest sync run started, null if none
 * @param lastError      the latest run's error when it failed, else null
 * @param rows           rows in the latest complete snapshot
 * @param requests       HTTP requests of the latest complete run
 * @param durationMillis duration of the latest complete run
 */
public record SourceFreshness(
        SourceInfo source,
        Instant lastSnapshotAt,
        Instant lastAttemptAt,
        String lastError,
        int rows,
        int requests,
        long durationMillis) {

    /**
     * Fed by uploaded files (a CSV warehouse), not polled: its snapshots carry the file's time, so it is
     * usually late, and only a new upload makes it fresh.
     */
    public boolean manual() {
        return source.provider() == Provider.CSV;
    }
}
