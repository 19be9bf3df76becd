package com.stocklens;

import com.stocklens.cli.StockLensCommand;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.Theme;
import com.stocklens.ui.UiContext;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.stage.Stage;
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
    private UserSettings settings;
    private Locale requestedLocale;
    private String requestedScreen;
    private MainWindowHost host;
    private final ExecutorService uiIo = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stocklens-ui-io");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean errorShown = new AtomicBoolean();

    @Override
    public void init() {
        StockLensCommand command = new StockLensCommand();
        StockLensCommand.commandLine(command).parseArgs(getParameters().getRaw().toArray(String[]::new));
        LaunchOptions options = command.launchOptions(System.getenv());
        requestedLocale = command.language().orElse(null);
        requestedScreen = command.screen().orElse(null);
        Logs.configure(options.workspace());
        log = LoggerFactory.getLogger(StockLensApp.class);
        // Opening snapshot files comes later; for now the path a file association passes is logged.
        command.fileToOpen().ifPresent(file -> log.info("asked to open {}", file));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> onUncaught(thread, error));
        settings = new UserSettings(options.workspace());
        try {
            // Asked only if a live connection needs a secret from the encrypted file (never in demo mode).
            runtime = AppRuntime.open(options, new UnlockPrompt(
                    requestedLocale != null ? requestedLocale : settings.locale(Locale.getDefault())));
        } catch (AppRuntime.StartupException e) {
            log.error("cannot open the workspace", e);
            startupError = e.getMessage();
        }
    }

    /**
     * Runs TikTok's authorization dialog for a connection and stores the chosen shop (the tokens are stored
     * by the authorizer). The connection is read again before saving: the authorizer has written the
     * token expiry times meanwhile.
     */
    private void authorize(Stage stage, com.stocklens.service.ShopAuthorizer authorizer,
                           com.stocklens.domain.Connection connection, com.stocklens.ui.Messages messages) {
        com.stocklens.ui.auth.TikTokAuthorizeDialog.show(stage, authorizer, connection, messages,
                        com.stocklens.ui.auth.TikTokAuthorizeDialog.browser(getHostServices()))
                .ifPresent(shop -> uiIo.execute(() -> {
                    try {
                        com.stocklens.domain.Connection current = runtime.connections().list().stream()
                                .map(com.stocklens.service.Connections.ConnectionStatus::connection)
                                .filter(c -> c.id().equals(connection.id())).findFirst().orElse(connection);
                        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(current.settings());
                        settings.put("shop_cipher", shop.cipher());
                        runtime.connections().save(current.withSettings(settings), java.util.Map.of());
                        log.info("{}: shop {} chosen", connection.id(), shop.name());
                    } catch (Exception e) {
                        log.warn("{}: could not store the chosen shop: {}", connection.id(), e.getMessage());
                    }
                }));
    }

    @Override
    public void start(Stage stage) {
        Theme.apply();
        if (runtime == null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startupError);
            alert.setHeaderText("StockLens cannot start · 无法启动");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        LaunchOptions options = runtime.options();
        Locale locale = requestedLocale != null ? requestedLocale : settings.locale(Locale.getDefault());
        UiContext context = new UiContext(runtime.boardReader(), runtime.syncEngine(), runtime.clock(),
                runtime.thresholds().staleAfter(), options.demo(), uiIo, locale, settings::setLocale)
                .withFlags(runtime.flagReader(), runtime.flagEngine(), runtime.flagEngine(), runtime.startNotices(),
                        runtime.thresholds(), declarerMemory())
                .withReports(runtime.ageingReader(), runtime.healthReports(), runtime.codeChecks(),
                        runtime.reportExports(), runtime.demandReader())
                .withTeam(runtime.teamPush(), runtime.returnsPoolReader())
                .withImports(runtime.stockImports())
                .withSkuMappings(runtime.skuIdentities())
                .withConnections(runtime.connections(), runtime.shopAuthorizer()
                        .map(a -> (java.util.function.Consumer<com.stocklens.domain.Connection>) c -> authorize(stage, a, c,
                                new com.stocklens.ui.Messages(locale)))
                        .orElse(null));
        host = MainWindowHost.install(stage, context);
        for (int size : new int[] {32, 64, 256}) {
            stage.getIcons().add(new Image(StockLensApp.class.getResourceAsStream("stocklens-" + size + ".png")));
        }
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        if (requestedScreen != null) {
            try {
                host.current().show(MainWindow.Screen.valueOf(requestedScreen));
            } catch (IllegalArgumentException e) {
                log.warn("unknown --screen {}; expected one of {}", requestedScreen,
                        java.util.Arrays.toString(MainWindow.Screen.values()));
            }
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
        uiIo.execute(runtime::importDemoSpreadsheets); // file and database work: off the FX thread
        runtime.startSync();
        log.info("window shown ({} mode, workspace {})", options.demo() ? "demo" : "live", options.workspace());
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
        if (errorShown.compareAndSet(false, true)) {
            new FxExecutor().execute(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(error.getMessage())
                        + "\n\nDetails are in the log: " + runtime.options().workspace().resolve("logs"));
                alert.setHeaderText("Something went wrong · 出错了");
                alert.show();
            });
        }
    }
}
