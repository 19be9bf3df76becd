package com.stocklens.domain;

/** Causes a seller can declare for a stock discrepancy (docs/DOMAIN.md §4). */
public enum DeclaredCause {
    DAMAGE,
    WRONG_SHIPMENT,
    SYNC_MISS,
    IN_TRANSIT_TIMING,
    RETURN_AWAITING_QC,
    OTHER
}
