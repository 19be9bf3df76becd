package com.stocklens;

import com.stocklens.app.AppRuntime;
import com.stocklens.app.Logs;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.settings.UserSettings;
import com.stocklens.app.workspace.StartupException;
import com.stocklens.cli.StockLensCommand;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Connection;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.service.Connections;
import com.stocklens.service.FlagActions;
import com.stocklens.service.ShopAuthorizer;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.support.NamedThreads;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.Screen;
import com.stocklens.ui.SnapshotFileDialogs;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.auth.TikTokAuthorizeDialog;
import com.stocklens.ui.wall.WallViewModel;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
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
 * The JavaFX application: builds the runtime off the FX thread in {@link #init()}, shows the window,
 * starts polling, and closes everything in {@link #stop()} (never {@code System.exit} there).
 */
public final class StockLensApp extends Application {
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
    private final AtomicBoolean errorShown = new AtomicBoolean();

    @Override
    public void init() {
        StockLensCommand command = new StockLensCommand();
        StockLensCommand.commandLine(command).parseArgs(getParameters().getRaw().toArray(String[]::new));
        LaunchOptions options = command.launchOptions(System.getenv());
        requestedLocale = command.language().orElse(null);
        requestedScreen = command.screen().orElse(null);
        requestedAsOf = command.asOf().orElse(null);
        requestedWall = command.wall();
        requestedWallRotate = command.wallRotate().orElse(null);
        Logs.configure(options.workspace());
        log = LoggerFactory.getLogger(StockLensApp.class);
        // A .stocklens file (double-clicked, or --snapshot) opens read-only: LaunchOptions.snapshot().
        command.fileToOpen().ifPresent(file -> log.info("asked to open {}", file));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> onUncaught(thread, error));
        settings = new UserSettings(options.workspace());
        try {
            // Asked only if a live connection needs a secret from the encrypted file (never in demo mode).
            runtime = AppRuntime.open(options, new UnlockPrompt(
                    requestedLocale != null ? requestedLocale : settings.locale(Locale.getDefault())));
        } catch (StartupException e) {
            log.error("cannot open the workspace", e);
            startupError = e.getMessage();
            if (options.snapshotMode()) {
                startupSnapshotError = e;
            }
        }
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

    @Override
    public void start(Stage stage) {
        FxTheme.apply();
        if (runtime == null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startupError);
            if (startupSnapshotError != null) {
                Messages m = new Messages(
                        requestedLocale != null ? requestedLocale : settings.locale(Locale.getDefault()));
                alert = new Alert(Alert.AlertType.ERROR, snapshotProblem(startupSnapshotError, m));
                alert.setHeaderText(m.get("snapshot.error.header"));
                alert.showAndWait();
                Platform.exit();
                return;
            }
            alert.setHeaderText("StockLens cannot start · 无法启动");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        LaunchOptions options = runtime.options();
        Locale locale = requestedLocale != null ? requestedLocale : settings.locale(Locale.getDefault());
        UiContext context = context(runtime, stage, locale);
        Duration wallRotate = requestedWallRotate != null ? requestedWallRotate
                : settings.wallRotate(WallViewModel.DEFAULT_ROTATE);
        host = requestedWall ? MainWindowHost.installWall(stage, context, wallRotate)
                : MainWindowHost.install(stage, context);
        host.setWallRotate(wallRotate);
        decorate(host, runtime, stage, locale);
        for (int size : new int[] {32, 64, 256}) {
            stage.getIcons().add(new Image(StockLensApp.class.getResourceAsStream("stocklens-" + size + ".png")));
        }
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
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
        stage.show();
        // Told once: a damaged database moved aside and a backup restored, or a requested restore applied.
        runtime.storeNotice().ifPresent(notice -> {
            Alert alert = new Alert(Alert.AlertType.WARNING, notice);
            alert.setHeaderText("The workspace database was restored · 数据库已恢复");
            alert.initOwner(stage);
            alert.show();
        });
        StartMarker.installIfRequested(stage.getScene());
        if (!runtime.readOnly()) {
            runtime.startSync();
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

    /** The banner of a snapshot file and the File menu's snapshot actions, on every (re)built window. */
    private void decorate(MainWindowHost target, AppRuntime rt, Stage stage, Locale locale) {
        target.decorate(w -> {
            w.setSnapshotFiles(new SnapshotFileActions(w.messages()));
            w.setBackups(rt.backups().orElse(null), rt.readOnly() ? null : () -> reopenWorkspace(stage));
            rt.snapshot().ifPresent(m -> w.showSnapshotBanner(rt.workspaceName(), m.at()));
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
                fresh = AppRuntime.open(old.options(), new UnlockPrompt(locale));
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
                stage.getIcons().clear();
                start(stage);
            });
        });
    }

    /** The window's services over {@code rt}; a snapshot file's flag actions refuse, in plain words. */
    private UiContext context(AppRuntime rt, Stage stage, Locale locale) {
        FlagActions actions = rt.readOnly()
                ? readOnlyFlagActions(new Messages(locale).get("snapshot.readOnly"))
                : rt.flagEngine();
        return new UiContext(
                new UiContext.Shell(rt.clock(), locale, settings::setLocale, uiIo, rt.options().demo(), rt.thresholds(),
                        declarerMemory()),
                new UiContext.Stock(rt.boardReader(), rt.syncEngine(), rt.thresholds().staleAfter(),
                        rt.returnsPoolReader(), rt.leases()),
                new UiContext.Flags(rt.flagReader(), actions, rt.flagEngine(), rt.startNotices()),
                new UiContext.Reports(rt.ageingReader(), rt.healthReports(), rt.codeChecks(), rt.reportExports(),
                        rt.demandReader()),
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
                    fx.execute(() -> new Alert(Alert.AlertType.INFORMATION,
                            messages.format("snapshot.exported", file)).show());
                } catch (RuntimeException e) {
                    log.warn("snapshot export failed: {}", e.getMessage());
                    fx.execute(() -> new Alert(Alert.AlertType.ERROR,
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
                    Alert alert = new Alert(Alert.AlertType.ERROR, snapshotProblem(e, messages));
                    alert.setHeaderText(messages.get("snapshot.error.header"));
                    alert.show();
                });
                return;
            }
            fx.execute(() -> {
                Stage stage = new Stage();
                MainWindowHost snapshotHost = MainWindowHost.install(stage, context(rt, stage, locale));
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
        log.error("uncaught error on {}", thread.getName(), error);
        // On the wall nobody is at the keyboard to close a dialog: the log has it.
        if (errorShown.compareAndSet(false, true) && (host == null || !host.inWall())) {
            new FxExecutor().execute(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(error.getMessage())
                        + "\n\nDetails are in the log: " + runtime.options().workspace().resolve("logs"));
                alert.setHeaderText("Something went wrong · 出错了");
                alert.show();
            });
        }
    }
}
