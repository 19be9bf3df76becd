package com.stocklens.rules.score;

/** The three axes of docs/DOMAIN.md §1 a warehouse is judged on. */
public enum Axis {
    /** Which TikTok sites and regions it serves. */
    COVERAGE,
    /** First-leg routes, outbound SLA, local returns, fees, and what our own history shows of its speed. */
    LOGISTICS,
    /** API connection to TikTok, certification, and how reliably and freshly it syncs. */
    SYSTEM
}
