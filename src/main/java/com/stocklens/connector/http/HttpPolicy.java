package com.stocklens.connector.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-source HTTP behaviour handed to {@link HttpClientFactory#create}.
 *
 * @param name           short label used in log lines, e.g. {@code shipbob}
 * @param connectTimeout TCP/TLS connect timeout of one attempt
 * @param readTimeout    socket read timeout of one attempt
 * @param callTimeout    bound on a whole call including retries and their waits (0 = none)
 * @param retry          retry behaviour
 * @param rateLimit      client-side budget, or null for none
 */
public record HttpPolicy(
        String name,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        RetryPolicy retry,
        RateLimit rateLimit) {

    public HttpPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * Connect 10 s, read 30 s, and a call timeout of 3 min, long enough for the retries and a
     * server-requested wait of up to {@link RetryPolicy#maxRetryAfter()}.
     */
    public static HttpPolicy defaults(String name) {
        return new HttpPolicy(name, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(3),
                RetryPolicy.DEFAULT, null);
    }

    public HttpPolicy withRetry(RetryPolicy value) {
        return new HttpPolicy(name, connectTimeout, readTimeout, callTimeout, value, rateLimit);
    }

    public HttpPolicy withRateLimit(RateLimit value) {
        return new HttpPolicy(name, connectTimeout, readTimeout, callTimeout, retry, value);
    }

    public HttpPolicy withTimeouts(Duration connect, Duration read, Duration call) {
        return new HttpPolicy(name, connect, read, call, retry, rateLimit);
    }
}
