package com.stocklens.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Coverage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The complete days of the 30-day KPI window a warehouse's measured figures rest on. */
class ScorecardHistoryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void daysFromTheFirstSnapshotToYesterdayCappedAtTheWindow() {
        // First snapshot today (the demo's first sync): today is not over → 0 of 30, thin.
        assertThat(ScorecardService.history(TODAY, TODAY)).isEqualTo(Coverage.ofDays(0, 30));
        assertThat(ScorecardService.history(TODAY, TODAY).thin(50)).isTrue();
        // From 15 days ago: 11-21 … 12-05 = 15 days = 50 %: enough. From 14 days ago: 14 = 46.7 %: thin.
        assertThat(ScorecardService.history(TODAY.minusDays(15), TODAY)).isEqualTo(Coverage.ofDays(15, 30));
        assertThat(ScorecardService.history(TODAY.minusDays(15), TODAY).thin(50)).isFalse();
        assertThat(ScorecardService.history(TODAY.minusDays(14), TODAY).thin(50)).isTrue();
        // A year of history: the whole window; none at all: 0.
        assertThat(ScorecardService.history(TODAY.minusDays(365), TODAY)).isEqualTo(Coverage.ofDays(30, 30));
        assertThat(ScorecardService.history(null, TODAY)).isEqualTo(Coverage.ofDays(0, 30));
    }
}
