package com.stocklens.domain;

/** The red flags other than calibration tasks (docs/DOMAIN.md §3, §5–7). */
public enum AlertKind {
    /** TikTok offers more than the warehouse can ship: TikTok available > warehouse available. */
    OVERSELL_RISK,
    /** TikTok committed > warehouse reserved: orders not pre-allocated (预占) in the WMS. */
    MISSING_PREALLOCATION,
    /** A source has not synced within the window. */
    STALE_SOURCE,
    /** Available + in transit below the reorder point (安全库存). */
    BELOW_SAFETY_STOCK,
    /** Stock older than the slow-moving threshold (滞销). */
    SLOW_MOVING,
    /** Returns waiting for QC longer than the allowed working days. */
    RETURN_QC_OVERDUE
}
