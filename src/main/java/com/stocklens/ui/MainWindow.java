package com.stocklens.ui;

import com.stocklens.service.StockBoardReader;
import com.stocklens.ui.history.AsOfBoardReader;
import com.stocklens.ui.history.AsOfClock;
import com.stocklens.ui.history.CompareDialog;
import com.stocklens.ui.history.CompareViewModel;
import com.stocklens.ui.history.TimeTravelBar;
import com.stocklens.ui.history.TimeTravelViewModel;
import java.time.Instant;

import com.stocklens.service.Notice;
import com.stocklens.ui.ageing.AgeingView;
import com.stocklens.ui.ageing.AgeingViewModel;
import com.stocklens.ui.codes.CodesView;
import com.stocklens.ui.codes.CodesViewModel;
import com.stocklens.ui.connections.ConnectionsView;
import com.stocklens.ui.connections.ConnectionsViewModel;
import com.stocklens.ui.flags.FlagTexts;
import com.stocklens.ui.flags.FlagsView;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.flags.ToastStack;
import com.stocklens.ui.flags.ToastsViewModel;
import com.stocklens.rules.Urgency;
import com.stocklens.ui.health.HealthView;
import com.stocklens.ui.health.HealthViewModel;
import com.stocklens.ui.mapping.MappingView;
import com.stocklens.ui.mapping.MappingViewModel;
import com.stocklens.ui.scores.ScoresView;
import com.stocklens.ui.scores.ScoresViewModel;
import com.stocklens.ui.stock.StockView;
import com.stocklens.ui.stock.StockViewModel;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The root of the StockLens window for one language: menu bar, DEMO banner (demo mode only), the
 * sidebar of screens that work (red flags first, with a count badge coloured by the worst urgency), the
 * current screen, the toast stack in the bottom-right corner and the freshness bar. A language switch throws the
 * whole window away and builds a new one (see {@link MainWindowHost}), so no text needs rebinding.
 * Build on the FX thread; {@link #close()} when replaced.
 */
public final class MainWindow implements AutoCloseable {
    private final UiContext context;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final StockViewModel stockViewModel;
    private final StockView stockView;
    private final FlagsViewModel flagsViewModel;
    private final FlagsView flagsView;
    private final ToastsViewModel toastsViewModel;
    private ToastStack toastStack;
    private final StackPane content = new StackPane();
    private final ToggleButton navFlags = new ToggleButton();
    private final ToggleButton navStock = new ToggleButton();
    private final ToggleButton navAgeing = new ToggleButton();
    private final ToggleButton navHealth = new ToggleButton();
    private final ToggleButton navCodes = new ToggleButton();
    private final ToggleButton navMapping = new ToggleButton();
    private final ToggleButton navConnections = new ToggleButton();
    private final ToggleButton navScores = new ToggleButton();
    private final ViewLoader loader;
    private final DialogService dialogs;
    private final FxExecutor fx = new FxExecutor();
    // The report screens are built on first visit: each reads the store when it starts, which a person
    // who only watches stock should not pay for at start-up.
    private AgeingViewModel ageingViewModel;
    private AgeingView ageingView;
    private HealthViewModel healthViewModel;
    private HealthView healthView;
    private CodesViewModel codesViewModel;
    private CodesView codesView;
    private MappingViewModel mappingViewModel;
    private MappingView mappingView;
    private ConnectionsViewModel connectionsViewModel;
    private ConnectionsView connectionsView;
    private VBox top;
    private SnapshotFiles snapshotFiles;
    private com.stocklens.service.WorkspaceBackups backups;
    private Runnable reopenWorkspace;
    private MenuItem restoreBackupItem;
    private MenuItem exportSnapshotItem;
    private MenuItem importStockItem;
    /** The "as of" control: which moment the stock screen shows (README "History and time travel"). */
    private final TimeTravelViewModel timeTravel;
    private final TimeTravelBar timeBar;
    /** Covers a screen that cannot show the past while a past moment is chosen (the three-code check). */
    private final Label pastNotice = new Label();
    /** Over a screen that shows the past: what it shows of that moment and what it cannot. */
    private final Label pastScreenNote = new Label();
    private Runnable onWallMode;
    private final Label offlineIndicator = new Label();
    private ScoresViewModel scoresViewModel;
    private ScoresView scoresView;
    /** Once the person picks a screen, the window never switches on its own. */
    private boolean screenChosenByUser;

    /** Ctrl+F on the SKU mapping screen focuses its filter. */
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    /** Builds the window; the flags screen comes up first by itself when the first read finds open tasks. */
    public MainWindow(UiContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.messages = new Messages(context.locale());
        this.timeTravel = new TimeTravelViewModel(context.boardReader().history(), context.syncEvents(),
                context.clock(), context.background(), fx);
        // The stock screen reads through the time control: "now", or the board as of the chosen moment,
        // with ages measured from that moment.
        StockBoardReader asOfReader = new AsOfBoardReader(context.boardReader(), timeTravel::asOfNow);
        java.time.Clock asOfClock = new AsOfClock(context.clock(), timeTravel::asOfNow);
        this.stockViewModel = new StockViewModel(asOfReader, context.returnsPool(), context.syncEvents(), asOfClock,
                context.stalenessWindow(), context.background(), new FxExecutor()).withPollers(context.pollers());
        this.dialogs = new FxDialogService(messages,
                () -> root.getScene() == null ? null : root.getScene().getWindow());
        this.flagsViewModel = new FlagsViewModel(context.flagReader(), context.flagActions(), context.flagEvents(),
                dialogs, context.declarer(), context.clock(), context.thresholds().calibrationDeadline(),
                context.background(), fx);
        this.toastsViewModel = new ToastsViewModel(context.notices(), fx);
        this.loader = new ViewLoader(messages.bundle(), type -> {
            if (type == StockView.class) {
                return new StockView(stockViewModel, messages, asOfClock);
            }
            if (type == FlagsView.class) {
                return new FlagsView(flagsViewModel, messages, context.clock());
            }
            if (type == AgeingView.class) {
                return new AgeingView(ageingViewModel, messages, this::showStock);
            }
            if (type == HealthView.class) {
                return new HealthView(healthViewModel, messages);
            }
            if (type == CodesView.class) {
                return new CodesView(codesViewModel, messages);
            }
            if (type == MappingView.class) {
                return new MappingView(mappingViewModel, messages);
            }
            if (type == ConnectionsView.class) {
                return new ConnectionsView(connectionsViewModel, messages);
            }
            if (type == ScoresView.class) {
                return new ScoresView(scoresViewModel, messages);
            }
            throw new IllegalArgumentException("No controller for " + type.getName());
        });
        this.stockView = loader.<StockView>load(StockView.class).controller();
        this.flagsView = loader.<FlagsView>load(FlagsView.class).controller();
        toastStack = new ToastStack(toastsViewModel, new FlagTexts(messages), this::openNotice, context.clock());
        ToastStack toasts = toastStack;
        StackPane.setAlignment(toasts.node(), Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toasts.node(), new Insets(12));
        content.setId("content");

        root.setId("mainWindow");
        root.getStyleClass().add("main-window");
        Theme.style(root);
        top = new VBox(menuBar());
        if (context.demo()) {
            Label banner = new Label(messages.get("demo.banner"));
            banner.setId("demoBanner");
            banner.getStyleClass().add("demo-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            top.getChildren().add(banner);
        }
        this.timeBar = new TimeTravelBar(timeTravel, messages, this::openCompare);
        top.getChildren().addAll(timeBar.node(), timeBar.banner());
        root.setTop(top);
        root.setLeft(sidebar());
        // The freshness bar belongs to the whole window: show it full width under the sidebar too.
        stockView.root().setBottom(null);
        // The status area: "offline — showing cached data from …" over the freshness chips when every
        // polled source failed its latest attempt.
        offlineIndicator.setId("offlineIndicator");
        offlineIndicator.getStyleClass().add("offline-indicator");
        offlineIndicator.setMaxWidth(Double.MAX_VALUE);
        stockViewModel.offlineProperty().addListener((obs, o, n) -> renderOffline());
        renderOffline();
        pastNotice.setId("pastNotice");
        pastNotice.getStyleClass().add("past-notice");
        pastNotice.setWrapText(true);
        pastNotice.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        pastNotice.setVisible(false);
        content.getChildren().setAll(stockView.root(), pastNotice, toasts.node());
        pastScreenNote.setId("pastScreenNote");
        pastScreenNote.getStyleClass().add("past-screen-note");
        pastScreenNote.setWrapText(true);
        pastScreenNote.setMaxWidth(Double.MAX_VALUE);
        pastScreenNote.setVisible(false);
        pastScreenNote.setManaged(false);
        flagsViewModel.notRecordedProperty().addListener(o -> updatePastNotice());
        timeTravel.asOfProperty().addListener((obs, o, n) -> {
            stockViewModel.refresh();
            flagsViewModel.showMoment(n);
            if (ageingViewModel != null) {
                ageingViewModel.showMoment(n);
            }
            if (healthViewModel != null) {
                healthViewModel.showMoment(n);
            }
            updatePastNotice();
        });
        root.setBottom(new VBox(offlineIndicator, stockView.freshnessBar()));
        VBox center = new VBox(pastScreenNote, content);
        VBox.setVgrow(content, javafx.scene.layout.Priority.ALWAYS);
        root.setCenter(center);
        navStock.setSelected(true);
        // Urgent first: when the first read finds undeclared tasks, the countdowns are what to see.
        flagsViewModel.appliedBoardsProperty().addListener((obs, o, n) -> {
            if (o.intValue() == 0 && flagsViewModel.openTaskCountProperty().get() > 0 && !screenChosenByUser) {
                showScreen(navFlags);
            }
        });
        stockViewModel.start();
        timeTravel.start();
        flagsViewModel.start();
        toastsViewModel.start();
    }

    private void renderOffline() {
        com.stocklens.ui.stock.OfflineStatus.Verdict v = stockViewModel.offlineProperty().get();
        boolean show = v != null && v.offline();
        offlineIndicator.setVisible(show);
        offlineIndicator.setManaged(show);
        if (show) {
            offlineIndicator.setText(v.cachedAt() == null ? messages.get("offline.noCache")
                    : messages.format("offline.banner", Formats.beijingTime(v.cachedAt())));
        }
    }

    /** What View → Wall mode (Ctrl+Shift+W) does; the host sets it. Without one the item is disabled. */
    public void setOnWallMode(Runnable action) {
        this.onWallMode = action;
        if (wallModeItem != null) {
            wallModeItem.setDisable(action == null);
        }
    }

    private MenuItem wallModeItem;

    /** Shows the red-flag screen, scrolled to {@code taskId} when given. */
    public void showFlags(Long taskId) {
        showScreen(navFlags);
        if (taskId != null) {
            flagsViewModel.focusTask(taskId);
        }
    }

    /** The screens of the sidebar, for callers that open one directly (previews, notices). */
    public enum Screen {
        FLAGS, STOCK, AGEING, HEALTH, CODES, MAPPING, CONNECTIONS, SCORES
    }

    /** Shows {@code screen}, building it on first use. */
    public void show(Screen screen) {
        // An explicit choice (menu, shortcut, --screen): the first flags read must not switch away from it.
        screenChosenByUser = true;
        showScreen(switch (screen) {
            case FLAGS -> navFlags;
            case STOCK -> navStock;
            case AGEING -> navAgeing;
            case HEALTH -> navHealth;
            case CODES -> navCodes;
            case MAPPING -> navMapping;
            case CONNECTIONS -> navConnections;
            case SCORES -> navScores;
        });
    }

    /**
     * Shows the stock screen filtered to {@code filter} (a seller SKU from another screen's click-through);
     * null or blank shows it unfiltered.
     */
    public void showStock(String filter) {
        screenChosenByUser = true;
        stockViewModel.filterTextProperty().set(filter == null ? "" : filter.strip());
        showScreen(navStock);
    }

    /** The flags screen's view model (the badge and tests read it). */
    public FlagsViewModel flagsViewModel() {
        return flagsViewModel;
    }

    private void openNotice(Notice notice) {
        screenChosenByUser = true;
        showFlags(notice.taskId());
    }

    private void showScreen(ToggleButton nav) {
        nav.setSelected(true);
        Node screen = screenFor(nav);
        if (content.getChildren().get(0) != screen) {
            content.getChildren().set(0, screen);
        }
        updatePastNotice();
    }

    /**
     * Under a past moment: red flags, ageing and health show that moment, with a line saying what they
     * show of it and what is not recorded; the three-code check keeps no history, so it says so in its
     * place instead of showing today's findings.
     */
    private void updatePastNotice() {
        Instant at = timeTravel.asOfProperty().get();
        boolean nowOnly = navCodes.isSelected();
        pastNotice.setVisible(at != null && nowOnly);
        pastNotice.setText(at == null ? "" : messages.format("history.codesNowOnly", Formats.beijingTime(at)));
        String note = null;
        if (at != null) {
            String when = Formats.beijingTime(at);
            if (navFlags.isSelected()) {
                note = messages.format("history.past.flags", when);
                java.util.Set<com.stocklens.domain.AlertKind> missing = flagsViewModel.notRecordedProperty().get();
                if (!missing.isEmpty()) {
                    FlagTexts texts = new FlagTexts(messages);
                    note += " " + messages.format("history.past.notRecorded", String.join(", ",
                            missing.stream().sorted().map(texts::alertKind).toList()));
                }
            } else if (navAgeing.isSelected()) {
                note = messages.format("history.past.ageing", when);
            } else if (navHealth.isSelected()) {
                note = messages.format("history.past.health", when);
            }
        }
        pastScreenNote.setText(note == null ? "" : note);
        pastScreenNote.setVisible(note != null);
        pastScreenNote.setManaged(note != null);
    }

    /** The screen on show. */
    public Screen currentScreen() {
        ToggleButton[] navs = {navFlags, navStock, navAgeing, navHealth, navCodes, navMapping, navConnections,
                navScores};
        for (int i = 0; i < navs.length; i++) {
            if (navs[i].isSelected()) {
                return Screen.values()[i];
            }
        }
        return Screen.STOCK;
    }

    /** The time control (tests, previews). */
    public TimeTravelViewModel timeTravel() {
        return timeTravel;
    }

    /** View → Compare moments… (Ctrl+D): from the shown moment (or the latest) to now. */
    public void openCompare() {
        CompareViewModel vm = new CompareViewModel(context.boardReader().history(), context.clock(),
                context.background(), fx);
        java.util.List<Instant> moments = java.util.List.copyOf(timeTravel.moments());
        Instant shown = timeTravel.asOfProperty().get();
        vm.fromProperty().set(shown != null ? shown
                : moments.isEmpty() ? null : moments.get(Math.max(0, moments.size() - 2)));
        vm.toProperty().set(null);
        CompareDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), vm, moments, messages);
    }

    private Node screenFor(ToggleButton nav) {
        if (nav == navFlags) {
            return flagsView.root();
        }
        if (nav == navAgeing) {
            if (ageingView == null) {
                ageingViewModel = new AgeingViewModel(context.ageingReader(), context.demandReader(),
                        context.boardReader(), context.clock(), context.thresholds().demandWindowDays(),
                        context.background(), fx);
                ageingView = loader.<AgeingView>load(AgeingView.class).controller();
                if (timeTravel.asOfProperty().get() != null) {
                    ageingViewModel.showMoment(timeTravel.asOfProperty().get());
                } else {
                    ageingViewModel.start();
                }
            }
            return ageingView.root();
        }
        if (nav == navHealth) {
            if (healthView == null) {
                healthViewModel = new HealthViewModel(context.healthReports(), context.reportExports(),
                        context.boardReader(), dialogs, context.clock(), context.locale(), context.background(), fx);
                healthView = loader.<HealthView>load(HealthView.class).controller();
                if (timeTravel.asOfProperty().get() != null) {
                    healthViewModel.showMoment(timeTravel.asOfProperty().get());
                } else {
                    healthViewModel.start();
                }
            }
            return healthView.root();
        }
        if (nav == navCodes) {
            if (codesView == null) {
                codesViewModel = new CodesViewModel(context.codeChecks(), context.reportExports(), dialogs,
                        context.clock(), context.locale(), context.background(), fx);
                codesView = loader.<CodesView>load(CodesView.class).controller();
            }
            codesViewModel.updateCheckDay();
            return codesView.root();
        }
        if (nav == navMapping) {
            if (mappingView == null) {
                mappingViewModel = new MappingViewModel(context.skuMappings(), context.syncEvents(), context.declarer(),
                        context.background(), fx);
                mappingView = loader.<MappingView>load(MappingView.class).controller();
                mappingView.root().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                    if (FIND.match(e)) {
                        mappingView.focusFilter();
                        e.consume();
                    }
                });
                mappingViewModel.start();
            }
            return mappingView.root();
        }
        if (nav == navConnections) {
            if (connectionsView == null) {
                connectionsViewModel = new ConnectionsViewModel(context.connections(), dialogs, context.syncEvents(),
                        context.authorizeShop(), context.background(), fx);
                connectionsView = loader.<ConnectionsView>load(ConnectionsView.class).controller();
                connectionsViewModel.start();
            }
            return connectionsView.root();
        }
        if (nav == navScores) {
            if (scoresView == null) {
                scoresViewModel = new ScoresViewModel(context.scorecards(), context.reportExports(), dialogs,
                        context.locale(), context.background(), fx);
                scoresView = loader.<ScoresView>load(ScoresView.class).controller();
                scoresViewModel.start(context.syncEvents(), context.clock(), java.time.Duration.ofSeconds(20));
            }
            return scoresView.root();
        }
        return stockView.root();
    }

    /** The node to put in a Scene. */
    public Parent root() {
        return root;
    }

    public Messages messages() {
        return messages;
    }

    public UiContext context() {
        return context;
    }

    /** Reloads the board now (View → Refresh, F5). */
    public void refresh() {
        stockViewModel.refresh();
        flagsViewModel.refresh();
        if (ageingViewModel != null) {
            ageingViewModel.refresh();
        }
        if (healthViewModel != null) {
            healthViewModel.refresh();
        }
        if (mappingViewModel != null) {
            mappingViewModel.refresh();
        }
        if (scoresViewModel != null) {
            scoresViewModel.refresh();
        }
    }

    /** Stops tickers and unsubscribes from sync events. */
    @Override
    public void close() {
        timeTravel.close();
        stockView.dispose();
        stockViewModel.close();
        flagsView.dispose();
        flagsViewModel.close();
        toastsViewModel.close();
        toastStack.dispose();
        if (ageingView != null) {
            ageingView.dispose();
            ageingViewModel.close();
        }
        if (healthView != null) {
            healthView.dispose();
            healthViewModel.close();
        }
        if (codesView != null) {
            codesView.dispose();
            codesViewModel.close();
        }
        if (mappingView != null) {
            mappingView.dispose();
            mappingViewModel.close();
        }
        if (connectionsView != null) {
            connectionsView.dispose();
            connectionsViewModel.close();
        }
        if (scoresView != null) {
            scoresView.dispose();
            scoresViewModel.close();
        }
    }

    /** Wires File → Open snapshot… / Export snapshot… (the root's implementation). */
    /**
     * Enables File → Restore backup… over the workspace's backups.
     *
     * @param reopen closes and reopens the workspace so a requested restore is applied at once (the composition
     *               root does it), or null: the restore then happens at the next start
     */
    public void setBackups(com.stocklens.service.WorkspaceBackups workspaceBackups, Runnable reopen) {
        this.backups = workspaceBackups;
        this.reopenWorkspace = reopen;
        restoreBackupItem.setDisable(workspaceBackups == null);
    }

    public void setSnapshotFiles(SnapshotFiles files) {
        this.snapshotFiles = files;
    }

    /**
     * Read-only snapshot mode: a banner saying whose data and from when (Beijing time) replaces the DEMO
     * banner, and the menu items that would write are disabled.
     */
    public void showSnapshotBanner(String whose, java.time.Instant at) {
        top.getChildren().removeIf(n -> "demoBanner".equals(n.getId()) || "snapshotBanner".equals(n.getId()));
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .format(at.atZone(java.time.ZoneId.of("Asia/Shanghai")));
        Label banner = new Label(messages.format("snapshot.banner", whose, when));
        banner.setId("snapshotBanner");
        banner.getStyleClass().add("snapshot-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        top.getChildren().add(banner);
        importStockItem.setDisable(true);
        restoreBackupItem.setDisable(true);
        exportSnapshotItem.setDisable(false);
    }

    private MenuBar menuBar() {
        MenuItem quit = new MenuItem(messages.get("menu.file.quit"));
        quit.setId("menuQuit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        // Platform.exit runs the app root's stop(), which shuts the services down.
        quit.setOnAction(e -> Platform.exit());
        MenuItem importStock = new MenuItem(messages.get("menu.file.importStock"));
        importStock.setId("menuImportStock");
        importStock.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        importStock.setOnAction(e -> com.stocklens.ui.imports.ImportDialog.show(
                root.getScene() == null ? null : root.getScene().getWindow(), context.stockImports(), messages,
                context.background(), this::refresh));
        importStockItem = importStock;
        MenuItem openSnapshot = new MenuItem(messages.get("menu.file.openSnapshot"));
        openSnapshot.setId("menuOpenSnapshot");
        openSnapshot.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openSnapshot.setOnAction(e -> {
            if (snapshotFiles != null) {
                snapshotFiles.open(root.getScene() == null ? null : root.getScene().getWindow());
            }
        });
        MenuItem exportSnapshot = new MenuItem(messages.get("menu.file.exportSnapshot"));
        exportSnapshot.setId("menuExportSnapshot");
        exportSnapshot.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        exportSnapshot.setOnAction(e -> {
            if (snapshotFiles != null) {
                snapshotFiles.export(root.getScene() == null ? null : root.getScene().getWindow());
            }
        });
        exportSnapshotItem = exportSnapshot;
        MenuItem teamDatabase = new MenuItem(messages.get("menu.file.teamDatabase"));
        teamDatabase.setId("menuTeamDatabase");
        teamDatabase.setOnAction(e -> com.stocklens.ui.teamdb.TeamDatabaseDialogs.showSettings(
                root.getScene() == null ? null : root.getScene().getWindow(), context.teamDatabase(),
                context.background(), messages));
        MenuItem moveToTeam = new MenuItem(messages.get("menu.file.moveToTeam"));
        moveToTeam.setId("menuMoveToTeam");
        moveToTeam.setOnAction(e -> com.stocklens.ui.teamdb.TeamDatabaseDialogs.showMove(
                root.getScene() == null ? null : root.getScene().getWindow(), context.teamDatabase(),
                context.background(), messages));
        MenuItem restoreBackup = new MenuItem(messages.get("menu.file.restoreBackup"));
        restoreBackup.setId("menuRestoreBackup");
        restoreBackup.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        restoreBackup.setDisable(true); // until the root hands over the workspace's backups (setBackups)
        restoreBackup.setOnAction(e -> {
            if (backups != null) {
                com.stocklens.ui.backups.RestoreBackupDialog.show(root.getScene() == null ? null
                        : root.getScene().getWindow(), backups, messages, context.background(), reopenWorkspace);
            }
        });
        restoreBackupItem = restoreBackup;
        Menu file = new Menu(messages.get("menu.file"), null, importStock, new SeparatorMenuItem(), openSnapshot,
                exportSnapshot, new SeparatorMenuItem(), restoreBackup, new SeparatorMenuItem(), teamDatabase, moveToTeam,
                new SeparatorMenuItem(), quit);
        file.setId("menuFile");

        ToggleGroup languages = new ToggleGroup();
        RadioMenuItem chinese = languageItem("menuLanguageZh", "menu.view.language.zh", UiContext.CHINESE, languages);
        RadioMenuItem english = languageItem("menuLanguageEn", "menu.view.language.en", UiContext.ENGLISH, languages);
        Menu language = new Menu(messages.get("menu.view.language"), null, chinese, english);
        language.setId("menuLanguage");
        MenuItem refresh = new MenuItem(messages.get("menu.view.refresh"));
        refresh.setId("menuRefresh");
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(e -> refresh());
        Menu view = new Menu(messages.get("menu.view"), null, refresh, new SeparatorMenuItem());
        // Ctrl+1 … Ctrl+8 jump to the screens in sidebar order.
        Screen[] screens = Screen.values();
        String[] keys = {"nav.flags", "nav.stock", "nav.ageing", "nav.health", "nav.codes", "nav.mapping",
                "nav.connections", "nav.scores"};
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        for (int i = 0; i < screens.length; i++) {
            Screen target = screens[i];
            MenuItem go = new MenuItem(messages.get(keys[i]));
            go.setId("menuGo" + target.name());
            go.setAccelerator(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN));
            go.setOnAction(e -> {
                screenChosenByUser = true;
                show(target);
            });
            view.getItems().add(go);
        }
        MenuItem compare = new MenuItem(messages.get("menu.view.compare"));
        compare.setId("menuCompare");
        compare.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        compare.setOnAction(e -> openCompare());
        MenuItem back = new MenuItem(messages.get("menu.view.previousMoment"));
        back.setId("menuPreviousMoment");
        back.setAccelerator(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN));
        back.setOnAction(e -> timeTravel.stepBack());
        MenuItem forward = new MenuItem(messages.get("menu.view.nextMoment"));
        forward.setId("menuNextMoment");
        forward.setAccelerator(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN));
        forward.setOnAction(e -> timeTravel.stepForward());
        MenuItem now = new MenuItem(messages.get("menu.view.backToNow"));
        now.setId("menuBackToNow");
        now.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        now.setOnAction(e -> timeTravel.backToNow());
        wallModeItem = new MenuItem(messages.get("menu.view.wall"));
        wallModeItem.setId("menuWallMode");
        wallModeItem.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        wallModeItem.setDisable(onWallMode == null);
        wallModeItem.setOnAction(e -> {
            if (onWallMode != null) {
                onWallMode.run();
            }
        });
        view.getItems().addAll(new SeparatorMenuItem(), back, forward, now, compare, new SeparatorMenuItem(),
                wallModeItem, new SeparatorMenuItem(), language);
        view.setId("menuView");

        MenuItem teamPush = new MenuItem(messages.get("menu.settings.teamPush"));
        teamPush.setId("menuTeamPush");
        teamPush.setOnAction(e -> com.stocklens.ui.settings.TeamPushDialog.show(
                root.getScene() == null ? null : root.getScene().getWindow(), context.teamPush(), messages));
        Menu settings = new Menu(messages.get("menu.settings"), null, teamPush);
        settings.setId("menuSettings");

        MenuItem about = new MenuItem(messages.get("menu.help.about"));
        about.setId("menuAbout");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu(messages.get("menu.help"), null, about);
        help.setId("menuHelp");

        MenuBar bar = new MenuBar(file, view, settings, help);
        bar.setId("menuBar");
        return bar;
    }

    private RadioMenuItem languageItem(String id, String key, Locale locale, ToggleGroup group) {
        RadioMenuItem item = new RadioMenuItem(messages.get(key));
        item.setId(id);
        item.setToggleGroup(group);
        item.setSelected(locale.getLanguage().equals(context.locale().getLanguage()));
        item.setOnAction(e -> {
            if (!locale.getLanguage().equals(context.locale().getLanguage())) {
                context.switchLocale().accept(locale);
            }
        });
        return item;
    }

    /**
     * Red flags first: when something is urgent it is the first thing in the sidebar, with a count of
     * open tasks + alerts needing a look, coloured like the most urgent task.
     */
    private VBox sidebar() {
        ToggleGroup screens = new ToggleGroup();
        navFlags.setText(messages.get("nav.flags"));
        navFlags.setId("navFlags");
        navStock.setText(messages.get("nav.stock"));
        navStock.setId("navStock");
        navAgeing.setText(messages.get("nav.ageing"));
        navAgeing.setId("navAgeing");
        navHealth.setText(messages.get("nav.health"));
        navHealth.setId("navHealth");
        navCodes.setText(messages.get("nav.codes"));
        navCodes.setId("navCodes");
        navMapping.setText(messages.get("nav.mapping"));
        navMapping.setId("navMapping");
        navConnections.setText(messages.get("nav.connections"));
        navConnections.setId("navConnections");
        navScores.setText(messages.get("nav.scores"));
        navScores.setId("navScores");
        for (ToggleButton nav : new ToggleButton[] {navFlags, navStock, navAgeing, navHealth, navCodes, navMapping,
                navConnections, navScores}) {
            nav.getStyleClass().add("nav-item");
            nav.setToggleGroup(screens);
            nav.setMaxWidth(Double.MAX_VALUE);
            nav.setOnAction(e -> {
                screenChosenByUser = true;
                showScreen(nav);
            });
        }
        Label badge = new Label();
        badge.setId("flagsBadge");
        badge.getStyleClass().add("nav-badge");
        navFlags.setContentDisplay(ContentDisplay.RIGHT);
        navFlags.setGraphicTextGap(6);
        Runnable renderBadge = () -> {
            int n = flagsViewModel.badgeCountProperty().get();
            badge.setText(Integer.toString(n));
            // Set and clear the graphic rather than hide it: a Labeled's skin does not notice a graphic
            // that becomes managed again, and the badge would never come back.
            navFlags.setGraphic(n > 0 ? badge : null);
            Urgency worst = flagsViewModel.worstUrgencyProperty().get();
            FlagsView.showUrgency(badge, worst, false);
            FlagsView.showUrgency(navFlags, worst, false);
        };
        flagsViewModel.badgeCountProperty().addListener(o -> renderBadge.run());
        flagsViewModel.worstUrgencyProperty().addListener(o -> renderBadge.run());
        renderBadge.run();
        // Keep the one screen selected: a toggle that can be switched off would blank the content.
        screens.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        VBox sidebar = new VBox(navFlags, navStock, navAgeing, navHealth, navCodes, navMapping, navConnections,
                navScores);
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar");
        return sidebar;
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(messages.get("menu.help.about"));
        alert.setHeaderText(messages.get("app.title"));
        String version = MainWindow.class.getPackage().getImplementationVersion();
        alert.setContentText(messages.format("about.text", version == null ? "dev" : version));
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.show();
    }
}
