package com.stocklens.sandbox;

import java.util.List;

/**
 * A TikTok product: 1–4 variant SKUs sharing a title.
 *
 * @param index       0-based product index
 * @param title       listing title
 * @param productIdUs TikTok product id in the US shop
 * @param productIdGb TikTok product id in the GB shop
 * @param status      TikTok product status (ACTIVATE for most, SELLER_DEACTIVATED for a few)
 * @param skuIndexes  the SKUs ({@link SimSku#index()}) of its variants, listed or not
 */
public record SimProduct(int index, String title, String productIdUs, String productIdGb, String status,
                         List<Integer> skuIndexes) {
    public SimProduct {
        skuIndexes = List.copyOf(skuIndexes);
    }
}
