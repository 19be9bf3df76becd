package com.stocklens.domain;

import java.time.Instant;
import java.util.Objects;

/** A source's latest complete snapshot time (null = never) and its latest error, for the staleness rule. */
public record SourceStatus(SourceInfo source, Instant lastSnapshotAt, String lastError) {
    public SourceStatus {
        Objects.requireNonNull(source, "source");
    }
}
