package com.stocklens.domain;

import java.util.Objects;

/**
 * The codes that name one SKU in the different systems (the "three codes" of docs/DOMAIN.md §7).
 * Only the seller SKU is required; it is the key that joins TikTok and the warehouses.
 *
 * @param sellerSku   merchant SKU code (TikTok {@code seller_sku}, ShipBob {@code sku})
 * @param tiktokSkuId TikTok's SKU id (18–19 digit string), or null when not listed
 * @param barcode     UPC/EAN/GTIN, or null
 * @param wmsId       the warehouse system's internal id (ShipBob {@code inventory_id}), or null
 */
public record SkuCodes(String sellerSku, String tiktokSkuId, String barcode, String wmsId) {
    public SkuCodes {
        Objects.requireNonNull(sellerSku, "sellerSku");
        if (sellerSku.isBlank()) {
            throw new IllegalArgumentException("sellerSku must not be blank");
        }
    }

    public static SkuCodes ofSellerSku(String sellerSku) {
        return new SkuCodes(sellerSku, null, null, null);
    }
}
