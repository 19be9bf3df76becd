package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UrgencyTest {
    private static final Instant START = Instant.parse("2026-11-27T06:00:00Z");
    private static final Instant DEADLINE = START.plus(Duration.ofMinutes(100));

    private static Urgency leftMinutes(double minutes) {
        return Urgency.of(START, DEADLINE, DEADLINE.minusMillis((long) (minutes * 60_000)));
    }

    @Test
    void boundaries() {
        assertThat(leftMinutes(100)).isEqualTo(Urgency.CALM);
        assertThat(Urgency.of(START, DEADLINE, DEADLINE.minus(Duration.ofMinutes(50)).minusNanos(1)))
                .isEqualTo(Urgency.CALM);
        assertThat(leftMinutes(50)).isEqualTo(Urgency.NOTICE);
        assertThat(Urgency.of(START, DEADLINE, DEADLINE.minus(Duration.ofMinutes(25)).minusNanos(1)))
                .isEqualTo(Urgency.NOTICE);
        assertThat(leftMinutes(25)).isEqualTo(Urgency.WARNING);
        assertThat(Urgency.of(START, DEADLINE, DEADLINE.minus(Duration.ofMinutes(10)).minusNanos(1)))
                .isEqualTo(Urgency.WARNING);
        assertThat(leftMinutes(10)).isEqualTo(Urgency.CRITICAL);
        assertThat(Urgency.of(START, DEADLINE, DEADLINE.minusNanos(1))).isEqualTo(Urgency.CRITICAL);
        assertThat(leftMinutes(0)).isEqualTo(Urgency.OVERDUE);
        assertThat(leftMinutes(-5)).isEqualTo(Urgency.OVERDUE);
    }
}
