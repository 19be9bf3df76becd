package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.StockPair;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every red-flag rule over one set of inputs: calibration tasks, then the alerts.
 *
 * <ul>
 *   <li>Pair rules comparing TikTok with the warehouse (oversell, pre-allocation) are judged only when
 *       both sides are fresh, like calibration; otherwise their keys are <em>undecided</em>, so a
 *       source going quiet neither clears nor raises them — STALE_SOURCE speaks instead.</li>
 *   <li>Safety stock: demand is known per SKU only (orders do not say which warehouse shipped), so a
 *       SKU's demand is split evenly across the warehouses that stock it ({@code share = 1/n}).</li>
 * </ul>
 */
public final class FlagEvaluator {
    private FlagEvaluator() {
    }

    public static FlagEvaluation evaluate(FlagInputs in) {
        Instant now = in.now();
        CalibrationChanges calibration = CalibrationDetector.detect(now, in.thresholds(), in.pairs(), in.sources(),
                in.openTasks(), in.staleSideTolerance());

        List<Alert> alerts = new ArrayList<>();
        Set<String> undecided = new HashSet<>();
        for (SourceStatus s : in.sources()) {
            StaleSourceRule.evaluate(s, now, in.thresholds().staleAfter()).ifPresent(alerts::add);
        }
        Map<String, Instant> sourceAt = new HashMap<>();
        for (SourceStatus s : in.sources()) {
            sourceAt.put(s.source().id(), s.lastSnapshotAt());
        }
        Map<String, Integer> warehousesPerSku = new HashMap<>();
        for (StockPair p : in.pairs()) {
            warehousesPerSku.merge(p.sellerSku(), 1, Integer::sum);
        }
        for (StockPair pair : in.pairs()) {
            if (CalibrationDetector.bothSidesFresh(pair, sourceAt, now, in.thresholds().staleAfter())) {
                OversellRule.evaluate(pair, now).ifPresent(alerts::add);
                PreallocationRule.evaluate(pair, now).ifPresent(alerts::add);
            } else {
                undecided.add(Alert.keyOf(AlertKind.OVERSELL_RISK, pair.key()));
                undecided.add(Alert.keyOf(AlertKind.MISSING_PREALLOCATION, pair.key()));
            }
            BelowSafetyStockRule.evaluate(pair, in.demandBySku().get(pair.sellerSku()),
                    1.0 / warehousesPerSku.get(pair.sellerSku()), in.thresholds(), now).ifPresent(alerts::add);
            SlowMovingRule.evaluate(pair, in.ageDaysByPair().get(pair.key()), in.thresholds().slowMovingDays(), now)
                    .ifPresent(alerts::add);
            ZoneId zone = in.zones().getOrDefault(pair.warehouseId(), ZoneOffset.UTC);
            ReturnQcOverdueRule.evaluate(pair, in.returnsByPair().get(pair.key()),
                    in.thresholds().returnQcWorkingDays(), zone, now).ifPresent(alerts::add);
        }
        return new FlagEvaluation(now, calibration, alerts, undecided);
    }
}
