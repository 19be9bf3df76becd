package com.stocklens.rules;

import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.PairWatch;
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
 * @param demandByPair       daily demand over the window per pair key ({@link StockPair#key()}), from the one
 *                           demand model ({@link WarehouseDemand}); empty → no safety-stock alerts
 * @param returnsByPair      open returns per pair key; empty → no QC-overdue alerts
 * @param agesByPair         FIFO age profile per pair key; empty → no slow-moving alerts
 * @param zones              time zone per warehouse id for working-day counts; missing → UTC
 * @param watches            what the sync-lag rule remembers per pair key from the last evaluation
 *                           ({@link SyncLagRule})
 * @param passedByPair       returned units TikTok reports passed QC, per pair key; empty → no not-restocked alerts
 * @param cycle              one sync cycle (the time a passed return is given to show as available)
 */
public record FlagInputs(
        Instant now,
        Thresholds thresholds,
        List<StockPair> pairs,
        List<SourceStatus> sources,
        List<CalibrationTask> openTasks,
        Duration staleSideTolerance,
        Map<String, List<DemandDay>> demandByPair,
        Map<String, List<ReturnItem>> returnsByPair,
        Map<String, AgeProfile> agesByPair,
        Map<String, ZoneId> zones,
        Map<String, PairWatch> watches,
        Map<String, List<ReturnItem>> passedByPair,
        Duration cycle) {

    /** One sync cycle when none is said: a minute (the default cadence). */
    public static final Duration DEFAULT_CYCLE = Duration.ofMinutes(1);

    public FlagInputs {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(staleSideTolerance, "staleSideTolerance");
        pairs = List.copyOf(pairs);
        sources = List.copyOf(sources);
        openTasks = List.copyOf(openTasks);
        demandByPair = demandByPair == null ? Map.of() : Map.copyOf(demandByPair);
        returnsByPair = returnsByPair == null ? Map.of() : Map.copyOf(returnsByPair);
        agesByPair = agesByPair == null ? Map.of() : Map.copyOf(agesByPair);
        zones = zones == null ? Map.of() : Map.copyOf(zones);
        watches = watches == null ? Map.of() : Map.copyOf(watches);
        passedByPair = passedByPair == null ? Map.of() : Map.copyOf(passedByPair);
        cycle = cycle == null ? DEFAULT_CYCLE : cycle;
    }

    /** The stock-only inputs: no demand, returns, ages or memory (those rules raise nothing). */
    public static FlagInputs of(Instant now, Thresholds thresholds, List<StockPair> pairs, List<SourceStatus> sources,
                                List<CalibrationTask> openTasks) {
        return new FlagInputs(now, thresholds, pairs, sources, openTasks,
                RootCauseHints.DEFAULT_STALE_SIDE_TOLERANCE, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                DEFAULT_CYCLE);
    }
}
