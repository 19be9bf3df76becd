package com.stocklens.rules;

import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one evaluation of the red-flag rules looks at.
 *
 * @param openTasks          calibration tasks currently OPEN or DECLARED
 * @param staleSideTolerance snapshot-time difference beyond which STALE_SIDE is hinted
 * @param demandBySku        daily demand over the window per seller SKU; empty → no safety-stock alerts
 * @param returnsByPair      open returns per pair key ({@link StockPair#key()}); empty → no QC-overdue alerts
 * @param ageDaysByPair      age of the oldest unit per pair key; empty → no slow-moving alerts
 * @param zones              time zone per warehouse id for working-day counts; missing → UTC
 */
public record FlagInputs(
        Instant now,
        Thresholds thresholds,
        List<StockPair> pairs,
        List<SourceStatus> sources,
        List<CalibrationTask> openTasks,
        Duration staleSideTolerance,
        Map<String, List<DemandDay>> demandBySku,
        Map<String, List<ReturnItem>> returnsByPair,
        Map<String, Integer> ageDaysByPair,
        Map<String, ZoneId> zones) {

    public FlagInputs {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(staleSideTolerance, "staleSideTolerance");
        pairs = List.copyOf(pairs);
        sources = List.copyOf(sources);
        openTasks = List.copyOf(openTasks);
        demandBySku = demandBySku == null ? Map.of() : Map.copyOf(demandBySku);
        returnsByPair = returnsByPair == null ? Map.of() : Map.copyOf(returnsByPair);
        ageDaysByPair = ageDaysByPair == null ? Map.of() : Map.copyOf(ageDaysByPair);
        zones = zones == null ? Map.of() : Map.copyOf(zones);
    }

    /** The stock-only inputs: no demand, returns or ages (those rules raise nothing). */
    public static FlagInputs of(Instant now, Thresholds thresholds, List<StockPair> pairs, List<SourceStatus> sources,
                                List<CalibrationTask> openTasks) {
        return new FlagInputs(now, thresholds, pairs, sources, openTasks,
                RootCauseHints.DEFAULT_STALE_SIDE_TOLERANCE, Map.of(), Map.of(), Map.of(), Map.of());
    }
}
