package com.stocklens.connector.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A client-side budget: at most {@code permits} requests in any sliding {@code window}.
 *
 * @param permits requests allowed per window, at least 1
 * @param window  the window length, e.g. one minute
 */
public record RateLimit(int permits, Duration window) {
    public RateLimit {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1: " + permits);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
    }

    public static RateLimit perMinute(int permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }

    public static RateLimit perSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }
}
