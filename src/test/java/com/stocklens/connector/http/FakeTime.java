package com.stocklens.connector.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/** A sleeper that records waits and moves a fake monotonic clock instead of sleeping. */
public final class FakeTime implements Sleeper, LongSupplier {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile long nanos = 1_000_000_000L;

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos += duration.toNanos();
    }

    @Override
    public long getAsLong() {
        return nanos;
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** A factory that never really sleeps; jitter fixed at 0.5. */
    public HttpClientFactory factory() {
        return new HttpClientFactory(this, this, () -> 0.5,
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
    }
}
