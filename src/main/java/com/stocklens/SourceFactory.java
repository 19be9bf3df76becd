package com.stocklens;

import com.stocklens.connector.StockSource;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.flexport.FlexportConfig;
import com.stocklens.connector.flexport.FlexportSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.shipbob.ShipBobConfig;
import com.stocklens.connector.shipbob.ShipBobSource;
import com.stocklens.connector.shipmonk.ShipMonkConfig;
import com.stocklens.connector.shipmonk.ShipMonkSource;
import com.stocklens.connector.tiktok.TikTokClient;
import com.stocklens.connector.tiktok.TikTokConfig;
import com.stocklens.connector.tiktok.TikTokShopSource;
import com.stocklens.domain.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the connector for a {@link Connection}: the one place that maps a connection kind to its
 * concrete source. Secrets are looked up by field key through {@code secrets} and go straight into the
 * connector's config, never anywhere else.
 */
public final class SourceFactory {
    private final HttpClientFactory http;
    private final Clock clock;

    public SourceFactory(HttpClientFactory http, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The polled source for {@code connection}.
     *
     * @param secrets field key → secret value (null when not set)
     * @throws IllegalArgumentException when a required setting or secret is missing (the message names
     *                                  the field, never a value)
     * @throws UnsupportedOperationException for kinds that are not polled (CSV uploads)
     */
    public StockSource create(Connection connection, Function<String, String> secrets) {
        return switch (connection.kind()) {
            case TIKTOK_SHOP -> new TikTokShopSource(connection.sourceInfo(),
                    new TikTokClient(tiktokConfig(connection, secrets), http, clock), clock);
            case SHIPBOB -> {
                WarehouseOverrides o = WarehouseOverrides.of(connection);
                ShipBobConfig config = ShipBobConfig.of(require(connection, "api_base", connection.setting("api_base")),
                                require(connection, "token", secrets.apply("token")))
                        .withApiVersion(connection.setting("api_version"))
                        .withLinks(o.tiktokLinks(), o.regions());
                yield new ShipBobSource(connection.sourceInfo(), config, http, clock);
            }
            case SHIPMONK -> new ShipMonkSource(connection.sourceInfo(),
                    ShipMonkConfig.of(require(connection, "api_base", connection.setting("api_base")),
                                    require(connection, "api_key", secrets.apply("api_key")))
                            .withOverrides(WarehouseOverrides.of(connection)), http, clock);
            case FLEXPORT -> new FlexportSource(connection.sourceInfo(),
                    FlexportConfig.of(require(connection, "api_base", connection.setting("api_base")),
                                    require(connection, "token", secrets.apply("token")))
                            .withApiVersion(connection.setting("api_version"))
                            .withOverrides(WarehouseOverrides.of(connection)), http, clock);
            case WINIT, GOODCANG -> throw new UnsupportedOperationException(
                    connection.kind() + " connector is not built yet");
            case CSV -> throw new UnsupportedOperationException(
                    "A CSV warehouse is not polled: its stock arrives by import");
        };
    }

    /** The TikTok client config of a TikTok connection (also used for orders and returns). */
    static TikTokConfig tiktokConfig(Connection connection, Function<String, String> secrets) {
        return TikTokConfig.of(require(connection, "api_base", connection.setting("api_base")),
                require(connection, "app_key", connection.setting("app_key")),
                require(connection, "app_secret", secrets.apply("app_secret")),
                require(connection, "access_token", secrets.apply("access_token")));
    }

    static String require(Connection connection, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(connection.displayName() + ": " + field + " is not set");
        }
        return value;
    }
}
