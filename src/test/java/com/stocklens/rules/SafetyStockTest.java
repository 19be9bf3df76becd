package com.stocklens.rules;

import static com.stocklens.rules.Pairs.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.stocklens.domain.Alert;
import com.stocklens.domain.CalibrationBasis;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures worked by hand. Selling days 10, 12, 8, 10 (two stock-out days skipped): d̄ = 10,
 * σd² = (0 + 4 + 4 + 0) / 3 = 8/3. With z = 1.645, L = 30, σL = 5:
 * SS = 1.645 · √(30 · 8/3 + 100 · 25) = 1.645 · √2580 = 83.5556; ROP = 300 + 83.5556 = 383.5556;
 * order for 30 days' cover from 300 units = 600 + 83.5556 − 300 = 383.56 → 384.
 */
class SafetyStockTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 1);
    private static final List<DemandDay> WINDOW = List.of(
            new DemandDay(D, 10, false), new DemandDay(D.plusDays(1), 12, false),
            new DemandDay(D.plusDays(2), 0, true), new DemandDay(D.plusDays(3), 8, false),
            new DemandDay(D.plusDays(4), 0, true), new DemandDay(D.plusDays(5), 10, false));

    @Test
    void theFormulaByHand() {
        SafetyStockResult r = SafetyStock.compute(WINDOW, 1.0, Thresholds.DEFAULTS, 200, 100).orElseThrow();
        assertThat(r.from()).isEqualTo(D);
        assertThat(r.to()).isEqualTo(D.plusDays(5));
        assertThat(r.days()).isEqualTo(6);
        assertThat(r.excludedDays()).isEqualTo(2);
        assertThat(r.meanDemand()).isEqualTo(10.0);
        assertThat(r.stdDevDemand()).isCloseTo(Math.sqrt(8.0 / 3), within(1e-9));
        assertThat(r.safetyStock()).isCloseTo(83.5556, within(1e-4));
        assertThat(r.reorderPoint()).isCloseTo(383.5556, within(1e-4));
        assertThat(r.reorderPointUnits()).isEqualTo(384);
        assertThat(r.position()).isEqualTo(300);
        assertThat(r.suggestedQuantity()).isEqualTo(384);
        assertThat(r.working().english()).contains("2 stock-out days skipped").contains("d̄=10.00").contains("ROP=d̄·L+SS=383.6");
    }

    @Test
    void fixedLeadTimeReducesToZSigmaRootL() {
        Thresholds fixed = new Thresholds(CalibrationBasis.AVAILABLE, 5, 3.0, Duration.ofHours(2),
                Duration.ofMinutes(15), 90, 5, 1.645, 30, 0.0, 28, 30);
        SafetyStockResult r = SafetyStock.compute(WINDOW, 1.0, fixed, 0, 0).orElseThrow();
        assertThat(r.safetyStock()).isCloseTo(1.645 * Math.sqrt(8.0 / 3) * Math.sqrt(30), within(1e-9));
    }

    @Test
    void aShareScalesDemandAndItsDeviation() {
        SafetyStockResult r = SafetyStock.compute(WINDOW, 0.5, Thresholds.DEFAULTS, 0, 0).orElseThrow();
        assertThat(r.meanDemand()).isEqualTo(5.0);
        // SS = 1.645 · √(30 · 2/3 + 25 · 25) = 1.645 · √645
        assertThat(r.safetyStock()).isCloseTo(1.645 * Math.sqrt(645), within(1e-9));
    }

    @Test
    void quantityIsNeverNegativeAndNoHistoryMeansNoResult() {
        assertThat(SafetyStock.compute(WINDOW, 1.0, Thresholds.DEFAULTS, 5000, 0).orElseThrow().suggestedQuantity())
                .isZero();
        assertThat(SafetyStock.compute(List.of(), 1.0, Thresholds.DEFAULTS, 10, 0)).isEmpty();
        assertThat(SafetyStock.compute(List.of(new DemandDay(D, 0, true)), 1.0, Thresholds.DEFAULTS, 10, 0)).isEmpty();
        assertThat(SafetyStock.compute(WINDOW, 1.0, Thresholds.DEFAULTS, null, 0)).isEmpty();
    }

    @Test
    void belowSafetyStockComparesAvailablePlusInTransitWithTheReorderPoint() {
        assertThat(alert(300, 84)).isNull();   // 384 ≥ 383.56
        Alert a = alert(300, 83);              // 383 < 383.56
        assertThat(a).isNotNull();
        assertThat(a.actual()).isEqualTo(383);
        assertThat(a.limit()).isEqualTo(384);
        assertThat(a.detail().english()).contains("SS=");
        assertThat(BelowSafetyStockRule.evaluate(pair(0, 0), null, 1.0, Thresholds.DEFAULTS, NOW)).isEmpty();
    }

    private static Alert alert(int available, int inTransit) {
        return BelowSafetyStockRule.evaluate(pair(available, inTransit), WINDOW, 1.0, Thresholds.DEFAULTS, NOW)
                .orElse(null);
    }

    private static StockPair pair(int available, int inTransit) {
        return new StockPair("S", "shipbob:1", "shipbob:main",
                new StockLevel(available, available, 0, inTransit, 0, null, 0), available, 0, NOW, NOW);
    }
}
