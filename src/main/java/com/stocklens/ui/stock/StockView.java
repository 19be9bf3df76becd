package com.stocklens.ui.stock;

import com.stocklens.domain.Bucket;
import com.stocklens.service.ReportFormat;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.PushScope;
import com.stocklens.service.StockPushes;
import com.stocklens.service.SyncProgress;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxHoverTip;
import com.stocklens.ui.FxTilePalette;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.FxWarehouseFilter;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenServices;
import com.stocklens.ui.ScreenView;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.WarehouseFilter;
import com.stocklens.ui.skudetail.SkuDetailView;
import com.stocklens.ui.skudetail.SkuDetailViewModel;
import com.stocklens.ui.push.PushPlanViewModel;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.events.TileEvt;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.StatusBar;

/**
 * Controller of {@code StockView.fxml}: binds the {@link StockViewModel} to tiles, filter, table and
 * freshness chips, and owns the one-second {@link Timeline} that ages the numbers. Decides nothing.
 */
public final class StockView implements ScreenView {
    /** State pseudo-classes; the colours live in app.css. */
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    static final PseudoClass GAP = PseudoClass.getPseudoClass("gap");
    static final PseudoClass OVERSELL = PseudoClass.getPseudoClass("oversell");
    static final PseudoClass PARTIAL = PseudoClass.getPseudoClass("partial");
    /** A gap cell showing the last complete pair while the other side's reading of the cycle is on its way. */
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    static final PseudoClass SYNCING = PseudoClass.getPseudoClass("syncing");
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    /** Tiles are squares; 8 across must fit 1366 px beside the sidebar (TilesFX scales text by size). */
    private static final double TILE_SIZE = 118;
    /** Typing pause before the filter runs (issue 8: at least 150 ms). */
    static final Duration FILTER_DEBOUNCE = Duration.millis(150);

    private final StockViewModel viewModel;
    private final Messages messages;
    private final Clock clock;
    private final Map<String, Tile> tiles = new LinkedHashMap<>();
    private Timeline ticker;

    @FXML private BorderPane stockRoot;
    @FXML private HBox tileBox;
    @FXML private TextField filterField;
    @FXML private CheckComboBox<Warehouse> warehouseChoice;
    @FXML private Button pushWarehouseButton;
    @FXML private Label rowCountLabel;
    @FXML private ToggleButton gapsOnlyToggle;
    @FXML private Label loadErrorLabel;
    @FXML private TableView<StockRowViewModel> stockTable;
    @FXML private TableColumn<StockRowViewModel, String> sellerSkuColumn;
    @FXML private TableColumn<StockRowViewModel, String> nameColumn;
    @FXML private TableColumn<StockRowViewModel, String> warehouseColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> onHandColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> availableColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> reservedColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> inTransitColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> qcHoldColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> frozenColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> returnPendingQcColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> tiktokAvailableColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> gapColumn;
    @FXML private TableColumn<StockRowViewModel, Integer> returnsPoolColumn;
    @FXML private TableColumn<StockRowViewModel, Instant> ageColumn;
    @FXML private TableColumn<StockRowViewModel, Instant> tiktokAgeColumn;
    @FXML private StatusBar freshnessBar;
    @FXML private FlowPane freshnessChips;
    @FXML private MenuButton exportButton;
    @FXML private MenuItem exportXlsx;
    @FXML private MenuItem exportCsv;
    @FXML private ProgressIndicator exportProgress;
    @FXML private Label exportStatus;

    private final StockExportViewModel export;
    /** Opens the SKU detail of a row (Enter, double-click); null: nothing opens. */
    private Consumer<StockRowViewModel> onOpenSku;

    /**
     * The window's stock screen ({@code Screen.STOCK}): the shell's board, read as of the
     * moment shown; its freshness bar goes full width along the window's bottom.
     */
    public static ScreenView screen(ScreenServices s) {
        StockExportViewModel export = new StockExportViewModel(s.context().reports().exports(),
                s.context().flags().reader(), s.messages(), s.clock(), s.dialogs(), s.background(), s.ui());
        StockView view = FxViewLoader.load(new StockView(s.window().stock(), s.messages(), s.window().asOfClock(),
                export), s.messages().bundle());
        view.root().setBottom(null);
        view.setOnOpenSku(row -> view.openDetail(row, s));
        StockPushes pushes = s.context().flags().pushes();
        if (pushes != StockPushes.NONE) {
            // Issue 21: push the chosen warehouse's figures to TikTok (a plan first, nothing blind).
            view.onPushWarehouse(w -> s.dialogs().showPushPlan(new PushPlanViewModel(pushes,
                    PushScope.warehouse(w.id()), s.context().shell().declarer(), s.dialogs(), s.background(), s.ui())),
                    s.window().timeTravel().asOfProperty().isNotNull());
        }
        return view;
    }

    /**
     * Shows "Push to TikTok" beside the warehouse choice, enabled while exactly one warehouse is chosen and the
     * window shows now ({@code past} false).
     */
    void onPushWarehouse(Consumer<Warehouse> open, ObservableBooleanValue past) {
        WarehouseFilter filter = viewModel.warehouseFilter();
        pushWarehouseButton.setVisible(true);
        pushWarehouseButton.setManaged(true);
        pushWarehouseButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> filter.chosenWarehouses().size() != 1 || past.get(), filter.chosenProperty(), past));
        pushWarehouseButton.setOnAction(e -> {
            List<Warehouse> chosen = filter.chosenWarehouses();
            if (chosen.size() == 1) {
                open.accept(chosen.get(0));
            }
        });
    }

    public StockView(StockViewModel viewModel, Messages messages, Clock clock) {
        this(viewModel, messages, clock, null);
    }

    /** @param export Export… and copy of the rows shown; null: no Export… button (copy still works) */
    public StockView(StockViewModel viewModel, Messages messages, Clock clock, StockExportViewModel export) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.export = export;
    }

    /**
     * Opens the SKU detail pane of {@code row}'s SKU in a window of its own, at the moment the window shows,
     * its gaps the ones this table shows.
     */
    private void openDetail(StockRowViewModel row, ScreenServices s) {
        UiContext.Stock stock = s.context().stock();
        SkuDetailViewModel detail = new SkuDetailViewModel(stock.skuDetails(), stock.syncEvents(),
                s.window().asOfClock(), stock.stalenessWindow(), row.sellerSku(), s.moment(),
                key -> viewModel.row(key).map(r -> new SkuDetailViewModel.ShownGap(r.gap(), r.gapPending()))
                        .orElse(null),
                s.background(), s.ui());
        SkuDetailView.show(stockRoot.getScene() == null ? null : stockRoot.getScene().getWindow(), detail, messages,
                s.window().asOfClock());
    }

    /** What Enter and a double-click on a row do: open its SKU detail. */
    public void setOnOpenSku(Consumer<StockRowViewModel> open) {
        this.onOpenSku = open;
    }

    @FXML
    private void initialize() {
        buildTiles();
        bindFilter();
        bindTable();
        bindFreshness();
        bindCounts();
        bindExport();
        bindKeys();
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick(clock.instant())));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    /** The root of the screen. */
    public BorderPane root() {
        return stockRoot;
    }

    /** The freshness bar, so the main window can show it full-width at the bottom of the window. */
    public Node freshnessBar() {
        return freshnessBar;
    }

    /** Stops the ticker; call when the screen goes away (the view model is closed by its owner). */
    public void dispose() {
        if (ticker != null) {
            ticker.stop();
        }
    }

    @Override
    public Node statusBar() {
        return freshnessBar();
    }

    @Override
    public void showMoment(Instant at) {
        viewModel.refresh(); // it reads through the time bar
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }

    /** Stops the ticker; the board itself is the window shell's. */
    @Override
    public void close() {
        dispose();
    }

    // ---- tiles ----------------------------------------------------------------------------------

    private void buildTiles() {
        for (String key : viewModel.totalKeys()) {
            Tile tile = new Tile(Tile.SkinType.NUMBER);
            tile.setId("tile-" + key);
            // TilesFX scales its title and footer with the tile (about 9 px here, and Latin-only Lato):
            // the tile draws the big number, our CSS-styled labels carry the words.
            tile.setTitle("");
            tile.setTextVisible(false);
            tile.setDecimals(0);
            tile.setLocale(messages.locale());
            // 192,100 rather than 192100: the same grouping as every other figure on screen.
            tile.setCustomDecimalFormat(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(messages.locale())));
            tile.setCustomDecimalFormatEnabled(true);
            // Stock figures are unbounded; the default 0..100 range would clamp them.
            tile.setMinValue(0);
            tile.setMaxValue(Integer.MAX_VALUE * 8.0);
            tile.setAnimated(false);
            // The card (border, state colour) is drawn by the holder from CSS tokens.
            tile.setBackgroundColor(Color.TRANSPARENT);
            tile.setValueColor(StockViewModel.TIKTOK_AVAILABLE.equals(key) ? FxTilePalette.CHANNEL : FxTilePalette.VALUE);
            tile.setUnitColor(FxTilePalette.NOTE);
            tile.setPrefSize(TILE_SIZE, TILE_SIZE);
            tile.setMinSize(TILE_SIZE * 0.8, TILE_SIZE * 0.8);
            tile.setMaxSize(Double.MAX_VALUE, TILE_SIZE);
            tiles.put(key, tile);

            Label title = new Label(messages.get("stock.bucket." + key));
            title.setId("tileTitle-" + key);
            title.getStyleClass().add("tile-title");
            Label note = new Label();
            note.setId("tileNote-" + key);
            note.getStyleClass().add("tile-note");
            title.setWrapText(true);
            note.setWrapText(true);
            VBox words = new VBox(title, note);
            // Zero preferred width: every card gets the same share of the row whatever its label's length.
            words.setMinWidth(0);
            words.setPrefWidth(0);
            words.getStyleClass().add("tile-words");
            words.setAlignment(Pos.BOTTOM_LEFT);
            words.setMouseTransparent(true);
            // NUMBER skin can only print a number; "unknown" is a dash laid over it.
            Label unknown = new Label(Formats.UNKNOWN);
            unknown.setId("tileUnknown-" + key);
            unknown.getStyleClass().add("tile-unknown");
            unknown.setMouseTransparent(true);
            StackPane.setAlignment(unknown, Pos.TOP_RIGHT);
            StackPane holder = new StackPane(tile, words, unknown);
            holder.setId("tileCard-" + key);
            holder.getStyleClass().add("tile-card");
            if (StockViewModel.TIKTOK_AVAILABLE.equals(key)) {
                holder.getStyleClass().add("tile-channel");
            }
            HBox.setHgrow(holder, Priority.ALWAYS);
            tileBox.getChildren().add(holder);

            StockTotal total = viewModel.total(key);
            InvalidationListener redraw = obs -> showTotal(tile, note, unknown, holder, total);
            total.sumProperty().addListener(redraw);
            total.reportingProperty().addListener(redraw);
            total.warehousesProperty().addListener(redraw);
            // The note names the warehouses chosen in the filter; the figures follow them too.
            viewModel.warehouseFilter().chosenProperty().addListener(redraw);
            showTotal(tile, note, unknown, holder, total);
            // A note that wraps to another line (a warehouse's name, "2 of 3 chosen warehouses report") left
            // TilesFX's number sized for a passing layout, a third of its size, until the value next changed:
            // the tile sizes its texts again once the note has its height.
            note.heightProperty().addListener(o -> tile.fireTileEvt(new TileEvt(tile, TileEvt.RESIZE)));
        }
    }

    /** Runs on the FX thread only: the view model's apply is delivered there, and TilesFX does not marshal. */
    private void showTotal(Tile tile, Label note, Label unknown, StackPane holder, StockTotal total) {
        Long sum = total.getSum();
        boolean isUnknown = sum == null;
        unknown.setVisible(isUnknown);
        tile.setValueVisible(!isUnknown);
        tile.setValue(isUnknown ? 0 : sum);
        holder.pseudoClassStateChanged(UNKNOWN, isUnknown);
        holder.pseudoClassStateChanged(PARTIAL, total.isPartial());
        note.pseudoClassStateChanged(PARTIAL, total.isPartial());
        String text;
        List<Warehouse> chosen = viewModel.warehouseFilter().chosenWarehouses();
        if (total.getWarehouses() == 0) {
            text = "";
        } else if (chosen.size() == 1) {
            text = messages.format(isUnknown ? "stock.tile.oneWarehouse.none" : "stock.tile.oneWarehouse",
                    FxWarehouseFilter.label(chosen.get(0)));
        } else if (!chosen.isEmpty()) {
            text = isUnknown ? messages.get("stock.tile.chosen.none")
                    : total.isPartial() ? messages.format("stock.tile.chosenPartial", total.getReporting(),
                    total.getWarehouses()) : messages.format("stock.tile.chosen", total.getWarehouses());
        } else if (isUnknown) {
            text = messages.get("stock.tile.noneReport");
        } else if (total.isPartial()) {
            text = messages.format("stock.tile.partial", total.getReporting(), total.getWarehouses());
        } else {
            text = messages.format("stock.tile.allReport", total.getWarehouses());
        }
        note.setText(text);
    }

    /** For tests: the tile of a total key ({@code onHand} … {@code tiktokAvailable}). */
    Tile tile(String key) {
        return tiles.get(key);
    }

    // ---- filter ---------------------------------------------------------------------------------

    private void bindFilter() {
        // Debounced: filtering 100k rows per keystroke would stall typing; the view model filters once
        // typing pauses for FILTER_DEBOUNCE. Changes from the view model still show at once.
        filterField.setText(viewModel.filterTextProperty().get());
        PauseTransition debounce = new PauseTransition(FILTER_DEBOUNCE);
        debounce.setOnFinished(e -> viewModel.filterTextProperty().set(filterField.getText()));
        filterField.textProperty().addListener((obs, o, n) -> {
            if (!Objects.equals(n, viewModel.filterTextProperty().get())) {
                debounce.playFromStart();
            }
        });
        viewModel.filterTextProperty().addListener((obs, o, n) -> {
            if (!Objects.equals(n, filterField.getText())) {
                filterField.setText(n);
            }
        });
        gapsOnlyToggle.selectedProperty().bindBidirectional(viewModel.gapsOnlyProperty());
        FxWarehouseFilter.bind(warehouseChoice, viewModel.warehouseFilter(), messages);
    }

    // ---- table ----------------------------------------------------------------------------------

    private void bindTable() {
        textColumn(sellerSkuColumn, StockRowViewModel::sellerSku);
        textColumn(nameColumn, StockRowViewModel::name);
        textColumn(warehouseColumn, StockRowViewModel::warehouseLabel);
        // A cut SKU ("TTS-RNG-12-…") is useless when 19 rows start alike: the full text on hover.
        sellerSkuColumn.setCellFactory(c -> new TextCell(true));
        nameColumn.setCellFactory(c -> new TextCell(false));
        warehouseColumn.setCellFactory(c -> new TextCell(false));
        Map<Bucket, TableColumn<StockRowViewModel, Integer>> bucketColumns = new LinkedHashMap<>();
        bucketColumns.put(Bucket.ON_HAND, onHandColumn);
        bucketColumns.put(Bucket.AVAILABLE, availableColumn);
        bucketColumns.put(Bucket.RESERVED, reservedColumn);
        bucketColumns.put(Bucket.IN_TRANSIT, inTransitColumn);
        bucketColumns.put(Bucket.QC_HOLD, qcHoldColumn);
        bucketColumns.put(Bucket.FROZEN, frozenColumn);
        bucketColumns.put(Bucket.RETURN_PENDING_QC, returnPendingQcColumn);
        bucketColumns.forEach((bucket, column) -> numberColumn(column, r -> r.bucket(bucket), false));
        numberColumn(returnsPoolColumn, StockRowViewModel::returnsPool, false);
        numberColumn(tiktokAvailableColumn, StockRowViewModel::tiktokAvailable, false);
        numberColumn(gapColumn, StockRowViewModel::gap, true);
        gapColumn.setCellFactory(c -> new GapCell());

        ageColumn(ageColumn, StockRowViewModel::warehouseSnapshotAt);
        ageColumn(tiktokAgeColumn, StockRowViewModel::tiktokSnapshotAt);
        // Everything fits 1366 px beside the sidebar; headers too long for their column wrap to two lines
        // (app.css), and every header and cut cell carries its full text as a tooltip.
        for (TableColumn<StockRowViewModel, ?> column : stockTable.getColumns()) {
            if (column.getStyleClass().contains("number-column")) {
                column.setPrefWidth(62);
            }
        }
        tiktokAvailableColumn.setPrefWidth(76);
        gapColumn.setPrefWidth(58);
        returnsPoolColumn.setPrefWidth(62);

        stockTable.setItems(viewModel.sortedRows());
        bindSelection();
        // The headers exist once the table is laid out; they are looked for again after each refresh.
        stockTable.skinProperty().addListener((obs, o, skin) -> installHeaderTips());
        viewModel.appliedSnapshotsProperty().addListener(o -> installHeaderTips());
        viewModel.sortedRows().addListener((ListChangeListener<StockRowViewModel>) c -> fitSkuColumn());
        // TableView's own comparator reads every compared value through the cell value factory (a new
        // wrapper per call): 1.3 s to sort 20k rows here. Comparing the row values directly gives the
        // same order (same column comparators, descending reversed like TableColumnComparator).
        stockTable.setSortPolicy(table -> {
            // The age columns' order moves with every sync's newer times; the figures' orders do not.
            viewModel.sortedRows().setComparator(rowComparator(), stockTable.getSortOrder().contains(ageColumn)
                    || stockTable.getSortOrder().contains(tiktokAgeColumn));
            return true;
        });
    }

    private final Map<TableColumn<StockRowViewModel, ?>, Function<StockRowViewModel, ?>> sortKeys = new HashMap<>();
    /** Each sortable column's order of known (non-null) values. */
    private final Map<TableColumn<StockRowViewModel, ?>, Comparator<?>> knownOrders = new HashMap<>();

    /** The widest SKU column the fit sets by itself; wider is the person's to drag. */
    private static final double MAX_FITTED_SKU_WIDTH = 240;
    /** Width of the longest SKU fitted so far; the column is widened again only for a longer one. */
    private double fittedSkuWidth;
    /** Characters of the longest SKU measured so far. */
    private int fittedSkuLength;

    /**
     * Sizes the SKU column to its longest SKU (up to {@link #MAX_FITTED_SKU_WIDTH}), measured in the cells'
     * font. Only ever widens, and only when a longer SKU shows up, so a width the person dragged stays.
     */
    private void fitSkuColumn() {
        String longest = viewModel.longestSku();
        // Found off the FX thread with the rows. Measured only when a longer SKU shows up: the cell font's
        // look-up searches the whole table.
        if (longest.length() <= fittedSkuLength) {
            return;
        }
        fittedSkuLength = longest.length();
        Text probe = new Text(longest);
        probe.setFont(stockTable.lookup(".table-cell") instanceof Labeled cell ? cell.getFont() : Font.getDefault());
        double width = Math.min(MAX_FITTED_SKU_WIDTH, Math.ceil(probe.getLayoutBounds().getWidth()) + 24);
        if (width > fittedSkuWidth + 1) {
            fittedSkuWidth = width;
            sellerSkuColumn.setPrefWidth(Math.max(sellerSkuColumn.getWidth(), width));
        }
    }

    /**
     * Full header texts on hover ("TikTok returns pool" where the header reads "TikTok…"): each header
     * node carries its column's id, so its hover tooltip goes on once the table's skin has built them, made on
     * the first hover ({@link FxHoverTip}: fifteen popup windows made inside the apply that first found the
     * headers cost a long pulse). Only the header row is searched (not the table's cells).
     */
    private void installHeaderTips() {
        Node headerRow = stockTable.lookup(".column-header-background");
        if (headerRow == null) {
            return;
        }
        for (TableColumn<StockRowViewModel, ?> column : stockTable.getColumns()) {
            if (!headerTips().containsKey(column)) {
                continue;
            }
            for (Node header : headerRow.lookupAll("#" + column.getId())) {
                if (!header.getProperties().containsKey(HEADER_TIP)) {
                    header.getProperties().put(HEADER_TIP, FxHoverTip.on(header, () -> headerTipText(header)));
                }
            }
        }
    }

    /** The full text of the column whose header is {@code header}, or "" for another node. */
    String headerTipText(Node header) {
        if (header != null) {
            for (Map.Entry<TableColumn<StockRowViewModel, ?>, String> tip : headerTips().entrySet()) {
                if (tip.getKey().getId() != null && tip.getKey().getId().equals(header.getId())) {
                    return messages.get(tip.getValue());
                }
            }
        }
        return "";
    }

    /** Where a header node keeps its {@link FxHoverTip}. */
    private static final String HEADER_TIP = "stocklens.headerTip";

    /** The bundle key of each column's header tooltip. */
    private Map<TableColumn<StockRowViewModel, ?>, String> headerTips() {
        Map<TableColumn<StockRowViewModel, ?>, String> tips = new HashMap<>();
        tips.put(sellerSkuColumn, "stock.column.sellerSku.tip");
        tips.put(nameColumn, "stock.column.name.tip");
        tips.put(warehouseColumn, "stock.column.warehouse.tip");
        tips.put(onHandColumn, "stock.column.onHand.tip");
        tips.put(availableColumn, "stock.column.available.tip");
        tips.put(reservedColumn, "stock.column.reserved.tip");
        tips.put(inTransitColumn, "stock.column.inTransit.tip");
        tips.put(qcHoldColumn, "stock.column.qcHold.tip");
        tips.put(frozenColumn, "stock.column.frozen.tip");
        tips.put(returnPendingQcColumn, "stock.column.returnPendingQc.tip");
        tips.put(returnsPoolColumn, "stock.column.returnsPool.tip");
        tips.put(tiktokAvailableColumn, "stock.column.tiktokAvailable.tip");
        tips.put(gapColumn, "stock.column.gap.tip");
        tips.put(ageColumn, "stock.column.age.tip");
        tips.put(tiktokAgeColumn, "stock.column.tiktokAge.tip");
        return tips;
    }

    /**
     * Several rows can be selected (Ctrl+C copies them); the selection and the keyboard focus come back by
     * row key after every refresh, whether the view model replaced the rows or patched them.
     */
    private void bindSelection() {
        stockTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        stockTable.getSelectionModel().getSelectedItems()
                .addListener((ListChangeListener<StockRowViewModel>) c -> rememberSelection());
        stockTable.getFocusModel().focusedItemProperty().addListener(o -> rememberSelection());
        viewModel.appliedSnapshotsProperty().addListener(o -> restoreSelection());
        viewModel.selectionRestoredProperty().addListener(o -> restoreSelection());
        restoreSelection();
    }

    private boolean restoring;

    private void rememberSelection() {
        if (restoring || viewModel.isApplying()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (StockRowViewModel r : stockTable.getSelectionModel().getSelectedItems()) {
            if (r != null) {
                keys.add(r.key());
            }
        }
        StockRowViewModel focused = stockTable.getFocusModel().getFocusedItem();
        viewModel.rememberSelection(keys, focused == null ? null : focused.key());
    }

    /** Selects again, by key, the rows the person had selected, and puts the keyboard focus back. */
    private void restoreSelection() {
        List<String> keys = viewModel.selectedKeys();
        String focusedKey = viewModel.focusedKey();
        if (keys.isEmpty() && focusedKey == null) {
            return;
        }
        Map<String, Integer> index = new HashMap<>();
        List<StockRowViewModel> items = stockTable.getItems();
        for (int i = 0; i < items.size(); i++) {
            index.put(items.get(i).key(), i);
        }
        restoring = true;
        try {
            var selection = stockTable.getSelectionModel();
            selection.clearSelection();
            for (String key : keys) {
                Integer i = index.get(key);
                if (i != null) {
                    selection.select(i);
                }
            }
            Integer focus = focusedKey == null ? null : index.get(focusedKey);
            if (focus != null) {
                stockTable.getFocusModel().focus(focus);
            }
        } finally {
            restoring = false;
        }
    }
    /**
     * The table's sort order as one comparator over row values; null (base order) when unsorted. The
     * directions are read now, so the comparator never changes its answers: the stock view model also
     * sorts with it off the FX thread. Unknown values sort last in both directions.
     */
    @SuppressWarnings("unchecked")
    private Comparator<StockRowViewModel> rowComparator() {
        Comparator<StockRowViewModel> result = null;
        for (TableColumn<StockRowViewModel, ?> column : stockTable.getSortOrder()) {
            Function<StockRowViewModel, ?> key = sortKeys.get(column);
            if (key == null || !column.isSortable()) {
                continue;
            }
            Comparator<Object> known = (Comparator<Object>) knownOrders.get(column);
            boolean ascending = column.getSortType() == TableColumn.SortType.ASCENDING;
            Comparator<StockRowViewModel> byColumn = (a, b) -> {
                Object x = key.apply(a);
                Object y = key.apply(b);
                if (x == null || y == null) {
                    return x == null ? (y == null ? 0 : 1) : -1;
                }
                int c = known.compare(x, y);
                return ascending ? c : -c;
            };
            result = result == null ? byColumn : result.thenComparing(byColumn);
        }
        return result;
    }

    /** Age of one side's reading, re-rendered each tick; newest first is "ascending age", no reading last. */
    private void ageColumn(TableColumn<StockRowViewModel, Instant> column, Function<StockRowViewModel, Instant> at) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(at.apply(c.getValue())));
        sortKeys.put(column, at);
        knownOrders.put(column, (Instant a, Instant b) -> b.compareTo(a));
        column.setComparator(unknownLast(column, (Instant a, Instant b) -> b.compareTo(a)));
        column.setCellFactory(c -> new AgeCell(at));
    }

    private void textColumn(TableColumn<StockRowViewModel, String> column, Function<StockRowViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(unknownLast(column, String::compareTo));
        sortKeys.put(column, value);
        knownOrders.put(column, Comparator.<String>naturalOrder());
    }

    private void numberColumn(TableColumn<StockRowViewModel, Integer> column,
                              Function<StockRowViewModel, Integer> value, boolean signed) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(unknownLast(column, Integer::compare));
        sortKeys.put(column, value);
        knownOrders.put(column, Comparator.<Integer>naturalOrder());
        column.setCellFactory(c -> new NumberCell(signed));
    }

    /** Text that may not fit its column: the full text on hover (with the product name beside a SKU). */
    private final class TextCell extends TableCell<StockRowViewModel, String> {
        private final boolean sku;
        /** Made on the first hover, not with the cell: the first board's pulse makes no popup window. */
        private final FxHoverTip tip = FxHoverTip.on(this, this::tipText);

        TextCell(boolean sku) {
            this.sku = sku;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            tip.refresh();
        }

        /** The cell's full text, with the product's name under a seller SKU. */
        String tipText() {
            String item = isEmpty() ? null : getItem();
            if (item == null || item.isEmpty()) {
                return "";
            }
            StockRowViewModel row = getTableRow() == null ? null : getTableRow().getItem();
            return sku && row != null && !row.name().isEmpty() ? item + "\n" + row.name() : item;
        }
    }

    /** A right-aligned quantity; "—" and {@code :unknown} when the source does not report it. */
    private class NumberCell extends TableCell<StockRowViewModel, Integer> {
        private final boolean signed;

        NumberCell(boolean signed) {
            this.signed = signed;
            getStyleClass().add("number-cell");
            if (signed) {
                getStyleClass().add("gap-cell");
            }
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            boolean unknown = !empty && item == null;
            setText(empty ? null : signed ? Formats.signed(item, messages) : Formats.quantity(item, messages));
            pseudoClassStateChanged(UNKNOWN, unknown);
            pseudoClassStateChanged(GAP, signed && !empty && item != null && item != 0);
            pseudoClassStateChanged(OVERSELL, signed && !empty && item != null && item > 0);
        }
    }

    /**
     * The gap: highlighted when non-zero, and while the other side's reading of this sync cycle is on its
     * way, the last complete pair's gap in the pending style with a tooltip saying which side is awaited.
     */
    private final class GapCell extends NumberCell {
        /** Made on the first hover over a pending gap, as the text cells' are. */
        private final FxHoverTip tip = FxHoverTip.on(this, this::tipText);

        GapCell() {
            super(true);
        }

        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(PENDING, pendingRow() != null);
            tip.refresh();
        }

        /** The row on show when its gap is the last complete pair's (a side's reading awaited), else null. */
        private StockRowViewModel pendingRow() {
            StockRowViewModel row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
            return row != null && row.gapPending() ? row : null;
        }

        /** Which side's reading the pending gap awaits, and since when the pair holds; "" when not pending. */
        String tipText() {
            StockRowViewModel row = pendingRow();
            return row == null ? "" : messages.format(row.awaitingTikTok() ? "stock.gap.pending.tiktok"
                    : "stock.gap.pending.warehouse", Formats.beijingTime(row.gapPairedAt()));
        }
    }

    /**
     * Age of one side's figure, re-rendered on each tick. The listener is weak so a cell never keeps
     * itself alive through the view model; cells live as long as the table.
     */
    private final class AgeCell extends TableCell<StockRowViewModel, Instant> {
        private final InvalidationListener onTick = obs -> render();
        /** The side's reading time of a row: the warehouse's or TikTok's. */
        private final Function<StockRowViewModel, Instant> time;

        AgeCell(Function<StockRowViewModel, Instant> time) {
            this.time = time;
            getStyleClass().addAll("number-cell", "age-cell");
            viewModel.nowProperty().addListener(new WeakInvalidationListener(onTick));
        }

        @Override
        protected void updateItem(Instant item, boolean empty) {
            super.updateItem(item, empty);
            render();
        }

        private void render() {
            // The row's own time, not the cell's item: a row kept through a sync (same figures) reads newer
            // times in place, and its cell is not updated for it (issue 20's diff apply).
            StockRowViewModel row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
            Instant at = isEmpty() ? null : row != null ? time.apply(row) : getItem();
            if (isEmpty()) {
                setText(null);
            } else {
                setText(Formats.age(viewModel.ageOf(at), messages));
            }
            pseudoClassStateChanged(UNKNOWN, !isEmpty() && at == null);
            pseudoClassStateChanged(STALE, !isEmpty() && at != null && viewModel.isStale(at));
        }
    }

    // ---- open, copy, export ----------------------------------------------------------------------

    private void bindKeys() {
        stockTable.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                openFocused();
                e.consume();
            }
        });
        stockTable.setRowFactory(t -> {
            TableRow<StockRowViewModel> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
    }

    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    /** Ctrl+C: the selected rows, in table order, as tab-separated text (pastes into a sheet as cells). */
    void copySelection() {
        List<StockRowViewModel> rows = new ArrayList<>();
        List<Integer> indices = new ArrayList<>(stockTable.getSelectionModel().getSelectedIndices());
        indices.sort(Integer::compare);
        for (int i : indices) {
            if (i >= 0 && i < stockTable.getItems().size()) {
                rows.add(stockTable.getItems().get(i));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(StockExportViewModel.tsv(rows));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void openFocused() {
        StockRowViewModel row = stockTable.getFocusModel().getFocusedItem();
        if (row == null) {
            row = stockTable.getSelectionModel().getSelectedItem();
        }
        if (row != null) {
            open(row);
        }
    }

    private void open(StockRowViewModel row) {
        if (onOpenSku != null) {
            onOpenSku.accept(row);
        }
    }

    private void bindExport() {
        if (export == null) {
            exportButton.setVisible(false);
            exportButton.setManaged(false);
            return;
        }
        exportXlsx.setOnAction(e -> export.export(ReportFormat.XLSX, List.copyOf(stockTable.getItems())));
        exportCsv.setOnAction(e -> export.export(ReportFormat.CSV, List.copyOf(stockTable.getItems())));
        var state = export.state();
        exportButton.disableProperty().bind(state.busyProperty());
        exportProgress.visibleProperty().bind(state.busyProperty());
        exportProgress.managedProperty().bind(state.busyProperty());
        InvalidationListener status = o -> {
            String error = state.errorProperty().get();
            var saved = state.savedProperty().get();
            String text = error != null ? messages.format("export.failed", error)
                    : saved != null ? messages.format("export.saved", saved.toString()) : null;
            exportStatus.setText(text);
            exportStatus.setVisible(text != null);
            exportStatus.setManaged(text != null);
            exportStatus.pseudoClassStateChanged(FAILED, error != null);
        };
        state.errorProperty().addListener(status);
        state.savedProperty().addListener(status);
    }

    // ---- freshness ------------------------------------------------------------------------------

    private void bindFreshness() {
        // The chips wrap within the bar's width (a source that went stale is first, never wrapped away).
        freshnessChips.prefWrapLengthProperty().bind(Bindings.createDoubleBinding(() -> freshnessBar.getWidth()
                - freshnessBar.getInsets().getLeft() - freshnessBar.getInsets().getRight(),
                freshnessBar.widthProperty(), freshnessBar.insetsProperty()));
        viewModel.chips().addListener((ListChangeListener<FreshnessChipViewModel>) c -> rebuildChips());
        rebuildChips();
    }

    private void rebuildChips() {
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        for (FreshnessChipViewModel chip : viewModel.chips()) {
            Label label = new Label();
            label.setId("freshnessChip-" + i++);
            label.getStyleClass().add("freshness-chip");
            label.getStyleClass().add(chip.isShop() ? "shop-chip" : "warehouse-chip");
            label.setAlignment(Pos.CENTER_LEFT);
            Tooltip tooltip = new Tooltip();
            label.setTooltip(tooltip);
            // A chip view model lives while its source and warehouse stay on the board; these listeners go with it.
            InvalidationListener update = obs -> renderChip(label, tooltip, chip);
            chip.ageProperty().addListener(update);
            chip.staleProperty().addListener(update);
            chip.freshnessProperty().addListener(update);
            chip.syncingProperty().addListener(update);
            renderChip(label, tooltip, chip);
            nodes.add(label);
        }
        freshnessChips.getChildren().setAll(nodes);
    }

    private void renderChip(Label label, Tooltip tooltip, FreshnessChipViewModel chip) {
        StringBuilder text = new StringBuilder(chip.sourceName());
        // A CSV warehouse is its own source: its name once, not "Manila … · Manila …".
        if (chip.warehouseName() != null && !chip.warehouseName().equals(chip.sourceName())) {
            text.append(" · ").append(chip.warehouseName());
        }
        if (chip.freshness().manual()) {
            text.append(" · ").append(messages.get("status.chip.manual"));
        }
        // Where its sync stands (issue 16 item 4): syncing with the requests so far (of the last full
        // read's), or failed; a done sync shows the snapshot's age alone.
        FreshnessChipViewModel.State state = chip.state();
        SyncProgress.Running running = chip.syncingProperty().get();
        int lastRequests = chip.freshness().requests();
        if (state == FreshnessChipViewModel.State.SYNCING) {
            text.append(" · ").append(running.requests() < 0 ? messages.get("status.chip.syncing")
                    : lastRequests > 0 ? messages.format("status.chip.syncingOf", running.requests(), lastRequests)
                    : messages.format("status.chip.syncingRequests", running.requests()));
        } else if (state == FreshnessChipViewModel.State.FAILED) {
            text.append(" · ").append(messages.get("status.chip.failed"));
        }
        text.append(" · ").append(Formats.ago(chip.getAge(), messages));
        label.setText(text.toString());
        label.pseudoClassStateChanged(STALE, chip.isStale());
        label.pseudoClassStateChanged(SYNCING, state == FreshnessChipViewModel.State.SYNCING);
        label.pseudoClassStateChanged(FAILED, state == FreshnessChipViewModel.State.FAILED);

        var f = chip.freshness();
        StringBuilder tip = new StringBuilder();
        if (running != null) {
            tip.append(messages.format("status.chip.syncingSince", Formats.beijingTime(running.startedAt()),
                    Math.max(0, running.requests()))).append('\n');
        }
        tip.append(messages.format("status.chip.snapshotAt", Formats.beijingTime(f.lastSnapshotAt())));
        tip.append('\n').append(f.manual() ? messages.format("status.chip.manualStats", f.rows())
                : messages.format("status.chip.stats", f.rows(), f.requests(), f.durationMillis()));
        if (chip.isStale()) {
            tip.append('\n').append(messages.format("status.chip.stale", viewModel.window().toMinutes()));
        }
        if (f.lastError() != null) {
            tip.append('\n').append(messages.format("status.chip.lastError", f.lastError()));
        }
        FreshnessChipViewModel.Polling polling = chip.polling();
        if (polling != null) {
            // Team mode: one desk polls each source; the others show what it stored.
            tip.append('\n').append(polling.here() ? messages.get("status.chip.polledHere")
                    : polling.desk() != null ? messages.format("status.chip.polledBy", polling.desk())
                    : messages.get("status.chip.polledByNobody"));
        }
        tooltip.setText(tip.toString());
    }

    // ---- counts ---------------------------------------------------------------------------------

    private void bindCounts() {
        InvalidationListener counts = obs -> {
            int shown = viewModel.shownCountProperty().get();
            int total = viewModel.totalCountProperty().get();
            rowCountLabel.setText(shown == total
                    ? messages.format("stock.rows", total)
                    : messages.format("stock.rows.filtered", shown, total));
        };
        InvalidationListener gaps = obs -> {
            int n = viewModel.gapCountProperty().get();
            gapsOnlyToggle.setText(messages.format("stock.gapsOnly", n));
            gapsOnlyToggle.pseudoClassStateChanged(GAP, n > 0);
        };
        viewModel.gapCountProperty().addListener(gaps);
        gaps.invalidated(null);
        viewModel.shownCountProperty().addListener(counts);
        viewModel.totalCountProperty().addListener(counts);
        counts.invalidated(null);

        viewModel.loadErrorProperty().addListener((obs, o, error) -> {
            boolean show = error != null;
            loadErrorLabel.setText(show ? messages.format("stock.loadError", error) : null);
            loadErrorLabel.setVisible(show);
            loadErrorLabel.setManaged(show);
        });
    }

    /**
     * A column comparator over precomputed values that keeps unknown ({@code null}) values at the
     * bottom in both sort directions: the seller sorts to find the biggest or smallest real figure,
     * and a page of dashes first would hide it.
     */
    private static <T> Comparator<T> unknownLast(TableColumn<?, T> column, Comparator<T> known) {
        return (a, b) -> {
            if (a == b) {
                return 0;
            }
            // TableView reverses the comparator for a descending column; pre-invert so null stays last.
            boolean ascending = column.getSortType() == TableColumn.SortType.ASCENDING;
            if (a == null) {
                return ascending ? 1 : -1;
            }
            if (b == null) {
                return ascending ? -1 : 1;
            }
            return known.compare(a, b);
        };
    }
}
