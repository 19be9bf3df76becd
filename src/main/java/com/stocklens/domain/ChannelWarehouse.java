package com.stocklens.domain;

import java.util.Objects;

/** A TikTok Shop warehouse as TikTok lists it (Get Warehouse List). */
public record ChannelWarehouse(
        String shopId,
        String tiktokWarehouseId,
        String name,
        String regionCode,
        boolean sellable,
        boolean returnWarehouse) {

    public ChannelWarehouse {
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(tiktokWarehouseId, "tiktokWarehouseId");
    }
}
