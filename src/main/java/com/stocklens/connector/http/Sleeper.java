package com.stocklens.connector.http;

import java.time.Duration;

/**
 * Waits for a while. Backoff and rate limiting go through it so tests can record the waits
 * instead of spending real seconds.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
