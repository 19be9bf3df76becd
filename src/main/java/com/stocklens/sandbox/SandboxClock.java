package com.stocklens.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that only moves when told to. Tests and "fast-forward" demos drive the
 * {@link SimulatedWorld} with it so that the number of simulated steps is exact and repeatable.
 * Thread-safe: the sandbox server reads it from its own threads.
 */
public final class SandboxClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    public SandboxClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private SandboxClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = zone;
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public synchronized void advance(Duration amount) {
        now = now.plus(amount);
    }

    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        // A copy would stop following advance(); demo code only needs UTC instants anyway.
        throw new UnsupportedOperationException("SandboxClock is UTC only");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
