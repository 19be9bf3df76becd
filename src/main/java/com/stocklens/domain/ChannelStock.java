package com.stocklens.domain;

import java.util.Objects;

/**
 * TikTok's view of one SKU in one TikTok warehouse (Inventory Search {@code warehouse_inventory[]}).
 *
 * @param shopId            TikTok shop id
 * @param sellerSku         merchant SKU code, the join key to warehouse stock
 * @param tiktokSkuId       TikTok SKU id
 * @param tiktokWarehouseId TikTok's warehouse id
 * @param available         sellable units TikTok offers ({@code available_quantity}); null if unknown
 * @param committed         units TikTok has committed to open orders ({@code committed_quantity}); null if unknown
 */
public record ChannelStock(
        String shopId,
        String sellerSku,
        String tiktokSkuId,
        String tiktokWarehouseId,
        Integer available,
        Integer committed) {

    public ChannelStock {
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(tiktokWarehouseId, "tiktokWarehouseId");
        if (available != null && available < 0 || committed != null && committed < 0) {
            throw new IllegalArgumentException("TikTok quantities must not be negative: available " + available
                    + ", committed " + committed);
        }
    }
}
