package com.stocklens.connector.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts HTTP attempts, retries included, so a source can report what a read cost.
 * A source reads {@link #count()} before and after a fetch and reports the difference.
 */
public final class RequestCounter {
    private final AtomicInteger count = new AtomicInteger();

    void increment() {
        count.incrementAndGet();
    }

    /** Attempts made through the client this counter belongs to since it was created. */
    public int count() {
        return count.get();
    }
}
