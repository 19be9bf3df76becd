package com.stocklens.connector.winit;

import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.domain.BeijingTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of one WINIT seller account (docs/api/warehouses.md §3.1–§3.3).
 *
 * @param apiBase       the single gateway URL, e.g. {@code https://openapi.winit.com.cn/openapi/service}
 * @param appKey        the WINIT account login (not secret)
 * @param token         the account's API token: signs {@code sign}; secret
 * @param clientId      application id of the open-API gateway, or null (legacy callers send only {@code sign})
 * @param clientSecret  application secret: signs {@code client_sign}; secret; null with {@code clientId} null
 * @param platform      application code, e.g. {@code SELLERERP}
 * @param timestampZone zone of the {@code timestamp} field. Clients send their local clock and WINIT's
 *                      expectation is not documented [UNSURE]; Beijing time is the default because the
 *                      gateway runs in China
 * @param pageSize      rows per {@code queryWarehouseStorage} page (200, the most clients use)
 * @param overrides     the seller's links, regions and markets per {@code warehouseID}
 */
public record WinitConfig(String apiBase, String appKey, String token, String clientId, String clientSecret,
                          String platform, ZoneId timestampZone, int pageSize, WarehouseOverrides overrides) {
    public static final String DEFAULT_API_BASE = "https://openapi.winit.com.cn/openapi/service";
    public static final String DEFAULT_PLATFORM = "SELLERERP";
    public static final int DEFAULT_PAGE_SIZE = 200;

    public WinitConfig {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(appKey, "appKey");
        Objects.requireNonNull(token, "token");
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        platform = platform == null || platform.isBlank() ? DEFAULT_PLATFORM : platform.strip();
        timestampZone = timestampZone == null ? BeijingTime.ZONE : timestampZone;
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be >= 1: " + pageSize);
        }
        overrides = overrides == null ? WarehouseOverrides.NONE : overrides;
    }

    /** Beijing timestamps, 200 rows per page, no overrides. */
    public static WinitConfig of(String apiBase, String appKey, String token, String clientId, String clientSecret,
                                 String platform) {
        return new WinitConfig(apiBase, appKey, token, clientId, clientSecret, platform, BeijingTime.ZONE, DEFAULT_PAGE_SIZE,
                WarehouseOverrides.NONE);
    }

    public WinitConfig withOverrides(WarehouseOverrides value) {
        return new WinitConfig(apiBase, appKey, token, clientId, clientSecret, platform, timestampZone, pageSize, value);
    }

    public WinitConfig withTimestampZone(ZoneId value) {
        return new WinitConfig(apiBase, appKey, token, clientId, clientSecret, platform, value, pageSize, overrides);
    }

    public WinitConfig withPageSize(int value) {
        return new WinitConfig(apiBase, appKey, token, clientId, clientSecret, platform, timestampZone, value, overrides);
    }

    /** Whether {@code client_id} and {@code client_sign} are sent (the open-API gateway wants both). */
    public boolean hasClient() {
        return clientId != null && clientSecret != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Keeps the token and the client secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "WinitConfig[apiBase=" + apiBase + ", appKey=" + appKey + ", token=REDACTED, clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "null" : "REDACTED") + ", platform=" + platform
                + ", timestampZone=" + timestampZone + ", pageSize=" + pageSize + ", overrides=" + overrides + "]";
    }
}
