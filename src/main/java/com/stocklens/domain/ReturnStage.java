package com.stocklens.domain;

/** Where a returned unit is in the returns buffer pool (退货缓冲池). */
public enum ReturnStage {
    /** Buyer asked; nothing shipped back yet. */
    REQUESTED,
    /** On its way back to the warehouse. */
    IN_TRANSIT_BACK,
    /** Received, waiting for inspection. */
    AWAITING_QC,
    /** Passed QC: sellable again. */
    QC_PASSED,
    /** Failed QC: damaged or not restockable. */
    QC_FAILED,
    /** Refund only, rejected or cancelled: no unit comes back. */
    NO_UNIT
}
