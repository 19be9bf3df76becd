package com.stocklens.service;

import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.DeclaredCause;
import java.time.Duration;

/**
 * What a person can do to a flag. Blocking I/O: never on the FX thread. Each action is recorded
 * atomically with its audit trail (who, when, what).
 */
public interface FlagActions {
    /**
     * Declares the cause of a calibration task.
     *
     * @throws IllegalArgumentException when the task does not exist, or OTHER comes without a note
     * @throws IllegalStateException    when the task is already resolved or declared
     */
    CalibrationTask declare(long taskId, DeclaredCause cause, String note, String who);

    /** Acknowledges an alert: it stays listed, no longer counts as new. */
    void acknowledge(String alertKey, String who);

    /** Hides an alert for {@code duration}; it comes back if the condition still holds then. */
    void snooze(String alertKey, Duration duration, String who);
}
