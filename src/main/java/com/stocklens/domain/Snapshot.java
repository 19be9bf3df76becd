package com.stocklens.domain;

import java.time.Instant;

/** One complete, committed reading of one source. */
public record Snapshot(long id, String sourceId, Instant takenAt, int rowCount) {
}
