package com.stocklens.rules.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.Coverage;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardTest {
    /** Fast and connected, but expensive and serving one market. */
    private static final ScoreInput FAST = new ScoreInput("a", "Fast", Map.of(
            Criterion.MARKETS, 1.0, Criterion.STORAGE_FEE, 1.2, Criterion.API_READY, 1.0,
            Criterion.STALENESS_P95_MINUTES, 2.0));
    /** Slow to sync, but covers three markets and is cheap. */
    private static final ScoreInput WIDE = new ScoreInput("b", "Wide", Map.of(
            Criterion.MARKETS, 3.0, Criterion.STORAGE_FEE, 0.3, Criterion.API_READY, 0.0,
            Criterion.STALENESS_P95_MINUTES, 30.0));

    @Test
    void bandScoresLinearlyAndClamps() {
        Band lower = new Band(24, 72);
        assertThat(lower.score(24)).isEqualTo(100.0);
        assertThat(lower.score(48)).isEqualTo(50.0);
        assertThat(lower.score(100)).isEqualTo(0.0);
        assertThat(lower.level(12.0)).isEqualTo(BandLevel.GOOD);
        assertThat(lower.level(48.0)).isEqualTo(BandLevel.FAIR);
        assertThat(lower.level(72.0)).isEqualTo(BandLevel.POOR);
        assertThat(lower.level(null)).isEqualTo(BandLevel.MISSING);
    }

    @Test
    void weightsChangeTheRanking() {
        ScoreWeights system = ScoreWeights.EQUAL.with(Axis.SYSTEM, 5).with(Axis.COVERAGE, 1).with(Axis.LOGISTICS, 1);
        List<WarehouseScore> bySystem = Scorecard.rank(List.of(FAST, WIDE), system, ScoreBands.DEFAULTS);
        assertThat(bySystem).extracting(WarehouseScore::id).containsExactly("a", "b");
        assertThat(bySystem.get(0).rank()).isEqualTo(1);

        ScoreWeights coverage = ScoreWeights.EQUAL.with(Axis.SYSTEM, 1).with(Axis.COVERAGE, 5);
        assertThat(Scorecard.rank(List.of(FAST, WIDE), coverage, ScoreBands.DEFAULTS))
                .extracting(WarehouseScore::id).containsExactly("b", "a");

        // Inside an axis: only the storage fee counts on logistics → the cheap one wins there.
        ScoreWeights feeOnly = ScoreWeights.EQUAL.with(Axis.COVERAGE, 0).with(Axis.SYSTEM, 0);
        for (Criterion c : Criterion.values()) {
            if (c.axis() == Axis.LOGISTICS && c != Criterion.STORAGE_FEE) {
                feeOnly = feeOnly.with(c, 0);
            }
        }
        List<WarehouseScore> fee = Scorecard.rank(List.of(FAST, WIDE), feeOnly, ScoreBands.DEFAULTS);
        assertThat(fee).extracting(WarehouseScore::id).containsExactly("b", "a");
        assertThat(fee.get(0).total()).isEqualTo(100.0);
        assertThat(fee.get(1).total()).isEqualTo(0.0);
    }

    @Test
    void missingIsNeutralAndFlaggedNotZero() {
        ScoreInput unknown = new ScoreInput("c", "Unknown", Map.of());
        WarehouseScore s = Scorecard.score(unknown, ScoreWeights.EQUAL, ScoreBands.DEFAULTS, 1);
        assertThat(s.total()).isEqualTo(Scorecard.NEUTRAL);
        CriterionScore sla = s.criterion(Criterion.OUTBOUND_SLA_HOURS);
        assertThat(sla.missing()).isTrue();
        assertThat(sla.value()).isNull();
        assertThat(sla.score()).isEqualTo(50.0);
        assertThat(sla.level()).isEqualTo(BandLevel.MISSING);

        // A known-bad SLA (0 points) ranks below an unknown one (neutral), never the other way round.
        ScoreInput bad = new ScoreInput("d", "Bad", Map.of(Criterion.OUTBOUND_SLA_HOURS, 96.0));
        assertThat(Scorecard.rank(List.of(bad, unknown), ScoreWeights.EQUAL, ScoreBands.DEFAULTS))
                .extracting(WarehouseScore::id).containsExactly("c", "d");
    }

    @Test
    void scoreExplainsItsInputsAndWeights() {
        ScoreWeights w = ScoreWeights.EQUAL.with(Criterion.API_READY, 3);
        WarehouseScore s = Scorecard.score(FAST, w, ScoreBands.DEFAULTS, 1);
        AxisScore system = s.axis(Axis.SYSTEM);
        // SYSTEM: API_READY w3 (100), CERTIFIED w1 (missing 50), STALENESS w1 (2 min → 100), FAILURES w1 (50), CALIBRATIONS w1 (50).
        assertThat(system.score()).isCloseTo((3 * 100 + 50 + 100 + 50 + 50) / 7.0, within(1e-9));
        assertThat(system.share()).isCloseTo(1 / 3.0, within(1e-9));
        CriterionScore api = s.criterion(Criterion.API_READY);
        assertThat(api.weight()).isEqualTo(3.0);
        assertThat(api.share()).isCloseTo(3 / 7.0, within(1e-9));
        assertThat(system.missing()).isEqualTo(3);
        double expected = (s.axis(Axis.COVERAGE).score() + s.axis(Axis.LOGISTICS).score() + system.score()) / 3;
        assertThat(s.total()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void tiesRankByName() {
        ScoreInput x = new ScoreInput("x", "Beta", Map.of());
        ScoreInput y = new ScoreInput("y", "Alpha", Map.of());
        assertThat(Scorecard.rank(List.of(x, y), ScoreWeights.EQUAL, ScoreBands.DEFAULTS))
                .extracting(WarehouseScore::name).containsExactly("Alpha", "Beta");
    }

    @Test
    void stageGuideAtThreeHundredOrders() {
        assertThat(StageGuide.of(120, 299).stage()).isEqualTo(Stage.PARTNER_WAREHOUSE);
        assertThat(StageGuide.of(250, 300).stage()).isEqualTo(Stage.OWN_WMS);
        assertThat(StageGuide.of(250, 300).midSize()).isTrue();
        assertThat(StageGuide.of(null, null).stage()).isEqualTo(Stage.UNKNOWN);
    }

    @Test
    void storageNextMonthShiftsAgesByThirtyDays() {
        // 30 units aged 0–30 → 31–60 next month: all at the 0–90 fee. 90 units aged 61–90 → 91–120: all 91–180.
        // 90 units aged 91–180 (spread evenly) → 121–210: 60 at 91–180, 30 at 181+. 10 unaged at 181+.
        Double cost = StorageProjection.nextMonth(Map.of(AgeBucket.D0_30, 30L, AgeBucket.D61_90, 90L,
                AgeBucket.D91_180, 90L), 10, 0.5, 1.0, 2.0);
        assertThat(cost).isCloseTo(30 * 0.5 + 90 * 1.0 + 60 * 1.0 + 30 * 2.0 + 10 * 2.0, within(1e-9));
        assertThat(StorageProjection.nextMonth(Map.of(AgeBucket.D0_30, 1L), 0, null, 1.0, 2.0)).isNull();
    }

    @Test
    void measuredOnTooFewDaysIsShownButScoredLikeAnyMissingFigure() {
        // Issue 17: "scored as missing, with the same neutral weight as any other missing figure". A warehouse
        // measured on 1 day of 30 (thin): stock-out rate 0 % would score 100 (GOOD); it scores 50 instead, is
        // flagged missing and its level says INSUFFICIENT_HISTORY; its value stays for display.
        WarehouseKpis oneDay = new WarehouseKpis("w", null, null, 0, null, 0, 0, null, 0.0, null, null, null, null)
                .withHistory(Coverage.ofDays(1, 30), true);
        ScoreInput in = ScoreInputs.of(WarehouseProfile.empty("w", "W", false), oneDay);
        CriterionScore stockout = Scorecard.score(in, ScoreWeights.EQUAL, ScoreBands.DEFAULTS, 1)
                .criterion(Criterion.STOCKOUT_RATE);
        assertThat(stockout.value()).isEqualTo(0.0);
        assertThat(stockout.score()).isEqualTo(Scorecard.NEUTRAL);
        assertThat(stockout.missing()).isTrue();
        assertThat(stockout.level()).isEqualTo(BandLevel.INSUFFICIENT_HISTORY);
        // The same figure on 15 of 30 days (not thin) scores 100.
        WarehouseKpis half = oneDay.withHistory(Coverage.ofDays(15, 30), false);
        assertThat(Scorecard.score(ScoreInputs.of(WarehouseProfile.empty("w", "W", false), half), ScoreWeights.EQUAL,
                ScoreBands.DEFAULTS, 1).criterion(Criterion.STOCKOUT_RATE).score()).isEqualTo(100.0);
    }

    @Test
    void noUnitOfKnownAgeIsAMissingAgeShareNotAGoodOne() {
        // Issue 17: WINIT MY scored "0.0 measured, GOOD, 100" on a share of units none of which had a known age.
        // The service now leaves the share null: missing, 50 — and the over-180 criterion is never "thin".
        WarehouseKpis unknownAges = new WarehouseKpis("w", null, null, 0, null, 0, 0, null, null, null, null, null,
                null).withAgeing(null, null, Coverage.ofUnits(0, 500)).withHistory(Coverage.ofDays(1, 30), true);
        CriterionScore age = Scorecard.score(ScoreInputs.of(WarehouseProfile.empty("w", "W", false), unknownAges),
                ScoreWeights.EQUAL, ScoreBands.DEFAULTS, 1).criterion(Criterion.OVER_180_SHARE);
        assertThat(age.value()).isNull();
        assertThat(age.level()).isEqualTo(BandLevel.MISSING);
        assertThat(age.score()).isEqualTo(Scorecard.NEUTRAL);
    }
}
