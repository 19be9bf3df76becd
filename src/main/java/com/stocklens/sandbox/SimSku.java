package com.stocklens.sandbox;

import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import java.math.BigDecimal;

/**
 * One simulated SKU with every code the outside world knows it by.
 *
 * @param index        position in the world (0-based), stable for a seed
 * @param sellerSku    merchant SKU, e.g. "TTS-PS-BLK-01" (ShipBob {@code sku}, TikTok {@code seller_sku})
 * @param name         variant name, e.g. "Silicone Phone Stand Pro - Black"
 * @param productIndex index of the product (group of variants) it belongs to
 * @param inventoryId  ShipBob inventory id
 * @param tiktokSkuIdUs TikTok SKU id in the US shop, or null when not listed (unmapped)
 * @param tiktokSkuIdGb TikTok SKU id in the GB shop, or null when not listed (unmapped)
 * @param barcode      EAN-13, or null; a few carry a deliberately wrong check digit
 * @param barcodeValid whether the check digit is right (false also when there is no barcode)
 * @param priceUsd     sale price in the US shop
 * @param priceGbp     sale price in the GB shop
 * @param fastMover    sells many times faster than the rest
 */
public record SimSku(
        int index, String sellerSku, String name, int productIndex, long inventoryId,
        String tiktokSkuIdUs, String tiktokSkuIdGb, String barcode, boolean barcodeValid,
        BigDecimal priceUsd, BigDecimal priceGbp, boolean fastMover) {

    /** Whether TikTok knows this SKU at all; unmapped SKUs exist only in the warehouse. */
    public boolean onTikTok() {
        return tiktokSkuIdUs != null;
    }

    /** The domain view, with the US shop's TikTok id (the GB id differs; joins go by seller SKU). */
    public Sku toDomain() {
        return new Sku(new SkuCodes(sellerSku, tiktokSkuIdUs, barcode, Long.toString(inventoryId)), name);
    }
}
