package com.stocklens.connector.tiktok;

import java.util.Objects;

/**
 * Settings of one TikTok Shop authorization.
 *
 * @param apiBaseUrl           shop API host, e.g. {@code https://open-api.tiktokglobalshop.com} (a path
 *                             prefix is allowed; it is not part of the signed path)
 * @param appKey               Partner Center app key
 * @param appSecret            app secret; only signs, never sent
 * @param accessToken          seller access token, sent as {@code x-tts-access-token}
 * @param productSearchVersion version segment of Search Products, default {@code 202309}
 * @param pageSize             products per page, 1–100 (default 100)
 * @param inventoryBatch       SKU ids per Inventory Search, 1–600 (default 600)
 */
public record TikTokConfig(
        String apiBaseUrl,
        String appKey,
        String appSecret,
        String accessToken,
        String productSearchVersion,
        int pageSize,
        int inventoryBatch) {

    public static final String DEFAULT_BASE_URL = "https://open-api.tiktokglobalshop.com";
    public static final String DEFAULT_PRODUCT_SEARCH_VERSION = "202309";
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_INVENTORY_BATCH = 600;

    public TikTokConfig {
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appSecret, "appSecret");
        Objects.requireNonNull(accessToken, "accessToken");
        if (productSearchVersion == null || productSearchVersion.isBlank()) {
            productSearchVersion = DEFAULT_PRODUCT_SEARCH_VERSION;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
        if (inventoryBatch < 1 || inventoryBatch > MAX_INVENTORY_BATCH) {
            throw new IllegalArgumentException("inventoryBatch must be 1.." + MAX_INVENTORY_BATCH + ": " + inventoryBatch);
        }
    }

    /** The defaults: product search {@code 202309}, 100 products per page, 600 SKUs per inventory call. */
    public static TikTokConfig of(String apiBaseUrl, String appKey, String appSecret, String accessToken) {
        return new TikTokConfig(apiBaseUrl, appKey, appSecret, accessToken,
                DEFAULT_PRODUCT_SEARCH_VERSION, MAX_PAGE_SIZE, MAX_INVENTORY_BATCH);
    }

    public TikTokConfig withInventoryBatch(int batch) {
        return new TikTokConfig(apiBaseUrl, appKey, appSecret, accessToken, productSearchVersion, pageSize, batch);
    }

    public TikTokConfig withPageSize(int size) {
        return new TikTokConfig(apiBaseUrl, appKey, appSecret, accessToken, productSearchVersion, size, inventoryBatch);
    }

    /** Keeps the secret and the token out of logs and exception messages. */
    @Override
    public String toString() {
        return "TikTokConfig[apiBaseUrl=" + apiBaseUrl + ", appKey=" + appKey + ", appSecret=REDACTED, accessToken=REDACTED"
                + ", productSearchVersion=" + productSearchVersion + ", pageSize=" + pageSize
                + ", inventoryBatch=" + inventoryBatch + "]";
    }
}
