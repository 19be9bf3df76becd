package com.stocklens.connector;

import java.time.Duration;

/** The API throttled us and retries were used up; {@link #retryAfter()} is the server's hint, if any. */
public class RateLimitedException extends SourceException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
