package com.stocklens.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One unit sold on TikTok: an order line item (TikTok's line items carry no quantity: one line = one unit).
 *
 * @param tiktokWarehouseId the order's warehouse, null when TikTok did not say
 * @param status            the order status (e.g. AWAITING_SHIPMENT, CANCELLED)
 */
public record SaleLine(
        String shopId,
        String orderId,
        String lineId,
        String sellerSku,
        String tiktokSkuId,
        String tiktokWarehouseId,
        String status,
        Instant createdAt,
        Instant updatedAt) {

    public SaleLine {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isCancelled() {
        return "CANCELLED".equals(status);
    }
}
