package com.stocklens;

import com.stocklens.app.AppRuntime;
import com.stocklens.app.Logs;
import com.stocklens.app.PrefetchedBoardReader;
import com.stocklens.app.settings.DataDirectory;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.settings.UserSettings;
import com.stocklens.app.workspace.StartupException;
import com.stocklens.app.workspace.WorkspaceOpener;
import com.stocklens.cli.StockLensCommand;
import com.stocklens.cli.StockLensOptions;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Connection;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.service.Connections;
import com.stocklens.service.FlagActions;
import com.stocklens.service.NoticePreferences;
import com.stocklens.service.NoticeSettings;
import com.stocklens.service.ShopAuthorizer;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.service.StockBoardReader;
import com.stocklens.support.NamedThreads;
import com.stocklens.support.StartupTrace;
import com.stocklens.ui.FxAlerts;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxPulses;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.Screen;
import com.stocklens.ui.SnapshotFileDialogs;
import com.stocklens.ui.StartupStep;
import com.stocklens.ui.StartupView;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.auth.TikTokAuthorizeDialog;
import com.stocklens.ui.stock.StockViewModel;
import com.stocklens.ui.wall.WallViewModel;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. A start shows the window's outline ({@link StartupView}) in its first frame and
 * opens everything else behind it (issue 20): the command line, logging and the workspace are opened by
 * {@link Opening} on a thread of its own, begun by {@link Launcher} before the toolkit starts and waiting for
 * the outline's first frame before its heavy work (beside the toolkit's start it slowed that frame); once the
 * runtime is open the window replaces the outline, the cached board (read meanwhile) fills it, and only
 * then do the sources start polling. {@link #stop()} closes everything (never {@code System.exit} there).
 * {@code -Dstocklens.startupTrace=true} logs each step's milliseconds.
 */
public final class StockLensApp extends Application {
    /** The opening under way; begun by {@link Launcher}, or by {@link #init()} when launched otherwise. */
    private static Opening opening;

    private Logger log;
    private AppRuntime runtime;
    private String startupError;
    private StartupException startupSnapshotError;
    private UserSettings settings;
    private Locale requestedLocale;
    private String requestedScreen;
    private Instant requestedAsOf;
    private boolean requestedWall;
    private Duration requestedWallRotate;
    private MainWindowHost host;
    private final ExecutorService uiIo = Executors.newSingleThreadExecutor(NamedThreads.daemon("stocklens-ui-io"));
    /** Longest the first sync waits for the pulse that puts the first board on screen. */
    static final Duration FIRST_BOARD_PULSE_WAIT = Duration.ofSeconds(2);
    private final AtomicBoolean errorShown = new AtomicBoolean();

    /** Begins opening for {@code args} on a thread of its own (once; later calls keep the first). */
    static synchronized void beginOpening(String[] args) {
        if (opening == null) {
            opening = Opening.begin(List.of(args));
        }
    }

    private static synchronized Opening opening(List<String> args) {
        beginOpening(args.toArray(String[]::new));
        return opening;
    }

    @Override
    public void init() {
        StartupTrace.mark("JavaFX toolkit started");
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> onUncaught(thread, error));
        opening(getParameters().getRaw());
    }

    /**
     * Runs TikTok's authorization dialog for a connection and stores the chosen shop (the tokens are stored
     * by the authorizer). The connection is read again before saving: the authorizer has written the
     * token expiry times meanwhile.
     */
    private void authorize(Stage stage, ShopAuthorizer authorizer,
                           Connection connection, Messages messages) {
        TikTokAuthorizeDialog.show(stage, authorizer, connection, messages,
                        TikTokAuthorizeDialog.browser(getHostServices()))
                .ifPresent(shop -> uiIo.execute(() -> {
                    try {
                        Connection current = runtime.connections().list().stream()
                                .map(Connections.ConnectionStatus::connection)
                                .filter(c -> c.id().equals(connection.id())).findFirst().orElse(connection);
                        Map<String, String> settings = new LinkedHashMap<>(current.settings());
                        settings.put("shop_cipher", shop.cipher());
                        runtime.connections().save(current.withSettings(settings), Map.of());
                        log.info("{}: shop {} chosen", connection.id(), shop.name());
                    } catch (Exception e) {
                        log.warn("{}: could not store the chosen shop: {}", connection.id(), e.getMessage());
                    }
                }));
    }

    /** Shows the start-up view at once; the window follows when the opening is done. */
    @Override
    public void start(Stage stage) {
        StartupTrace.mark("start: the FX thread");
        FxTheme.apply();
        Opening current = opening(getParameters().getRaw());
        Messages early = new Messages(current.earlyLocale());
        StartupView startup = new StartupView(early);
        stage.setScene(new Scene(startup.root(), MainWindowHost.WIDTH, MainWindowHost.HEIGHT));
        stage.setTitle(early.get("app.title"));
        for (int size : new int[] {32, 64, 256}) {
            stage.getIcons().add(new Image(StockLensApp.class.getResourceAsStream("stocklens-" + size + ".png")));
        }
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        StartMarker.installIfRequested(stage.getScene());
        FxPulses.afterNextLayout(stage.getScene(), current::firstFrameShown);
        stage.show();
        StartupTrace.mark("start-up view shown");
        FxExecutor fx = new FxExecutor();
        current.onStep(step -> fx.execute(() -> startup.show(step)));
        current.whenDone(result -> fx.execute(() -> opened(stage, result)));
    }

    /** FX thread: the opening is done; the window, or what went wrong. */
    private void opened(Stage stage, Opening.Result result) {
        log = LoggerFactory.getLogger(StockLensApp.class);
        runtime = result.runtime();
        settings = result.settings();
        startupError = result.error();
        startupSnapshotError = result.snapshotError();
        requestedLocale = result.locale();
        requestedScreen = result.screen();
        requestedAsOf = result.asOf();
        requestedWall = result.wall();
        requestedWallRotate = result.wallRotate();
        showWindow(stage, result.board());
    }

    /** Builds the window over the open runtime on {@code stage}, reading the board through {@code board}. */
    private void showWindow(Stage stage, StockBoardReader board) {
        if (runtime == null) {
            Messages m = new Messages(locale());
            if (startupSnapshotError != null) {
                FxAlerts.of(Alert.AlertType.ERROR, m.get("app.title"), m.get("snapshot.error.header"),
                        snapshotProblem(startupSnapshotError, m)).showAndWait();
                Platform.exit();
                return;
            }
            Alert alert = FxAlerts.of(Alert.AlertType.ERROR, m.get("app.title"), m.get("startup.error.header"),
                    startupError);
            alert.showAndWait();
            Platform.exit();
            return;
        }
        LaunchOptions options = runtime.options();
        Locale locale = locale();
        UiContext context = context(runtime, stage, locale, board);
        Duration wallRotate = requestedWallRotate != null ? requestedWallRotate
                : settings.wallRotate(WallViewModel.DEFAULT_ROTATE);
        host = requestedWall ? MainWindowHost.installWall(stage, context, wallRotate)
                : MainWindowHost.install(stage, context);
        host.setWallRotate(wallRotate);
        StartupTrace.mark("window built");
        if (StartupTrace.enabled()) {
            FxPulses.afterNextLayout(stage.getScene(), () -> StartupTrace.mark("window's first pulse (CSS, layout)"));
        }
        decorate(host, runtime, stage, locale);
        if (requestedScreen != null && host.current() != null) {
            try {
                host.current().show(Screen.valueOf(requestedScreen));
            } catch (IllegalArgumentException e) {
                log.warn("unknown --screen {}; expected one of {}", requestedScreen,
                        Arrays.toString(Screen.values()));
            }
        }
        if (requestedAsOf != null && host.current() != null) {
            host.current().timeTravel().goTo(requestedAsOf);
        }
        // Told once: a damaged database moved aside and a backup restored, or a requested restore applied.
        runtime.storeNotice().ifPresent(notice -> {
            Messages messages = new Messages(locale);
            Alert alert = FxAlerts.of(Alert.AlertType.WARNING, messages.get("app.title"),
                    messages.get("workspace.restored.header"), notice);
            alert.initOwner(stage);
            alert.show();
        });
        // A full or read-only disk: the data as stored, nothing polled, and the person told why once.
        runtime.writeRefusal().ifPresent(refusal -> {
            Messages messages = new Messages(locale);
            Alert alert = FxAlerts.of(Alert.AlertType.WARNING, messages.get("app.title"),
                    messages.get("workspace.readOnly.header"), messages.format("workspace.readOnly.text", refusal));
            alert.initOwner(stage);
            alert.show();
        });
        if (!runtime.readOnly()) {
            startSyncOnceTheBoardShows(host, stage.getScene(), board);
            refreshWhenDemoCompleted(runtime);
        }
        log.info("window shown ({} mode, workspace {})",
                runtime.readOnly() ? "snapshot" : options.demo() ? "demo" : "live", options.workspace());
    }

    /**
     * Demo: the partner's sheet and the workspace's past arrive after the first sync, off the FX thread
     * ({@link AppRuntime#demoCompleted()}); the screens built by then read again once they are in.
     */
    private void refreshWhenDemoCompleted(AppRuntime rt) {
        if (!rt.options().demo()) {
            return;
        }
        rt.demoCompleted().thenAccept(result -> {
            if (result.wroteAnything()) {
                log.info("demo history in place ({} rows, {} ms): refreshing the window", result.rows(),
                        result.millis());
            }
            new FxExecutor().execute(() -> {
                if (runtime == rt && host != null && host.current() != null) {
                    host.current().refresh();
                }
            });
        });
    }

    /** The language asked for, else the workspace's choice, else the OS language's. */
    private Locale locale() {
        if (requestedLocale != null) {
            return requestedLocale;
        }
        return settings != null ? settings.locale(Locale.getDefault())
                : opening(getParameters().getRaw()).earlyLocale();
    }

    /**
     * The cached board first, then the sources (issue 20): polling starts once the stock table shows the
     * board read at start-up (the layout pulse after its apply), or its read failed, so the first sync never
     * competes with it. The wall has no stock table: it starts at once. A board shown from the workspace's board
     * file (the one the window read last time) is followed by a read of the store, which may have changed since.
     */
    private void startSyncOnceTheBoardShows(MainWindowHost target, Scene scene, StockBoardReader board) {
        AppRuntime rt = runtime;
        AtomicBoolean started = new AtomicBoolean();
        MainWindow window = target.current();
        Runnable start = () -> {
            if (started.compareAndSet(false, true)) {
                if (window != null && board instanceof PrefetchedBoardReader p && p.firstWasKept()) {
                    window.viewModel().stock().refresh();
                }
                uiIo.execute(() -> {
                    rt.startSync();
                    StartupTrace.mark("polling started");
                });
            }
        };
        if (window == null) {
            start.run();
            return;
        }
        StockViewModel stock = window.viewModel().stock();
        if (stock.appliedSnapshotsProperty().get() > 0 || stock.loadErrorProperty().get() != null) {
            start.run();
            return;
        }
        InvalidationListener once = new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                stock.appliedSnapshotsProperty().removeListener(this);
                stock.loadErrorProperty().removeListener(this);
                // The board is on screen after the pulse that lays it out (the table's first fill, 0.3-0.5 s of the
                // FX thread at 100,000 rows): the store's re-read and the first sync begin then, not beside it.
                FxPulses.afterNextLayout(scene, FIRST_BOARD_PULSE_WAIT, start);
            }
        };
        stock.appliedSnapshotsProperty().addListener(once);
        stock.loadErrorProperty().addListener(once);
    }

    /** The banner of a snapshot file and the File menu's snapshot actions, on every (re)built window. */
    private void decorate(MainWindowHost target, AppRuntime rt, Stage stage, Locale locale) {
        target.decorate(w -> {
            w.setSnapshotFiles(new SnapshotFileActions(w.messages()));
            w.setBackups(rt.backups().orElse(null), rt.readOnly() ? null : () -> reopenWorkspace(stage));
            rt.snapshot().ifPresent(m -> w.showSnapshotBanner(rt.workspaceName(), m.at(), m.from()));
        });
    }

    /**
     * File → Restore backup… → Reopen now: closes the window and the runtime, and opens the workspace again;
     * opening applies the requested restore (store.Backups) and the new window tells the person once.
     */
    private void reopenWorkspace(Stage stage) {
        AppRuntime old = runtime;
        Locale locale = requestedLocale != null ? requestedLocale : settings.locale(Locale.getDefault());
        if (host != null) {
            host.close();
            host = null;
        }
        stage.getScene().setRoot(new StackPane(new ProgressIndicator()));
        log.info("reopening the workspace to apply a requested restore");
        uiIo.execute(() -> {
            old.close();
            AppRuntime fresh = null;
            String error = null;
            try {
                // A window's open: the board it reads is kept for the next start, and the board kept before the
                // restore is passed over (the restore is the store's notice).
                fresh = AppRuntime.open(old.options(), new UnlockPrompt(locale), step -> { });
            } catch (StartupException e) {
                log.error("cannot reopen the workspace", e);
                error = e.getMessage();
            }
            AppRuntime opened = fresh;
            String problem = error;
            new FxExecutor().execute(() -> {
                runtime = opened;
                startupError = problem;
                requestedScreen = null;
                requestedAsOf = null;
                showWindow(stage, opened == null ? null : opened.windowBoard());
            });
        });
    }

    /** The window's services over {@code rt}; a snapshot file's flag actions refuse, in plain words. */
    private UiContext context(AppRuntime rt, Stage stage, Locale locale, StockBoardReader board) {
        FlagActions actions = rt.readOnly()
                ? readOnlyFlagActions(new Messages(locale).get("snapshot.readOnly"))
                : rt.flagEngine();
        return new UiContext(
                new UiContext.Shell(rt.clock(), locale, settings::setLocale, uiIo, rt.options().demo(), rt.thresholds(),
                        declarerMemory()),
                new UiContext.Stock(board, rt.syncEngine(), rt.thresholds().staleAfter(),
                        rt.returnsPoolReader(), rt.leases(), rt.skuDetails(), rt.syncEngine()),
                new UiContext.Flags(rt.flagReader(), actions, rt.flagEngine(), rt.startNotices(), rt.triage(),
                        noticePreferences(rt), rt.stockPushes()),
                new UiContext.Reports(rt.ageingReader(), rt.healthReports(), rt.codeChecks(), rt.reportExports(),
                        rt.warehouseDemand()),
                new UiContext.Setup(rt.connections(), rt.shopAuthorizer()
                        .map(a -> (Consumer<Connection>) c -> authorize(stage, a, c,
                                new Messages(locale)))
                        .orElse(null), rt.skuIdentities(), rt.stockImports(), rt.teamDatabase(), rt.teamPush(),
                        rt.scorecards()));
    }

    private static FlagActions readOnlyFlagActions(String message) {
        return new FlagActions() {
            @Override
            public CalibrationTask declare(long taskId, DeclaredCause cause,
                                                               String note, String who) {
                throw new IllegalStateException(message);
            }

            @Override
            public void acknowledge(String alertKey, String who) {
                throw new IllegalStateException(message);
            }

            @Override
            public void snooze(String alertKey, Duration duration, String who) {
                throw new IllegalStateException(message);
            }
        };
    }

    /** File → Open snapshot… / Export snapshot…: file choosers on the FX thread, the work on {@code uiIo}. */
    private final class SnapshotFileActions implements SnapshotFileDialogs {
        private final Messages messages;

        SnapshotFileActions(Messages messages) {
            this.messages = messages;
        }

        private FileChooser chooser(String titleKey) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get(titleKey));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    messages.get("snapshot.filter"), "*" + StockLensCommand.FILE_EXTENSION));
            return chooser;
        }

        @Override
        public void open(Window owner) {
            File file = chooser("snapshot.open.title").showOpenDialog(owner);
            if (file != null) {
                openSnapshotWindow(file.toPath(), messages);
            }
        }

        @Override
        public void export(Window owner) {
            FileChooser chooser = chooser("snapshot.export.title");
            chooser.setInitialFileName(LocalDate.now(BeijingTime.ZONE)
                    + StockLensCommand.FILE_EXTENSION);
            File file = chooser.showSaveDialog(owner);
            if (file == null) {
                return;
            }
            FxExecutor fx = new FxExecutor();
            uiIo.execute(() -> {
                try {
                    runtime.exportSnapshot(null, null, file.toPath());
                    fx.execute(() -> FxAlerts.of(Alert.AlertType.INFORMATION, messages.get("app.title"),
                            messages.get("snapshot.exported.header"), messages.format("snapshot.exported", file)).show());
                } catch (RuntimeException e) {
                    log.warn("snapshot export failed: {}", e.getMessage());
                    fx.execute(() -> FxAlerts.of(Alert.AlertType.ERROR, messages.get("app.title"),
                            messages.get("snapshot.error.exportHeader"),
                            messages.format("snapshot.error.export", e.getMessage())).show());
                }
            });
        }
    }

    /** Opens {@code file} read-only in a window of its own (its own runtime over a temporary copy). */
    private void openSnapshotWindow(Path file, Messages messages) {
        FxExecutor fx = new FxExecutor();
        Locale locale = messages.bundle().getLocale().getLanguage().isEmpty() ? Locale.ENGLISH
                : messages.bundle().getLocale();
        uiIo.execute(() -> {
            AppRuntime rt;
            try {
                rt = AppRuntime.open(runtime.options().withSnapshot(file.toAbsolutePath()));
            } catch (StartupException e) {
                log.warn("snapshot {} not opened: {}", file, e.getMessage());
                fx.execute(() -> {
                    FxAlerts.of(Alert.AlertType.ERROR, messages.get("app.title"), messages.get("snapshot.error.header"),
                            snapshotProblem(e, messages)).show();
                });
                return;
            }
            fx.execute(() -> {
                Stage stage = new Stage();
                MainWindowHost snapshotHost = MainWindowHost.install(stage, context(rt, stage, locale, rt.boardReader()));
                decorate(snapshotHost, rt, stage, locale);
                stage.setOnHidden(ev -> {
                    snapshotHost.close();
                    uiIo.execute(rt::close);
                });
                stage.show();
            });
        });
    }

    /** The person's words for a snapshot that cannot be opened (never a stack trace). */
    static String snapshotProblem(StartupException e, Messages messages) {
        if (e.getCause() instanceof SnapshotFileException s) {
            return switch (s.problem()) {
                case NEWER_FORMAT -> messages.format("snapshot.error.newer", s.formatVersion());
                case OLDER_FORMAT -> messages.format("snapshot.error.older", s.formatVersion());
                case CORRUPT -> messages.get("snapshot.error.corrupt") + "\n\n" + s.getMessage();
                case IO -> s.getMessage();
            };
        }
        return e.getMessage();
    }

    @Override
    public void stop() {
        if (runtime == null) {
            // Closed before the window came: the opening closes what it opens.
            opening(getParameters().getRaw()).abandon();
        }
        if (host != null) {
            host.close();
        }
        uiIo.shutdownNow();
        try {
            uiIo.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /**
     * Which notices pop up, remembered in the workspace settings; a snapshot file's window keeps its choices
     * for as long as it is open (the file is read-only, and its settings are not this workspace's).
     */
    private NoticePreferences noticePreferences(AppRuntime rt) {
        if (rt.readOnly()) {
            return NoticePreferences.inMemory(settings.noticeSettings());
        }
        return new NoticePreferences() {
            @Override
            public NoticeSettings load() {
                return settings.noticeSettings();
            }

            @Override
            public void save(NoticeSettings value) {
                settings.setNoticeSettings(value);
            }
        };
    }

    /** The name on declarations and acknowledgements, remembered in the workspace settings. */
    private NameMemory declarerMemory() {
        return new NameMemory() {
            @Override
            public String get() {
                String name = settings.declarer();
                return name != null ? name : NameMemory.osUserName();
            }

            @Override
            public void set(String name) {
                settings.setDeclarer(name);
            }
        };
    }

    /** Logs every uncaught error; shows the first one to the person, once, instead of failing silently. */
    private void onUncaught(Thread thread, Throwable error) {
        Logger logger = log != null ? log : LoggerFactory.getLogger(StockLensApp.class);
        logger.error("uncaught error on {}", thread.getName(), error);
        AppRuntime rt = runtime;
        // On the wall nobody is at the keyboard to close a dialog: the log has it.
        if (errorShown.compareAndSet(false, true) && (host == null || !host.inWall())) {
            new FxExecutor().execute(() -> {
                Messages m = new Messages(locale());
                String text = String.valueOf(error.getMessage()) + (rt == null ? ""
                        : "\n\n" + m.format("error.uncaught.log", rt.options().workspace().resolve("logs")));
                FxAlerts.of(Alert.AlertType.ERROR, m.get("app.title"), m.get("error.uncaught.header"), text).show();
            });
        }
    }

    /**
     * Everything a window start does before the window can be built, on a thread of its own so the first
     * frame never waits for it (issue 20): a guess of the language for the start-up view (the command line's
     * {@code --lang}, else the workspace's choice), the parse of its options, logging, and the
     * runtime, whose opening for the window reads the cached board while its services are wired and the FX
     * thread builds the window ({@link AppRuntime#windowBoard()}).
     */
    static final class Opening {
        private final List<String> args;
        private final CompletableFuture<Locale> earlyLocale = new CompletableFuture<>();
        private final CompletableFuture<Result> done = new CompletableFuture<>();
        private final List<Consumer<StartupStep>> stepListeners = new CopyOnWriteArrayList<>();
        private volatile StartupStep step = StartupStep.STARTING;
        private volatile boolean abandoned;
        /** Counted down once the start-up view's first frame is laid out: the opening's heavy work waits for it. */
        private final CountDownLatch firstFrame = new CountDownLatch(1);

        /** What the opening found: the runtime and the window's requests, or what went wrong. */
        record Result(AppRuntime runtime, StockBoardReader board, UserSettings settings, Locale locale,
                      String screen, Instant asOf, boolean wall, Duration wallRotate, String error,
                      StartupException snapshotError) {
        }

        private Opening(List<String> args) {
            this.args = List.copyOf(args);
        }

        static Opening begin(List<String> args) {
            Opening o = new Opening(args);
            NamedThreads.daemon("stocklens-open").newThread(o::run).start();
            return o;
        }

        /** The language of the start-up view; known within milliseconds of the start. */
        Locale earlyLocale() {
            return earlyLocale.join();
        }

        /** Tells {@code listener} the step under way now and each later one (on the opening thread). */
        void onStep(Consumer<StartupStep> listener) {
            stepListeners.add(listener);
            listener.accept(step);
        }

        /** Runs {@code then} with the result once the opening is done (on the opening thread, or at once). */
        void whenDone(Consumer<Result> then) {
            done.thenAccept(then);
        }

        /** Longest the opening waits for the start-up view's first frame (a toolkit that never starts). */
        static final Duration FIRST_FRAME_WAIT = Duration.ofSeconds(3);

        private void awaitFirstFrame() {
            try {
                firstFrame.await(FIRST_FRAME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The start-up view is on screen: the opening goes on. */
        void firstFrameShown() {
            firstFrame.countDown();
        }

        /** The app stopped before its window came: the runtime the opening makes is closed, never shown. */
        void abandon() {
            abandoned = true;
            done.thenAccept(r -> {
                if (r.runtime() != null) {
                    if (r.board() instanceof PrefetchedBoardReader p) {
                        p.cancel();
                    }
                    r.runtime().close();
                }
            });
        }

        private void step(StartupStep next) {
            step = next;
            stepListeners.forEach(l -> l.accept(next));
        }

        private void run() {
            try {
                earlyLocale.complete(guessLocale(args));
                // Logging, for the workspace the command line names, while this thread waits for the first frame:
                // it costs a cold JVM 0.3-0.5 s, beside the toolkit's start rather than in the open's way.
                Path known = knownWorkspace(args);
                if (known != null) {
                    Logs.configure(known);
                }
                // The workspace's heavy opening (parser, H2, connectors) would compete with the toolkit's start
                // for the cores: it waits for the start-up view's first frame (issue 20).
                awaitFirstFrame();
                StartupTrace.mark("opening begins");
                // Window options only (Launcher.opensWindow, or the launcher's full parse found no subcommand).
                StockLensOptions command = StockLensOptions.parseWindow(args);
                StartupTrace.mark("command line parsed");
                step(StartupStep.WORKSPACE);
                LaunchOptions options = command.launchOptions(System.getenv());
                Logs.configure(options.workspace());
                Logger log = LoggerFactory.getLogger(StockLensApp.class);
                StartupTrace.logTo(log::info);
                StartupTrace.mark("logging set up");
                // A .stocklens file (double-clicked, or --snapshot) opens read-only: LaunchOptions.snapshot().
                command.fileToOpen().ifPresent(file -> log.info("asked to open {}", file));
                UserSettings settings = new UserSettings(options.workspace());
                Locale asked = command.language().orElse(null);
                Locale locale = asked != null ? asked : settings.locale(Locale.getDefault());
                String screen = command.screen().orElse(null);
                Instant asOf = command.asOf().orElse(null);
                Duration wallRotate = command.wallRotate().orElse(null);
                AppRuntime runtime;
                try {
                    // Asked only if a live connection needs a secret from the encrypted file (never in demo mode).
                    runtime = AppRuntime.open(options, new UnlockPrompt(locale), this::opened);
                } catch (StartupException e) {
                    log.error("cannot open the workspace", e);
                    done.complete(new Result(null, null, settings, asked, screen, asOf, command.wall(), wallRotate,
                            e.getMessage(), options.snapshotMode() ? e : null));
                    return;
                }
                if (abandoned) {
                    runtime.close();
                    return;
                }
                step(StartupStep.WINDOW);
                done.complete(new Result(runtime, runtime.windowBoard(), settings, asked, screen, asOf, command.wall(),
                        wallRotate, null, null));
            } catch (RuntimeException e) {
                // A command line the parser refuses (a bad value) or a failure before the workspace opened.
                Logs.releaseJavaUtilLogging();
                LoggerFactory.getLogger(StockLensApp.class).error("cannot start", e);
                earlyLocale.complete(Locale.ENGLISH);
                done.complete(new Result(null, null, null, null, null, null, false, null,
                        String.valueOf(e.getMessage()), null));
            }
        }

        private void opened(AppRuntime.OpeningStep finished) {
            switch (finished) {
                case WORKSPACE -> step(StartupStep.SOURCES);
                case SOURCES -> step(StartupStep.SERVICES);
                case SERVICES -> { }
            }
        }

        /**
         * {@code --lang} from the command line, else the choice kept in the workspace's settings (the demo's
         * with {@code --demo}), else the OS language's; without the parser, which the first frame must not
         * wait for.
         */
        static Locale guessLocale(List<String> args) {
            String lang = option(args, "--lang");
            if (lang != null && !lang.isBlank()) {
                return lang.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            }
            Path workspace = guessWorkspace(args);
            return new UserSettings(workspace != null ? workspace : Path.of(".")).locale(Locale.getDefault());
        }

        /**
         * The workspace {@code args} open ({@code --data-dir}, {@code --demo}), without the parser; null when it
         * cannot be told. The parser's answer may differ (a snapshot file opens a copy): logging is then set up
         * again for that one.
         */
        static Path guessWorkspace(List<String> args) {
            String dataDir = option(args, "--data-dir");
            try {
                Path base = DataDirectory.resolve(dataDir == null ? null : Path.of(dataDir));
                return DataDirectory.workspace(base, args.contains("--demo"));
            } catch (RuntimeException e) {
                return null;
            }
        }

        /**
         * The workspace {@code args} open when that is certain without the parser: the demo's with {@code --demo},
         * else the live one once its database exists (a start with nothing configured runs the demo: that is the
         * parser's to decide); else null.
         */
        static Path knownWorkspace(List<String> args) {
            Path workspace = guessWorkspace(args);
            if (workspace == null || args.contains("--demo")) {
                return workspace;
            }
            return WorkspaceOpener.hasDatabase(workspace) ? workspace : null;
        }

        /** The value of {@code --name value} or {@code --name=value} in {@code args}, the last one given; else null. */
        private static String option(List<String> args, String name) {
            String value = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith(name + "=")) {
                    value = a.substring(name.length() + 1);
                } else if (a.equals(name)) {
                    value = i + 1 < args.size() ? args.get(i + 1) : null;
                }
            }
            return value;
        }
    }
}
