package com.stocklens.domain;

/** Which pair of figures a calibration compares (a setting). */
public enum CalibrationBasis {
    /** TikTok's available vs the warehouse's available (default). */
    AVAILABLE,
    /** TikTok's available + committed vs the warehouse's on hand (total stock). */
    TOTAL
}
