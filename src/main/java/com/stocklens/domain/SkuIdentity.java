package com.stocklens.domain;

import java.util.List;
import java.util.Objects;

/**
 * One product as the shop knows it: the seller SKU is the hub that TikTok SKU ids, barcodes and each
 * warehouse's own code are tied to (docs/DOMAIN.md §7).
 *
 * @param sellerSku    the identity's key (TikTok {@code seller_sku})
 * @param name         display name, or null
 * @param tiktokSkuIds TikTok SKU ids (one per shop listing; empty when not listed)
 * @param barcodes     barcodes known for it (from the warehouses that carry it under the seller SKU)
 */
public record SkuIdentity(String sellerSku, String name, List<String> tiktokSkuIds, List<String> barcodes) {
    public SkuIdentity {
        Objects.requireNonNull(sellerSku, "sellerSku");
        if (sellerSku.isBlank()) {
            throw new IllegalArgumentException("sellerSku must not be blank");
        }
        tiktokSkuIds = List.copyOf(tiktokSkuIds);
        barcodes = List.copyOf(barcodes);
    }
}
