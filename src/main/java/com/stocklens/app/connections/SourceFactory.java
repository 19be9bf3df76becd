package com.stocklens.app.connections;

import com.stocklens.connector.ShopActivitySource;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.goodcang.GoodCangConfig;
import com.stocklens.connector.goodcang.GoodCangSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.HttpStockSource;
import com.stocklens.connector.http.RateLimit;
import com.stocklens.connector.http.ReadLimits;
import com.stocklens.connector.shipbob.ShipBobConfig;
import com.stocklens.connector.shipbob.ShipBobSource;
import com.stocklens.connector.tiktok.TikTokActivitySource;
import com.stocklens.connector.tiktok.TikTokAuthClient;
import com.stocklens.connector.flexport.FlexportConfig;
import com.stocklens.connector.flexport.FlexportSource;
import com.stocklens.connector.shipmonk.ShipMonkConfig;
import com.stocklens.connector.shipmonk.ShipMonkSource;
import com.stocklens.connector.tiktok.TikTokClient;
import com.stocklens.connector.tiktok.TikTokConfig;
import com.stocklens.connector.tiktok.TikTokShopSource;
import com.stocklens.connector.winit.WinitConfig;
import com.stocklens.connector.winit.WinitSource;
import com.stocklens.connector.tiktok.TikTokTokens;
import com.stocklens.connector.tiktok.TokenSet;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Builds the connector for a {@link Connection}: the one place that maps a connection kind to its
 * concrete source. Secrets are looked up by field key through {@code secrets} and go straight into the
 * connector's config, never anywhere else.
 */
public final class SourceFactory {
    private final HttpClientFactory http;
    private final Clock clock;
    private final BiConsumer<Connection, TokenSet> tokenSink;
    /** One token lifecycle per TikTok connection: stock and activity clients share it (refresh tokens rotate). */
    private final Map<String, TikTokTokens> tiktokTokens = new ConcurrentHashMap<>();

    public SourceFactory(HttpClientFactory http, Clock clock) {
        this(http, clock, null);
    }

    /**
     * @param tokenSink receives renewed TikTok tokens with their connection, to store them
     *                  (see {@link TikTokTokenStorage#persister}); null keeps them in memory only
     */
    public SourceFactory(HttpClientFactory http, Clock clock, BiConsumer<Connection, TokenSet> tokenSink) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenSink = tokenSink;
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
        StockSource source = source(connection, secrets);
        Duration deadline = readDeadline(connection);
        if (deadline != null && source instanceof HttpStockSource http) {
            http.withDeadline(deadline);
        }
        return source;
    }

    /**
     * The optional setting {@value ReadLimits#DEADLINE_SETTING} (a field of every API connection): whole minutes
     * one read of the source may take (default {@link ReadLimits#DEFAULT_DEADLINE}); null when not set.
     *
     * @throws IllegalArgumentException when it is set to anything but a whole number of minutes above 0
     */
    static Duration readDeadline(Connection connection) {
        String v = connection.setting(ReadLimits.DEADLINE_SETTING);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long minutes = Long.parseLong(v.strip());
            if (minutes > 0 && minutes <= Duration.ofDays(1).toMinutes()) {
                return Duration.ofMinutes(minutes);
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(connection.displayName() + ": " + ReadLimits.DEADLINE_SETTING
                + " must be a whole number of minutes from 1 to 1440");
    }

    private StockSource source(Connection connection, Function<String, String> secrets) {
        return switch (connection.kind()) {
            case TIKTOK_SHOP -> new TikTokShopSource(connection.sourceInfo(), tiktokClient(connection, secrets), clock);
            case SHIPBOB -> {
                WarehouseOverrides o = WarehouseOverrides.of(connection);
                ShipBobConfig config = ShipBobConfig.of(require(connection, "api_base", connection.setting("api_base")),
                                require(connection, "token", secrets.apply("token")))
                        .withApiVersion(connection.setting("api_version"))
                        .withLinks(o.tiktokLinks(), o.regions());
                yield new ShipBobSource(connection.sourceInfo(), config, http, clock);
            }
            case WINIT -> new WinitSource(connection.sourceInfo(), winitConfig(connection, secrets), http, clock);
            case GOODCANG -> new GoodCangSource(connection.sourceInfo(), GoodCangConfig.of(
                            require(connection, "api_base", connection.setting("api_base")),
                            require(connection, "app_key", secrets.apply("app_key")),
                            require(connection, "app_token", secrets.apply("app_token")))
                    .withOverrides(WarehouseOverrides.of(connection)), http, clock);
            case SHIPMONK -> new ShipMonkSource(connection.sourceInfo(),
                    ShipMonkConfig.of(require(connection, "api_base", connection.setting("api_base")),
                                    require(connection, "api_key", secrets.apply("api_key")))
                            .withOverrides(WarehouseOverrides.of(connection)), http, clock);
            case FLEXPORT -> new FlexportSource(connection.sourceInfo(),
                    FlexportConfig.of(require(connection, "api_base", connection.setting("api_base")),
                                    require(connection, "token", secrets.apply("token")))
                            .withApiVersion(connection.setting("api_version"))
                            .withOverrides(WarehouseOverrides.of(connection)), http, clock);
            case CSV -> throw new UnsupportedOperationException(
                    "A CSV warehouse is not polled: its stock arrives by import");
        };
    }

    /**
     * The WINIT config of a connection. The optional, undeclared setting {@value #WINIT_TIMESTAMP_ZONE}
     * (a zone id) changes the zone of the signed timestamp from Beijing time ([UNSURE] which zone WINIT
     * expects); client id and secret are optional together (legacy callers send only {@code sign}).
     */
    static WinitConfig winitConfig(Connection connection, Function<String, String> secrets) {
        String zone = connection.setting(WINIT_TIMESTAMP_ZONE);
        return WinitConfig.of(require(connection, "api_base", connection.setting("api_base")),
                        require(connection, "app_key", connection.setting("app_key")),
                        require(connection, "token", secrets.apply("token")),
                        connection.setting("client_id"), secrets.apply("client_secret"),
                        connection.setting("platform"))
                .withTimestampZone(zone == null ? BeijingTime.ZONE : ZoneId.of(zone.strip()))
                .withOverrides(WarehouseOverrides.of(connection));
    }

    static final String WINIT_TIMESTAMP_ZONE = "timestamp_zone";
    /** Orders and returns of a TikTok connection; its client shares the stock source's token lifecycle. */
    public ShopActivitySource tiktokActivity(Connection connection, Function<String, String> secrets) {
        return new TikTokActivitySource(connection.id(), tiktokClient(connection, secrets));
    }

    /** A TikTok API client for {@code connection} using the connection's shared token lifecycle. */
    public TikTokClient tiktokClient(Connection connection, Function<String, String> secrets) {
        return new TikTokClient(tiktokConfig(connection, secrets), tiktokTokens(connection, secrets), http,
                HttpPolicy.defaults("tiktok").withRateLimit(tiktokRate(connection)), clock);
    }

    public static final String TIKTOK_REQUESTS_PER_SECOND = "requests_per_second";

    /**
     * The client's budget: {@link TikTokClient#DEFAULT_RATE_LIMIT} unless the connection's optional
     * {@value #TIKTOK_REQUESTS_PER_SECOND} says otherwise, never above TikTok's documented limit.
     */
    static RateLimit tiktokRate(Connection connection) {
        String value = connection.setting(TIKTOK_REQUESTS_PER_SECOND);
        if (value == null || value.isBlank()) {
            return TikTokClient.DEFAULT_RATE_LIMIT;
        }
        try {
            int perSecond = Integer.parseInt(value.strip());
            if (perSecond >= 1 && perSecond <= TikTokClient.DOCUMENTED_PER_SECOND) {
                return RateLimit.perSecond(perSecond);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(connection.displayName() + ": " + TIKTOK_REQUESTS_PER_SECOND
                + " must be a whole number from 1 to " + TikTokClient.DOCUMENTED_PER_SECOND + ", not '" + value.strip() + "'");
    }

    /**
     * The token lifecycle of a TikTok connection, made once per connection id: renewable when a refresh
     * token is stored (renewed tokens go to the token sink), else the fixed access token.
     */
    public TikTokTokens tiktokTokens(Connection connection, Function<String, String> secrets) {
        return tiktokTokens.computeIfAbsent(connection.id(), id -> {
            TokenSet stored = TikTokTokenStorage.load(connection, secrets);
            if (stored == null) {
                throw new IllegalArgumentException(connection.displayName() + ": access_token is not set");
            }
            if (stored.refreshToken() == null) {
                return TikTokTokens.fixed(stored.accessToken());
            }
            TikTokAuthClient auth = new TikTokAuthClient(require(connection, "auth_base", connection.setting("auth_base")),
                    require(connection, "app_key", connection.setting("app_key")),
                    require(connection, "app_secret", secrets.apply("app_secret")), http, clock);
            return TikTokTokens.managed(stored, auth,
                    tokenSink == null ? null : t -> tokenSink.accept(connection, t), clock);
        });
    }

    /** Forgets the token lifecycle of a connection (after a new authorization or when it is removed). */
    public void forgetTokens(String connectionId) {
        tiktokTokens.remove(connectionId);
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
