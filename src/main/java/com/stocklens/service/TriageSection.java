package com.stocklens.service;

/**
 * The parts of the "Act now" list (处理这些), in the order a seller works through them. Which part an alert
 * kind goes to is one entry of the triage table (app.triage).
 */
public enum TriageSection {
    /** Open calibration tasks, nearest deadline first: TikTok blocks the SKU when one runs out. */
    CALIBRATION,
    /** Orders at risk today (oversell, missing pre-allocation): units at risk × daily sales, largest first. */
    AT_RISK,
    /** Sources (or lines) not synced in time, with what they keep from being checked: most blocked first. */
    STALE,
    /** Housekeeping (safety stock, slow-moving, returns QC …): a collapsed count per kind, not a call to act. */
    DIGEST;

    /** True for the parts that need a person now: what the badge counts and the window opens on. */
    public boolean actNow() {
        return this != DIGEST;
    }
}
