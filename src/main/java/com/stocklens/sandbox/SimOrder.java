package com.stocklens.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One simulated TikTok order: one SKU, one line item per unit (TikTok line items carry no quantity).
 * Its whole timeline is fixed when it is placed, so its status at any instant is a pure function:
 * AWAITING_SHIPMENT → IN_TRANSIT (when the warehouse ships) → DELIVERED → COMPLETED, or
 * AWAITING_SHIPMENT → CANCELLED.
 *
 * @param id                TikTok order id
 * @param shopId            the shop it was placed in
 * @param tiktokWarehouseId the TikTok sales warehouse linked to the FC that fulfils it
 * @param fcId              that FC
 * @param skuIndex          {@link SimSku#index()}
 * @param sellerSku         merchant code
 * @param tiktokSkuId       the shop's TikTok SKU id
 * @param lineIds           one line item id per unit
 * @param createdAt         placed (and paid)
 * @param shippedAt         left the warehouse, null when cancelled
 * @param deliveredAt       delivered, null when cancelled
 * @param completedAt       completed, null when cancelled
 * @param cancelledAt       cancelled, or null
 */
public record SimOrder(String id, String shopId, String tiktokWarehouseId, int fcId, int skuIndex, String sellerSku,
                       String tiktokSkuId, List<String> lineIds, Instant createdAt, Instant shippedAt,
                       Instant deliveredAt, Instant completedAt, Instant cancelledAt) {
    public SimOrder {
        lineIds = List.copyOf(lineIds);
    }

    public int units() {
        return lineIds.size();
    }

    /** TikTok's order status as seen at {@code now}. */
    public String status(Instant now) {
        if (cancelledAt != null) {
            return reached(cancelledAt, now) ? "CANCELLED" : "AWAITING_SHIPMENT";
        }
        if (reached(completedAt, now)) {
            return "COMPLETED";
        }
        if (reached(deliveredAt, now)) {
            return "DELIVERED";
        }
        return reached(shippedAt, now) ? "IN_TRANSIT" : "AWAITING_SHIPMENT";
    }

    /** The time of the latest change at or before {@code now}. */
    public Instant updateTime(Instant now) {
        Instant latest = createdAt;
        for (Instant t : new Instant[] {shippedAt, deliveredAt, completedAt, cancelledAt}) {
            if (reached(t, now) && t.isAfter(latest)) {
                latest = t;
            }
        }
        return latest;
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    private static boolean reached(Instant t, Instant now) {
        return t != null && !t.isAfter(now);
    }
}
