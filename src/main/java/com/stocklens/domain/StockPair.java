package com.stocklens.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The warehouse's reading and TikTok's figures for one SKU in one warehouse, with the time of each
 * side's snapshot: the input of the discrepancy and oversell rules.
 *
 * @param tiktokAvailable null when TikTok has no figure for the pair (unlisted or unmapped)
 * @param tiktokCommitted null when unknown
 * @param warehouseAt     time of the warehouse snapshot
 * @param tiktokAt        time of the TikTok snapshot, null when TikTok has no figure
 * @param warehouseSourceId the source the warehouse reading came from
 */
public record StockPair(
        String sellerSku,
        String warehouseId,
        String warehouseSourceId,
        StockLevel level,
        Integer tiktokAvailable,
        Integer tiktokCommitted,
        Instant warehouseAt,
        Instant tiktokAt) {

    public StockPair {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(level, "level");
    }

    /** The key of this pair in maps and alert keys: {@code sellerSku@warehouseId}. */
    public String key() {
        return sellerSku + "@" + warehouseId;
    }
}
