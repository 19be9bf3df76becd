package com.stocklens.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the rules remember of one SKU × warehouse between two evaluations, to see whether TikTok followed a
 * change of the warehouse (docs/DOMAIN.md §3, per-SKU sync lag).
 *
 * @param warehouseAvailable the warehouse's available at the last evaluation (null = unknown)
 * @param previousAvailable  the warehouse's available before its latest change; null when no change was seen
 * @param changedAt          the warehouse snapshot that first showed the latest change; null when none was seen
 * @param tiktokBefore       TikTok's available in effect when the warehouse changed (null = unknown)
 * @param tiktokAvailable    TikTok's available at the last evaluation (null = unknown)
 * @param tiktokAt           the time of the TikTok reading that first showed that figure
 */
public record PairWatch(String sellerSku, String warehouseId, Integer warehouseAvailable, Integer previousAvailable,
                        Instant changedAt, Integer tiktokBefore, Integer tiktokAvailable, Instant tiktokAt) {
    public PairWatch {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
    }

    /** {@code sellerSku@warehouseId}, as {@link StockPair#key()}. */
    public String key() {
        return sellerSku + "@" + warehouseId;
    }
}
