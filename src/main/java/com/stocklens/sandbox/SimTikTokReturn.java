package com.stocklens.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A customer return as TikTok shows it (RETURN_AND_REFUND), mirroring one ShipBob return of the world:
 * AWAITING_BUYER_SHIP → BUYER_SHIPPED_ITEM → RETURN_OR_REFUND_REQUEST_SUCCESS when the warehouse
 * receives it (ShipBob "Arrived") → RETURN_OR_REFUND_REQUEST_COMPLETE when inspection is done, or
 * REJECT_RECEIVE_PACKAGE when any unit failed inspection (TikTok's status is per return, so one
 * failed unit rejects the parcel).
 *
 * @param id             return id
 * @param orderId        the order it came from (the ShipBob return's reference)
 * @param shopId         shop
 * @param shipbobId      the ShipBob return it mirrors
 * @param lines          one per unit
 * @param createdAt      requested
 * @param buyerShippedAt handed to the carrier
 * @param receivedAt     arrived at the warehouse, or null
 * @param completedAt    inspection finished, or null
 * @param qcFailed       whether any unit was quarantined
 */
public record SimTikTokReturn(String id, String orderId, String shopId, long shipbobId, List<Line> lines,
                              Instant createdAt, Instant buyerShippedAt, Instant receivedAt, Instant completedAt,
                              boolean qcFailed) {
    public SimTikTokReturn {
        lines = List.copyOf(lines);
    }

    /**
     * One returned unit.
     *
     * @param lineId      return line item id
     * @param skuIndex    {@link SimSku#index()}
     * @param sellerSku   merchant code
     * @param tiktokSkuId the shop's TikTok SKU id
     */
    public record Line(String lineId, int skuIndex, String sellerSku, String tiktokSkuId) {
    }

    /** TikTok's return status as seen at {@code now}. */
    public String status(Instant now) {
        if (reached(completedAt, now)) {
            return qcFailed ? "REJECT_RECEIVE_PACKAGE" : "RETURN_OR_REFUND_REQUEST_COMPLETE";
        }
        if (reached(receivedAt, now)) {
            return "RETURN_OR_REFUND_REQUEST_SUCCESS";
        }
        return reached(buyerShippedAt, now) ? "BUYER_SHIPPED_ITEM" : "AWAITING_BUYER_SHIP";
    }

    /** The time of the latest change at or before {@code now}. */
    public Instant updateTime(Instant now) {
        Instant latest = createdAt;
        for (Instant t : new Instant[] {buyerShippedAt, receivedAt, completedAt}) {
            if (reached(t, now) && t.isAfter(latest)) {
                latest = t;
            }
        }
        return latest;
    }

    private static boolean reached(Instant t, Instant now) {
        return t != null && !t.isAfter(now);
    }
}
