package com.stocklens.rules;

import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.RootCauseHint;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens, updates and resolves calibration tasks from the current pairs (docs/DOMAIN.md §4).
 *
 * <ul>
 *   <li>A pair is judged only when both sides are fresh at {@code now}: the warehouse source (its
 *       status, else the pair's warehouse snapshot time) and TikTok's snapshot. A stale side neither
 *       opens a task (the STALE_SOURCE alert speaks for it) nor resolves one: silence is not proof
 *       the gap closed.</li>
 *   <li>The same goes for a pair whose figures are unknown, and for a pair missing from the board:
 *       an open task stays as it is until the pair can be compared again.</li>
 *   <li>At most one OPEN or DECLARED task per pair: a breach on a pair with such a task only
 *       updates its figures and hints; its deadline never moves.</li>
 *   <li>A new task's clock starts at the sync cycle in which both fresh readings show the gap (the later of
 *       the two snapshot times), not when the rules happen to run.</li>
 * </ul>
 */
public final class CalibrationDetector {
    private CalibrationDetector() {
    }

    /**
     * @param openTasks the tasks currently OPEN or DECLARED (others are ignored)
     * @param tolerance snapshot-time difference beyond which the STALE_SIDE hint is offered
     */
    public static CalibrationChanges detect(Instant now, Thresholds thresholds, List<StockPair> pairs,
                                            List<SourceStatus> sources, List<CalibrationTask> openTasks,
                                            Duration tolerance) {
        Map<String, CalibrationTask> open = new HashMap<>();
        for (CalibrationTask t : openTasks) {
            if (t.state() != CalibrationState.RESOLVED) {
                open.put(t.pairKey(), t);
            }
        }
        Map<String, Instant> sourceAt = new HashMap<>();
        for (SourceStatus s : sources) {
            sourceAt.put(s.source().id(), s.lastSnapshotAt());
        }
        List<CalibrationTask> toOpen = new ArrayList<>();
        List<CalibrationTask> toUpdate = new ArrayList<>();
        List<CalibrationTask> toResolve = new ArrayList<>();
        for (StockPair pair : pairs) {
            if (!bothSidesFresh(pair, sourceAt, now, thresholds.staleAfter())) {
                continue;
            }
            CalibrationCheck check = CalibrationRule.check(pair, thresholds);
            if (!check.comparable()) {
                continue;
            }
            CalibrationTask existing = open.remove(pair.key());
            if (check.breach()) {
                List<RootCauseHint> hints = RootCauseHints.of(pair, check, tolerance);
                if (existing == null) {
                    Instant seen = gapSeenAt(pair, now);
                    toOpen.add(new CalibrationTask(0, pair.sellerSku(), pair.warehouseId(), seen,
                            seen.plus(thresholds.calibrationDeadline()), check.warehouseQuantity(),
                            check.tiktokQuantity(), CalibrationState.OPEN, null, null, hints));
                } else if (existing.warehouseQuantity() != check.warehouseQuantity()
                        || existing.tiktokQuantity() != check.tiktokQuantity() || !existing.hints().equals(hints)) {
                    toUpdate.add(new CalibrationTask(existing.id(), existing.sellerSku(), existing.warehouseId(),
                            existing.detectedAt(), existing.deadline(), check.warehouseQuantity(),
                            check.tiktokQuantity(), existing.state(), existing.declaration(), null, hints));
                }
            } else if (existing != null) {
                toResolve.add(new CalibrationTask(existing.id(), existing.sellerSku(), existing.warehouseId(),
                        existing.detectedAt(), existing.deadline(), check.warehouseQuantity(),
                        check.tiktokQuantity(), CalibrationState.RESOLVED, existing.declaration(), now,
                        existing.hints()));
            }
        }
        return new CalibrationChanges(toOpen, toUpdate, toResolve);
    }

    /**
     * When the clock of a new task starts: the sync cycle in which both fresh readings first show the gap,
     * i.e. the later of the two snapshots compared (the second reading is when the gap became visible on
     * both sides), never after {@code now}. Not the moment the rules ran: a gap read at 10:00 and judged at
     * 10:04 has run 4 minutes of its 2 hours. A gap seen only while a side was stale cannot start it (that
     * side's reading was not fresh), so a source coming back starts the clock at its own fresh reading.
     */
    static Instant gapSeenAt(StockPair pair, Instant now) {
        Instant seen = pair.warehouseAt();
        if (seen == null || (pair.tiktokAt() != null && pair.tiktokAt().isAfter(seen))) {
            seen = pair.tiktokAt();
        }
        return seen == null || seen.isAfter(now) ? now : seen;
    }

    /** Both the warehouse source and TikTok's snapshot are within the staleness window at {@code now}. */
    public static boolean bothSidesFresh(StockPair pair, Map<String, Instant> sourceSnapshotAt, Instant now,
                                         Duration staleAfter) {
        Instant warehouseAt = pair.warehouseSourceId() != null && sourceSnapshotAt.containsKey(pair.warehouseSourceId())
                ? sourceSnapshotAt.get(pair.warehouseSourceId()) : pair.warehouseAt();
        return !Staleness.isStale(warehouseAt, now, staleAfter)
                && !Staleness.isStale(pair.warehouseAt(), now, staleAfter)
                && !Staleness.isStale(pair.tiktokAt(), now, staleAfter);
    }
}
