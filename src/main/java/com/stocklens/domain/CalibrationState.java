package com.stocklens.domain;

/** Life of a calibration task. Overdue is not a state: it is OPEN past its deadline, read off the clock. */
public enum CalibrationState {
    /** Gap detected, no cause declared yet: the countdown runs. */
    OPEN,
    /** The seller declared a cause; the task stays until the gap closes. */
    DECLARED,
    /** The gap disappeared; the task closed itself. */
    RESOLVED
}
