package com.stocklens.rules;

import com.stocklens.domain.CalibrationTask;
import java.util.List;

/**
 * What one run of the {@link CalibrationDetector} decided.
 *
 * @param toOpen    new tasks (id 0, state OPEN, detectedAt = now, deadline = now + calibration deadline)
 * @param toUpdate  existing tasks whose compared figures or hints changed (same id and state)
 * @param toResolve existing tasks whose gap no longer breaches (state RESOLVED, closedAt = now)
 */
public record CalibrationChanges(List<CalibrationTask> toOpen, List<CalibrationTask> toUpdate,
                                 List<CalibrationTask> toResolve) {
    public static final CalibrationChanges NONE = new CalibrationChanges(List.of(), List.of(), List.of());

    public CalibrationChanges {
        toOpen = List.copyOf(toOpen);
        toUpdate = List.copyOf(toUpdate);
        toResolve = List.copyOf(toResolve);
    }

    public boolean isEmpty() {
        return toOpen.isEmpty() && toUpdate.isEmpty() && toResolve.isEmpty();
    }
}
