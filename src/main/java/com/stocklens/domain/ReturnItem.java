package com.stocklens.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One returned unit as TikTok tracks it (a return line item), moving requested → shipped back →
 * received → QC pass/fail. Held in the returns pool, never counted as lost.
 *
 * @param returnType   REFUND, RETURN_AND_REFUND or REPLACEMENT
 * @param returnStatus TikTok's return status
 * @param stage        our reading of where the unit is
 */
public record ReturnItem(
        String shopId,
        String returnId,
        String orderId,
        String lineId,
        String sellerSku,
        String tiktokSkuId,
        String returnType,
        String returnStatus,
        ReturnStage stage,
        Instant createdAt,
        Instant updatedAt) {

    public ReturnItem {
        Objects.requireNonNull(returnId, "returnId");
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(stage, "stage");
    }
}
