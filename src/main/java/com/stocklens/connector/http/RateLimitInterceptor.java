package com.stocklens.connector.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps a client under its {@link RateLimit} with a sliding-window log: a request waits until
 * fewer than {@code permits} requests were started in the last {@code window}. It sits inside the
 * retry loop, so every retry spends a permit like the server counts it.
 */
public final class RateLimitInterceptor implements Interceptor {
    private final RateLimit limit;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final Deque<Long> starts = new ArrayDeque<>();

    /** @param nanoTime monotonic time source, {@code System::nanoTime} outside tests */
    public RateLimitInterceptor(RateLimit limit, Sleeper sleeper, LongSupplier nanoTime) {
        this.limit = limit;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the rate limit");
        }
        return chain.proceed(chain.request());
    }

    /** Blocks until a permit is free and takes it. */
    public void acquire() throws InterruptedException {
        long windowNanos = limit.window().toNanos();
        while (true) {
            long wait;
            synchronized (starts) {
                long now = nanoTime.getAsLong();
                while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                    starts.pollFirst();
                }
                if (starts.size() < limit.permits()) {
                    starts.addLast(now);
                    return;
                }
                wait = starts.peekFirst() + windowNanos - now;
            }
            // Sleep outside the lock so other threads can still see the state; they queue up the same way.
            sleeper.sleep(Duration.ofNanos(Math.max(wait, 1_000_000L)));
        }
    }
}
