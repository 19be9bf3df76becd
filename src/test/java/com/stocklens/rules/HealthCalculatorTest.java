package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthIndicator;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each health indicator against a small hand-computed dataset, at its band boundaries. */
class HealthCalculatorTest {
    private final HealthCalculator calc = new HealthCalculator(HealthBands.DEFAULTS, 30, 30);

    private static HealthLine line(String sku, String wh, List<Integer> onHand, int sold) {
        return new HealthLine(sku, sku + " name", wh, onHand, sold, List.of(), 0, null, null, null, 0, 0, null,
                ListingStatus.ACTIVE);
    }

    private static List<Integer> days(int n, int units) {
        return Collections.nCopies(n, units);
    }

    @Test
    void turnoverOfExactly45DaysIsHealthy() {
        // 10 days at 450 on hand, 100 sold → 10/day → 450 / 10 = 45.
        HealthFigure f = calc.turnover(List.of(line("A", "w1", days(10, 450), 100)));
        assertThat(f.value()).isEqualTo(45.0);
        assertThat(f.verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(f.working()).contains("450.00").contains("10.00").contains("45.00");
    }

    @Test
    void turnoverJustAbove45IsUnhealthy() {
        HealthFigure f = calc.turnover(List.of(line("A", "w1", days(10, 451), 100)));
        assertThat(f.value()).isEqualTo(45.1, within(1e-9));
        assertThat(f.verdict()).isEqualTo(Verdict.UNHEALTHY);
    }

    @Test
    void turnoverAveragesTheDailySeries() {
        // on hand 100, 200, 300 → average 200; 6 sold over 3 days → 2/day → 100 days.
        HealthFigure f = calc.turnover(List.of(line("A", "w1", List.of(100, 200, 300), 6)));
        assertThat(f.value()).isEqualTo(100.0);
    }

    @Test
    void turnoverWithoutSalesIsUndefinedNotZero() {
        HealthFigure f = calc.turnover(List.of(line("A", "w1", days(5, 10), 0)));
        assertThat(f.value()).isNull();
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.working()).contains("undefined");
    }

    @Test
    void turnoverWithoutHistoryIsUnknown() {
        HealthFigure f = calc.turnover(List.of(line("A", "w1", List.of(), 5)));
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.value()).isNull();
    }

    @Test
    void aggregateTurnoverSumsUnitsNotRatios() {
        // w1: 10 on hand, 1/day (10 days); w2: 1000 on hand, 10/day (100 days).
        // Units summed: 1010 / 11 = 91.82; mean of ratios would be 55.
        List<HealthLine> ls = List.of(line("A", "w1", days(4, 10), 4), line("B", "w2", days(4, 1000), 40));
        HealthFigure f = calc.turnover(ls);
        assertThat(f.value()).isEqualTo(1010.0 / 11, within(1e-9));
        assertThat(f.working()).contains("not an average of ratios");
    }

    @Test
    void movingRateOfExactly85PercentIsNotGood() {
        // 20 SKUs in stock, 17 sold → 85 % exactly: good needs > 85.
        List<HealthLine> ls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ls.add(line("S" + i, "w1", days(3, 5), i < 17 ? 1 : 0));
        }
        ls.add(line("OUT", "w1", days(3, 0), 0)); // never in stock: not in the population
        HealthFigure f = calc.movingSkuRate(ls);
        assertThat(f.value()).isEqualTo(85.0);
        assertThat(f.verdict()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(f.working()).startsWith("17 of 20 SKUs");
    }

    @Test
    void movingRateAbove85IsGoodAndCountsASkuOnceAcrossWarehouses() {
        // 7 SKUs in stock, 6 sold = 85.7 %; SKU S0 also in w2 without sales: still one moving SKU.
        List<HealthLine> ls = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ls.add(line("S" + i, "w1", days(2, 1), i < 6 ? 2 : 0));
        }
        ls.add(line("S0", "w2", days(2, 9), 0));
        HealthFigure f = calc.movingSkuRate(ls);
        assertThat(f.value()).isEqualTo(600.0 / 7, within(1e-9));
        assertThat(f.verdict()).isEqualTo(Verdict.HEALTHY);
    }

    private static HealthLine aged(String sku, int over180, int all) {
        return new HealthLine(sku, null, "w1", days(1, all), 0, List.of(), 0, null, null, null, over180, all, 200,
                ListingStatus.ACTIVE);
    }

    @Test
    void over180ShareOfExactly5PercentIsNotHealthy() {
        HealthFigure f = calc.over180Share(List.of(aged("A", 3, 60), aged("B", 2, 40)));
        assertThat(f.value()).isEqualTo(5.0);
        assertThat(f.verdict()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(f.working()).startsWith("5 of 100 units");
    }

    @Test
    void over180ShareBelow5PercentIsHealthy() {
        HealthFigure f = calc.over180Share(List.of(aged("A", 4, 100)));
        assertThat(f.value()).isEqualTo(4.0);
        assertThat(f.verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void over180ShareWithNoUnitsIsUnknown() {
        assertThat(calc.over180Share(List.of(aged("A", 0, 0))).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void sellThroughIsSoldOverAverageAvailableAndInformational() {
        // available 40, 60 → average 50; 75 sold in 90 days → 1.5.
        HealthLine l = new HealthLine("A", null, "w1", days(2, 50), 0, List.of(40, 60), 75, null, null, null, 0, 0,
                null, ListingStatus.ACTIVE);
        HealthFigure f = calc.sellThrough(List.of(l));
        assertThat(f.value()).isEqualTo(1.5);
        assertThat(f.verdict()).isEqualTo(Verdict.INFO);
        assertThat(f.band()).isNull();
        assertThat(f.working()).contains("Amazon");
    }

    @Test
    void excessIsSupplyBeyondLeadTimeAndTargetCover() {
        // available 500 + in transit 100 − 2/day × (30 + 30) = 600 − 120 = 480.
        HealthLine l = new HealthLine("A", null, "w1", days(1, 500), 0, List.of(), 0, 2.0, 500, 100, 0, 0, null,
                ListingStatus.ACTIVE);
        // 100 available, 2/day → 120 needed → 0 excess (never negative); unknown demand left out.
        HealthLine short_ = new HealthLine("B", null, "w1", days(1, 100), 0, List.of(), 0, 2.0, 100, null, 0, 0,
                null, ListingStatus.ACTIVE);
        HealthLine noDemand = new HealthLine("C", null, "w1", days(1, 5), 0, List.of(), 0, null, 5, 0, 0, 0, null,
                ListingStatus.ACTIVE);
        HealthFigure f = calc.excess(List.of(l, short_, noDemand));
        assertThat(f.value()).isEqualTo(480.0);
        assertThat(f.verdict()).isEqualTo(Verdict.INFO);
        assertThat(f.working()).contains("1 lines without demand history");
    }

    @Test
    void strandedCountsSellableUnitsOfInactiveUnmappedOrBlockedSkus() {
        List<HealthLine> ls = new ArrayList<>();
        int units = 1;
        for (ListingStatus s : ListingStatus.values()) {
            ls.add(new HealthLine("S" + s, null, "w1", days(1, units), 0, List.of(), 0, null, units, 0, 0, 0, null, s));
            units *= 10;
        }
        // ACTIVE 1, INACTIVE 10, UNMAPPED 100, BLOCKED 1000, UNKNOWN 10000 (left out).
        HealthFigure f = calc.stranded(ls);
        assertThat(f.value()).isEqualTo(1110.0);
        assertThat(f.verdict()).isEqualTo(Verdict.INFO);
    }

    @Test
    void reportGroupsOverallPerWarehouseAndPerSku() {
        HealthLine a1 = new HealthLine("A", "Mug", "w1", days(10, 450), 100, List.of(), 0, 10.0, 450, 0, 10, 450,
                200, ListingStatus.ACTIVE);
        HealthLine a2 = new HealthLine("A", "Mug", "w2", days(10, 50), 0, List.of(), 0, 0.0, 50, 0, 0, 50, 20,
                ListingStatus.UNMAPPED);
        HealthReport r = calc.report(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), List.of(a1, a2));
        assertThat(r.overall()).extracting(HealthFigure::indicator).containsExactly(HealthIndicator.values());
        assertThat(r.overall().get(0).value()).isEqualTo(50.0); // (450 + 50) / 10
        assertThat(r.perWarehouse()).containsOnlyKeys("w1", "w2");
        assertThat(r.perWarehouse().get("w1").get(0).value()).isEqualTo(45.0);
        assertThat(r.perWarehouse().get("w2").get(0).verdict()).isEqualTo(Verdict.UNKNOWN);
        HealthReport.SkuHealth sku = r.perSku().get(0);
        assertThat(sku.sellerSku()).isEqualTo("A");
        assertThat(sku.unitsSold()).isEqualTo(100);
        assertThat(sku.averageOnHand()).isEqualTo(500.0);
        assertThat(sku.turnoverDays()).isEqualTo(50.0);
        assertThat(sku.over180Units()).isEqualTo(10);
        assertThat(sku.excessUnits()).isEqualTo(50); // w1: 450 − 600 → 0; w2: 50 − 0 → 50
        assertThat(sku.strandedUnits()).isEqualTo(50);
        assertThat(sku.oldestDays()).isEqualTo(200);
    }
}
