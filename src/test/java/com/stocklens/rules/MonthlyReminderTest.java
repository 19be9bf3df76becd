package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MonthlyReminderTest {
    @Test
    void dueOnTheFirstByDefault() {
        assertThat(MonthlyReminder.isDue(LocalDate.of(2026, 12, 1), MonthlyReminder.DEFAULT_DAY)).isTrue();
        assertThat(MonthlyReminder.isDue(LocalDate.of(2026, 12, 2), MonthlyReminder.DEFAULT_DAY)).isFalse();
        assertThat(MonthlyReminder.isDue(LocalDate.of(2026, 11, 30), MonthlyReminder.DEFAULT_DAY)).isFalse();
    }

    @Test
    void aDayTheMonthLacksFallsOnItsLastDay() {
        assertThat(MonthlyReminder.isDue(LocalDate.of(2026, 2, 28), 31)).isTrue();
        assertThat(MonthlyReminder.isDue(LocalDate.of(2028, 2, 29), 30)).isTrue();
        assertThat(MonthlyReminder.isDue(LocalDate.of(2028, 2, 28), 30)).isFalse();
        assertThatThrownBy(() -> MonthlyReminder.isDue(LocalDate.of(2026, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissedDayStillRemindsOnceUntilTheCheckRuns() {
        LocalDate third = LocalDate.of(2026, 12, 3);
        assertThat(MonthlyReminder.isDue(third, 1, null)).isTrue();
        assertThat(MonthlyReminder.isDue(third, 1, LocalDate.of(2026, 11, 1))).isTrue();
        assertThat(MonthlyReminder.isDue(third, 1, LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(MonthlyReminder.isDue(third, 5, LocalDate.of(2026, 11, 5))).as("not yet this month").isFalse();
    }
}
