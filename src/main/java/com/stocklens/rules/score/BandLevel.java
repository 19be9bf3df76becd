package com.stocklens.rules.score;

/** Where a value sits against its band: good, in between, poor, or missing (no value: never "poor"). */
public enum BandLevel {
    GOOD, FAIR, POOR, MISSING
}
