package com.stocklens.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.stocklens.domain.Coverage;
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
        assertThat(f.working().english()).contains("450.00").contains("10.00").contains("45.00");
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
        assertThat(f.working().english()).contains("undefined");
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
        assertThat(f.working().english()).contains("not an average of ratios");
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
        assertThat(f.working().english()).startsWith("17 of 20 SKUs");
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
        assertThat(f.working().english()).startsWith("5 of 100 units");
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
        assertThat(f.working().english()).contains("Amazon");
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
        assertThat(f.working().english()).contains("1 lines without demand history");
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
        // w2 sold nothing: turnover undefined. Issue 17 ("below a configurable coverage (default: half the period)
        // its verdict is INSUFFICIENT_HISTORY"): 10 days of history in a 92-day quarter say so first (was UNKNOWN).
        assertThat(r.perWarehouse().get("w2").get(0).verdict()).isEqualTo(Verdict.INSUFFICIENT_HISTORY);
        assertThat(r.perWarehouse().get("w2").get(0).value()).isNull();
        assertThat(r.overall().get(0).coverage()).isEqualTo(Coverage.ofDays(10, 92));
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

    // ---- issue 17: unknown is unknown, thin history says so, whole units over the whole period ----------------

    /** A line of the new model: {@code sold} units over the period, {@code aged} of {@code aged + unaged} known. */
    private static HealthLine line17(String sku, String wh, List<Integer> onHand, double sold, int over180, int aged,
                                     int unaged) {
        return new HealthLine(sku, null, wh, onHand, sold, List.of(), 0, null, null, null, over180, aged,
                aged == 0 ? null : 200, ListingStatus.ACTIVE, sold, false, unaged);
    }

    @Test
    void over180ShareIsOverUnitsOfKnownAgeWithItsCoverage() {
        // w1: 7 of 100 known units over 180 days, 20 unknown; w2: 50 units all of unknown age.
        // Share = 7 ÷ 100 = 7.00 % (not 7 ÷ 170 = 4.12 %, which would read "healthy"); known for 100 of 170 units.
        HealthFigure f = calc.over180Share(List.of(line17("A", "w1", days(1, 120), 0, 7, 100, 20),
                line17("B", "w2", days(1, 50), 0, 0, 0, 50)));
        assertThat(f.value()).isEqualTo(7.0);
        assertThat(f.verdict()).isEqualTo(Verdict.UNHEALTHY);
        assertThat(f.coverage()).isEqualTo(Coverage.ofUnits(100, 170));
        assertThat(f.coverage().unitPercent()).isEqualTo(100.0 * 100 / 170, within(1e-9));
        assertThat(f.working().english()).startsWith("7 of 100 units of known age").contains("age known for 58.82 % of units");
    }

    @Test
    void noUnitOfKnownAgeIsUnknownNeverHealthy() {
        // Issue 17: WINIT, GoodCang … have no lots and one day of history: unaged == total. Before, 0 ÷ units read
        // as "0.0 %, HEALTHY".
        HealthFigure f = calc.over180Share(List.of(line17("A", "winit", days(1, 500), 0, 0, 0, 500)));
        assertThat(f.value()).isNull();
        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.coverage()).isEqualTo(Coverage.ofUnits(0, 500));
        HealthReport r = calc.report(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1),
                List.of(line17("A", "winit", days(1, 500), 0, 0, 0, 500)));
        HealthReport.SkuHealth sku = r.perSku().get(0);
        assertThat(sku.over180Share()).isNull();
        assertThat(sku.over180Units()).isNull();
        assertThat(sku.ageVerdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(sku.ageKnownPercent()).isEqualTo(0.0);
    }

    @Test
    void movingRateTestsWholeUnitsOverTheWholePeriodBeforeAnyRounding() {
        // Issue 17, TTS-CHP-GRY-05: 1 unit sold, split 0.43 / 0.40 / 0.17 over three warehouses. Rounded per line
        // (0 / 0 / 0) it read as not moving; summed first it is 1.00 ≥ 1: moving. A SKU with 0.5 in all is not.
        List<HealthLine> ls = List.of(line17("C", "w1", days(1, 5), 0.43, 0, 0, 0),
                line17("C", "w2", days(1, 5), 0.40, 0, 0, 0), line17("C", "w3", days(1, 5), 0.17, 0, 0, 0),
                line17("H", "w1", days(1, 5), 0.5, 0, 0, 0));
        HealthFigure f = calc.movingSkuRate(ls);
        assertThat(f.value()).isEqualTo(50.0); // 1 of 2
        assertThat(f.working().english()).startsWith("1 of 2 SKUs in stock sold at least one whole unit");
    }

    @Test
    void aSkuInStockOnlyAtTheCloseIsInThePopulation() {
        // No complete day of stock history yet (the demo's first day), but 8 on hand now and 2 units sold in
        // the period: in stock, moving → 1 of 1.
        HealthLine l = new HealthLine("A", null, "w1", List.of(), 0, List.of(), 0, null, 8, 0, 0, 0, null,
                ListingStatus.ACTIVE, 2, true, 8);
        assertThat(calc.movingSkuRate(List.of(l)).value()).isEqualTo(100.0);
    }

    @Test
    void figuresRestingOnLessThanHalfThePeriodSayInsufficientHistory() {
        // 66 complete days in the period; the rule: days × 100 < 50 × 66 → thin. 33 days = 50 % exactly: judged;
        // 32 days = 48.5 %: INSUFFICIENT_HISTORY, the value still shown.
        HealthCalculator.Span span = new HealthCalculator.Span(66, 33, 90, 90, 28, 28);
        List<HealthLine> judged = List.of(line17("A", "w1", days(33, 450), 330, 0, 0, 0));
        List<HealthFigure> ok = calc.figures(judged, span);
        assertThat(ok.get(0).value()).isEqualTo(45.0); // 450 ÷ (330 ÷ 33 = 10/day)
        assertThat(ok.get(0).verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(ok.get(0).coverage()).isEqualTo(Coverage.ofDays(33, 66));
        assertThat(ok.get(1).verdict()).isEqualTo(Verdict.HEALTHY); // 动销率: sales history 33 of 66 days
        List<HealthFigure> thin = calc.figures(List.of(line17("A", "w1", days(32, 450), 320, 0, 0, 0)),
                new HealthCalculator.Span(66, 32, 90, 90, 28, 28));
        assertThat(thin.get(0).value()).isEqualTo(45.0);
        assertThat(thin.get(0).verdict()).isEqualTo(Verdict.INSUFFICIENT_HISTORY);
        assertThat(thin.get(0).working().english()).contains("32 of the period's 66 complete days").contains("not judged");
        assertThat(thin.get(1).verdict()).isEqualTo(Verdict.INSUFFICIENT_HISTORY);
        assertThat(thin.get(1).coverage()).isEqualTo(Coverage.ofDays(32, 66));
        // Sell-through (INFO) and excess (INFO) follow the same rule on their own days; stranded states none.
        assertThat(thin.get(3).verdict()).isEqualTo(Verdict.INSUFFICIENT_HISTORY); // 0 of 90 trailing days
        assertThat(thin.get(4).coverage()).isEqualTo(Coverage.ofDays(28, 28));
        assertThat(thin.get(5).coverage()).isNull();
    }

    @Test
    void theHistoryCoverageIsASetting() {
        // At 25 %, 17 of 66 days (25.76 %) is enough; 16 (24.24 %) is not.
        HealthCalculator quarter = new HealthCalculator(new HealthBands(45, 85, 5, 25), 30, 30);
        assertThat(quarter.figures(List.of(line17("A", "w1", days(17, 450), 170, 0, 0, 0)),
                new HealthCalculator.Span(66, 17, 90, 90, 28, 28)).get(0).verdict()).isEqualTo(Verdict.HEALTHY);
        assertThat(quarter.figures(List.of(line17("A", "w1", days(16, 450), 160, 0, 0, 0)),
                new HealthCalculator.Span(66, 16, 90, 90, 28, 28)).get(0).verdict())
                .isEqualTo(Verdict.INSUFFICIENT_HISTORY);
    }

    @Test
    void aPeriodWithoutACompleteDayIsInsufficientHistory() {
        // Today only: 0 complete days → nothing to rest on.
        List<HealthFigure> fs = calc.figures(List.of(line17("A", "w1", List.of(), 0, 0, 0, 0)),
                new HealthCalculator.Span(0, 0, 90, 0, 28, 0));
        assertThat(fs.get(0).verdict()).isEqualTo(Verdict.INSUFFICIENT_HISTORY);
        assertThat(fs.get(0).value()).isNull();
    }
}
