package com.stocklens.sandbox;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-key sliding-window rate limit on the monotonic clock (real time, not the world's clock: a
 * test's frozen world clock must not freeze the window).
 */
final class SlidingWindowLimiter {
    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, ArrayDeque<Long>> calls = new HashMap<>();

    SlidingWindowLimiter(int limit, long windowNanos, LongSupplier nanoTime) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
    }

    /** Records a call if allowed: returns 0, else the nanoseconds until one would be allowed. */
    synchronized long tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        ArrayDeque<Long> q = calls.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!q.isEmpty() && now - q.peekFirst() >= windowNanos) {
            q.pollFirst();
        }
        if (q.size() >= limit) {
            return Math.max(1, q.peekFirst() + windowNanos - now);
        }
        q.addLast(now);
        return 0;
    }

    /** Calls left in the current window. */
    synchronized int remaining(String key) {
        ArrayDeque<Long> q = calls.get(key);
        return q == null ? limit : Math.max(0, limit - q.size());
    }
}
