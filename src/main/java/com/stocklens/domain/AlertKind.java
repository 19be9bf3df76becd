package com.stocklens.domain;

/** The red flags other than calibration tasks (docs/DOMAIN.md §3, §5–7). */
public enum AlertKind {
    /**
     * TikTok offers more than the warehouse can ship: TikTok available &gt; warehouse available − units TikTok
     * committed that the warehouse has not reserved.
     */
    OVERSELL_RISK,
    /** TikTok committed > warehouse reserved: orders not pre-allocated (预占) in the WMS. */
    MISSING_PREALLOCATION,
    /** A source has not synced within the window. */
    STALE_SOURCE,
    /** Available + in transit below the reorder point (安全库存). */
    BELOW_SAFETY_STOCK,
    /** Units older than the slow-moving threshold (滞销). */
    SLOW_MOVING,
    /** Returns waiting for QC longer than the allowed working days. */
    RETURN_QC_OVERDUE,
    /** Already oversold: TikTok has committed more units to orders than the warehouse holds on hand. */
    OVERSOLD,
    /** A change of the warehouse's available that TikTok has not mirrored within the freshness window. */
    SKU_SYNC_LAG,
    /** Returned units TikTok reports as passed QC that the warehouse still holds out of available a cycle later. */
    RETURN_NOT_RESTOCKED
}
