package com.stocklens.domain;

/** What StockLens knows that may explain a discrepancy (pre-filled root-cause hints). */
public enum HintKind {
    /** TikTok has committed units to orders the warehouse has not reserved yet. */
    OPEN_ORDERS_NOT_RESERVED,
    /** Customer returns are waiting for QC in the warehouse. */
    RETURNS_IN_QC,
    /** Inbound units are in transit or under receiving QC. */
    INBOUND_IN_FLIGHT,
    /** The SKU is missing on one side, or mapped to another warehouse. */
    MAPPING_PROBLEM,
    /** One side's snapshot is older than the other's by more than a sync cycle. */
    STALE_SIDE
}
