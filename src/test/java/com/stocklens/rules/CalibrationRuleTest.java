package com.stocklens.rules;

import static com.stocklens.rules.Pairs.level;
import static com.stocklens.rules.Pairs.pair;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CalibrationBasis;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Thresholds;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CalibrationRuleTest {
    private static final Thresholds T = Thresholds.DEFAULTS;

    @Test
    void unitBoundaryGapFiveDoesNotBreachSixDoes() {
        // On hand 1000: 3 % = 30 units, so only the unit threshold can trip.
        assertThat(CalibrationRule.check(pair(level(1000, 500), 505), T).breach()).isFalse();
        assertThat(CalibrationRule.check(pair(level(1000, 500), 506), T).breach()).isTrue();
        assertThat(CalibrationRule.check(pair(level(1000, 500), 494), T).breach()).isTrue();
        assertThat(CalibrationRule.check(pair(level(1000, 500), 495), T).gap()).isEqualTo(5);
    }

    @Test
    void percentBoundaryExactlyThreePercentDoesNotBreachJustOverDoes() {
        // On hand 100: 3 % = 3 units; gaps 3 and 4 stay under the 5-unit threshold.
        assertThat(CalibrationRule.check(pair(level(100, 50), 53), T).breach()).isFalse();
        assertThat(CalibrationRule.check(pair(level(100, 50), 54), T).breach()).isTrue();
        // With the unit threshold out of the way: 3 % of 1000 = 30.
        Thresholds percentOnly = new Thresholds(CalibrationBasis.AVAILABLE, 1000, 3.0, Duration.ofHours(2),
                Duration.ofMinutes(15), 90, 5, 1.645, 30, 5, 28, 30);
        assertThat(CalibrationRule.check(pair(level(1000, 500), 530), percentOnly).breach()).isFalse();
        assertThat(CalibrationRule.check(pair(level(1000, 500), 531), percentOnly).breach()).isTrue();
        // A non-integral percent: 2.5 % of 200 = 5 exactly.
        Thresholds twoAndHalf = new Thresholds(CalibrationBasis.AVAILABLE, 1000, 2.5, Duration.ofHours(2),
                Duration.ofMinutes(15), 90, 5, 1.645, 30, 5, 28, 30);
        assertThat(CalibrationRule.check(pair(level(200, 100), 105), twoAndHalf).breach()).isFalse();
        assertThat(CalibrationRule.check(pair(level(200, 100), 106), twoAndHalf).breach()).isTrue();
    }

    @Test
    void unknownOnEitherSideNeverBreaches() {
        assertThat(CalibrationRule.check(pair(level(100, null), 0), T).breach()).isFalse();
        assertThat(CalibrationRule.check(pair(level(100, 90), null), T).breach()).isFalse();
        assertThat(CalibrationRule.check(pair(level(100, 90), null), T).comparable()).isFalse();
        assertThat(CalibrationRule.check(pair(StockLevel.UNKNOWN, 0), T).breach()).isFalse();
    }

    @Test
    void totalStockFallsBackToTheLargerFigureWhenOnHandIsUnknown() {
        CalibrationCheck c = CalibrationRule.check(pair(level(null, 100), 104), T);
        assertThat(c.totalStock()).isEqualTo(104);
        assertThat(c.breach()).isTrue(); // 4 > 3.12
        assertThat(CalibrationRule.check(pair(level(null, 200), 204), T).breach()).isFalse(); // 4 < 6.12
    }

    @Test
    void zeroGapNeverBreachesEvenWithNoStock() {
        assertThat(CalibrationRule.check(pair(level(0, 0), 0), T).breach()).isFalse();
        assertThat(CalibrationRule.check(pair(level(0, 0), 1), T).breach()).isTrue();
    }

    @Test
    void totalBasisComparesOnHandWithTikTokAvailablePlusCommitted() {
        Thresholds total = new Thresholds(CalibrationBasis.TOTAL, 5, 3.0, Duration.ofHours(2),
                Duration.ofMinutes(15), 90, 5, 1.645, 30, 5, 28, 30);
        CalibrationCheck ok = CalibrationRule.check(pair("A", level(1000, 900), 990, 15), total);
        assertThat(ok.warehouseQuantity()).isEqualTo(1000);
        assertThat(ok.tiktokQuantity()).isEqualTo(1005);
        assertThat(ok.breach()).isFalse();
        assertThat(CalibrationRule.check(pair("A", level(1000, 900), 990, 16), total).breach()).isTrue();
        assertThat(CalibrationRule.check(pair("A", level(1000, 900), 990, null), total).breach()).isFalse();
        assertThat(CalibrationRule.check(pair("A", level(null, 900), 990, 10), total).breach()).isFalse();
    }
}
