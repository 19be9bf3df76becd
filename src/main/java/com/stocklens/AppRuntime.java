package com.stocklens;

import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.shipbob.ShipBobConfig;
import com.stocklens.connector.shipbob.ShipBobSource;
import com.stocklens.connector.tiktok.TikTokClient;
import com.stocklens.connector.tiktok.TikTokConfig;
import com.stocklens.connector.tiktok.TikTokShopSource;
import com.stocklens.domain.Provider;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.Thresholds;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.rules.RootCauseHints;
import com.stocklens.service.FlagReader;
import com.stocklens.service.StockBoardReader;
import com.stocklens.store.Database;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.JdbiFlagReader;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.WorkspaceInUseException;
import com.stocklens.store.WorkspaceOpenException;
import com.stocklens.sync.FlagEngine;
import com.stocklens.sync.SyncEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root shared by the window and the command line: opens the workspace, decides demo or
 * live, wires the real connectors (pointed at the embedded sandbox in demo mode), the sync engine and
 * the read models. The only place that knows concrete connectors and the sandbox.
 */
public final class AppRuntime implements AutoCloseable {
    /** Seed of the demo world: every demo starts from the same shop. */
    public static final long DEMO_SEED = 20261127L;
    public static final String TIKTOK_SOURCE_ID = "tiktok:main";
    public static final String SHIPBOB_SOURCE_ID = "shipbob:main";

    private static final Logger LOG = LoggerFactory.getLogger(AppRuntime.class);

    private final LaunchOptions options;
    private final Clock clock;
    private final Database database;
    private final SandboxServer sandbox;
    private final List<StockSource> sources;
    private final SyncEngine syncEngine;
    private final JdbiStockBoardReader boardReader;
    private final FlagEngine flagEngine;
    private final JdbiFlagReader flagReader;

    /** The workspace could not be opened; the message tells the person what to do. */
    public static final class StartupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private AppRuntime(LaunchOptions options, Clock clock, Database database, SandboxServer sandbox,
                       List<StockSource> sources) {
        this.options = options;
        this.clock = clock;
        this.database = database;
        this.sandbox = sandbox;
        this.sources = List.copyOf(sources);
        SnapshotRepository snapshots = new SnapshotRepository(database.jdbi());
        int abandoned = snapshots.abandonRunning(clock.instant());
        if (abandoned > 0) {
            LOG.warn("{} sync runs were interrupted by the previous process; nothing of them is visible", abandoned);
        }
        this.syncEngine = new SyncEngine(this.sources, snapshots, clock, options.cadence(), Map.of());
        this.boardReader = new JdbiStockBoardReader(database.jdbi(),
                this.sources.stream().map(StockSource::info).toList());
        this.flagReader = new JdbiFlagReader(database.jdbi());
        // Demand and returns readers arrive with the orders/returns work; until then those rules raise nothing.
        this.flagEngine = new FlagEngine(new FlagRepository(database.jdbi()), boardReader, syncEngine, clock,
                Thresholds.DEFAULTS.withStaleAfter(options.staleAfter()), staleSideTolerance(options.cadence()),
                FLAG_SETTLE, null, null);
    }

    /**
     * Wait after a sync event before judging the flags: the sources of one cycle start together but
     * finish a moment apart, and judging between them would compare a new snapshot with an old one.
     */
    static final Duration FLAG_SETTLE = Duration.ofSeconds(2);

    /** Two sync cycles, at least a minute: snapshots further apart than that make STALE_SIDE a likely cause. */
    static Duration staleSideTolerance(Duration cadence) {
        Duration twoCycles = cadence.multipliedBy(2);
        return twoCycles.compareTo(RootCauseHints.DEFAULT_STALE_SIDE_TOLERANCE) > 0 ? twoCycles
                : RootCauseHints.DEFAULT_STALE_SIDE_TOLERANCE;
    }

    /** Opens the workspace and wires everything; nothing is polled until {@link SyncEngine#start()}. */
    public static AppRuntime open(LaunchOptions options) {
        return open(options, Clock.systemUTC());
    }

    static AppRuntime open(LaunchOptions options, Clock clock) {
        Database database;
        try {
            database = Database.open(options.workspace());
        } catch (WorkspaceInUseException | WorkspaceOpenException e) {
            throw new StartupException(e.getMessage(), e);
        }
        SandboxServer sandbox = null;
        try {
            HttpClientFactory http = new HttpClientFactory();
            List<StockSource> sources = new ArrayList<>();
            if (options.demo()) {
                sandbox = SandboxServer.start(new SimulatedWorld(DEMO_SEED, SimulatedWorld.DEFAULT_SKU_COUNT, clock));
                LOG.info("demo mode: sandbox on {}", sandbox.baseUrl());
                sources.add(tiktok(TikTokConfig.of(sandbox.tiktokBaseUrl(), SandboxCredentials.TIKTOK_APP_KEY,
                        SandboxCredentials.TIKTOK_APP_SECRET, SandboxCredentials.TIKTOK_ACCESS_TOKEN), http, clock));
                sources.add(shipbob(ShipBobConfig.of(sandbox.shipbobBaseUrl(), SandboxCredentials.SHIPBOB_TOKEN)
                        .withLinks(SimulatedWorld.demoLinks(), SimulatedWorld.demoRegions()), http, clock));
            } else {
                LiveConfig live = options.live();
                LOG.info("live mode: {}", live);
                if (live.hasTikTok()) {
                    sources.add(tiktok(TikTokConfig.of(live.tiktokApiBase(), live.tiktokAppKey(),
                            live.tiktokAppSecret(), live.tiktokToken()), http, clock));
                }
                if (live.hasShipBob()) {
                    sources.add(shipbob(ShipBobConfig.of(live.shipbobApiBase(), live.shipbobToken())
                            .withLinks(live.shipbobLinks(), Map.of()), http, clock));
                }
            }
            return new AppRuntime(options, clock, database, sandbox, sources);
        } catch (RuntimeException e) {
            if (sandbox != null) {
                sandbox.close();
            }
            database.close();
            throw e;
        }
    }

    private static StockSource tiktok(TikTokConfig config, HttpClientFactory http, Clock clock) {
        SourceInfo info = new SourceInfo(TIKTOK_SOURCE_ID, SourceKind.SHOP, null, "TikTok Shop");
        return new TikTokShopSource(info, new TikTokClient(config, http, clock), clock);
    }

    private static StockSource shipbob(ShipBobConfig config, HttpClientFactory http, Clock clock) {
        SourceInfo info = new SourceInfo(SHIPBOB_SOURCE_ID, SourceKind.WAREHOUSE, Provider.SHIPBOB, "ShipBob");
        return new ShipBobSource(info, config, http, clock);
    }

    public LaunchOptions options() {
        return options;
    }

    public Clock clock() {
        return clock;
    }

    public List<StockSource> sources() {
        return sources;
    }

    public SyncEngine syncEngine() {
        return syncEngine;
    }

    public StockBoardReader boardReader() {
        return boardReader;
    }

    /** The red-flag panel's read model. */
    public FlagReader flagReader() {
        return flagReader;
    }

    /** Evaluates the red flags after every complete sync; also the flag actions and events. */
    public FlagEngine flagEngine() {
        return flagEngine;
    }

    /**
     * Stops polling, then the flag engine, then the sandbox, then the database, in that order so no
     * sync or evaluation writes into a closed store.
     */
    @Override
    public void close() {
        try {
            syncEngine.close();
        } finally {
            try {
                flagEngine.close();
            } finally {
                try {
                    if (sandbox != null) {
                        sandbox.close();
                    }
                } finally {
                    database.close();
                }
            }
        }
    }
}
