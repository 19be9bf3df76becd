package com.stocklens.service;

import com.stocklens.domain.Sku;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import java.time.Instant;

/**
 * One SKU × warehouse line of the stock board: the warehouse's seven buckets beside TikTok's figures.
 *
 * @param tiktokAvailable     TikTok's sellable figure for this SKU in the linked TikTok warehouse, null if unknown
 * @param tiktokCommitted     TikTok's committed figure, null if unknown
 * @param warehouseSnapshotAt time of the warehouse snapshot the level comes from
 * @param tiktokSnapshotAt    time of the TikTok snapshot, null when TikTok has no figure
 */
public record BoardRow(
        Sku sku,
        Warehouse warehouse,
        StockLevel level,
        Integer tiktokAvailable,
        Integer tiktokCommitted,
        Instant warehouseSnapshotAt,
        Instant tiktokSnapshotAt) {
}
