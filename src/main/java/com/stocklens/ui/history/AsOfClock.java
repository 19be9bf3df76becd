package com.stocklens.ui.history;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A clock that stands still at the chosen past moment: ages and staleness on a past board are measured
 * from that moment ("42 s old then"), not from today. Answers the real clock when the window shows now.
 */
public final class AsOfClock extends Clock {
    private final Clock base;
    private final Supplier<Instant> asOf;

    public AsOfClock(Clock base, Supplier<Instant> asOf) {
        this.base = Objects.requireNonNull(base, "base");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AsOfClock(base.withZone(zone), asOf);
    }

    @Override
    public Instant instant() {
        Instant at = asOf.get();
        return at == null ? base.instant() : at;
    }
}
