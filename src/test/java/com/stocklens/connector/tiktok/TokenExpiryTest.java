package com.stocklens.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Both readings of {@code *_expire_in}, at the boundaries between them. */
class TokenExpiryTest {
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void documentedAbsoluteUnixSeconds() {
        // token-get.json: access_token_expire_in 1736294400 = 2025-01-08T00:00:00Z
        assertThat(TokenExpiry.read(1_736_294_400L, NOW)).isEqualTo(Instant.parse("2025-01-08T00:00:00Z"));
    }

    @Test
    void smallValuesAreDurationsFromNow() {
        assertThat(TokenExpiry.read(604_800L, NOW)).isEqualTo(NOW.plusSeconds(604_800));
        assertThat(TokenExpiry.read(0L, NOW)).isEqualTo(NOW);
        assertThat(TokenExpiry.read(1L, NOW)).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void boundaryBetweenDurationAndAbsolute() {
        assertThat(TokenExpiry.read(TokenExpiry.ABSOLUTE_FROM - 1, NOW))
                .as("one below the threshold is still a duration").isEqualTo(NOW.plusSeconds(999_999_999L));
        assertThat(TokenExpiry.read(TokenExpiry.ABSOLUTE_FROM, NOW))
                .as("the threshold itself is absolute").isEqualTo(Instant.ofEpochSecond(1_000_000_000L));
    }

    @Test
    void anAbsoluteTimeInThePastMeansAlreadyExpired() {
        Instant past = NOW.minusSeconds(60);
        assertThat(TokenExpiry.read(past.getEpochSecond(), NOW)).isEqualTo(past).isBefore(NOW);
    }

    @Test
    void absoluteNowPlusOneIsAbsolute() {
        long nowPlusOne = NOW.getEpochSecond() + 1;
        assertThat(TokenExpiry.read(nowPlusOne, NOW)).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void thirteenDigitValuesAreMilliseconds() {
        assertThat(TokenExpiry.read(TokenExpiry.MILLIS_FROM - 1, NOW))
                .isEqualTo(Instant.ofEpochSecond(999_999_999_999L));
        assertThat(TokenExpiry.read(1_736_294_400_000L, NOW)).isEqualTo(Instant.parse("2025-01-08T00:00:00Z"));
    }

    @Test
    void negativeIsRefused() {
        assertThatThrownBy(() -> TokenExpiry.read(-1, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
