package com.stocklens.rules;

import static com.stocklens.rules.Pairs.NOW;
import static com.stocklens.rules.Pairs.SHIPBOB;
import static com.stocklens.rules.Pairs.TIKTOK;
import static com.stocklens.rules.Pairs.fresh;
import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void demandIsSplitEvenlyAcrossTheSkusWarehousesAndReturnsAndAgesRaiseTheirAlerts() {
        // 10 units a day, no variation: with two warehouses each serves 5/day; L = 30, σL = 5:
        // SS = 1.645 · √(0 + 25 · 25) = 41.125; ROP = 150 + 41.125 = 191.125.
        List<DemandDay> days = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            days.add(new DemandDay(LocalDate.of(2026, 10, 30).plusDays(i), 10, false));
        }
        StockPair low = pair("shipbob:1", 191, 191);
        StockPair enough = pair("shipbob:2", 192, 192);
        ReturnItem waiting = new ReturnItem("shop", "R", "O", "L", "S", null, "RETURN_AND_REFUND", "X",
                ReturnStage.AWAITING_QC, NOW.minus(Duration.ofDays(14)), NOW.minus(Duration.ofDays(14)));
        FlagEvaluation e = FlagEvaluator.evaluate(new FlagInputs(NOW, Thresholds.DEFAULTS, List.of(low, enough),
                List.of(fresh(SHIPBOB), fresh(TIKTOK)), List.of(), Duration.ofSeconds(60), Map.of("S", days),
                Map.of(enough.key(), List.of(waiting)), Map.of(low.key(), 91), Map.of()));
        assertThat(e.alerts()).extracting(Alert::key).containsExactlyInAnyOrder(
                "BELOW_SAFETY_STOCK:S@shipbob:1", "SLOW_MOVING:S@shipbob:1", "RETURN_QC_OVERDUE:S@shipbob:2");
        Alert below = e.alerts().stream().filter(a -> a.kind() == AlertKind.BELOW_SAFETY_STOCK).findFirst().orElseThrow();
        assertThat(below.actual()).isEqualTo(191);
        assertThat(below.limit()).isEqualTo(192);
        assertThat(below.detail()).contains("share 0.50");
    }
}
