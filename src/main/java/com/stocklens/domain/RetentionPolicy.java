package com.stocklens.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long snapshot history stays (docs/ARCHITECTURE.md "Data"): every snapshot for {@code keepAll}, then one per
 * source per UTC hour until {@code hourlyFor}, then one per source per UTC day until {@code dailyFor}
 * ({@link Duration#ZERO} = forever). The latest complete snapshot of every source is always kept.
 */
public record RetentionPolicy(Duration keepAll, Duration hourlyFor, Duration dailyFor) {
    public static final RetentionPolicy DEFAULTS = new RetentionPolicy(Duration.ofHours(48), Duration.ofDays(90),
            Duration.ZERO);

    public RetentionPolicy {
        Objects.requireNonNull(keepAll, "keepAll");
        Objects.requireNonNull(hourlyFor, "hourlyFor");
        Objects.requireNonNull(dailyFor, "dailyFor");
        if (keepAll.isNegative() || hourlyFor.isNegative() || dailyFor.isNegative()) {
            throw new IllegalArgumentException("retention durations must not be negative");
        }
    }

    /** True when daily snapshots are kept forever. */
    public boolean dailyForever() {
        return dailyFor.isZero();
    }
}
