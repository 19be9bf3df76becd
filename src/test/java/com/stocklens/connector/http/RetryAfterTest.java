package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as seconds (Flexport) or as an RFC-1123 HTTP date (ShipMonk). */
class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2025-03-18T10:16:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAndHttpDatesBothGiveTheWait() {
        assertThat(RetryAfter.parse(Headers.of("Retry-After", "7"), clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(Headers.of("Retry-After", "Tue, 18 Mar 2025 10:16:30 GMT"), clock))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Headers.of("retry-after", " 1.5 "), clock)).contains(Duration.ofMillis(1500));
    }

    @Test
    void aDateInThePastMeansNowAndGarbageMeansNoHint() {
        assertThat(RetryAfter.parse(Headers.of("Retry-After", "Tue, 18 Mar 2025 10:15:00 GMT"), clock))
                .contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Headers.of("Retry-After", "tomorrow"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Headers.of(), clock)).isEmpty();
    }
}
