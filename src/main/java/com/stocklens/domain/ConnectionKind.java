package com.stocklens.domain;

import java.util.List;
import java.util.Optional;

/**
 * Which system a connection talks to, and the settings it needs (docs/api/warehouses.md §2–§6,
 * docs/api/tiktok-shop.md §4). Secrets are marked; everything else may be stored in the database.
 */
public enum ConnectionKind {
    TIKTOK_SHOP(null, SourceKind.SHOP, List.of(
            ConnectionField.plain("api_base", "https://open-api.tiktokglobalshop.com"),
            ConnectionField.plain("auth_base", "https://auth.tiktok-shops.com"),
            ConnectionField.optional("authorize_url", "https://services.tiktokshop.com/open/authorize"),
            ConnectionField.optional("service_id", null),
            ConnectionField.plain("app_key", null),
            ConnectionField.hidden("app_secret"),
            ConnectionField.optional("shop_cipher", null),
            ConnectionField.optional("requests_per_second", null),
            ConnectionField.optionalHidden("access_token"),
            ConnectionField.optionalHidden("refresh_token"),
            ConnectionField.optional("access_token_expires_at", null),
            ConnectionField.optional("refresh_token_expires_at", null),
            ConnectionField.readDeadline())),
    SHIPBOB(Provider.SHIPBOB, SourceKind.WAREHOUSE, List.of(
            ConnectionField.plain("api_base", "https://api.shipbob.com"),
            ConnectionField.optional("api_version", "2025-07"),
            ConnectionField.hidden("token"),
            ConnectionField.optional("warehouse_links", null),
            ConnectionField.optional("warehouse_regions", null),
            ConnectionField.optional("warehouse_markets", null),
            ConnectionField.readDeadline())),
    WINIT(Provider.WINIT, SourceKind.WAREHOUSE, List.of(
            ConnectionField.plain("api_base", "https://openapi.winit.com.cn/openapi/service"),
            ConnectionField.plain("app_key", null),
            ConnectionField.hidden("token"),
            ConnectionField.optional("client_id", null),
            ConnectionField.optionalHidden("client_secret"),
            ConnectionField.plain("platform", "SELLERERP"),
            ConnectionField.optional("warehouse_links", null),
            ConnectionField.optional("warehouse_regions", null),
            ConnectionField.optional("warehouse_markets", null),
            ConnectionField.readDeadline())),
    SHIPMONK(Provider.SHIPMONK, SourceKind.WAREHOUSE, List.of(
            ConnectionField.plain("api_base", "https://api.shipmonk.com"),
            ConnectionField.hidden("api_key"),
            ConnectionField.optional("warehouse_links", null),
            ConnectionField.optional("warehouse_regions", null),
            ConnectionField.optional("warehouse_markets", null),
            ConnectionField.readDeadline())),
    FLEXPORT(Provider.FLEXPORT, SourceKind.WAREHOUSE, List.of(
            ConnectionField.plain("api_base", "https://logistics-api.flexport.com"),
            ConnectionField.optional("api_version", "2025-03"),
            ConnectionField.hidden("token"),
            ConnectionField.optional("warehouse_links", null),
            ConnectionField.optional("warehouse_regions", null),
            ConnectionField.optional("warehouse_markets", null),
            ConnectionField.readDeadline())),
    GOODCANG(Provider.GOODCANG, SourceKind.WAREHOUSE, List.of(
            ConnectionField.plain("api_base", "https://oms.goodcang.net/public_open"),
            ConnectionField.hidden("app_key"),
            ConnectionField.hidden("app_token"),
            ConnectionField.optional("warehouse_links", null),
            ConnectionField.optional("warehouse_regions", null),
            ConnectionField.optional("warehouse_markets", null),
            ConnectionField.readDeadline())),
    /** A warehouse without an API: its stock arrives as uploaded CSV / XLSX files. */
    CSV(Provider.CSV, SourceKind.WAREHOUSE, List.of(
            ConnectionField.plain("warehouse_name", null),
            ConnectionField.plain("market", null),
            ConnectionField.optional("region", null),
            ConnectionField.optional("time_zone", "UTC")));

    private final Provider provider;
    private final SourceKind sourceKind;
    private final List<ConnectionField> fields;

    ConnectionKind(Provider provider, SourceKind sourceKind, List<ConnectionField> fields) {
        this.provider = provider;
        this.sourceKind = sourceKind;
        this.fields = fields;
    }

    /** The warehouse provider, or null for the TikTok Shop. */
    public Provider provider() {
        return provider;
    }

    public SourceKind sourceKind() {
        return sourceKind;
    }

    public List<ConnectionField> fields() {
        return fields;
    }

    public Optional<ConnectionField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Whether the connection is polled over an API (everything but CSV uploads). */
    public boolean polled() {
        return this != CSV;
    }

    public static ConnectionKind of(Provider provider) {
        for (ConnectionKind k : values()) {
            if (k.provider == provider) {
                return k;
            }
        }
        throw new IllegalArgumentException("No connection kind for " + provider);
    }
}
