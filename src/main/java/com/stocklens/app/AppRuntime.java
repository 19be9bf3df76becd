package com.stocklens.app;

import com.stocklens.app.connections.ConnectionAssembly;
import com.stocklens.app.demo.DemoConnections;
import com.stocklens.app.demo.DemoHistory;
import com.stocklens.app.demo.DemoProfiles;
import com.stocklens.app.demo.DemoSpreadsheets;
import com.stocklens.app.flags.FlagChangesDuring;
import com.stocklens.app.flags.FlagEngine;
import com.stocklens.app.flags.PastFlagReader;
import com.stocklens.app.history.HistoryCompactor;
import com.stocklens.app.imports.StockImportService;
import com.stocklens.app.mapping.SkuIdentities;
import com.stocklens.app.push.StockPushService;
import com.stocklens.app.reports.AgeingService;
import com.stocklens.app.reports.CodeCheckService;
import com.stocklens.app.reports.HealthReportService;
import com.stocklens.app.reports.ScorecardService;
import com.stocklens.app.reports.SkuDetailService;
import com.stocklens.app.reports.WarehouseDemandService;
import com.stocklens.app.settings.DataDirectory;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.settings.PolicySettings;
import com.stocklens.app.team.TeamDatabaseService;
import com.stocklens.app.team.TeamMode;
import com.stocklens.app.triage.TriageService;
import com.stocklens.app.workspace.OpenWorkspace;
import com.stocklens.app.workspace.SnapshotFiles;
import com.stocklens.app.workspace.WorkspaceOpener;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.domain.Thresholds;
import com.stocklens.notify.FlagReaderTasks;
import com.stocklens.notify.NoticeCenter;
import com.stocklens.notify.TeamPushConfig;
import com.stocklens.notify.TeamPushService;
import com.stocklens.notify.TeamPushSettings;
import com.stocklens.report.FileReportExports;
import com.stocklens.rules.RootCauseHints;
import com.stocklens.rules.Staleness;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.CodeChecks;
import com.stocklens.service.Connections;
import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.DemandReader;
import com.stocklens.service.FlagReader;
import com.stocklens.service.FlagsChanged;
import com.stocklens.service.HealthReports;
import com.stocklens.service.History;
import com.stocklens.service.HourlyDemandReader;
import com.stocklens.service.Notices;
import com.stocklens.service.PollerLeases;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.service.Scorecards;
import com.stocklens.service.ShopAuthorizer;
import com.stocklens.service.SkuDetails;
import com.stocklens.service.SnapshotManifest;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.StockImports;
import com.stocklens.service.StockPushes;
import com.stocklens.service.SyncEvents;
import com.stocklens.service.TeamDatabase;
import com.stocklens.service.TeamPush;
import com.stocklens.service.Triage;
import com.stocklens.service.WorkspaceBackups;
import com.stocklens.store.ActivityRepository;
import com.stocklens.store.AgeingInputs;
import com.stocklens.store.BoardFile;
import com.stocklens.store.Database;
import com.stocklens.store.DatabaseBackups;
import com.stocklens.store.DisplayNames;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.HistoryBackfill;
import com.stocklens.store.JdbiCodeRecords;
import com.stocklens.store.JdbiDemandReader;
import com.stocklens.store.JdbiFlagReader;
import com.stocklens.store.JdbiHealthData;
import com.stocklens.store.JdbiHistory;
import com.stocklens.store.JdbiPushInputs;
import com.stocklens.store.JdbiReturnsPoolReader;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.JdbiStockImportStore;
import com.stocklens.store.JdbiWarehouseKpis;
import com.stocklens.store.ScoreWeightRepository;
import com.stocklens.store.SkuMappingRepository;
import com.stocklens.store.SnapshotCompaction;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StockPushRepository;
import com.stocklens.store.StoreWriteException;
import com.stocklens.store.WarehouseProfileRepository;
import com.stocklens.support.NamedThreads;
import com.stocklens.support.Redactor;
import com.stocklens.support.StartupTrace;
import com.stocklens.sync.ActivitySync;
import com.stocklens.sync.SharedFollower;
import com.stocklens.sync.SyncEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root shared by the window and the command line: given an open workspace
 * ({@link WorkspaceOpener}) and the assembled connections ({@link ConnectionAssembly}), it wires the sync
 * engine, the rule evaluation and the read models, starts what polls, and shuts everything down in order.
 * With the connection assembly, the only place that knows concrete connectors and the sandbox.
 */
public final class AppRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppRuntime.class);

    /** Refusal shown for every change while a snapshot file is open. */
    public static final String READ_ONLY_MESSAGE =
            "This is a snapshot file, opened read-only: nothing can be changed, synced or imported.";
    /**
     * Wait after a sync event before judging the flags: the sources of one cycle start together but
     * finish a moment apart, and judging between them would compare a new snapshot with an old one.
     */
    static final Duration FLAG_SETTLE = Duration.ofSeconds(2);
    /** How long {@link #syncOnce()} waits for the flag engine to deliver its last change to the sync's counter. */
    private static final Duration FLAG_DELIVERY = Duration.ofSeconds(10);

    private final LaunchOptions options;
    private final OpenWorkspace workspace;
    private final Clock clock;
    private final Database database;
    private final SandboxServer sandbox;
    private final List<StockSource> sources;
    private final SnapshotRepository snapshots;
    private final SyncEngine syncEngine;
    private final SkuIdentities skuIdentities;
    private final JdbiStockBoardReader boardReader;
    /** The window's board reader, its first board read while the runtime is wired; null outside the window. */
    private final PrefetchedBoardReader windowBoard;
    /** The window's reads kept in the workspace's board file for its next start; null when none is kept. */
    private final KeptBoardReader keptBoard;
    private final JdbiHistory history;
    private final HistoryCompactor historyCompactor;
    /** Runs history compaction off the sync threads; shut down before the database closes. */
    private final ExecutorService compactionExecutor =
            Executors.newSingleThreadExecutor(NamedThreads.daemon("history-compaction"));
    /** Null when no TikTok shop is configured: there is no demand or return to read. */
    private final ActivitySync activitySync;
    private final JdbiDemandReader demandReader;
    private final WarehouseDemandService warehouseDemand;
    private final JdbiReturnsPoolReader returnsPoolReader;
    private final FlagEngine flagEngine;
    /** Now from the store; a past moment from the store's record plus the rules on the board of then. */
    private final FlagReader flagReader;
    private final SkuDetails skuDetails;
    /** The red flags ranked: the window's triage screen, the wall and {@code triage}. */
    private final TriageService triage;
    private final AgeingService ageingReader;
    private final Thresholds thresholds;
    private final PolicySettings policy;
    private final CodeCheckService codeChecks;
    private final HttpClientFactory http;
    private final HealthReportService healthReports;
    private final DisplayNames names;
    private final FileReportExports reportExports = new FileReportExports();
    private final StockImportService stockImports;
    private final Connections connections;
    private final ScorecardService scorecards;
    /** TikTok authorization in live mode (empty in demo: the demo shop is authorized already). */
    private final Optional<ShopAuthorizer> shopAuthorizer;
    /** Created by {@link #startNotices()}: only the window and the long-running poller notify anyone. */
    private TeamPushService teamPush;
    private NoticeCenter noticeCenter;
    /** This desk: host name and process id (team mode's "polled by"). */
    private final String desk = PollerLeases.thisDesk();
    /** Pushing figures to TikTok; null for a snapshot file (read-only). */
    private final StockPushService stockPushes;
    /** Who polls what: every source here on a lone workspace; advisory-lock leases in team mode. */
    private volatile PollerLeases leases = PollerLeases.local(desk);
    /** Team mode: follows the other desks' changes (null on a lone workspace). */
    private SharedFollower follower;
    /**
     * Demo mode: the partner's stock sheet and the workspace's past ({@link #completeDemo(boolean)}), done once
     * after the first sync of every source; completes with what the past's back-fill did (at once, empty, live).
     */
    private final CompletableFuture<DemoHistory.Result> demoCompleted = new CompletableFuture<>();
    /** Runs {@link #completeDemo(boolean)} off the sync threads; shut down before the database closes. */
    private ExecutorService demoExecutor;
    private volatile boolean closed;

    /**
     * Wires the services over {@code workspace} and {@code assembly}; nothing is polled until
     * {@link #startSync()}.
     *
     * @param sandbox the demo's sandbox (closed with the runtime), or null
     */
    private AppRuntime(LaunchOptions options, OpenWorkspace workspace, ConnectionAssembly assembly,
                       SandboxServer sandbox, boolean forWindow, CompletableFuture<Optional<StockBoard>> kept) {
        this.options = options;
        this.workspace = workspace;
        this.clock = workspace.clock();
        this.database = workspace.database();
        this.sandbox = sandbox;
        this.http = assembly.http();
        this.connections = assembly.connections();
        this.shopAuthorizer = assembly.shopAuthorizer();
        this.sources = assembly.sources();
        this.snapshots = new SnapshotRepository(database.jdbi(), desk);
        // Team mode: other desks may be syncing right now; a desk closes runs only of the sources it takes over.
        int abandoned = database.isShared() || writeRefusal().isPresent() ? 0
                : snapshots.abandonRunning(clock.instant());
        if (abandoned > 0) {
            LOG.warn("{} sync runs were interrupted by the previous process; nothing of them is visible", abandoned);
        }
        List<SourceInfo> infos = workspace.readOnly() ? workspace.snapshotSources()
                : this.sources.stream().map(StockSource::info).toList();
        this.skuIdentities = new SkuIdentities(new SkuMappingRepository(database.jdbi()), () -> infos, clock);
        // Every warehouse reading is re-keyed to the SKU identities before it is stored (docs/guide/sku-mapping.md).
        this.syncEngine = new SyncEngine(this.sources, snapshots, clock, options.cadence(), assembly.cadences(),
                skuIdentities);
        // The daily online backup (Database.backupIfDue: at most one a day, seven kept), after a sync.
        this.syncEngine.subscribe(event -> database.backupIfDue(clock.instant()));
        this.boardReader = new JdbiStockBoardReader(database.jdbi(), infos);
        // The window's first board is the longest wait of its start (issue 20): the board the window last read,
        // kept in the workspace's board file and read while the database opened; else read from here on, beside
        // the wiring of the other services, rather than after them. A database just restored or moved aside
        // (storeNotice) is not the one the kept board came from.
        this.keptBoard = kept == null || database.isShared() ? null
                : new KeptBoardReader(boardReader, BoardFile.in(options.workspace()));
        if (kept != null && database.isShared()) {
            // Team mode chosen in the workspace's settings: a board kept before is not the shared database's.
            BoardFile.delete(BoardFile.in(options.workspace()));
        }
        this.windowBoard = !forWindow ? null : keptBoard == null ? PrefetchedBoardReader.prefetching(boardReader)
                : PrefetchedBoardReader.prefetching(keptBoard, storeNotice().isPresent()
                        ? CompletableFuture.completedFuture(Optional.empty()) : kept);
        this.activitySync = assembly.activity() == null ? null : new ActivitySync(assembly.activity(),
                new ActivityRepository(database.jdbi()), clock, options.cadence());
        this.demandReader = new JdbiDemandReader(database.jdbi());
        this.returnsPoolReader = new JdbiReturnsPoolReader(database.jdbi());
        this.ageingReader = new AgeingService(new AgeingInputs(database.jdbi()), clock);
        // --stale-after on the command line wins; otherwise settings.properties, otherwise the default.
        this.policy = PolicySettings.load(workspace.directory(),
                options.staleAfter().equals(Staleness.DEFAULT_WINDOW) ? null : options.staleAfter());
        policy.entries().stream().filter(e -> e.problem() != null)
                .forEach(e -> LOG.warn("settings.properties {}: {}", e.key(), e.problem()));
        this.thresholds = policy.thresholds();
        this.names = new DisplayNames(database.jdbi());
        this.codeChecks = new CodeCheckService(new JdbiCodeRecords(database.jdbi())::records, names::warehouses);
        // One demand model (docs/DOMAIN.md "Demand and stock cover") for safety stock and the health report alike.
        this.warehouseDemand = new WarehouseDemandService(demandReader);
        this.flagEngine = new FlagEngine(new FlagRepository(database.jdbi()), boardReader, syncEngine, clock,
                thresholds, staleSideTolerance(options.cadence()),
                FLAG_SETTLE, demandReader, returnsPoolReader, ageingReader)
                .withWarehouseDemand(warehouseDemand).withCycle(options.cadence());
        this.healthReports = new HealthReportService(new JdbiHealthData(database.jdbi()), warehouseDemand,
                ageingReader, () -> thresholds, policy::bands, clock).withWarehouseNames(names::warehouses);
        this.stockImports = new StockImportService(new JdbiStockImportStore(database.jdbi(), snapshots), clock,
                skuIdentities);
        this.history = new JdbiHistory(database.jdbi(), boardReader);
        this.flagReader = new PastFlagReader(new JdbiFlagReader(database.jdbi()), history, flagEngine);
        this.skuDetails = new SkuDetailService(boardReader, new FlagRepository(database.jdbi()), flagReader,
                ageingReader, new AgeingInputs(database.jdbi()), demandReader, clock);
        this.triage = new TriageService(flagReader, boardReader, warehouseDemand, () -> thresholds, clock);
        this.historyCompactor = new HistoryCompactor(new SnapshotCompaction(database.jdbi()), policy.retention(),
                clock, compactionExecutor);
        this.stockPushes = workspace.readOnly() ? null : new StockPushService(new StockPushRepository(database.jdbi()),
                new JdbiPushInputs(database.jdbi()), boardReader, flagReader, skuIdentities, assembly.stockWriter(),
                assembly.shopSourceId(), () -> leases, thresholds::staleAfter, clock, desk);
        if (stockPushes != null) {
            // Off until the seller turns an automatic push on; the triggers only look at the settings.
            stockPushes.startAutomatic(syncEngine, stockImports);
        }
        WarehouseProfileRepository profiles = new WarehouseProfileRepository(database.jdbi());
        if (sandbox != null && writeRefusal().isEmpty()) {
            DemoProfiles.candidates().forEach(profiles::saveIfAbsent);
        }
        this.scorecards = new ScorecardService(profiles, new JdbiWarehouseKpis(database.jdbi()), ageingReader, clock,
                sandbox == null ? null : DemoProfiles::forWarehouse, new ScoreWeightRepository(database.jdbi(), clock))
                .withMinHistoryPercent(() -> policy.bands().minHistoryPercent());
        if (sandbox == null) {
            demoCompleted.complete(new DemoHistory.Result(Map.of(), 0, 0, 0, 0));
        }
    }

    /** Opens the workspace and wires everything; nothing is polled until {@link #startSync()}. */
    public static AppRuntime open(LaunchOptions options) {
        return open(options, Clock.systemUTC());
    }

    static AppRuntime open(LaunchOptions options, Clock clock) {
        return open(options, clock, System.getenv(), PassphrasePrompt.NONE);
    }

    /**
     * Opens the workspace; in live mode the secrets file, when it is needed, is unlocked by
     * {@code STOCKLENS_PASSPHRASE}, else by {@code prompt} (the window's unlock dialog).
     */
    public static AppRuntime open(LaunchOptions options, PassphrasePrompt prompt) {
        return open(options, Clock.systemUTC(), System.getenv(), prompt, step -> { }, false);
    }

    /**
     * The window's open: as {@link #open(LaunchOptions, PassphrasePrompt)}, telling {@code progress} each
     * step as it ends; the workspace file's daily backup waits for the first sync ({@link #startSync()}), and
     * the window's first board is read beside the wiring of the services ({@link #windowBoard()}).
     */
    public static AppRuntime open(LaunchOptions options, PassphrasePrompt prompt, Consumer<OpeningStep> progress) {
        return open(options, Clock.systemUTC(), System.getenv(), prompt, progress, true);
    }

    static AppRuntime open(LaunchOptions options, Clock clock, Map<String, String> env, PassphrasePrompt prompt) {
        return open(options, clock, env, prompt, step -> { }, false);
    }

    /** The steps of opening, in order; the window's start-up view shows them (and the start-up trace logs them). */
    public enum OpeningStep {
        /** The workspace's database is open and migrated: the cached board can be read. */
        WORKSPACE,
        /** The sources are assembled (and in demo mode the sandbox runs). */
        SOURCES,
        /** Every service is wired; nothing polls yet. */
        SERVICES
    }

    /**
     * @param forWindow the window's open: the workspace file's daily backup waits for the first sync, and the
     *                  window's first board is read while the services are wired ({@link #windowBoard()})
     */
    private static AppRuntime open(LaunchOptions options, Clock clock, Map<String, String> env,
                                   PassphrasePrompt prompt, Consumer<OpeningStep> progress, boolean forWindow) {
        Redactor.rememberEnvironment(env);
        // The window on a workspace of its own keeps the board it reads for its next start, and reads the kept one
        // now, beside the database's open (issue 20). Not for a snapshot file (read-only, nothing kept) nor in team
        // mode (the board is the shared database's, which other desks change while this one is closed).
        CompletableFuture<Optional<StockBoard>> kept = forWindow && !options.snapshotMode() && !options.teamMode()
                ? KeptBoardReader.readAtStart(BoardFile.in(options.workspace())) : null;
        // Demo: the sandbox needs nothing of the workspace, so it starts beside the database's open.
        CompletableFuture<SandboxServer> sandboxStart = options.demo() && !options.snapshotMode()
                ? CompletableFuture.supplyAsync(() -> DemoConnections.startSandbox(clock, options.workspace()),
                        task -> NamedThreads.daemon("stocklens-sandbox-start").newThread(task).start())
                : null;
        OpenWorkspace workspace;
        try {
            workspace = WorkspaceOpener.open(options, clock, env, prompt, !forWindow);
        } catch (RuntimeException e) {
            closeWhenStarted(sandboxStart);
            throw e;
        }
        step(progress, OpeningStep.WORKSPACE, "workspace opened (H2, Flyway)");
        if (workspace.readOnly()) {
            // A snapshot file: no source, no sandbox, no secret store and no network.
            try {
                AppRuntime runtime = new AppRuntime(options, workspace, ConnectionAssembly.snapshot(workspace.database(),
                        workspace.clock(), options.cadence(), READ_ONLY_MESSAGE), null, forWindow, null);
                step(progress, OpeningStep.SERVICES, "services wired");
                return runtime;
            } catch (RuntimeException e) {
                workspace.close();
                throw WorkspaceOpener.snapshotNotOpened(e);
            }
        }
        SandboxServer sandbox = null;
        try {
            ConnectionAssembly assembly;
            if (sandboxStart != null) {
                sandbox = sandboxStart.join();
                StartupTrace.mark("demo sandbox started");
                assembly = ConnectionAssembly.demo(DemoConnections.of(sandbox), workspace.database(), clock,
                        options.cadence());
            } else {
                assembly = ConnectionAssembly.live(options.live(), workspace.database(), options.workspace(), env,
                        prompt, clock, options.cadence());
            }
            step(progress, OpeningStep.SOURCES, "connections assembled");
            AppRuntime runtime = new AppRuntime(options, workspace, assembly, sandbox, forWindow, kept);
            step(progress, OpeningStep.SERVICES, "services wired");
            if (workspace.database().isShared()) {
                try {
                    runtime.startTeam(assembly.leaseIdentities());
                } catch (RuntimeException e) {
                    runtime.close();
                    throw e;
                }
            }
            return runtime;
        } catch (RuntimeException e) {
            if (sandbox != null) {
                sandbox.close();
            } else {
                closeWhenStarted(sandboxStart);
            }
            workspace.database().close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void step(Consumer<OpeningStep> progress, OpeningStep step, String trace) {
        StartupTrace.mark(trace);
        progress.accept(step);
    }

    /** A sandbox started for a runtime that will not open is closed once it is up. */
    private static void closeWhenStarted(CompletableFuture<SandboxServer> start) {
        if (start != null) {
            start.thenAccept(SandboxServer::close);
        }
    }

    /** Team mode: polls and judges only what this desk holds the lease of; follows the other desks. */
    private void startTeam(Map<String, String> identities) {
        TeamMode.Started team = TeamMode.start(database, identities, desk, clock, syncEngine, flagEngine, activitySync);
        this.leases = team.leases();
        this.follower = team.follower();
    }

    /** Two sync cycles, at least a minute: snapshots further apart than that make STALE_SIDE a likely cause. */
    static Duration staleSideTolerance(Duration cadence) {
        Duration twoCycles = cadence.multipliedBy(2);
        return twoCycles.compareTo(RootCauseHints.DEFAULT_STALE_SIDE_TOLERANCE) > 0 ? twoCycles
                : RootCauseHints.DEFAULT_STALE_SIDE_TOLERANCE;
    }

    /** Warehouse profiles and measured KPIs (the scorecard screen, {@code scores}). Blocking. */
    public Scorecards scorecards() {
        return scorecards;
    }

    /**
     * Team mode's settings and the workspace move for the window (File → Team database…). Settings are
     * kept in the live workspace's settings.properties (where a start without --demo reads db.url).
     */
    public TeamDatabase teamDatabase() {
        if (readOnly()) {
            return TeamDatabase.NONE;
        }
        return TeamDatabaseService.forWorkspace(DataDirectory.workspace(options.baseDir(), false), System.getenv(),
                () -> database, options.teamMode());
    }

    /** Snapshot history: moments, the board as of a moment, diffs (docs/guide/history.md). */
    public History history() {
        return history;
    }

    /**
     * Demo: the CSV-only partner warehouse "sends" its stock sheet and it goes through the real import
     * ({@link DemoSpreadsheets}). Live mode: does nothing. Called by the window at start-up and by
     * {@code sync --once} (a sync cycle of the demo includes the partner's latest sheet).
     */
    public void importDemoSpreadsheets() {
        if (sandbox != null) {
            DemoSpreadsheets.importAll(sandbox, stockImports, options.workspace(), clock);
        }
    }

    /** True when a snapshot file is open (read-only, no network, clock frozen at its moment). */
    public boolean readOnly() {
        return workspace.readOnly();
    }

    /**
     * The workspace's database backups (File → Restore backup…); empty for a snapshot file, which has none.
     * A restore is applied when the workspace next opens: close this runtime and open a new one.
     */
    public Optional<WorkspaceBackups> backups() {
        return readOnly() ? Optional.empty()
                : Optional.of(new DatabaseBackups(database, options.workspace(), Clock.systemUTC()));
    }

    /** The open snapshot file's manifest, or empty when this runtime is the live or demo workspace. */
    public Optional<SnapshotManifest> snapshot() {
        return workspace.snapshotManifest();
    }

    /** Whose data this is: the snapshot's name, the TikTok shop's connection name, or the workspace folder. */
    public String workspaceName() {
        Optional<SnapshotManifest> snapshot = snapshot();
        if (snapshot.isPresent() && snapshot.get().workspaceName() != null) {
            return snapshot.get().workspaceName();
        }
        if (options.demo()) {
            return "StockLens demo shop";
        }
        for (StockSource s : sources) {
            if (s.info().kind() == SourceKind.SHOP) {
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
    public SnapshotManifest exportSnapshot(Instant at, Instant from, Path out) {
        Instant moment = at != null ? at : clock.instant();
        String mode = snapshot().map(SnapshotManifest::mode).orElse(options.demo() ? "demo" : "live");
        return SnapshotFiles.export(database, moment, from, workspaceName(), mode, policy, out);
    }

    /** The embedded sandbox in demo mode (null live): tests inject faults through it. */
    SandboxServer sandbox() {
        return sandbox;
    }

    /** The open database: tests read what was stored, and stage runs in it (a sync run under way). */
    Database database() {
        return database;
    }

    /**
     * What opening the workspace had to repair or restore (a damaged database moved aside, a backup
     * restored), for the person: the window shows it once, the CLI prints it to stderr.
     */
    public Optional<String> storeNotice() {
        return database.notice();
    }

    /**
     * Why the workspace cannot be written now (a full or read-only disk, no write permission), as a phrase,
     * when its file was opened read-only: the data reads as stored, nothing polls, and commands that would
     * write refuse with this reason. Empty when the workspace is writable (always for a snapshot file, whose
     * refusal is {@link #READ_ONLY_MESSAGE}).
     */
    public Optional<String> writeRefusal() {
        return database.writeRefusal();
    }

    /**
     * The plain reason when {@code failure} is the store refusing a write (a disk that filled up or failed
     * during the command), else empty: what the command line prints instead of the store's trace.
     */
    public static Optional<String> storeWriteFailure(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StoreWriteException) {
                return Optional.ofNullable(c.getMessage());
            }
        }
        return Optional.empty();
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

    /**
     * The reader the window built over this runtime first reads the board through: its first read answers with
     * the board read while the runtime was wired (a runtime opened for the window), every later read goes to the
     * store. Outside the window's open, the plain {@link #boardReader()}.
     */
    public StockBoardReader windowBoard() {
        return windowBoard != null ? windowBoard : boardReader;
    }

    /** The orders-and-returns poll, or empty when no TikTok shop is configured. */
    public Optional<ActivitySync> activitySync() {
        return Optional.ofNullable(activitySync);
    }

    /** Units sold per SKU per Beijing day, from TikTok orders. */
    public DemandReader demandReader() {
        return demandReader;
    }

    /**
     * The one demand model: units sold per SKU per warehouse per Beijing day (docs/DOMAIN.md "Demand and stock
     * cover").
     */
    public WarehouseDemandService warehouseDemand() {
        return warehouseDemand;
    }

    /** Units sold per SKU per clock hour ("hours of cover" for viral SKUs). */
    public HourlyDemandReader hourlyDemandReader() {
        return demandReader;
    }

    /** The inventory health report (docs/DOMAIN.md §8) for any period. */
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

    /**
     * Starts polling: the stock sources on the sync engine, orders and returns on their own thread; in demo
     * mode, after the first cycle, the partner's sheet and the past ({@link #demoCompleted()}).
     */
    public void startSync() {
        if (writeRefusal().isPresent()) {
            LOG.warn("Nothing is polled: {}", writeRefusal().get());
            return;
        }
        if (sandbox != null) {
            completeDemoAfterFirstCycle();
        }
        // Team mode: one desk (the rules lease holder) compacts the shared history.
        historyCompactor.start(listener -> syncEngine.subscribe(e -> {
            if (leases.holds(PollerLeases.RULES)) {
                listener.accept(e);
            }
        }));
        syncEngine.start();
        if (activitySync != null) {
            activitySync.start();
        }
    }

    /**
     * One complete snapshot of every source this desk polls and one orders-and-returns window, then the red
     * flags judged on what was stored (also when a source failed: that is a flag too) and history kept
     * within the retention policy. Blocking; for {@code sync --once}.
     */
    public SyncOnce syncOnce() {
        // The engine judges the flags after each source's sync too: the summary counts all of it.
        FlagChangesDuring changes = new FlagChangesDuring();
        AutoCloseable listening = flagEngine.subscribe(changes);
        List<SyncRun> runs = syncEngine.syncAllOnce();
        long activityStarted = System.nanoTime();
        // Team mode: orders and returns are read by the desk polling the shop.
        Optional<ActivitySync.Run> read = activitySync().filter(a -> syncEngine.polls(a.sourceId()))
                .map(ActivitySync::syncOnce);
        long activityMillis = (System.nanoTime() - activityStarted) / 1_000_000;
        Optional<SyncOnce.Activity> activity = read.map(a -> new SyncOnce.Activity("activity:"
                + activitySync.sourceId(), a.sales() + a.returns(), a.requests(), activityMillis, a.error()));
        // Demo: the partner's sheet and the past, as the window has them, before the flags judge the stock.
        Optional<DemoHistory.Result> past = sandbox == null ? Optional.empty() : Optional.of(completeDemo(true));
        List<SyncRun> all = new ArrayList<>(runs);
        if (sandbox != null) {
            all.addAll(importRunsSince(runs.isEmpty() ? clock.instant() : runs.getFirst().startedAt()));
        }
        FlagsChanged flags = changes.until(flagEngine.evaluateNow(), FLAG_DELIVERY);
        try {
            listening.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing the sync's flag counter failed", e);
        }
        historyCompactor.compactNow();
        return new SyncOnce(all, activity, flags, past);
    }

    /**
     * Demo mode: the CSV-only partner warehouse sends its sheet ({@link DemoSpreadsheets}) and the workspace
     * gets its past ({@link DemoHistory}), once every source has synced (the past takes each source's first
     * snapshot as its shape, the sheet's rows line up with TikTok's listing). {@code sync --once} waits for
     * it; the window and the long-running poll run it on {@code stocklens-demo} after the first cycle
     * ({@link #demoCompleted()}). A team database gets the sheet but no past.
     */
    private DemoHistory.Result completeDemo(boolean readAgain) {
        DemoSpreadsheets.importAll(sandbox, stockImports, options.workspace(), clock);
        if (database.isShared()) {
            DemoHistory.Result none = new DemoHistory.Result(Map.of(), 0, 0, 0, 0);
            demoCompleted.complete(none);
            return none;
        }
        DemoHistory history = new DemoHistory(sandbox.world(), new HistoryBackfill(database.jdbi()), skuIdentities,
                clock);
        if (readAgain) {
            // One cycle only: a warehouse read before TikTok's listing was in holds its own codes, and its next
            // reading (now) re-keys it. A polling runtime's next cycle does that on its schedule.
            for (String sourceId : history.sourcesToReadAgain()) {
                sources.stream().filter(src -> src.info().id().equals(sourceId)).forEach(syncEngine::syncOnce);
            }
        }
        DemoHistory.Result result = history.backfillIfNeeded(() -> closed);
        demoCompleted.complete(result);
        return result;
    }

    /** The stock-file imports begun at or after {@code since}: the demo sheet's, in {@code sync --once}'s list. */
    private List<SyncRun> importRunsSince(Instant since) {
        List<SyncRun> out = new ArrayList<>();
        for (CsvWarehouse w : stockImports.warehouses()) {
            snapshots.recentRuns(w.sourceId(), 1).stream().filter(r -> !r.startedAt().isBefore(since))
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * Completes once the demo's sheet and past are in the workspace ({@link #completeDemo(boolean)}) with what
     * the back-fill wrote; at once with an empty result in live mode or for a snapshot file. The window refreshes
     * its screens then.
     */
    public CompletableFuture<DemoHistory.Result> demoCompleted() {
        return demoCompleted;
    }

    /**
     * Demo: runs {@link #completeDemo(boolean)} in the background once the shop has completed a sync (the sheet's
     * rows line up with its listing) and every other source has finished one, complete or not.
     */
    private void completeDemoAfterFirstCycle() {
        Set<String> waiting = new HashSet<>();
        Set<String> shops = new HashSet<>();
        for (StockSource src : sources) {
            waiting.add(src.info().id());
            if (src.info().kind() == SourceKind.SHOP) {
                shops.add(src.info().id());
            }
        }
        demoExecutor = Executors.newSingleThreadExecutor(NamedThreads.daemon("stocklens-demo"));
        syncEngine.subscribe(event -> {
            String source = event.run().sourceId();
            synchronized (waiting) {
                if (shops.contains(source) && event.run().status() != SyncStatus.COMPLETE) {
                    return;
                }
                if (waiting.isEmpty() || !waiting.remove(source) || !waiting.isEmpty()) {
                    return;
                }
            }
            demoExecutor.execute(() -> {
                try {
                    completeDemo(false);
                } catch (RuntimeException e) {
                    LOG.warn("demo history not written: {}", e.toString(), e);
                    demoCompleted.completeExceptionally(e);
                }
            });
        });
    }

    /** The sync engine's events: one per finished run. */
    public SyncEvents syncEvents() {
        return syncEngine;
    }

    /** Every policy figure with its value and where it came from ({@code settings --json}). */
    public PolicySettings policy() {
        return policy;
    }

    /** The policy figures the rules judge by (defaults of docs/DOMAIN.md, settings.properties, --stale-after). */
    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * Starts desktop notices and, when robots are configured (see docs/guide/team-push.md), the team push.
     * Called by the window and the long-running {@code sync}; one-shot commands notify nobody.
     */
    public synchronized Notices startNotices() {
        if (noticeCenter == null) {
            TeamPushConfig pushConfig = TeamPushConfig.fromEnvironment();
            pushConfig.problems().forEach(p -> LOG.warn("Team push: {}", p));
            teamPush = new TeamPushService(http, clock);
            // A snapshot file never talks to anyone: no robot, whatever the environment says.
            teamPush.setRobots(readOnly() ? List.of() : pushConfig.robots());
            FlagReaderTasks openTasks = new FlagReaderTasks(flagReader);
            noticeCenter = new NoticeCenter(flagEngine, openTasks, openTasks, teamPush, clock);
        }
        return noticeCenter;
    }

    /** The three-code check (三码校验) over the synced codes. Blocking: call it off the FX thread. */
    public CodeChecks codeChecks() {
        return codeChecks;
    }

    /** Every warehouse's display name by id, for text a seller reads (ids are for JSON). Blocking I/O. */
    public Map<String, String> warehouseNames() {
        return names.warehouses();
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
        return shopAuthorizer;
    }

    /**
     * Pushing the warehouse's figures to TikTok: plans, apply, audit, undo, automatic pushes (docs/guide/push.md).
     * A snapshot file has none ({@link StockPushes#NONE}).
     */
    public StockPushes stockPushes() {
        return stockPushes == null ? StockPushes.NONE : stockPushes;
    }

    /** The red-flag panel's read model. */
    public FlagReader flagReader() {
        return flagReader;
    }

    /** The red flags ranked by what to do first (docs/guide/triage.md). Blocking. */
    public Triage triage() {
        return triage;
    }

    /** One SKU across the workspace (the SKU detail pane). Blocking. */
    public SkuDetails skuDetails() {
        return skuDetails;
    }

    /** Evaluates the red flags after every complete sync; also the flag actions and events. */
    public FlagEngine flagEngine() {
        return flagEngine;
    }

    /** Who polls which source: "polled here" or "polled by <desk>" (every source here on a lone workspace). */
    public PollerLeases leases() {
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
        if (keptBoard != null) {
            keptBoard.close(); // a write under way finishes: the next start shows the newest board
        }
        try {
            try {
                if (activitySync != null) {
                    activitySync.close();
                }
            } finally {
                try {
                    syncEngine.close();
                } finally {
                    if (stockPushes != null) {
                        // An automatic push in flight finishes writing its audit first.
                        stockPushes.close();
                    }
                }
            }
        } finally {
            try {
                flagEngine.close();
                if (demoExecutor != null) {
                    // A back-fill in flight stops at its next transaction (it asks `closed`).
                    demoExecutor.shutdown();
                    awaitQuietly(demoExecutor);
                }
                compactionExecutor.shutdown();
                try {
                    // A compaction in flight finishes its transaction before the database closes.
                    compactionExecutor.awaitTermination(10, TimeUnit.SECONDS);
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
                    // Closes the database; a snapshot file's temporary copy goes with it.
                    workspace.close();
                }
            }
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
