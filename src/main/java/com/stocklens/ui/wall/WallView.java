package com.stocklens.ui.wall;

import com.stocklens.domain.BeijingTime;
import com.stocklens.service.TriageItem;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import com.stocklens.ui.flags.FlagTexts;
import com.stocklens.ui.flags.FlagsView;
import com.stocklens.ui.flags.TaskRowViewModel;
import com.stocklens.ui.notices.NoticeTexts;
import com.stocklens.ui.notices.NotificationCenterViewModel;
import com.stocklens.ui.stock.FreshnessChipViewModel;
import com.stocklens.ui.stock.OfflineStatus;
import com.stocklens.ui.stock.StockTotal;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Wall mode on screen: a dark full-window board made to be read from two metres at 1920×1080. One page
 * at a time (what to act on, in the desk's triage order; stock totals; sources), a page indicator, the
 * time, DEMO in demo mode, an offline badge and a notice strip; no buttons, no dialogs. The line counting
 * what did not fit is laid out below the page's rows and above the strip, never cut. Left/Right flip
 * pages, F11 toggles full screen, Esc leaves wall mode when the wall was entered from the window. Owns the
 * one-second timer that ticks the view model.
 */
public final class WallView implements AutoCloseable {
    /** Rows of countdowns at most; the rest are counted below them. */
    public static final int MAX_TASKS = 4;
    /** Alert lines at most when no task is open. */
    public static final int MAX_ALERTS = 8;
    /** Height a countdown row takes (its minimum height in wall.css plus the spacing). */
    static final double TASK_ROW = 150 + 18;
    /** Height an alert line takes (40 px text plus the spacing). */
    static final double ALERT_ROW = 56 + 18;
    /** The flags page's padding and the "and N more" line below the rows. */
    static final double PAGE_CHROME = 60 + 64;
    static final String CSS = "/com/stocklens/ui/wall/wall.css";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(BeijingTime.ZONE);
    private static final DateTimeFormatter CACHED =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(BeijingTime.ZONE);
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    private static final PseudoClass PARTIAL = PseudoClass.getPseudoClass("partial");
    private static final PseudoClass LONG = PseudoClass.getPseudoClass("long");
    private static final PseudoClass VERY_LONG = PseudoClass.getPseudoClass("very-long");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final WallViewModel viewModel;
    private final Messages messages;
    private final FlagTexts texts;
    private final Clock clock;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label clockLabel = new Label();
    private final Label offline = new Label();
    private final HBox indicator = new HBox(14);
    private final Label noticeStrip = new Label();
    private final StackPane pages = new StackPane();
    private final BorderPane flagsPage = new BorderPane();
    private final VBox flagRows = new VBox(18);
    private final Label moreFlags = new Label();
    private final Label demo = new Label();
    private final NoticeTexts noticeTexts;
    private final GridPane stockPage = new GridPane();
    private final GridPane sourcesPage = new GridPane();
    private final List<Runnable> unbind = new ArrayList<>();
    private final Timeline ticker;
    private Runnable onExit;
    private Runnable onToggleFullScreen;

    /** Covers the primary screen with {@code stage}, even where full screen is not granted (no window manager, some kiosks). */
    public static void coverPrimaryScreen(Stage stage) {
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    public WallView(WallViewModel viewModel, Messages messages, Clock clock) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new FlagTexts(messages);
        this.noticeTexts = new NoticeTexts(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        root.setId("wallView");
        root.getStyleClass().add("wall");
        FxTheme.style(root);
        URL css = WallView.class.getResource(CSS);
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        root.setTop(topBar());
        flagsPage.setId("wallPageFlags");
        flagsPage.getStyleClass().add("wall-page");
        flagRows.setId("wallFlagRows");
        flagRows.setMinHeight(0);
        // Rows that do not fit are cut by the clip; the "and N more" line has its own place below them.
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(flagRows.widthProperty());
        clip.heightProperty().bind(flagRows.heightProperty());
        flagRows.setClip(clip);
        moreFlags.setId("wallMoreFlags");
        moreFlags.getStyleClass().add("wall-more");
        moreFlags.setMinHeight(Region.USE_PREF_SIZE);
        flagsPage.setCenter(flagRows);
        flagsPage.setBottom(moreFlags);
        stockPage.setId("wallPageStock");
        stockPage.getStyleClass().addAll("wall-page", "wall-grid");
        sourcesPage.setId("wallPageSources");
        sourcesPage.getStyleClass().addAll("wall-page", "wall-grid");
        pages.setId("wallPages");
        pages.getChildren().addAll(flagsPage, stockPage, sourcesPage);
        // The pages take the room between the top bar and the strip, never push the strip off the screen.
        pages.setMinHeight(0);
        for (Region page : new Region[] {flagsPage, stockPage, sourcesPage}) {
            page.setMinHeight(0);
        }
        root.setCenter(pages);
        noticeStrip.setId("wallNotice");
        noticeStrip.getStyleClass().add("wall-notice");
        noticeStrip.setMaxWidth(Double.MAX_VALUE);
        root.setBottom(noticeStrip);

        buildStockPage();
        listen(viewModel.actNow(), (ListChangeListener<TriageItem>) c -> renderFlags());
        listenProperty(pages.heightProperty(), o -> renderFlags());
        listen(viewModel.sources(), (ListChangeListener<FreshnessChipViewModel>) c -> renderSources());
        listenProperty(viewModel.pageProperty(), o -> renderPage());
        listenProperty(viewModel.offlineProperty(), o -> renderOffline());
        listenProperty(viewModel.noticeProperty(), o -> renderNotice());
        listenProperty(viewModel.nowProperty(), o -> renderTick());
        renderFlags();
        renderSources();
        renderPage();
        renderOffline();
        renderNotice();
        renderTick();

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.setFocusTraversable(true);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick(this.clock.instant())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    /** The node to put in a Scene. */
    public Parent root() {
        return root;
    }

    public WallViewModel viewModel() {
        return viewModel;
    }

    /** What Esc does; null (the default, as with {@code --wall}) leaves Esc without effect. */
    public void setOnExit(Runnable action) {
        this.onExit = action;
    }

    /** What F11 does (toggle full screen of the stage). */
    public void setOnToggleFullScreen(Runnable action) {
        this.onToggleFullScreen = action;
    }

    /** Stops the timer and every listener; the view model is closed by its owner. */
    @Override
    public void close() {
        ticker.stop();
        unbind.forEach(Runnable::run);
        unbind.clear();
    }

    // ---- keys -----------------------------------------------------------------------------------

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.RIGHT || code == KeyCode.PAGE_DOWN || code == KeyCode.SPACE) {
            viewModel.next();
        } else if (code == KeyCode.LEFT || code == KeyCode.PAGE_UP) {
            viewModel.previous();
        } else if (code == KeyCode.ESCAPE && onExit != null) {
            onExit.run();
        } else if (code == KeyCode.F11 && onToggleFullScreen != null) {
            onToggleFullScreen.run();
        } else {
            return;
        }
        e.consume();
    }

    // ---- layout ---------------------------------------------------------------------------------

    private Node topBar() {
        title.setId("wallTitle");
        title.getStyleClass().add("wall-title");
        offline.setId("wallOffline");
        offline.getStyleClass().add("wall-offline");
        indicator.setId("wallPageIndicator");
        indicator.getStyleClass().add("wall-indicator");
        indicator.setAlignment(Pos.CENTER);
        for (int i = 0; i < viewModel.pageCount(); i++) {
            Region dot = new Region();
            dot.getStyleClass().add("wall-dot");
            indicator.getChildren().add(dot);
        }
        clockLabel.setId("wallClock");
        clockLabel.getStyleClass().add("wall-clock");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        demo.setId("wallDemo");
        demo.getStyleClass().add("wall-demo");
        demo.setText(messages.get("wall.demo"));
        demo.setVisible(viewModel.demo());
        demo.setManaged(viewModel.demo());
        HBox bar = new HBox(32, title, demo, offline, spacer, indicator, clockLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("wall-top");
        return bar;
    }

    private void buildStockPage() {
        List<String> keys = viewModel.totalKeys();
        int columns = 4;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            stockPage.getColumnConstraints().add(cc);
        }
        int rows = (keys.size() + columns - 1) / columns;
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            stockPage.getRowConstraints().add(rc);
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            StockTotal total = viewModel.total(key);
            Label name = new Label(messages.get(columnKey(key)));
            name.getStyleClass().add("wall-tile-name");
            Label value = new Label();
            value.setId("wallTotal-" + key);
            value.getStyleClass().add("wall-tile-value");
            Label note = new Label();
            note.getStyleClass().add("wall-tile-note");
            VBox tile = new VBox(6, name, value, note);
            tile.setId("wallTile-" + key);
            tile.getStyleClass().add("wall-tile");
            tile.setAlignment(Pos.CENTER_LEFT);
            tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            Runnable render = () -> {
                Long sum = total.getSum();
                String text = WallViewModel.totalText(sum, messages);
                value.setText(text);
                // Long figures step down a size so "1,234,567" fits a quarter of 1920 px without an ellipsis.
                value.pseudoClassStateChanged(LONG, text.length() >= 7 && text.length() < 9);
                value.pseudoClassStateChanged(VERY_LONG, text.length() >= 9);
                tile.pseudoClassStateChanged(UNKNOWN, sum == null);
                tile.pseudoClassStateChanged(PARTIAL, total.isPartial());
                note.setText(sum == null ? messages.get("stock.tile.noneReport")
                        : total.isPartial() ? messages.format("stock.tile.partial", total.getReporting(), total.getWarehouses())
                        : messages.format("stock.tile.allReport", total.getWarehouses()));
            };
            listenProperty(total.sumProperty(), o -> render.run());
            listenProperty(total.warehousesProperty(), o -> render.run());
            render.run();
            stockPage.add(tile, i % columns, i / columns);
        }
    }

    /** The column heading key of a total: the seven buckets and TikTok's available figure. */
    private static String columnKey(String key) {
        return switch (key) {
            case "onHand" -> "stock.column.onHand";
            case "available" -> "stock.column.available";
            case "reserved" -> "stock.column.reserved";
            case "inTransit" -> "stock.column.inTransit";
            case "qcHold" -> "stock.column.qcHold";
            case "frozen" -> "stock.column.frozen";
            case "returnPendingQc" -> "stock.column.returnPendingQc";
            default -> "stock.column.tiktokAvailable";
        };
    }

    // ---- rendering ------------------------------------------------------------------------------

    private void renderPage() {
        WallViewModel.Page page = viewModel.getPage();
        flagsPage.setVisible(page == WallViewModel.Page.FLAGS);
        stockPage.setVisible(page == WallViewModel.Page.STOCK);
        sourcesPage.setVisible(page == WallViewModel.Page.SOURCES);
        title.setText(switch (page) {
            case FLAGS -> messages.format("wall.page.flags", viewModel.actNow().size());
            case STOCK -> messages.get("wall.page.stock");
            case SOURCES -> messages.format("wall.page.sources", viewModel.staleCount(), viewModel.sources().size());
        });
        int index = viewModel.pageIndexProperty().get();
        for (int i = 0; i < indicator.getChildren().size(); i++) {
            indicator.getChildren().get(i).pseudoClassStateChanged(CURRENT, i == index);
        }
    }

    /**
     * The triage list's lines to act on, in its order: countdown rows for the calibrations, a line each for
     * the orders at risk and the stale sources, as many as the page has room for; what does not fit is
     * counted on the line below them.
     */
    private void renderFlags() {
        List<Node> rows = new ArrayList<>();
        List<TriageItem> items = viewModel.actNow();
        if (items.isEmpty()) {
            Label none = new Label(messages.get("wall.noFlags"));
            none.setId("wallNoFlags");
            none.getStyleClass().add("wall-no-flags");
            rows.add(none);
        }
        double height = pages.getHeight() > 0 ? pages.getHeight() : 1080 - 180;
        double room = height - PAGE_CHROME;
        int shown = 0;
        int tasks = 0;
        int alerts = 0;
        for (TriageItem item : items) {
            boolean task = item.isCalibration();
            double h = task ? TASK_ROW : ALERT_ROW;
            if (h > room || (task ? tasks == MAX_TASKS : alerts == MAX_ALERTS)) {
                break;
            }
            TaskRowViewModel countdown = task ? viewModel.task(item).orElse(null) : null;
            rows.add(countdown != null ? taskRow(countdown, tasks) : alertLine(item, alerts));
            room -= h;
            shown++;
            if (task) {
                tasks++;
            } else {
                alerts++;
            }
        }
        flagRows.getChildren().setAll(rows);
        int rest = items.size() - shown;
        moreFlags.setText(rest > 0 ? messages.format("wall.moreFlags", rest) : "");
        moreFlags.setVisible(rest > 0);
        moreFlags.setManaged(rest > 0);
        if (viewModel.getPage() == WallViewModel.Page.FLAGS) {
            renderPage();
        }
    }

    /** "▲ 超卖风险 · SKU name · warehouse · TikTok 可售 43 · 仓库可发 34". */
    private Node alertLine(TriageItem item, int i) {
        String subject = item.sellerSku() == null
                ? Objects.requireNonNullElse(item.sourceName(), Objects.requireNonNullElse(item.sourceId(), ""))
                : item.sellerSku() + (item.skuName() == null ? "" : "  " + item.skuName())
                        + (item.warehouseName() == null ? "" : "  ·  " + item.warehouseName());
        Label line = new Label("▲ " + texts.alertKind(item.alertKind()) + "  ·  " + subject + "  ·  "
                + texts.figures(item.alertKind(), item.actual(), item.limit()));
        line.setId("wallAlert-" + i);
        line.getStyleClass().add("wall-alert");
        line.setMinWidth(0);
        return line;
    }

    private Node taskRow(TaskRowViewModel task, int i) {
        Label countdown = new Label();
        countdown.setId("wallCountdown-" + i);
        countdown.getStyleClass().add("wall-countdown");
        countdown.textProperty().bind(task.countdownProperty());
        Label sku = new Label(task.sellerSku() + (task.name().isEmpty() ? "" : "  " + task.name()));
        sku.getStyleClass().add("wall-task-sku");
        Label where = new Label(task.warehouseLabel() + "  ·  " + messages.format("wall.task.figures",
                Formats.quantity(task.tiktokQuantity(), messages), Formats.quantity(task.warehouseQuantity(), messages),
                Formats.signed(task.gap(), messages)));
        where.getStyleClass().add("wall-task-where");
        VBox text = new VBox(4, sku, where);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        HBox row = new HBox(40, countdown, text);
        row.setId("wallTask-" + i);
        row.getStyleClass().add("wall-task");
        row.setAlignment(Pos.CENTER_LEFT);
        // The row view model is replaced with every board, so this listener goes with it.
        InvalidationListener urgency = o -> FlagsView.showUrgency(row, task.getUrgency(), task.isDeclared());
        task.urgencyProperty().addListener(urgency);
        urgency.invalidated(null);
        return row;
    }

    private void renderSources() {
        sourcesPage.getChildren().clear();
        sourcesPage.getColumnConstraints().clear();
        int columns = 4;
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            sourcesPage.getColumnConstraints().add(cc);
        }
        List<FreshnessChipViewModel> chips = viewModel.sources();
        for (int i = 0; i < chips.size(); i++) {
            FreshnessChipViewModel chip = chips.get(i);
            Label name = new Label(chip.freshness().manual()
                ? messages.get("status.chip.manual") + " · " + chip.sourceName() : chip.sourceName());
            name.getStyleClass().add("wall-source-name");
            Label warehouse = new Label(chip.warehouseName() == null ? " " : chip.warehouseName());
            warehouse.getStyleClass().add("wall-source-warehouse");
            Label age = new Label();
            age.setId("wallSourceAge-" + i);
            age.getStyleClass().add("wall-source-age");
            VBox box = new VBox(4, name, warehouse, age);
            box.setId("wallSource-" + i);
            box.getStyleClass().add("wall-source");
            box.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            box.setUserData(chip);
            renderSource(box, chip);
            sourcesPage.add(box, i % columns, i / columns);
        }
        if (viewModel.getPage() == WallViewModel.Page.SOURCES) {
            renderPage();
        }
    }

    private void renderSource(VBox box, FreshnessChipViewModel chip) {
        Label age = (Label) box.getChildren().get(2);
        age.setText(Formats.ago(chip.getAge(), messages));
        // Stale as the desk's freshness bar has it: a file-fed warehouse past the window is stale too.
        box.pseudoClassStateChanged(STALE, chip.isStale());
    }

    private void renderTick() {
        Instant now = viewModel.nowProperty().get();
        clockLabel.setText(now == null ? "" : CLOCK.format(now));
        for (Node n : sourcesPage.getChildren()) {
            if (n instanceof VBox box && box.getUserData() instanceof FreshnessChipViewModel chip) {
                renderSource(box, chip);
            }
        }
        if (viewModel.getPage() == WallViewModel.Page.SOURCES) {
            renderPage(); // the stale count in the title follows the ages
        }
    }

    private void renderOffline() {
        OfflineStatus.Verdict v = viewModel.offlineProperty().get();
        boolean show = v != null && v.offline();
        offline.setVisible(show);
        offline.setManaged(show);
        if (show) {
            offline.setText(v.cachedAt() == null ? messages.get("offline.noCache")
                    : messages.format("wall.offline", CACHED.format(v.cachedAt())));
        }
    }

    private void renderNotice() {
        NotificationCenterViewModel.Popup n = viewModel.noticeProperty().get();
        noticeStrip.setText(n == null ? messages.get("wall.keys") : noticeTexts.of(n));
        noticeStrip.pseudoClassStateChanged(PseudoClass.getPseudoClass("notice"), n != null);
    }

    // ---- subscriptions --------------------------------------------------------------------------

    private <T> void listen(ObservableList<T> list, ListChangeListener<T> l) {
        list.addListener(l);
        unbind.add(() -> list.removeListener(l));
    }

    private void listenProperty(Observable o, InvalidationListener l) {
        o.addListener(l);
        unbind.add(() -> o.removeListener(l));
    }
}
