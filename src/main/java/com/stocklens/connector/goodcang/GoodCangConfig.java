package com.stocklens.connector.goodcang;

import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.http.ProviderHttp;
import java.util.Objects;

/**
 * Settings of one GoodCang (谷仓) account (docs/api/warehouses.md §6.1).
 *
 * @param apiBase   base including {@code /public_open}, e.g. {@code https://oms.goodcang.net/public_open}
 * @param appKey    sent as {@code app-key}; secret
 * @param appToken  sent as {@code app-token}; secret
 * @param pageSize  rows per {@code get_product_inventory} page (200, GoodCang's maximum)
 * @param overrides the seller's links, regions and markets per {@code warehouse_code}
 */
public record GoodCangConfig(String apiBase, String appKey, String appToken, int pageSize,
                             WarehouseOverrides overrides) {
    public static final String DEFAULT_API_BASE = "https://oms.goodcang.net/public_open";
    public static final int DEFAULT_PAGE_SIZE = 200;

    public GoodCangConfig {
        apiBase = ProviderHttp.baseUrl(apiBase, "apiBase");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(appToken, "appToken");
        if (pageSize < 1 || pageSize > DEFAULT_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1..200: " + pageSize);
        }
        overrides = overrides == null ? WarehouseOverrides.NONE : overrides;
    }

    public static GoodCangConfig of(String apiBase, String appKey, String appToken) {
        return new GoodCangConfig(apiBase, appKey, appToken, DEFAULT_PAGE_SIZE, WarehouseOverrides.NONE);
    }

    public GoodCangConfig withOverrides(WarehouseOverrides value) {
        return new GoodCangConfig(apiBase, appKey, appToken, pageSize, value);
    }

    public GoodCangConfig withPageSize(int value) {
        return new GoodCangConfig(apiBase, appKey, appToken, value, overrides);
    }

    /** Keeps the key and token out of logs and exception messages. */
    @Override
    public String toString() {
        return "GoodCangConfig[apiBase=" + apiBase + ", appKey=REDACTED, appToken=REDACTED, pageSize=" + pageSize
                + ", overrides=" + overrides + "]";
    }
}
