package com.stocklens.rules;

import com.stocklens.domain.Alert;
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
 */
public record FlagEvaluation(Instant evaluatedAt, CalibrationChanges calibration, List<Alert> alerts,
                             Set<String> undecidedKeys) {
    public FlagEvaluation {
        alerts = List.copyOf(alerts);
        undecidedKeys = Set.copyOf(undecidedKeys);
    }
}
