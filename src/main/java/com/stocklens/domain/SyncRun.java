package com.stocklens.domain;

import java.time.Instant;

/**
 * The record of one attempt to sync one source.
 *
 * @param snapshotId the snapshot it committed, or null when it failed
 * @param error      a one-line reason when it failed, else null
 */
public record SyncRun(
        long id,
        String sourceId,
        Instant startedAt,
        Instant finishedAt,
        SyncStatus status,
        int rows,
        int requests,
        long durationMillis,
        String error,
        Long snapshotId) {
}
