package com.stocklens.app;

import com.stocklens.app.connections.ConnectionService;
import com.stocklens.app.connections.LazySecretStore;
import com.stocklens.app.connections.SourceFactory;
import com.stocklens.app.connections.TikTokShopAuthorizer;
import com.stocklens.app.connections.TikTokTokenStorage;
import com.stocklens.app.demo.DemoConnections;
import com.stocklens.app.demo.DemoProfiles;
import com.stocklens.app.settings.DataDirectory;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.settings.LiveConfig;
import com.stocklens.app.settings.PolicySettings;
import com.stocklens.app.team.TeamDatabaseConfig;
import com.stocklens.app.team.TeamDatabaseService;
import com.stocklens.connector.ShopActivitySource;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.tiktok.TikTokActivitySource;
import com.stocklens.connector.tiktok.TikTokClient;
import com.stocklens.connector.tiktok.TikTokConfig;
import com.stocklens.domain.Thresholds;
import com.stocklens.notify.FlagReaderTasks;
import com.stocklens.notify.NoticeCenter;
import com.stocklens.notify.TeamPushConfig;
import com.stocklens.notify.TeamPushService;
import com.stocklens.notify.TeamPushSettings;
import com.stocklens.service.TeamPush;
import com.stocklens.service.Notices;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.service.CodeChecks;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.DemandReader;
import com.stocklens.service.HourlyDemandReader;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.rules.RootCauseHints;
import com.stocklens.rules.Staleness;
import com.stocklens.service.FlagReader;
import com.stocklens.service.StockBoardReader;
import com.stocklens.store.ActivityRepository;
import com.stocklens.store.AgeingInputs;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiCodeRecords;
import com.stocklens.store.JdbiDemandReader;
import com.stocklens.store.JdbiReturnsPoolReader;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.JdbiFlagReader;
import com.stocklens.store.JdbiHealthData;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.JdbiHistory;
import com.stocklens.store.SnapshotCompaction;
import com.stocklens.app.history.HistoryCompactor;
import com.stocklens.service.History;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.WorkspaceInUseException;
import com.stocklens.store.WorkspaceOpenException;
import com.stocklens.sync.ActivitySync;
import com.stocklens.app.reports.CodeCheckService;
import com.stocklens.app.reports.AgeingService;
import com.stocklens.app.flags.FlagEngine;
import com.stocklens.app.reports.HealthReportService;
import com.stocklens.report.FileReportExports;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.HealthReports;
import com.stocklens.service.ReportExports;
import com.stocklens.domain.AgeProfile;
import java.time.LocalDate;
import com.stocklens.sync.SyncEngine;
import com.stocklens.app.imports.StockImportService;
import com.stocklens.store.JdbiStockImportStore;
import com.stocklens.service.StockImports;
import com.stocklens.sandbox.PartnerSpreadsheet;
import com.stocklens.sandbox.PartnerWarehouse;
import com.stocklens.domain.Provider;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import com.stocklens.app.mapping.SkuIdentities;
import com.stocklens.store.SkuMappingRepository;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.domain.Connection;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.secrets.SecretStores;
import com.stocklens.service.Connections;
import com.stocklens.service.ShopAuthorizer;
import com.stocklens.service.SecretStore;
import com.stocklens.store.ConnectionRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final SkuIdentities skuIdentities;
    private final JdbiStockBoardReader boardReader;
    private final JdbiHistory history;
    private final HistoryCompactor historyCompactor;
    /** Runs history compaction off the sync threads; shut down before the database closes. */
    private final java.util.concurrent.ExecutorService compactionExecutor =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "history-compaction");
                t.setDaemon(true);
                return t;
            });
    /** Null when no TikTok shop is configured: there is no demand or return to read. */
    private final ActivitySync activitySync;
    private final JdbiDemandReader demandReader;
    private final JdbiReturnsPoolReader returnsPoolReader;
    private final FlagEngine flagEngine;
    /** Now from the store; a past moment from the store's record plus the rules on the board of then. */
    private final FlagReader flagReader;
    private final AgeingService ageingReader;
    private final Thresholds thresholds;
    private final PolicySettings policy;
    private final CodeCheckService codeChecks;
    private final HttpClientFactory http;
    private final HealthReportService healthReports;
    private final FileReportExports reportExports = new FileReportExports();
    private final StockImportService stockImports;
    private final ConnectionService connections;
    /** TikTok authorization in live mode (null in demo: the demo shop is authorized already). */
    private ShopAuthorizer shopAuthorizer;
    /** Created by {@link #startNotices()}: only the window and the long-running poller notify anyone. */
    private TeamPushService teamPush;
    private NoticeCenter noticeCenter;
    /** The open snapshot file's manifest (snapshot mode), else null. */
    private final com.stocklens.store.SnapshotArchive.Manifest snapshot;
    /** Where the database lives: the workspace, or the temporary copy of an open snapshot. */
    private final Path dataWorkspace;
    /** This desk: host name and process id (team mode's "polled by"). */
    private final String desk = com.stocklens.service.PollerLeases.thisDesk();
    /** Who polls what: every source here on a lone workspace; advisory-lock leases in team mode. */
    private volatile com.stocklens.service.PollerLeases leases = com.stocklens.service.PollerLeases.local(desk);
    /** Team mode: follows the other desks' changes (null on a lone workspace). */
    private com.stocklens.sync.SharedFollower follower;

    /** The workspace could not be opened; the message tells the person what to do. */
    public static final class StartupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private AppRuntime(LaunchOptions options, Clock clock, Database database, SandboxServer sandbox,
                       List<StockSource> sources, Map<String, Duration> cadences, ShopActivitySource activitySource,
                       HttpClientFactory http, ConnectionService connections) {
        this(options, clock, database, sandbox, sources, cadences, activitySource, http, connections, null, null,
                options.workspace());
    }

    private AppRuntime(LaunchOptions options, Clock clock, Database database, SandboxServer sandbox,
                       List<StockSource> sources, Map<String, Duration> cadences, ShopActivitySource activitySource,
                       HttpClientFactory http, ConnectionService connections, List<SourceInfo> shownSources,
                       com.stocklens.store.SnapshotArchive.Manifest snapshot, Path dataWorkspace) {
        this.snapshot = snapshot;
        this.dataWorkspace = dataWorkspace;
        this.connections = connections;
        this.options = options;
        this.http = http;
        this.clock = clock;
        this.database = database;
        this.sandbox = sandbox;
        this.sources = List.copyOf(sources);
        SnapshotRepository snapshots = new SnapshotRepository(database.jdbi(), desk);
        // Team mode: other desks may be syncing right now; a desk closes runs only of the sources it takes over.
        int abandoned = database.isShared() ? 0 : snapshots.abandonRunning(clock.instant());
        if (abandoned > 0) {
            LOG.warn("{} sync runs were interrupted by the previous process; nothing of them is visible", abandoned);
        }
        List<SourceInfo> infos = shownSources != null ? List.copyOf(shownSources)
                : this.sources.stream().map(StockSource::info).toList();
        this.skuIdentities = new SkuIdentities(new SkuMappingRepository(database.jdbi()), () -> infos, clock);
        // Every warehouse reading is re-keyed to the SKU identities before it is stored (README "SKU mapping").
        this.syncEngine = new SyncEngine(this.sources, snapshots, clock, options.cadence(), cadences, skuIdentities);
        // The daily online backup (Database.backupIfDue: at most one a day, seven kept), after a sync.
        this.syncEngine.subscribe(event -> database.backupIfDue(clock.instant()));
        this.boardReader = new JdbiStockBoardReader(database.jdbi(), infos);
        this.activitySync = activitySource == null ? null
                : new ActivitySync(activitySource, new ActivityRepository(database.jdbi()), clock, options.cadence());
        this.demandReader = new JdbiDemandReader(database.jdbi());
        this.returnsPoolReader = new JdbiReturnsPoolReader(database.jdbi());
        this.ageingReader = new AgeingService(new AgeingInputs(database.jdbi()), clock);
        // --stale-after on the command line wins; otherwise settings.properties, otherwise the default.
        this.policy = PolicySettings.load(dataWorkspace,
                options.staleAfter().equals(Staleness.DEFAULT_WINDOW) ? null : options.staleAfter());
        policy.entries().stream().filter(e -> e.problem() != null)
                .forEach(e -> LOG.warn("settings.properties {}: {}", e.key(), e.problem()));
        this.thresholds = policy.thresholds();
        this.codeChecks = new CodeCheckService(new JdbiCodeRecords(database.jdbi())::records);
        this.flagEngine = new FlagEngine(new FlagRepository(database.jdbi()), boardReader, syncEngine, clock,
                thresholds, staleSideTolerance(options.cadence()),
                FLAG_SETTLE, demandReader, returnsPoolReader, ageingReader);
        this.healthReports = new HealthReportService(new JdbiHealthData(database.jdbi()), demandReader,
                ageingReader, () -> thresholds, policy::bands, clock);
        this.stockImports = new StockImportService(new JdbiStockImportStore(database.jdbi(), snapshots), clock,
                skuIdentities);
        this.history = new JdbiHistory(database.jdbi(), boardReader);
        this.flagReader = new com.stocklens.app.flags.PastFlagReader(new JdbiFlagReader(database.jdbi()), history,
                flagEngine);
        this.historyCompactor = new HistoryCompactor(new SnapshotCompaction(database.jdbi()), policy.retention(),
                clock, compactionExecutor);
        com.stocklens.store.WarehouseProfileRepository profiles =
                new com.stocklens.store.WarehouseProfileRepository(database.jdbi());
        if (sandbox != null) {
            DemoProfiles.candidates().forEach(profiles::saveIfAbsent);
        }
        this.scorecards = new com.stocklens.app.reports.ScorecardService(profiles,
                new com.stocklens.store.JdbiWarehouseKpis(database.jdbi()), ageingReader, clock,
                sandbox == null ? null : DemoProfiles::forWarehouse,
                new com.stocklens.store.ScoreWeightRepository(database.jdbi(), clock));
    }

    private final com.stocklens.service.Scorecards scorecards;

    /** Warehouse profiles and measured KPIs (the scorecard screen, {@code scores}). Blocking. */
    public com.stocklens.service.Scorecards scorecards() {
        return scorecards;
    }

    /**
     * Team mode's settings and the workspace move for the window (File → Team database…). Settings are
     * kept in the live workspace's settings.properties (where a start without --demo reads db.url).
     */
    public com.stocklens.service.TeamDatabase teamDatabase() {
        if (readOnly()) {
            return com.stocklens.service.TeamDatabase.NONE;
        }
        Path settingsWorkspace = DataDirectory.workspace(options.baseDir(), false);
        Map<String, String> env = System.getenv();
        java.util.function.Supplier<com.stocklens.service.SecretStore> secretStore = new java.util.function.Supplier<>() {
            private com.stocklens.service.SecretStore store;

            @Override
            public synchronized com.stocklens.service.SecretStore get() {
                if (store == null) {
                    store = SecretStores.choose(settingsWorkspace, env, PassphrasePrompt.NONE);
                }
                return store;
            }
        };
        return new TeamDatabaseService(settingsWorkspace, env, secretStore, () -> database, options.teamMode());
    }


    /** Snapshot history: moments, the board as of a moment, diffs (README "History and time travel"). */
    public History history() {
        return history;
    }

    /** Compacts history by the retention policy (runs by itself after syncs, at most hourly). */
    public HistoryCompactor historyCompactor() {
        return historyCompactor;
    }

    /** How late the demo's CSV-only warehouse sends its sheet: hours behind, like a daily e-mail. */
    static final java.time.Duration DEMO_SHEET_LAG = java.time.Duration.ofHours(5);

    /**
     * Demo: the CSV-only partner warehouse "sends" its stock sheet (GBK, Chinese headers, as of a few hours
     * ago, on the hour) and it goes through the real import. A sheet already imported is not imported again,
     * so relaunching within the hour adds nothing. A failure only costs the demo that warehouse. Live mode:
     * does nothing. Called by the window at start-up (the one-shot commands keep the demo's two API sources).
     */
    public void importDemoSpreadsheets() {
        if (sandbox == null) {
            return;
        }
        Instant at = clock.instant().minus(DEMO_SHEET_LAG).truncatedTo(ChronoUnit.HOURS);
        for (PartnerWarehouse w : sandbox.world().partners().warehouses(Provider.CSV)) {
            try {
                stockImports.saveWarehouse(w.code(), w.name(), w.market(), w.region(), w.zone());
                Path file = options.workspace().resolve("imports").resolve(w.code() + "-stock.csv");
                PartnerSpreadsheet.write(sandbox.world().partners(), w, at, file);
                if (stockImports.isLastImport(w.code(), file)) {
                    continue;
                }
                var outcome = stockImports.importFile(file, w.code(), null, null);
                if (!outcome.imported()) {
                    LOG.warn("Demo sheet of {} not imported: {}", w.name(),
                            outcome.check().errors().stream().limit(3).map(e -> e.english()).toList());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Demo sheet of {} not imported", w.name(), e);
            }
        }
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

    /** The environment variable that carries the shared database's password in team mode. */
    public static final String SHARED_DB_PASSWORD_ENV = "STOCKLENS_DB_PASSWORD";

    static AppRuntime open(LaunchOptions options, Clock clock) {
        return open(options, clock, System.getenv(), PassphrasePrompt.NONE);
    }

    /**
     * Opens the workspace; in live mode the secrets file, when it is needed, is unlocked by
     * {@code STOCKLENS_PASSPHRASE}, else by {@code prompt} (the window's unlock dialog).
     */
    public static AppRuntime open(LaunchOptions options, PassphrasePrompt prompt) {
        return open(options, Clock.systemUTC(), System.getenv(), prompt);
    }

    static AppRuntime open(LaunchOptions options, Clock clock, Map<String, String> env, PassphrasePrompt prompt) {
        if (options.snapshotMode()) {
            return openSnapshot(options);
        }
        Database database;
        try {
            database = options.teamMode()
                    ? TeamDatabaseConfig.open(options, env, prompt)
                    : Database.open(options.workspace());
        } catch (WorkspaceInUseException | WorkspaceOpenException e) {
            throw new StartupException(e.getMessage(), e);
        }
        SandboxServer sandbox = null;
        try {
            HttpClientFactory http = new HttpClientFactory();
            // Renewed TikTok tokens are stored once the live secret store exists (demo keeps them in memory).
            java.util.concurrent.atomic.AtomicReference<java.util.function.BiConsumer<Connection,
                    com.stocklens.connector.tiktok.TokenSet>> tokenSink = new java.util.concurrent.atomic.AtomicReference<>();
            SourceFactory factory = new SourceFactory(http, clock, (c, t) -> {
                var sink = tokenSink.get();
                if (sink != null) {
                    sink.accept(c, t);
                }
            });
            List<StockSource> sources = new ArrayList<>();
            Map<String, Duration> cadences = new HashMap<>();
            Map<String, String> problems = new HashMap<>();
            Map<String, String> leaseIdentities = new LinkedHashMap<>();
            ShopActivitySource activity = null;
            List<ConnectionService.Fixed> fixed = new ArrayList<>();
            ConnectionRepository repo = null;
            SecretStore secrets = null;
            TikTokShopAuthorizer authorizer = null;
            if (options.demo()) {
                sandbox = SandboxServer.start(new SimulatedWorld(DEMO_SEED, SimulatedWorld.DEFAULT_SKU_COUNT, clock));
                LOG.info("demo mode: sandbox on {}", sandbox.baseUrl());
                for (DemoConnections.Demo demo : DemoConnections.of(sandbox)) {
                    fixed.add(new ConnectionService.Fixed(demo.connection(), demo.secrets()));
                }
            } else {
                LiveConfig live = options.live();
                LOG.info("live mode: {}", live == null ? "stored connections only" : live);
                if (live != null) {
                    fixed.addAll(environmentConnections(live));
                }
                repo = new ConnectionRepository(database.jdbi());
                Path workspace = options.workspace();
                secrets = new LazySecretStore(() -> SecretStores.choose(workspace, env, prompt));
                ConnectionRepository store = repo;
                SecretStore secretStore = secrets;
                java.util.function.BiConsumer<Connection, Map<String, String>> settingsSink =
                        (c, values) -> mergeSettings(store, c, values, clock);
                tokenSink.set((c, t) -> TikTokTokenStorage.persister(c, secretStore, settingsSink).accept(t));
                authorizer = new TikTokShopAuthorizer(secretStore, http, clock, settingsSink,
                        (c, t) -> factory.forgetTokens(c.id()));
            }
            ConnectionService service = new ConnectionService(options.demo(), fixed, repo, secrets,
                    new SnapshotRepository(database.jdbi()), factory, clock, Map.of());
            for (Connection c : polledConnections(options.demo(), fixed, repo)) {
                try {
                    StockSource source = factory.create(c, service.secretLookup(c));
                    sources.add(source);
                    // Demo: every desk runs its own sandbox (its own URL), yet the desks share one demo shop.
                    leaseIdentities.put(c.id(), options.demo() ? "demo|" + c.id() : leaseIdentity(c));
                    if (c.cadence() != null) {
                        cadences.put(c.id(), c.cadence());
                    }
                    if (c.kind() == ConnectionKind.TIKTOK_SHOP && activity == null) {
                        // Shares the stock source's token lifecycle: one refresh serves both.
                        activity = factory.tiktokActivity(c, service.secretLookup(c));
                    }
                } catch (SecretStore.SecretStoreException | IllegalArgumentException
                         | UnsupportedOperationException e) {
                    // The message names the field or the store's state, never a value.
                    LOG.warn("{}: not polled this session: {}", c.id(), e.getMessage());
                    problems.put(c.id(), e.getMessage());
                }
            }
            ConnectionService connections = new ConnectionService(options.demo(), fixed, repo, secrets,
                    new SnapshotRepository(database.jdbi()), factory, clock, problems)
                    .withDefaultCadence(options.cadence());
            AppRuntime runtime = new AppRuntime(options, clock, database, sandbox, sources, cadences, activity, http,
                    connections);
            runtime.shopAuthorizer = authorizer;
            if (database.isShared()) {
                try {
                    runtime.startTeam(leaseIdentities);
                } catch (RuntimeException e) {
                    runtime.close();
                    throw e;
                }
            }
            return runtime;
        } catch (RuntimeException e) {
            if (sandbox != null) {
                sandbox.close();
            }
            database.close();
            throw e;
        }
    }

    /** Refusal shown for every change while a snapshot file is open. */
    public static final String READ_ONLY_MESSAGE =
            "This is a snapshot file, opened read-only: nothing can be changed, synced or imported.";

    /**
     * Snapshot mode: the file is verified and restored into a fresh temporary workspace (never the live or
     * demo one), then opened with no source, no sandbox, no secret store and no network, and the clock
     * frozen at the snapshot's moment so ages, staleness and countdowns read as they did then.
     */
    private static AppRuntime openSnapshot(LaunchOptions options) {
        Path temp;
        try {
            discardAbandonedSnapshots();
            temp = Files.createTempDirectory("stocklens-snapshot-");
        } catch (IOException e) {
            throw new StartupException("No temporary folder for the snapshot: " + e.getMessage(), e);
        }
        com.stocklens.store.SnapshotArchive.Manifest manifest;
        Database database = null;
        try {
            manifest = com.stocklens.store.SnapshotArchive.restore(options.snapshot(), temp);
            writeSnapshotSettings(temp, manifest.settings());
            database = Database.open(temp);
            Clock clock = Clock.fixed(manifest.at(), java.time.ZoneOffset.UTC);
            List<SourceInfo> shown = new ArrayList<>();
            for (var src : manifest.sources()) {
                shown.add(new SourceInfo(src.id(), com.stocklens.domain.SourceKind.valueOf(src.kind()),
                        src.provider() == null ? null : Provider.valueOf(src.provider()), src.name()));
            }
            HttpClientFactory http = new HttpClientFactory();
            SourceFactory factory = new SourceFactory(http, clock, (c, t) -> { });
            List<ConnectionService.Fixed> listed = new ArrayList<>();
            for (Connection c : new ConnectionRepository(database.jdbi()).list()) {
                listed.add(new ConnectionService.Fixed(c, Map.of()));
            }
            ConnectionService connections = new ConnectionService(true, listed, null, null,
                    new SnapshotRepository(database.jdbi()), factory, clock, Map.of())
                    .withDefaultCadence(options.cadence()).readOnly(READ_ONLY_MESSAGE);
            LOG.info("snapshot mode: {} (at {}), restored into {}", options.snapshot(), manifest.at(), temp);
            return new AppRuntime(options, clock, database, null, List.of(), Map.of(), null, http, connections,
                    shown, manifest, temp);
        } catch (com.stocklens.store.SnapshotFileException e) {
            com.stocklens.store.SnapshotArchive.discard(temp);
            throw new StartupException(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            com.stocklens.store.SnapshotArchive.discard(temp);
            throw new StartupException("The snapshot could not be opened: " + e.getMessage(), e);
        }
    }

    /** Temporary copies left by a process that was killed (never closed) are removed after two days. */
    private static void discardAbandonedSnapshots() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Instant cutoff = Instant.now().minus(Duration.ofDays(2));
        try (var dirs = Files.newDirectoryStream(tmp, "stocklens-snapshot-*")) {
            for (Path d : dirs) {
                if (Files.isDirectory(d) && Files.getLastModifiedTime(d).toInstant().isBefore(cutoff)) {
                    com.stocklens.store.SnapshotArchive.discard(d);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("old snapshot copies not cleaned: {}", e.toString());
        }
    }

    private static void writeSnapshotSettings(Path workspace, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        java.util.Properties p = new java.util.Properties();
        p.putAll(settings);
        try (var out = Files.newOutputStream(workspace.resolve("settings.properties"))) {
            p.store(out, "policy figures of the snapshot");
        } catch (IOException e) {
            LOG.warn("The snapshot's settings could not be applied: {}", e.getMessage());
        }
    }

    /** True when a snapshot file is open (read-only, no network, clock frozen at its moment). */
    public boolean readOnly() {
        return snapshot != null;
    }

    /**
     * The workspace's database backups (File → Restore backup…); empty for a snapshot file, which has none.
     * A restore is applied when the workspace next opens: close this runtime and open a new one.
     */
    public Optional<com.stocklens.service.WorkspaceBackups> backups() {
        return snapshot != null ? Optional.empty()
                : Optional.of(new com.stocklens.store.DatabaseBackups(database, options.workspace(), Clock.systemUTC()));
    }

    /** The open snapshot file's manifest, or empty when this runtime is the live or demo workspace. */
    public Optional<com.stocklens.store.SnapshotArchive.Manifest> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /** Whose data this is: the snapshot's name, the TikTok shop's connection name, or the workspace folder. */
    public String workspaceName() {
        if (snapshot != null && snapshot.workspaceName() != null) {
            return snapshot.workspaceName();
        }
        if (options.demo()) {
            return "StockLens demo shop";
        }
        for (StockSource s : sources) {
            if (s.info().kind() == com.stocklens.domain.SourceKind.SHOP) {
                return s.info().displayName();
            }
        }
        Path name = options.workspace().toAbsolutePath().getFileName();
        return name == null ? "StockLens" : name.toString();
    }

    /**
     * Writes a snapshot file of the store as it was at {@code at} (default: now), or over [{@code from},
     * {@code at}]. Blocking: call it off the FX thread. See docs/SNAPSHOT-FORMAT.md.
     */
    public com.stocklens.store.SnapshotArchive.Manifest exportSnapshot(Instant at, Instant from, Path out) {
        Instant moment = at != null ? at : clock.instant();
        Map<String, String> settings = new java.util.TreeMap<>();
        for (PolicySettings.Entry e : policy.entries()) {
            if ("settings.properties".equals(e.source()) && e.problem() == null) {
                settings.put(e.key(), e.value());
            }
        }
        String version = AppRuntime.class.getPackage().getImplementationVersion();
        return com.stocklens.store.SnapshotArchive.export(database.jdbi(),
                new com.stocklens.store.SnapshotArchive.Request(moment, from, workspaceName(),
                        snapshot != null ? snapshot.mode() : options.demo() ? "demo" : "live",
                        version == null ? "dev" : version, settings),
                Instant.now(), out);
    }

    /**
     * The connections to poll: in demo mode the sandbox's; live, the enabled stored connections with the
     * environment's connections laid over them (an environment connection whose id is stored keeps the
     * stored settings and takes the environment's secrets; see README "Connections and secrets").
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

    /** The connections {@code STOCKLENS_TIKTOK_*} and {@code STOCKLENS_SHIPBOB_*} describe, with their secrets. */
    public static List<ConnectionService.Fixed> environmentConnections(LiveConfig live) {
        List<ConnectionService.Fixed> out = new ArrayList<>();
        if (live.hasTikTok()) {
            out.add(new ConnectionService.Fixed(new Connection(TIKTOK_SOURCE_ID, ConnectionKind.TIKTOK_SHOP,
                    "TikTok Shop", true, null, Map.of("api_base", live.tiktokApiBase(), "app_key", live.tiktokAppKey())),
                    Map.of("app_secret", live.tiktokAppSecret(), "access_token", live.tiktokToken())));
        }
        if (live.hasShipBob()) {
            Map<String, String> settings = new HashMap<>();
            settings.put("api_base", live.shipbobApiBase());
            if (!live.shipbobLinks().isEmpty()) {
                settings.put(WarehouseOverrides.LINKS, WarehouseOverrides.format(live.shipbobLinks()));
            }
            out.add(new ConnectionService.Fixed(new Connection(SHIPBOB_SOURCE_ID, ConnectionKind.SHIPBOB, "ShipBob",
                    true, null, settings), Map.of("token", live.shipbobToken())));
        }
        return out;
    }

    /**
     * Whether the live workspace under {@code baseDir} has stored connections: with none (and nothing in
     * the environment) the app starts its demo. A workspace that is in use or broken counts as configured,
     * so the person sees why it cannot open instead of a silent demo.
     */
    public static boolean hasStoredConnections(Path baseDir) {
        Path workspace = DataDirectory.workspace(baseDir, false);
        if (!Files.exists(workspace.resolve("db").resolve("stocklens.mv.db"))) {
            return false;
        }
        try (Database db = Database.open(workspace)) {
            return !new ConnectionRepository(db.jdbi()).list().isEmpty();
        } catch (WorkspaceInUseException | WorkspaceOpenException e) {
            return true;
        }
    }

    /**
     * Orders and returns get their own client: their own request count, and their own share of
     * TikTok's per-API rate limit, so the 28-day first read does not slow the stock snapshots.
     */
    private static ShopActivitySource tiktokActivity(String sourceId, TikTokConfig config, HttpClientFactory http,
                                                     Clock clock) {
        return new TikTokActivitySource(sourceId, new TikTokClient(config, http, clock));
    }

    /** The embedded sandbox in demo mode (null live): tests inject faults through it. */
    SandboxServer sandbox() {
        return sandbox;
    }

    /**
     * What opening the workspace had to repair or restore (a damaged database moved aside, a backup
     * restored), for the person: the window shows it once, the CLI prints it to stderr.
     */
    public java.util.Optional<String> storeNotice() {
        return database.notice();
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

    /**
     * SKU identities and mappings: the screen and CLI use it as {@code SkuMappings}; paths that store readings
     * without the sync engine (CSV import) call {@link SkuIdentities#resolve(String, List, List)} first.
     */
    public SkuIdentities skuIdentities() {
        return skuIdentities;
    }

    public StockBoardReader boardReader() {
        return boardReader;
    }

    /** The orders-and-returns poll, or empty when no TikTok shop is configured. */
    public Optional<ActivitySync> activitySync() {
        return Optional.ofNullable(activitySync);
    }

    /** Units sold per SKU per Beijing day, from TikTok orders. */
    public DemandReader demandReader() {
        return demandReader;
    }

    /** Units sold per SKU per clock hour ("hours of cover" for viral SKUs). */
    public HourlyDemandReader hourlyDemandReader() {
        return demandReader;
    }

    /** The inventory health report (DOMAIN.md §8) for any period. */
    public HealthReports healthReports() {
        return healthReports;
    }

    /** Writes reports to XLSX, PDF or CSV files. */
    public ReportExports reportExports() {
        return reportExports;
    }

    /** Stock files (CSV / XLSX) of warehouses without an API: CSV warehouses, mappings, the import. */
    public StockImports stockImports() {
        return stockImports;
    }

    /** The returns buffer pool from TikTok's returns. */
    public ReturnsPoolReader returnsPoolReader() {
        return returnsPoolReader;
    }

    /** FIFO ageing per SKU × warehouse (provider lots, else our own history) and the > 180-day trend. */
    public AgeingReader ageingReader() {
        return ageingReader;
    }

    /** Starts polling: the stock sources on the sync engine, orders and returns on their own thread. */
    public void startSync() {
        // Team mode: one desk (the rules lease holder) compacts the shared history.
        historyCompactor.start(listener -> syncEngine.subscribe(e -> {
            if (leases.holds(com.stocklens.service.PollerLeases.RULES)) {
                listener.accept(e);
            }
        }));
        syncEngine.start();
        if (activitySync != null) {
            activitySync.start();
        }
    }

    /** Every policy figure with its value and where it came from ({@code settings --json}). */
    public PolicySettings policy() {
        return policy;
    }

    /** The policy figures the rules judge by (defaults of DOMAIN.md, settings.properties, --stale-after). */
    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * Starts desktop notices and, when robots are configured (see README "Team push"), the team push.
     * Called by the window and the long-running {@code sync}; one-shot commands notify nobody.
     */
    public synchronized Notices startNotices() {
        if (noticeCenter == null) {
            TeamPushConfig pushConfig = TeamPushConfig.fromEnvironment();
            pushConfig.problems().forEach(p -> LOG.warn("Team push: {}", p));
            teamPush = new TeamPushService(http, clock);
            // A snapshot file never talks to anyone: no robot, whatever the environment says.
            teamPush.setRobots(snapshot != null ? List.of() : pushConfig.robots());
            FlagReaderTasks openTasks = new FlagReaderTasks(flagReader);
            noticeCenter = new NoticeCenter(flagEngine, openTasks, openTasks, teamPush, clock);
        }
        return noticeCenter;
    }

    /** The three-code check (三码校验) over the synced codes. Blocking: call it off the FX thread. */
    public CodeChecks codeChecks() {
        return codeChecks;
    }

    /** The team-push settings of the window's dialog (starts the notices if they are not running yet). */
    public synchronized TeamPush teamPush() {
        startNotices();
        return new TeamPushSettings(teamPush);
    }

    /** The connections screen's service: list, save, test and remove connections (blocking). */
    public Connections connections() {
        return connections;
    }

    /** TikTok Shop authorization for a live TikTok connection; empty in demo mode. */
    public Optional<ShopAuthorizer> shopAuthorizer() {
        return Optional.ofNullable(shopAuthorizer);
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

    /** The red-flag panel's read model. */
    public FlagReader flagReader() {
        return flagReader;
    }

    /** Evaluates the red flags after every complete sync; also the flag actions and events. */
    public FlagEngine flagEngine() {
        return flagEngine;
    }

    /** Lease period in team mode: {@code -Dstocklens.leaseSeconds}, else {@code STOCKLENS_LEASE_SECONDS}, else 10 s. */
    static Duration leasePeriod() {
        String v = System.getProperty("stocklens.leaseSeconds", System.getenv("STOCKLENS_LEASE_SECONDS"));
        if (v != null && !v.isBlank()) {
            try {
                double seconds = Double.parseDouble(v.strip());
                if (seconds > 0) {
                    return Duration.ofMillis(Math.max(100, (long) (seconds * 1000)));
                }
            } catch (NumberFormatException e) {
                LOG.warn("Lease period '{}' is not a number of seconds; using 10 s", v);
            }
        }
        return com.stocklens.store.PostgresAdvisoryLease.DEFAULT_PERIOD;
    }

    /**
     * The credential a source polls with, without its secret: kind, API base and the account or app key
     * id (settings never hold secrets), else the connection id. Two connections sharing it share one lease.
     */
    static String leaseIdentity(Connection c) {
        StringBuilder b = new StringBuilder(c.kind().name()).append('|')
                .append(java.util.Objects.toString(c.setting("api_base"), "")).append('|');
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

    /**
     * Team mode: takes what leases it can (sources and the rule evaluation), polls and judges only those,
     * and follows the other desks through the shared database's change feed.
     */
    private void startTeam(Map<String, String> identities) {
        Map<String, String> all = new LinkedHashMap<>(identities);
        all.put(com.stocklens.service.PollerLeases.RULES, "rules");
        com.stocklens.store.PostgresAdvisoryLease lease = new com.stocklens.store.PostgresAdvisoryLease(database, all,
                desk, leasePeriod(), clock);
        syncEngine.withLeases(lease);
        flagEngine.judgedWhen(() -> lease.holds(com.stocklens.service.PollerLeases.RULES));
        if (activitySync != null) {
            activitySync.polledWhen(() -> lease.holds(activitySync.sourceId()));
        }
        this.leases = lease;
        lease.start();
        Duration poll = leasePeriod().compareTo(FOLLOW_POLL) < 0 ? leasePeriod() : FOLLOW_POLL;
        follower = new com.stocklens.sync.SharedFollower(new com.stocklens.store.ChangeFeed(database),
                new SnapshotRepository(database.jdbi(), desk), new FlagRepository(database.jdbi()), syncEngine,
                flagEngine, desk, clock, poll);
        follower.start();
        LOG.info("Team mode: this desk is {}; it polls {}", desk,
                all.keySet().stream().filter(lease::holds).toList());
    }

    /** Team mode: how often a viewer checks the change feed when no notification came. */
    static final Duration FOLLOW_POLL = Duration.ofSeconds(3);

    /** Who polls which source: "polled here" or "polled by <desk>" (every source here on a lone workspace). */
    public com.stocklens.service.PollerLeases leases() {
        return leases;
    }

    /** This desk's name: host name and process id. */
    public String desk() {
        return desk;
    }

    /**
     * Stops polling, then the flag engine, then the sandbox, then the database, in that order so no
     * sync or evaluation writes into a closed store.
     */
    private boolean closed;

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return; // idempotent: `serve` closes before its shutdown hook lets the JVM go
            }
            closed = true;
        }
        if (follower != null) {
            follower.close();
        }
        synchronized (this) {
            if (noticeCenter != null) {
                noticeCenter.close();
            }
            if (teamPush != null) {
                teamPush.close();
            }
        }
        historyCompactor.close();
        try {
            try {
                if (activitySync != null) {
                    activitySync.close();
                }
            } finally {
                syncEngine.close();
            }
        } finally {
            try {
                flagEngine.close();
                compactionExecutor.shutdown();
                try {
                    // A compaction in flight finishes its transaction before the database closes.
                    compactionExecutor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                try {
                    // Releases the leases: another desk takes over polling at its next try.
                    leases.close();
                    if (sandbox != null) {
                        sandbox.close();
                    }
                } finally {
                    database.close();
                    if (snapshot != null) {
                        com.stocklens.store.SnapshotArchive.discard(dataWorkspace);
                    }
                }
            }
        }
    }
}
