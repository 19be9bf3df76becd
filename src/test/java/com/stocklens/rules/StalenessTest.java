package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StalenessTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void exactlyAtTheWindowIsStillFresh() {
        assertThat(Staleness.isStale(NOW.minus(WINDOW), NOW, WINDOW)).isFalse();
    }

    @Test
    void oneSecondPastTheWindowIsStale() {
        assertThat(Staleness.isStale(NOW.minus(WINDOW).minusSeconds(1), NOW, WINDOW)).isTrue();
    }

    @Test
    void neverSyncedIsStale() {
        assertThat(Staleness.isStale(null, NOW, WINDOW)).isTrue();
    }

    @Test
    void readingAheadOfTheClockHasZeroAge() {
        assertThat(Staleness.age(NOW.plusSeconds(30), NOW)).isZero();
        assertThat(Staleness.isStale(NOW.plusSeconds(30), NOW, WINDOW)).isFalse();
    }
}
