package com.stocklens.team;

import com.stocklens.app.connections.SourceFactory;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.store.Database;
import com.stocklens.store.PostgresAdvisoryLease;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.sync.SyncEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One desk of the election test: its own pool on the shared PostgreSQL, its own lease connection and
 * sync engine, the real TikTok and ShipBob connectors pointed at one shared sandbox. The same wiring as
 * AppRuntime's team mode (leases → engine), without a window or a flag engine.
 */
final class TeamClient implements AutoCloseable {
    static final String TIKTOK = "tiktok:main";
    static final String SHIPBOB = "shipbob:main";

    final String desk;
    final Database db;
    final PostgresAdvisoryLease lease;
    final SyncEngine engine;

    private TeamClient(String desk, Database db, PostgresAdvisoryLease lease, SyncEngine engine) {
        this.desk = desk;
        this.db = db;
        this.lease = lease;
        this.engine = engine;
    }

    static List<Connection> connections(String sandboxBase) {
        return List.of(
                new Connection(TIKTOK, ConnectionKind.TIKTOK_SHOP, "TikTok Shop", true, null,
                        Map.of("api_base", sandboxBase, "auth_base", sandboxBase,
                                "app_key", SandboxCredentials.TIKTOK_APP_KEY)),
                new Connection(SHIPBOB, ConnectionKind.SHIPBOB, "ShipBob", true, null,
                        Map.of("api_base", sandboxBase,
                                WarehouseOverrides.LINKS, WarehouseOverrides.format(SimulatedWorld.demoLinks()),
                                WarehouseOverrides.REGIONS, WarehouseOverrides.format(SimulatedWorld.demoRegions()))));
    }

    static Map<String, String> secrets(String connectionId) {
        return connectionId.equals(TIKTOK)
                ? Map.of("app_secret", SandboxCredentials.TIKTOK_APP_SECRET,
                        "access_token", SandboxCredentials.TIKTOK_ACCESS_TOKEN)
                : Map.of("token", SandboxCredentials.SHIPBOB_TOKEN);
    }

    static TeamClient start(String pgUrl, String sandboxBase, String desk, Duration leasePeriod, Duration cadence) {
        Database db = Database.openShared(pgUrl, "postgres", "");
        Clock clock = Clock.systemUTC();
        SourceFactory factory = new SourceFactory(new HttpClientFactory(), clock);
        List<StockSource> sources = new ArrayList<>();
        Map<String, String> identities = new LinkedHashMap<>();
        for (Connection c : connections(sandboxBase)) {
            sources.add(factory.create(c, secrets(c.id())::get));
            identities.put(c.id(), c.kind() + "|" + sandboxBase + "|" + c.id());
        }
        PostgresAdvisoryLease lease = new PostgresAdvisoryLease(db, identities, desk, leasePeriod, clock);
        SyncEngine engine = new SyncEngine(sources, new SnapshotRepository(db.jdbi(), desk), clock, cadence, Map.of());
        engine.withLeases(lease);
        lease.start();
        engine.start();
        return new TeamClient(desk, db, lease, engine);
    }

    @Override
    public void close() {
        engine.close();
        lease.close();
        db.close();
    }
}
