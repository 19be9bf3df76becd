package com.stocklens.connector.http;

import java.util.Objects;
import okhttp3.Headers;

/**
 * A failed HTTP answer as a connector tells it: the status and headers decide the kind of failure
 * ({@link HttpFailures#map}); the message and the provider's own words are what a person reads.
 *
 * @param message what was asked and how it failed, e.g. {@code ShipBob GET /2025-07/inventory answered HTTP 503}
 * @param detail  the provider's own words about it ({@link ProblemText}), "" when it said nothing readable
 */
public record HttpFailure(int status, Headers headers, String message, String detail) {
    public HttpFailure {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(message, "message");
        detail = detail == null ? "" : detail;
    }

    /** {@code <what> answered HTTP <status>[: <detail>]}. */
    public static HttpFailure of(String what, HttpAnswer answer, String detail) {
        String d = detail == null ? "" : detail;
        return new HttpFailure(answer.status(), answer.headers(),
                what + " answered HTTP " + answer.status() + (d.isEmpty() ? "" : ": " + d), d);
    }

    /** The same failure told in other words. */
    public HttpFailure withMessage(String value) {
        return new HttpFailure(status, headers, value, detail);
    }
}
