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
        this.now = Objects.requireNonNull(start, "start");
        this.zone = ZoneOffset.UTC;
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
        // A view, not a copy: it must keep following advance() on this clock.
        SandboxClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return newZone;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return source.withZone(zone);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
