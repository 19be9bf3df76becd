package com.stocklens.connector.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads the server's "wait this long" hint. ShipBob sends {@code x-retry-after} (seconds); the
 * standard {@code Retry-After} may be seconds or an HTTP date. ShipBob's own header wins because
 * it is the one its docs promise.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The hint in the headers, if any parses; never negative. */
    public static Optional<Duration> parse(Headers headers, Clock clock) {
        Optional<Duration> shipBob = parseValue(headers.get("x-retry-after"), clock);
        return shipBob.isPresent() ? shipBob : parseValue(headers.get("Retry-After"), clock);
    }

    static Optional<Duration> parseValue(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.max(0L, Math.round(seconds * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
