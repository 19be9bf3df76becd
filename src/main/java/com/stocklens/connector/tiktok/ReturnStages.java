package com.stocklens.connector.tiktok;

import com.stocklens.domain.ReturnStage;
import java.util.Set;

/**
 * The one place that reads TikTok's {@code return_type} and {@code return_status} (docs/api/tiktok-shop.md §5.8)
 * as a {@link ReturnStage} of the returns buffer pool.
 *
 * <p>TikTok's 202309 status list has no "received by the warehouse" value and no QC result. We read
 * them like this, and the sandbox speaks the same way:
 * <ul>
 *   <li>{@code RETURN_OR_REFUND_REQUEST_SUCCESS} (and {@code REPLACEMENT_REQUEST_REFUND_SUCCESS}):
 *       the seller confirmed receipt of the parcel and the refund went out, but TikTok has not
 *       closed the return: the unit is in the building, inspection outstanding → AWAITING_QC.</li>
 *   <li>{@code RETURN_OR_REFUND_REQUEST_COMPLETE} / {@code REPLACEMENT_REQUEST_COMPLETE}: closed
 *       after an accepted parcel → QC_PASSED.</li>
 *   <li>{@code REJECT_RECEIVE_PACKAGE}: the seller inspected the parcel and rejected it (damaged,
 *       not the item sold) → QC_FAILED: the unit is back but not sellable, and still not lost.</li>
 * </ul>
 * A refund-only return never brings a unit back, whatever its status. A status we do not know
 * keeps the unit REQUESTED: in the pool, visible, and never counted as lost.
 */
public final class ReturnStages {
    private static final Set<String> REQUESTED = Set.of("RETURN_OR_REFUND_REQUEST_PENDING", "AWAITING_BUYER_SHIP",
            "AWAITING_BUYER_RESPONSE", "REPLACEMENT_REQUEST_PENDING");
    private static final Set<String> NO_UNIT = Set.of("REFUND_OR_RETURN_REQUEST_REJECT",
            "RETURN_OR_REFUND_REQUEST_CANCEL", "REPLACEMENT_REQUEST_REJECT", "REPLACEMENT_REQUEST_CANCEL");
    private static final Set<String> AWAITING_QC = Set.of("RETURN_OR_REFUND_REQUEST_SUCCESS",
            "REPLACEMENT_REQUEST_REFUND_SUCCESS");
    private static final Set<String> QC_PASSED = Set.of("RETURN_OR_REFUND_REQUEST_COMPLETE",
            "REPLACEMENT_REQUEST_COMPLETE");

    private ReturnStages() {
    }

    /** Where one returned unit is, from its return's type and status. */
    public static ReturnStage of(String returnType, String returnStatus) {
        if ("REFUND".equals(returnType)) {
            return ReturnStage.NO_UNIT;
        }
        if (returnStatus == null) {
            return ReturnStage.REQUESTED;
        }
        if (NO_UNIT.contains(returnStatus)) {
            return ReturnStage.NO_UNIT;
        }
        if (REQUESTED.contains(returnStatus)) {
            return ReturnStage.REQUESTED;
        }
        if ("BUYER_SHIPPED_ITEM".equals(returnStatus)) {
            return ReturnStage.IN_TRANSIT_BACK;
        }
        if (AWAITING_QC.contains(returnStatus)) {
            return ReturnStage.AWAITING_QC;
        }
        if (QC_PASSED.contains(returnStatus)) {
            return ReturnStage.QC_PASSED;
        }
        if ("REJECT_RECEIVE_PACKAGE".equals(returnStatus)) {
            return ReturnStage.QC_FAILED;
        }
        return ReturnStage.REQUESTED;
    }
}
