package com.stocklens.connector.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the retry interceptor behaves.
 *
 * @param maxAttempts   attempts in total, the first one included (1 = never retry)
 * @param baseDelay     backoff before the first retry, doubled per retry
 * @param maxDelay      cap of one computed backoff
 * @param maxRetryAfter longest server-requested wait ({@code Retry-After}) we sit through; a longer
 *                      hint ends the retries at once so the caller can report it instead of blocking
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    /** 4 attempts, 500 ms doubling to at most 8 s, waits of up to 60 s when the server asks. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter);
    }
}
