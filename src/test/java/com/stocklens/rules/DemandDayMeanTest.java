package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.DemandMean;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemandDayMeanTest {
    private static DemandDay day(int d, double units, boolean stockOut) {
        return new DemandDay(LocalDate.of(2026, 3, d), units, stockOut);
    }

    @Test
    void averagesTheDaysThatWereNotStockOutDaysAndCountsThem() {
        // 4 and 6 on in-stock days, 9 on a stock-out day (left out): 10 / 2.
        assertThat(DemandDay.mean(List.of(day(1, 4, false), day(2, 6, false), day(3, 9, true))))
                .isEqualTo(new DemandMean(5.0, 2));
        assertThat(DemandDay.mean(List.of(day(1, 0, false)))).isEqualTo(new DemandMean(0.0, 1));
        assertThat(DemandDay.perDayOf(List.of(day(1, 1.5, false), day(2, 0, false)))).isEqualTo(0.75);
    }

    @Test
    void withNoDayThatCountsTheMeanIsUnknownNotZero() {
        assertThat(DemandDay.mean(List.of(day(1, 0, true), day(2, 3, true)))).isNull();
        assertThat(DemandDay.mean(List.of())).isNull();
        assertThat(DemandDay.perDayOf(List.of())).isNull();
    }

    @Test
    void aMeanRestsOnAtLeastOneDay() {
        assertThatThrownBy(() -> new DemandMean(1.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DemandMean(-1.0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
