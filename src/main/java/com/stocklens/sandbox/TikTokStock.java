package com.stocklens.sandbox;

/**
 * TikTok's figures for one SKU in one TikTok sales warehouse.
 *
 * @param available {@code available_quantity}
 * @param committed {@code committed_quantity}
 */
public record TikTokStock(int available, int committed) {
}
