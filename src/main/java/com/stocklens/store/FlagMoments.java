package com.stocklens.store;

import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The red flags as they stood at a past moment, from what the store records: the one definition shared
 * by the "as of" flag reader ({@link JdbiFlagReader#readAt}) and the snapshot export
 * ({@link SnapshotArchive}), so a past screen and a snapshot file of the same moment agree.
 *
 * <ul>
 *   <li>A calibration task existed at T when it was detected at or before T. It was <em>open</em> then
 *       unless it was closed at or before T; its state then was DECLARED when a declaration was made at
 *       or before T, otherwise OPEN (a task declared or resolved later was still waiting then).</li>
 *   <li>Its declaration at T is the latest made at or before T.</li>
 *   <li>An alert's state at T is replayed from its audit trail ({@code alert_event}): RAISED, REOPENED
 *       and SNOOZE_ENDED make it ACTIVE (RAISED/REOPENED also set when it was raised), ACKNOWLEDGED and
 *       SNOOZED record who looked at it, CLEARED ends it. Figures (actual, limit, detail) are kept only as
 *       they are now, so they are not part of this.</li>
 * </ul>
 */
final class FlagMoments {
    /** Calibration tasks known at {@code :at} (the snapshot export keeps resolved ones too). */
    static final String TASK_KNOWN = "detected_at <= :at";
    /** Declarations made by {@code :at}, of tasks known then. */
    static final String DECLARATION_KNOWN = "declared_at <= :at "
            + "AND task_id IN (SELECT id FROM calibration_task WHERE " + TASK_KNOWN + ")";
    /** Tasks open at {@code :at} (alias {@code t}): detected by then and not closed by then. */
    static final String TASK_OPEN = "t.detected_at <= :at AND (t.closed_at IS NULL OR t.closed_at > :at)";

    private FlagMoments() {
    }

    /** A task's closing time as seen at {@code at}: null while it had not closed yet. */
    static Instant closedAt(Instant closedAt, Instant at) {
        return closedAt != null && closedAt.isAfter(at) ? null : closedAt;
    }

    /**
     * A task's state at {@code at}, from its state now, its closing time and whether a declaration was
     * made by then. A task closed by then keeps its stored (final) state.
     */
    static CalibrationState stateAt(CalibrationState now, Instant closedAt, boolean declaredByThen, Instant at) {
        if (closedAt != null && !closedAt.isAfter(at)) {
            return now;
        }
        return declaredByThen ? CalibrationState.DECLARED : CalibrationState.OPEN;
    }

    /** An alert as its audit trail has it at a moment: state, when it was last raised, who looked at it. */
    record RecordedAlert(AlertState state, Instant raisedAt, String lookedAtBy) {
    }

    /** Replays the audit trail of every alert up to {@code at} (inclusive); keys never raised by then are absent. */
    static Map<String, RecordedAlert> alertsAt(Handle h, Instant at) {
        Map<String, RecordedAlert> out = new HashMap<>();
        h.createQuery("SELECT alert_key, at, who, action FROM alert_event WHERE at <= :at ORDER BY id")
                .bind("at", SqlValues.timestamp(at))
                .map((rs, ctx) -> new Object[] {rs.getString(1), SqlValues.instant(rs, "at"), rs.getString(3),
                        rs.getString(4)})
                .forEach(row -> {
                    String key = (String) row[0];
                    Instant when = (Instant) row[1];
                    String who = (String) row[2];
                    RecordedAlert old = out.get(key);
                    switch ((String) row[3]) {
                        case "RAISED", "REOPENED" -> out.put(key, new RecordedAlert(AlertState.ACTIVE, when, null));
                        case "SNOOZE_ENDED" -> {
                            if (old != null) {
                                out.put(key, new RecordedAlert(AlertState.ACTIVE, old.raisedAt(), null));
                            }
                        }
                        case "ACKNOWLEDGED", "SNOOZED" -> {
                            if (old != null && old.state() != AlertState.CLEARED) {
                                out.put(key, new RecordedAlert(AlertState.ACKNOWLEDGED, old.raisedAt(), who));
                            }
                        }
                        case "CLEARED" -> {
                            if (old != null) {
                                out.put(key, new RecordedAlert(AlertState.CLEARED, old.raisedAt(), null));
                            }
                        }
                        default -> {
                            // an action this version does not know changes nothing it can tell
                        }
                    }
                });
        return out;
    }
}
