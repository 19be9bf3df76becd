package com.stocklens.rules;

import static com.stocklens.rules.Pairs.NOW;
import static com.stocklens.rules.Pairs.SHIPBOB;
import static com.stocklens.rules.Pairs.TIKTOK;
import static com.stocklens.rules.Pairs.fresh;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FlagEvaluatorTest {
    private static StockPair pair(String warehouse, int available, int tiktok) {
        return new StockPair("S", warehouse, SHIPBOB.id(), new StockLevel(1000, available, 0, 0, 0, null, 0),
                tiktok, 0, NOW, NOW);
    }

    @Test
    void withoutDemandReturnsOrAgesOnlyTheStockRulesSpeak() {
        FlagEvaluation e = FlagEvaluator.evaluate(FlagInputs.of(NOW, Thresholds.DEFAULTS,
                List.of(pair("shipbob:1", 100, 110)), List.of(fresh(SHIPBOB), fresh(TIKTOK)), List.of()));
        assertThat(e.calibration().toOpen()).hasSize(1);
        assertThat(e.alerts()).extracting(Alert::kind).containsExactly(AlertKind.OVERSELL_RISK);
        assertThat(e.undecidedKeys()).isEmpty();
        assertThat(e.evaluatedAt()).isEqualTo(NOW);
    }

    private static List<DemandDay> perDay(double units) {
        List<DemandDay> days = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            days.add(new DemandDay(LocalDate.of(2026, 10, 30).plusDays(i), units, false));
        }
        return days;
    }

    @Test
    void eachWarehouseOnItsOwnDemandAndReturnsAndAgesRaiseTheirAlerts() {
        // Issue 17: demand is per warehouse (the sale lines' warehouse), no longer the SKU's split 1/n.
        // Each warehouse sold 5 a day, no variation; L = 30, σL = 5:
        // SS = 1.645 · √(0 + 25 · 25) = 41.125; ROP = 150 + 41.125 = 191.125 → 191 is below, 192 is not.
        StockPair low = pair("shipbob:1", 191, 191);
        StockPair enough = pair("shipbob:2", 192, 192);
        ReturnItem waiting = new ReturnItem("shop", "R", "O", "L", "S", null, "RETURN_AND_REFUND", "X",
                ReturnStage.AWAITING_QC, NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(14)));
        // 3 units 91 days old: any unit over 90 days is slow-moving.
        AgeProfile aged = new AgeProfile("S", "shipbob:1", Map.of(AgeBucket.D91_180, 3), 91, 0,
                new TreeMap<>(Map.of(91, 3)));
        FlagEvaluation e = FlagEvaluator.evaluate(new FlagInputs(NOW, Thresholds.DEFAULTS, List.of(low, enough),
                List.of(fresh(SHIPBOB), fresh(TIKTOK)), List.of(), Duration.ofSeconds(60),
                Map.of(low.key(), perDay(5), enough.key(), perDay(5)), Map.of(enough.key(), List.of(waiting)),
                Map.of(low.key(), aged), Map.of(), Map.of(), Map.of(), null));
        assertThat(e.alerts()).extracting(Alert::key).containsExactlyInAnyOrder(
                "BELOW_SAFETY_STOCK:S@shipbob:1", "SLOW_MOVING:S@shipbob:1", "RETURN_QC_OVERDUE:S@shipbob:2");
        Alert below = e.alerts().stream().filter(a -> a.kind() == AlertKind.BELOW_SAFETY_STOCK).findFirst().orElseThrow();
        assertThat(below.actual()).isEqualTo(191);
        assertThat(below.limit()).isEqualTo(192);
        assertThat(below.detail().english()).contains("d̄=5.00/day").doesNotContain("share");
    }

    @Test
    void aWarehouseWithoutSalesOfItsOwnRaisesNoSafetyStockAlert() {
        // The SKU sold 10 a day, all through shipbob:1 (its sale lines name that warehouse). shipbob:2 holds 5
        // units and sold none: d̄ = 0 → ROP = 0, nothing to reorder there. Split 1/n it would have had
        // d̄ = 5, ROP 191.125 > 5 and a spurious alert.
        StockPair busy = pair("shipbob:1", 500, 500);
        StockPair idle = pair("shipbob:2", 5, 5);
        FlagEvaluation e = FlagEvaluator.evaluate(new FlagInputs(NOW, Thresholds.DEFAULTS, List.of(busy, idle),
                List.of(fresh(SHIPBOB), fresh(TIKTOK)), List.of(), Duration.ofSeconds(60),
                Map.of(busy.key(), perDay(10), idle.key(), perDay(0)), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), null));
        // busy: d̄ = 10, SS = 1.645 · √(0 + 100 · 25) = 82.25, ROP = 300 + 82.25 = 382.25 < 500: no alert either.
        assertThat(e.alerts()).isEmpty();
    }

    @Test
    void oversoldIsLouderAndOversellCountsUnreservedOrders() {
        // TikTok committed 5 while the warehouse holds 0 on hand: already oversold (5 > 0). Missing
        // pre-allocation too (5 > 0 reserved). TikTok offers 0: nothing more to oversell (0 > max(0, 0 − 5) is false).
        StockPair oversold = new StockPair("P", "shipbob:1", SHIPBOB.id(), new StockLevel(0, 0, 0, 0, 0, null, 0),
                0, 5, NOW, NOW);
        FlagEvaluation e = FlagEvaluator.evaluate(FlagInputs.of(NOW, Thresholds.DEFAULTS, List.of(oversold),
                List.of(fresh(SHIPBOB), fresh(TIKTOK)), List.of()));
        assertThat(e.alerts()).extracting(Alert::kind).containsExactlyInAnyOrder(AlertKind.OVERSOLD,
                AlertKind.MISSING_PREALLOCATION);
    }

    @Test
    void staleSidesLeaveEveryTikTokComparisonUndecided() {
        StockPair p = new StockPair("S", "shipbob:1", SHIPBOB.id(), new StockLevel(0, 0, 0, 0, 0, null, 0), 3, 5,
                NOW, NOW.minus(Duration.ofMinutes(16)));
        FlagEvaluation e = FlagEvaluator.evaluate(FlagInputs.of(NOW, Thresholds.DEFAULTS, List.of(p),
                List.of(fresh(SHIPBOB), fresh(TIKTOK)), List.of()));
        assertThat(e.alerts()).isEmpty();
        assertThat(e.undecidedKeys()).containsExactlyInAnyOrder("OVERSELL_RISK:S@shipbob:1", "OVERSOLD:S@shipbob:1",
                "MISSING_PREALLOCATION:S@shipbob:1", "SKU_SYNC_LAG:S@shipbob:1");
    }
}
