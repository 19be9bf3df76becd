package com.stocklens.connector.shipmonk;

import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.http.ProviderHttp;
import java.util.Objects;

/**
 * Settings of one ShipMonk store connection (docs/api/warehouses.md §4).
 *
 * @param baseUrl   API host, e.g. {@code https://api.shipmonk.com} (sandbox {@code https://sandbox.shipmonk.dev})
 * @param apiKey    the store's integration API key, sent as the {@code Api-Key} header
 * @param pageSize  products per paginate call, 1–500 (default 500: fewest requests)
 * @param overrides what the seller states about the warehouses, keyed by ShipMonk warehouse identifier (e.g. CA1)
 */
public record ShipMonkConfig(String baseUrl, String apiKey, int pageSize, WarehouseOverrides overrides) {
    public static final String DEFAULT_BASE_URL = "https://api.shipmonk.com";
    public static final int MAX_PAGE_SIZE = 500;
    /** receivings-list and returns-list allow at most 100 per page. */
    public static final int LIST_PAGE_SIZE = 100;

    public ShipMonkConfig {
        baseUrl = ProviderHttp.baseUrl(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
        overrides = overrides == null ? WarehouseOverrides.NONE : overrides;
    }

    public static ShipMonkConfig of(String baseUrl, String apiKey) {
        return new ShipMonkConfig(baseUrl, apiKey, MAX_PAGE_SIZE, WarehouseOverrides.NONE);
    }

    public ShipMonkConfig withPageSize(int size) {
        return new ShipMonkConfig(baseUrl, apiKey, size, overrides);
    }

    public ShipMonkConfig withOverrides(WarehouseOverrides value) {
        return new ShipMonkConfig(baseUrl, apiKey, pageSize, value);
    }

    /** Keeps the API key out of logs and exception messages. */
    @Override
    public String toString() {
        return "ShipMonkConfig[baseUrl=" + baseUrl + ", apiKey=REDACTED, pageSize=" + pageSize + ", overrides="
                + overrides + "]";
    }
}
