package com.stocklens.service;

import com.stocklens.domain.Alert;
import com.stocklens.domain.CalibrationTask;
import java.time.Instant;
import java.util.List;

/**
 * One evaluation of the rules changed the flags (or a person acted on one). Sent once per evaluation.
 *
 * @param opened   calibration tasks opened by this evaluation
 * @param resolved tasks whose gap closed
 * @param raised   alerts that are new (a condition that was not active before)
 * @param followed true when another desk made the change (team mode) and this desk read it from the
 *                 shared database: desktop notices show, the team push (sent by that desk) does not repeat
 */
public record FlagsChanged(Instant at, List<CalibrationTask> opened, List<CalibrationTask> resolved,
                           List<Alert> raised, boolean followed) {
    public FlagsChanged {
        opened = List.copyOf(opened);
        resolved = List.copyOf(resolved);
        raised = List.copyOf(raised);
    }

    /** A change made on this desk. */
    public FlagsChanged(Instant at, List<CalibrationTask> opened, List<CalibrationTask> resolved,
                        List<Alert> raised) {
        this(at, opened, resolved, raised, false);
    }
}
