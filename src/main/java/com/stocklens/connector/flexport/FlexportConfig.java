package com.stocklens.connector.flexport;

import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.http.ProviderHttp;
import java.util.Objects;

/**
 * Settings of one Flexport Logistics API connection (docs/api/warehouses.md §5).
 *
 * @param baseUrl    API host, e.g. {@code https://logistics-api.flexport.com}; paths go under
 *                   {@code /logistics/api/<apiVersion>/}
 * @param token      API token from the Flexport Portal (or an OAuth access token), sent as Bearer
 * @param apiVersion {@code yyyy-mm}, default {@code 2025-03}
 * @param overrides  what the seller states about the network warehouse (key {@link FlexportSource#NETWORK_ID})
 */
public record FlexportConfig(String baseUrl, String token, String apiVersion, WarehouseOverrides overrides) {
    public static final String DEFAULT_BASE_URL = "https://logistics-api.flexport.com";
    public static final String DEFAULT_API_VERSION = "2025-03";
    /** Flexport's cap for {@code limit} on the list endpoints, and our batch for warehouse details. */
    public static final int PAGE_SIZE = 100;

    public FlexportConfig {
        baseUrl = ProviderHttp.baseUrl(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        if (apiVersion == null || apiVersion.isBlank()) {
            apiVersion = DEFAULT_API_VERSION;
        }
        overrides = overrides == null ? WarehouseOverrides.NONE : overrides;
    }

    public static FlexportConfig of(String baseUrl, String token) {
        return new FlexportConfig(baseUrl, token, DEFAULT_API_VERSION, WarehouseOverrides.NONE);
    }

    public FlexportConfig withApiVersion(String version) {
        return new FlexportConfig(baseUrl, token, version, overrides);
    }

    public FlexportConfig withOverrides(WarehouseOverrides value) {
        return new FlexportConfig(baseUrl, token, apiVersion, value);
    }

    /** {@code <baseUrl>/logistics/api/<apiVersion>}. */
    public String apiRoot() {
        return baseUrl + "/logistics/api/" + apiVersion;
    }

    /** Keeps the token out of logs and exception messages. */
    @Override
    public String toString() {
        return "FlexportConfig[baseUrl=" + baseUrl + ", token=REDACTED, apiVersion=" + apiVersion + ", overrides="
                + overrides + "]";
    }
}
