package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.PairWatch;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one evaluation.
 *
 * @param calibration   tasks to open, update and resolve
 * @param alerts        every alert condition true now (state ACTIVE, raisedAt = evaluatedAt)
 * @param undecidedKeys alert keys that could not be judged this time (a side is stale): the store
 *                      neither raises nor clears them
 * @param watches       the sync-lag memory that changed in this evaluation, to keep for the next one
 */
public record FlagEvaluation(Instant evaluatedAt, CalibrationChanges calibration, List<Alert> alerts,
                             Set<String> undecidedKeys, List<PairWatch> watches) {
    public FlagEvaluation {
        alerts = List.copyOf(alerts);
        undecidedKeys = Set.copyOf(undecidedKeys);
        watches = watches == null ? List.of() : List.copyOf(watches);
    }

    /** An outcome with nothing to remember. */
    public FlagEvaluation(Instant evaluatedAt, CalibrationChanges calibration, List<Alert> alerts,
                          Set<String> undecidedKeys) {
        this(evaluatedAt, calibration, alerts, undecidedKeys, List.of());
    }
}
