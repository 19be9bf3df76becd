package com.stocklens.ui.flags;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How close a calibration task is to its deadline, in the order a person should care. Each constant is
 * also a CSS pseudo-class ({@link #pseudoClass()}) and an i18n key suffix ({@code urgency.*}).
 *
 * <p>The colour changes exactly at the boundary: with a 2-hour window a task turns NOTICE at 01:00:00
 * left (50 %), WARNING at 00:30:00 (25 %), CRITICAL at 00:12:00 (10 %) and OVERDUE at 00:00:00, the
 * instant {@code CalibrationTask.isOverdue} becomes true.
 */
public enum Urgency {
    /** Declared: the countdown no longer runs; listed for the record. */
    DECLARED,
    /** More than half of the window left. */
    CALM,
    /** Half of the window or less left. */
    NOTICE,
    /** A quarter of the window or less left. */
    WARNING,
    /** A tenth of the window or less left. */
    CRITICAL,
    /** Past the deadline: TikTok blocks new orders of the SKU. */
    OVERDUE;

    /** The pseudo-class name, e.g. {@code critical}. */
    public String pseudoClass() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for states that still need the seller: anything but DECLARED. */
    public boolean isOpen() {
        return this != DECLARED;
    }

    /**
     * The urgency of an open task with {@code left} until its deadline out of a {@code window}.
     * Compared in milliseconds with integer arithmetic so the boundaries are exact.
     */
    public static Urgency of(Duration left, Duration window) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(window, "window");
        long leftMs = left.toMillis();
        long windowMs = Math.max(1, window.toMillis());
        if (leftMs <= 0) {
            return OVERDUE;
        }
        if (leftMs * 10 <= windowMs) {
            return CRITICAL;
        }
        if (leftMs * 4 <= windowMs) {
            return WARNING;
        }
        if (leftMs * 2 <= windowMs) {
            return NOTICE;
        }
        return CALM;
    }
}
