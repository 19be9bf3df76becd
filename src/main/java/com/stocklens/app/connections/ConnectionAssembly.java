package com.stocklens.app.connections;

import com.stocklens.app.settings.LiveConfig;
import com.stocklens.connector.ShopActivitySource;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.tiktok.TikTokInventoryWriter;
import com.stocklens.connector.tiktok.TokenSet;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.secrets.SecretStores;
import com.stocklens.service.SecretStore;
import com.stocklens.service.ShopAuthorizer;
import com.stocklens.store.ConnectionRepository;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session polls and how it manages its connections, assembled once: the stock sources with their
 * cadences, the orders-and-returns source, the credential each source polls with (its lease identity in
 * team mode), the one {@link ConnectionService} of the connections screen and, live, TikTok's authorizer.
 * Demo mode assembles the sandbox's connections, live mode the stored ones with the environment's laid
 * over them, a snapshot file lists its connections and polls nothing.
 *
 * @param http            the HTTP clients of every connector
 * @param sources         the polled stock sources
 * @param cadences        source id → its own cadence, where the connection sets one
 * @param activity        the TikTok shop's orders and returns, or null without a TikTok shop
 * @param leaseIdentities source id → the credential it polls with (two sources sharing it share one lease)
 * @param connections     the connections screen's service
 * @param authorizer      TikTok authorization (live only; the demo shop is authorized already), or null
 * @param stockWriter     TikTok's stock write for pushing figures (docs/guide/push.md), sharing the shop
 *                        source's token lifecycle; null without a TikTok shop
 * @param shopSourceId    the TikTok shop's source id (its lease names the desk that pushes), or null
 */
public record ConnectionAssembly(HttpClientFactory http, List<StockSource> sources, Map<String, Duration> cadences,
                                 ShopActivitySource activity, Map<String, String> leaseIdentities,
                                 ConnectionService connections, ShopAuthorizer authorizer,
                                 TikTokInventoryWriter stockWriter, String shopSourceId) {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAssembly.class);

    public ConnectionAssembly {
        Objects.requireNonNull(http, "http");
        sources = List.copyOf(sources);
        cadences = Map.copyOf(cadences);
        leaseIdentities = Collections.unmodifiableMap(new LinkedHashMap<>(leaseIdentities));
        Objects.requireNonNull(connections, "connections");
    }

    /** TikTok authorization, or empty in demo and snapshot mode. */
    public Optional<ShopAuthorizer> shopAuthorizer() {
        return Optional.ofNullable(authorizer);
    }

    /**
     * Demo mode: {@code demo} (the sandbox's connections with its public credentials), read-only; renewed
     * tokens stay in memory.
     */
    public static ConnectionAssembly demo(List<ConnectionService.Fixed> demo, Database database, Clock clock,
                                          Duration cadence) {
        HttpClientFactory http = new HttpClientFactory();
        SourceFactory factory = new SourceFactory(http, clock, (c, t) -> { });
        return polled(true, demo, null, null, http, factory, null, database, clock, cadence);
    }

    /**
     * Live mode: the enabled stored connections with the environment's ({@code live}, may be null) laid over
     * them. The secret store of {@code workspace} is chosen on first use ({@code STOCKLENS_PASSPHRASE}, else
     * {@code prompt}); renewed TikTok tokens go back to it, their expiry times to the stored connection.
     */
    public static ConnectionAssembly live(LiveConfig live, Database database, Path workspace, Map<String, String> env,
                                          PassphrasePrompt prompt, Clock clock, Duration cadence) {
        LOG.info("live mode: {}", live == null ? "stored connections only" : live);
        List<ConnectionService.Fixed> fixed = live == null ? List.of() : EnvironmentConnections.of(live);
        ConnectionRepository repo = new ConnectionRepository(database.jdbi());
        SecretStore secrets = new LazySecretStore(() -> SecretStores.choose(workspace, env, prompt));
        BiConsumer<Connection, Map<String, String>> settingsSink = (c, values) -> mergeSettings(repo, c, values, clock);
        HttpClientFactory http = new HttpClientFactory();
        BiConsumer<Connection, TokenSet> tokenSink =
                (c, t) -> TikTokTokenStorage.persister(c, secrets, settingsSink).accept(t);
        SourceFactory factory = new SourceFactory(http, clock, tokenSink);
        TikTokShopAuthorizer authorizer = new TikTokShopAuthorizer(secrets, http, clock, settingsSink,
                (c, t) -> factory.forgetTokens(c.id()));
        return polled(false, fixed, repo, secrets, http, factory, authorizer, database, clock, cadence);
    }

    /**
     * A snapshot file: its connections listed as they were (without settings or secrets), nothing polled,
     * every change and test refused with {@code readOnlyMessage}.
     */
    public static ConnectionAssembly snapshot(Database database, Clock clock, Duration cadence,
                                              String readOnlyMessage) {
        HttpClientFactory http = new HttpClientFactory();
        SourceFactory factory = new SourceFactory(http, clock, (c, t) -> { });
        List<ConnectionService.Fixed> listed = new ArrayList<>();
        for (Connection c : new ConnectionRepository(database.jdbi()).list()) {
            listed.add(new ConnectionService.Fixed(c, Map.of()));
        }
        ConnectionService connections = new ConnectionService(true, listed, null, null,
                new SnapshotRepository(database.jdbi()), factory, clock, Map.of())
                .withDefaultCadence(cadence).readOnly(readOnlyMessage);
        return new ConnectionAssembly(http, List.of(), Map.of(), null, Map.of(), connections, null, null, null);
    }

    /** Builds a source per polled connection; one that cannot be built is listed with its problem instead. */
    private static ConnectionAssembly polled(boolean demo, List<ConnectionService.Fixed> fixed,
                                             ConnectionRepository repo, SecretStore secrets, HttpClientFactory http,
                                             SourceFactory factory, ShopAuthorizer authorizer, Database database,
                                             Clock clock, Duration cadence) {
        List<StockSource> sources = new ArrayList<>();
        Map<String, Duration> cadences = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        Map<String, String> leaseIdentities = new LinkedHashMap<>();
        ShopActivitySource activity = null;
        TikTokInventoryWriter stockWriter = null;
        String shopSourceId = null;
        for (Connection c : polledConnections(demo, fixed, repo)) {
            try {
                Map<String, String> values = ConnectionService.secretsFor(demo, fixed, secrets, c, Map.of());
                StockSource source = factory.create(c, values::get);
                sources.add(source);
                // Demo: every desk runs its own sandbox (its own URL), yet the desks share one demo shop.
                leaseIdentities.put(c.id(), demo ? "demo|" + c.id() : leaseIdentity(c));
                if (c.cadence() != null) {
                    cadences.put(c.id(), c.cadence());
                }
                if (c.kind() == ConnectionKind.TIKTOK_SHOP && activity == null) {
                    // Shares the stock source's token lifecycle: one refresh serves both.
                    activity = factory.tiktokActivity(c, values::get);
                    stockWriter = new TikTokInventoryWriter(factory.tiktokClient(c, values::get));
                    shopSourceId = c.id();
                }
            } catch (SecretStore.SecretStoreException | IllegalArgumentException
                     | UnsupportedOperationException e) {
                // The message names the field or the store's state, never a value.
                LOG.warn("{}: not polled this session: {}", c.id(), e.getMessage());
                problems.put(c.id(), e.getMessage());
            }
        }
        ConnectionService connections = new ConnectionService(demo, fixed, repo, secrets,
                new SnapshotRepository(database.jdbi()), factory, clock, problems).withDefaultCadence(cadence);
        return new ConnectionAssembly(http, sources, cadences, activity, leaseIdentities, connections, authorizer,
                stockWriter, shopSourceId);
    }

    /**
     * The connections to poll: in demo mode the sandbox's; live, the enabled stored connections with the
     * environment's connections laid over them (an environment connection whose id is stored keeps the
     * stored settings and takes the environment's secrets; see docs/guide/connections.md).
     */
    private static List<Connection> polledConnections(boolean demo, List<ConnectionService.Fixed> fixed,
                                                      ConnectionRepository repo) {
        Map<String, Connection> byId = new LinkedHashMap<>();
        if (!demo) {
            for (Connection c : repo.list()) {
                byId.put(c.id(), c);
            }
        }
        for (ConnectionService.Fixed f : fixed) {
            byId.putIfAbsent(f.connection().id(), f.connection());
        }
        return byId.values().stream().filter(c -> c.enabled() && c.kind().polled()).toList();
    }

    /**
     * The credential a source polls with, without its secret: kind, API base and the account or app key
     * id (settings never hold secrets), else the connection id. Two connections sharing it share one lease.
     */
    static String leaseIdentity(Connection c) {
        StringBuilder b = new StringBuilder(c.kind().name()).append('|')
                .append(Objects.toString(c.setting("api_base"), "")).append('|');
        String account = null;
        for (String key : List.of("app_key", "client_id", "account_id", "shop_cipher")) {
            String v = c.setting(key);
            if (v != null && !v.isBlank()) {
                account = key + "=" + v;
                break;
            }
        }
        return b.append(account != null ? account : "id=" + c.id()).toString();
    }

    /** Merges renewed settings (token expiry times, the chosen shop) into the stored connection. */
    private static void mergeSettings(ConnectionRepository repo, Connection c, Map<String, String> values,
                                      Clock clock) {
        Connection stored = repo.find(c.id()).orElse(null);
        if (stored == null) {
            return; // an environment connection is never stored
        }
        Map<String, String> merged = new LinkedHashMap<>(stored.settings());
        merged.putAll(values);
        repo.save(stored.withSettings(merged), clock.instant());
    }
}
