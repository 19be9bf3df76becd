package com.stocklens.connector.shipbob;

import com.stocklens.connector.http.ProviderHttp;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one ShipBob account.
 *
 * @param baseUrl              API host without version, e.g. {@code https://api.shipbob.com}
 * @param token                personal access token or OAuth access token (sent as Bearer)
 * @param apiVersion           {@code 2025-07} (default), {@code 2026-01}, or legacy {@code 1.0}
 * @param pageSize             items per page (default 250, ShipBob's maximum: fewest requests per sync)
 * @param tiktokWarehouseLinks fulfillment-center id → TikTok warehouse id it fulfils for
 * @param regions              fulfillment-center id → region label, e.g. {@code US-West}
 * @param requestsPerMinute    client-side budget, default 120 (ShipBob allows 150 per minute per
 *                             user and application across all its APIs)
 */
public record ShipBobConfig(
        String baseUrl,
        String token,
        String apiVersion,
        int pageSize,
        Map<String, String> tiktokWarehouseLinks,
        Map<String, String> regions,
        int requestsPerMinute) {

    public static final String DEFAULT_BASE_URL = "https://api.shipbob.com";
    public static final String DEFAULT_API_VERSION = "2025-07";
    public static final String LEGACY_API_VERSION = "1.0";
    /** ShipBob's maximum page size: a full sync needs the fewest requests (issue 8: 2.5x fewer than at 100). */
    public static final int DEFAULT_PAGE_SIZE = 250;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 120;

    public ShipBobConfig {
        baseUrl = ProviderHttp.baseUrl(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        if (apiVersion == null || apiVersion.isBlank()) {
            apiVersion = DEFAULT_API_VERSION;
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be >= 1: " + requestsPerMinute);
        }
        tiktokWarehouseLinks = tiktokWarehouseLinks == null ? Map.of() : Map.copyOf(tiktokWarehouseLinks);
        regions = regions == null ? Map.of() : Map.copyOf(regions);
    }

    /** Version {@code 2025-07}, 250 per page, no links or regions, 120 requests per minute. */
    public static ShipBobConfig of(String baseUrl, String token) {
        return new ShipBobConfig(baseUrl, token, DEFAULT_API_VERSION, DEFAULT_PAGE_SIZE, Map.of(), Map.of(),
                DEFAULT_REQUESTS_PER_MINUTE);
    }

    public ShipBobConfig withApiVersion(String version) {
        return new ShipBobConfig(baseUrl, token, version, pageSize, tiktokWarehouseLinks, regions, requestsPerMinute);
    }

    public ShipBobConfig withPageSize(int size) {
        return new ShipBobConfig(baseUrl, token, apiVersion, size, tiktokWarehouseLinks, regions, requestsPerMinute);
    }

    public ShipBobConfig withLinks(Map<String, String> links, Map<String, String> regionLabels) {
        return new ShipBobConfig(baseUrl, token, apiVersion, pageSize, links, regionLabels, requestsPerMinute);
    }

    /** True for the deprecated 1.0 API, whose inventory shape and paging differ. */
    public boolean isLegacy() {
        return LEGACY_API_VERSION.equals(apiVersion);
    }

    /** Keeps the token out of logs and exception messages. */
    @Override
    public String toString() {
        return "ShipBobConfig[baseUrl=" + baseUrl + ", token=REDACTED, apiVersion=" + apiVersion + ", pageSize=" + pageSize
                + ", tiktokWarehouseLinks=" + tiktokWarehouseLinks + ", regions=" + regions
                + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
