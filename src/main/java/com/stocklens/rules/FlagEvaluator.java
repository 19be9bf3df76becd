package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.PairWatch;
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
import java.util.Objects;
import java.util.Set;

/**
 * Runs every red-flag rule over one set of inputs: calibration tasks, then the alerts.
 *
 * <ul>
 *   <li>Pair rules comparing TikTok with the warehouse (oversell, oversold, pre-allocation, sync lag) are
 *       judged only when both sides are fresh, like calibration; otherwise their keys are <em>undecided</em>,
 *       so a source going quiet neither clears nor raises them — STALE_SOURCE speaks instead.</li>
 *   <li>Safety stock: each SKU × warehouse on its own demand series, from the one demand model
 *       ({@link WarehouseDemand}: the warehouse each sale line names).</li>
 * </ul>
 */
public final class FlagEvaluator {
    /** The kinds comparing TikTok with the warehouse: undecided while either side is stale. */
    private static final List<AlertKind> PAIR_KINDS = List.of(AlertKind.OVERSELL_RISK, AlertKind.OVERSOLD,
            AlertKind.MISSING_PREALLOCATION, AlertKind.SKU_SYNC_LAG);

    private FlagEvaluator() {
    }

    public static FlagEvaluation evaluate(FlagInputs in) {
        Instant now = in.now();
        CalibrationChanges calibration = CalibrationDetector.detect(now, in.thresholds(), in.pairs(), in.sources(),
                in.openTasks(), in.staleSideTolerance());

        List<Alert> alerts = new ArrayList<>();
        Set<String> undecided = new HashSet<>();
        List<PairWatch> watches = new ArrayList<>();
        for (SourceStatus s : in.sources()) {
            StaleSourceRule.evaluate(s, now, in.thresholds().staleAfter()).ifPresent(alerts::add);
        }
        Map<String, Instant> sourceAt = new HashMap<>();
        for (SourceStatus s : in.sources()) {
            sourceAt.put(s.source().id(), s.lastSnapshotAt());
        }
        for (StockPair pair : in.pairs()) {
            if (CalibrationDetector.bothSidesFresh(pair, sourceAt, now, in.thresholds().staleAfter())) {
                OversoldRule.evaluate(pair, now).ifPresent(alerts::add);
                OversellRule.evaluate(pair, now).ifPresent(alerts::add);
                PreallocationRule.evaluate(pair, now).ifPresent(alerts::add);
                PairWatch before = in.watches().get(pair.key());
                PairWatch after = SyncLagRule.track(before, pair);
                if (!Objects.equals(before, after)) {
                    watches.add(after);
                }
                SyncLagRule.evaluate(after, pair, in.thresholds().staleAfter(), now).ifPresent(alerts::add);
            } else {
                for (AlertKind k : PAIR_KINDS) {
                    undecided.add(Alert.keyOf(k, pair.key()));
                }
            }
            BelowSafetyStockRule.evaluate(pair, in.demandByPair().get(pair.key()), 1.0, in.thresholds(), now)
                    .ifPresent(alerts::add);
            SlowMovingRule.evaluate(pair, in.agesByPair().get(pair.key()), in.thresholds().slowMovingDays(), now)
                    .ifPresent(alerts::add);
            ZoneId zone = in.zones().getOrDefault(pair.warehouseId(), ZoneOffset.UTC);
            ReturnQcOverdueRule.evaluate(pair, in.returnsByPair().get(pair.key()),
                    in.thresholds().returnQcWorkingDays(), zone, now).ifPresent(alerts::add);
            ReturnNotRestockedRule.evaluate(pair, in.passedByPair().get(pair.key()),
                    in.returnsByPair().get(pair.key()), in.cycle(), now).ifPresent(alerts::add);
        }
        return new FlagEvaluation(now, calibration, alerts, undecided, watches);
    }
}
