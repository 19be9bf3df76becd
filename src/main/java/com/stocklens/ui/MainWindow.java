package com.stocklens.ui;

import com.stocklens.service.WorkspaceBackups;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.history.CompareDialog;
import com.stocklens.ui.history.TimeTravelView;
import com.stocklens.ui.history.TimeTravelViewModel;
import com.stocklens.ui.notices.NotificationCenterView;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The StockLens window for one language, a shell around the screens of {@link Screen}: the menu row (the
 * menus, the lane a notification slides into, the bell), banner (DEMO or snapshot), time bar, the sidebar,
 * the screen on show (under a past moment with a line saying what it shows of it, or covered by a notice
 * when it cannot show it), and the offline line and freshness bar along the bottom. What it shows is decided
 * by its {@link MainWindowViewModel}. A language switch throws the whole window away and builds a new one
 * (see {@link MainWindowHost}), so no text needs rebinding. Build on the FX thread; {@link #close()} when
 * replaced.
 */
public final class MainWindow implements AutoCloseable {
    private final Messages messages;
    private final MainWindowViewModel viewModel;
    private final ScreenServices services;
    private final Map<Screen, ScreenView> built = new EnumMap<>(Screen.class);
    private final BorderPane root = new BorderPane();
    private final VBox top = new VBox();
    private final StackPane content = new StackPane();
    private final MainMenuView menu;
    private final NotificationCenterView notifications;
    /**
     * Ticks the red flags every second: they are the shell's (the badge, the triage list and the notices read
     * them), so their ticker is the window's whether or not the red-flag screen was ever opened.
     */
    private final Timeline flagsTicker;
    private Label banner;

    /** The window in the context's language; picking another tells the context's {@code switchLocale}. */
    public MainWindow(UiContext context) {
        this(context, context.shell().locale(), context.shell().switchLocale());
    }

    /**
     * The window in {@code locale}; {@code switchLocale} is told the language the person picks (the host
     * rebuilds the window in it). The flags screen comes up first by itself when the first read finds
     * open tasks.
     */
    public MainWindow(UiContext context, Locale locale, Consumer<Locale> switchLocale) {
        Objects.requireNonNull(context, "context");
        this.messages = new Messages(locale);
        FxExecutor fx = new FxExecutor();
        DialogService dialogs = new FxDialogService(messages, this::owner);
        this.viewModel = new MainWindowViewModel(context, messages, dialogs, fx);
        this.services = new ScreenServices(context, messages, dialogs, fx, viewModel);
        this.menu = new MainMenuView(viewModel, context, messages, this::owner, this::refresh, this::openCompare,
                switchLocale);
        this.notifications = new NotificationCenterView(viewModel.notifications(), messages, context.shell().clock());
        TimeTravelView timeBar = new TimeTravelView(viewModel.timeTravel(), messages, this::openCompare);

        root.setId("mainWindow");
        root.getStyleClass().add("main-window");
        FxTheme.style(root);
        // The menus, then the lane a notification slides into (empty space otherwise), then the bell.
        HBox menuRow = new HBox(menu.node(), notifications.pane(), notifications.bell());
        menuRow.setId("menuRow");
        menuRow.getStyleClass().add("menu-row");
        menuRow.setAlignment(Pos.CENTER_LEFT);
        menu.node().setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(notifications.pane(), Priority.ALWAYS);
        top.getChildren().addAll(menuRow, timeBar.node(), timeBar.banner());
        viewModel.bannerProperty().addListener((obs, o, n) -> renderBanner(n));
        viewModel.snapshotAtProperty().addListener((obs, o, at) -> timeBar.showSnapshot(at));
        renderBanner(viewModel.bannerProperty().get());
        root.setTop(top);
        root.setLeft(new SidebarView(viewModel, messages).node());

        // The notice lies over the screen it covers; the note and the offline line take room only when shown.
        Label pastNotice = label("pastNotice", "past-notice", viewModel.pastNoticeProperty(), false);
        pastNotice.setWrapText(true);
        pastNotice.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        Label pastScreenNote = label("pastScreenNote", "past-screen-note", viewModel.pastNoteProperty(), true);
        pastScreenNote.setWrapText(true);
        Label offline = label("offlineIndicator", "offline-indicator", viewModel.offlineProperty(), true);
        content.setId("content");
        VBox bottom = new VBox(offline);
        for (Screen screen : Screen.values()) {
            if (screen.builtWithWindow()) {
                ScreenView view = screen.open(services);
                built.put(screen, view);
                if (view.statusBar() != null) {
                    bottom.getChildren().add(view.statusBar());
                }
            }
        }
        content.getChildren().setAll(built.get(viewModel.screen()).root(), pastNotice);
        VBox center = new VBox(pastScreenNote, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(bottom);

        viewModel.screenProperty().addListener((obs, o, screen) -> present(screen));
        viewModel.timeTravel().asOfProperty().addListener((obs, o, at) -> showMoment(at));
        viewModel.start();
        Clock clock = context.shell().clock();
        flagsTicker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.flags().tick(clock.instant())));
        flagsTicker.setCycleCount(Animation.INDEFINITE);
        flagsTicker.play();
    }

    /** A label showing {@code text}, hidden while it is null; {@code collapse}: then it takes no room either. */
    private static Label label(String id, String styleClass, ObservableValue<String> text, boolean collapse) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setMaxWidth(Double.MAX_VALUE);
        Runnable render = () -> {
            String t = text.getValue();
            label.setText(t == null ? "" : t);
            label.setVisible(t != null);
            if (collapse) {
                label.setManaged(t != null);
            }
        };
        text.addListener(o -> render.run());
        render.run();
        return label;
    }

    private void renderBanner(MainWindowViewModel.Banner shown) {
        top.getChildren().remove(banner);
        banner = null;
        if (shown == null) {
            return;
        }
        boolean demo = shown.kind() == MainWindowViewModel.BannerKind.DEMO;
        banner = new Label(shown.text());
        banner.setId(demo ? "demoBanner" : "snapshotBanner");
        banner.getStyleClass().add(demo ? "demo-banner" : "snapshot-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        // The DEMO banner sits right under the menu; a snapshot's under the time bar.
        top.getChildren().add(demo ? 1 : top.getChildren().size(), banner);
    }

    /** Brings {@code screen} to the front, building it on its first visit. */
    private void present(Screen screen) {
        ScreenView view = built.computeIfAbsent(screen, s -> s.open(services));
        view.shown();
        if (content.getChildren().get(0) != view.root()) {
            content.getChildren().set(0, view.root());
        }
    }

    /** The window shows {@code at} now (null: now): every screen built that follows moments reads it. */
    private void showMoment(Instant at) {
        built.forEach((screen, view) -> {
            if (screen.past().follows()) {
                view.showMoment(at);
            }
        });
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Shows {@code screen}, building it on first use; the window stays there ({@link MainWindowViewModel#choose}). */
    public void show(Screen screen) {
        viewModel.choose(screen);
    }

    /** The stock screen filtered to {@code filter} (a seller SKU); null or blank shows it unfiltered. */
    public void showStock(String filter) {
        viewModel.showStock(filter);
    }

    /** The screen on show. */
    public Screen currentScreen() {
        return viewModel.screen();
    }

    /** Reloads the red flags and the screens built so far (View → Refresh, F5). */
    public void refresh() {
        viewModel.flags().refresh();
        built.values().forEach(ScreenView::refresh);
    }

    /** View → Compare moments… (Ctrl+D): from the shown moment (or the latest) to now. */
    public void openCompare() {
        CompareDialog.show(owner(), viewModel.compare(), viewModel.moments(), messages);
    }

    /** What View → Wall mode (Ctrl+Shift+W) does; the host sets it. Without one the item is disabled. */
    public void setOnWallMode(Runnable action) {
        menu.setOnWallMode(action);
    }

    /**
     * Enables File → Restore backup… over the workspace's backups.
     *
     * @param reopen closes and reopens the workspace so a requested restore is applied at once (the composition
     *               root does it), or null: the restore then happens at the next start
     */
    public void setBackups(WorkspaceBackups workspaceBackups, Runnable reopen) {
        menu.setBackups(workspaceBackups, reopen);
    }

    /** Wires File → Open snapshot… / Export snapshot… (the root's implementation). */
    public void setSnapshotFiles(SnapshotFileDialogs files) {
        menu.setSnapshotFiles(files);
    }

    /**
     * Read-only snapshot mode: a banner saying whose data and from when (Beijing time) replaces the DEMO
     * banner, and the menu items that would write are disabled.
     */
    public void showSnapshotBanner(String whose, Instant at) {
        viewModel.showSnapshot(whose, at);
    }

    /** As above for a snapshot file holding the range [{@code from}, {@code at}] ({@code from} null: one moment). */
    public void showSnapshotBanner(String whose, Instant at, Instant from) {
        viewModel.showSnapshot(whose, at, from);
    }

    /** What the shell decides (tests, previews). */
    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    /** The time control (tests, previews). */
    public TimeTravelViewModel timeTravel() {
        return viewModel.timeTravel();
    }

    /** The notification centre on screen (tests). */
    public NotificationCenterView notifications() {
        return notifications;
    }

    /** The flags screen's view model (the badge and tests read it). */
    public FlagsViewModel flagsViewModel() {
        return viewModel.flags();
    }

    /** The node to put in a Scene. */
    public Parent root() {
        return root;
    }

    public Messages messages() {
        return messages;
    }

    /** Stops tickers and unsubscribes from sync events. */
    @Override
    public void close() {
        flagsTicker.stop();
        built.values().forEach(ScreenView::close);
        notifications.close();
        viewModel.close();
    }
}
