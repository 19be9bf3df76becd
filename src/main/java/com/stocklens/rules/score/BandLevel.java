package com.stocklens.rules.score;

/**
 * Where a value sits against its band: good, in between, poor, or missing (no value: never "poor"); or a
 * measured value resting on too few days of history (shown, scored as missing).
 */
public enum BandLevel {
    GOOD, FAIR, POOR, MISSING, INSUFFICIENT_HISTORY
}
