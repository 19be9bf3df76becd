package com.stocklens.ui.skudetail;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.Bucket;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Lot;
import com.stocklens.service.AlertRow;
import com.stocklens.service.SkuDetail;
import com.stocklens.service.SkuDetails;
import com.stocklens.service.TaskRow;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import com.stocklens.ui.flags.FlagTexts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The SKU detail pane in a window of its own beside the main one (Enter or a double-click on a stock row):
 * the SKU in every warehouse with TikTok and both reading ages side by side, its open red flags, the last
 * 30 days of stock and sales, its ages and lots, and its calibration history. Esc closes it. Decides
 * nothing: {@link SkuDetailViewModel} does.
 */
public final class SkuDetailView {
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass UNKNOWN = PseudoClass.getPseudoClass("unknown");
    static final PseudoClass GAP = PseudoClass.getPseudoClass("gap");
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    /** Fits a 1366×768 screen beside the taskbar, the smallest sellers use. */
    static final double WIDTH = 1180;
    static final double HEIGHT = 700;

    private final SkuDetailViewModel viewModel;
    private final Messages messages;
    private final FlagTexts texts;
    private final Clock clock;
    private final BorderPane root = new BorderPane();
    private final Timeline ticker;

    public SkuDetailView(SkuDetailViewModel viewModel, Messages messages, Clock clock) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new FlagTexts(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        root.setId("skuDetailRoot");
        root.getStyleClass().add("sku-detail");
        root.setTop(header());
        VBox body = new VBox(10,
                section("skuDetail.lines.title", lines()),
                columns(
                        new VBox(10, section("skuDetail.flags.title", flags()),
                                section("skuDetail.calibrations.title", calibrations())),
                        section("skuDetail.days.title", charts()), 0.5),
                columns(section("skuDetail.ageing.title", ageing()), section("skuDetail.lots.title", lots()), 0.6));
        body.setPadding(new Insets(0, 12, 12, 12));
        root.setCenter(body);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick(clock.instant())));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    /**
     * Opens the pane for {@code sellerSku} in a window owned by {@code owner}, reading as it shows it; closing
     * the window stops its reads. FX thread.
     */
    public static SkuDetailView show(Window owner, SkuDetailViewModel viewModel, Messages messages, Clock clock) {
        SkuDetailView view = new SkuDetailView(viewModel, messages, clock);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle(messages.format("skuDetail.title", viewModel.sellerSku()));
        Scene scene = new Scene(view.root, WIDTH, HEIGHT);
        FxTheme.style(view.root);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> view.close());
        view.start();
        stage.show();
        return view;
    }

    /** The pane's root (tests, previews). */
    public BorderPane root() {
        return root;
    }

    /** Loads and starts the ages ticking. */
    public void start() {
        viewModel.start();
        ticker.play();
    }

    /** Stops the ticker and the reads. */
    public void close() {
        ticker.stop();
        viewModel.close();
    }

    // ---- header ---------------------------------------------------------------------------------

    private Node header() {
        Label sku = new Label(viewModel.sellerSku());
        sku.setId("skuDetailSku");
        sku.getStyleClass().add("sku-detail-sku");
        Label name = new Label();
        name.setId("skuDetailName");
        name.getStyleClass().add("sku-detail-name");
        name.textProperty().bind(viewModel.nameProperty().map(n -> n).orElse(""));
        Label moment = new Label(viewModel.at() == null ? messages.get("skuDetail.now")
                : messages.format("skuDetail.asOf", Formats.beijingTime(viewModel.at())));
        moment.getStyleClass().add("sku-detail-moment");
        Label error = new Label();
        error.setId("skuDetailError");
        error.getStyleClass().add("load-error");
        error.textProperty().bind(viewModel.loadErrorProperty().map(e -> messages.format("skuDetail.loadError", e))
                .orElse(""));
        error.visibleProperty().bind(viewModel.loadErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Button close = new Button(messages.get("skuDetail.close"));
        close.setId("skuDetailClose");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            Window w = root.getScene() == null ? null : root.getScene().getWindow();
            if (w instanceof Stage s) {
                s.close();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, sku, name, gap, error, moment, close);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(12));
        header.getStyleClass().add("sku-detail-header");
        return header;
    }

    private Node section(String titleKey, Node content) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(4, title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    /** Two blocks side by side, {@code leftShare} of the width to the left one. */
    private static Node columns(Node left, Node right, double leftShare) {
        HBox row = new HBox(12, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        if (left instanceof Region l) {
            l.setPrefWidth(WIDTH * leftShare);
        }
        if (right instanceof Region r) {
            r.setPrefWidth(WIDTH * (1 - leftShare));
        }
        return row;
    }

    // ---- every warehouse beside TikTok ----------------------------------------------------------

    private Node lines() {
        TableView<SkuDetailViewModel.Line> table = table("skuDetailLines", "skuDetail.lines.empty", 150);
        table.setItems(viewModel.lines());
        text(table, "skuDetail.column.warehouse", SkuDetailViewModel.Line::warehouseLabel, 210);
        number(table, "stock.column.onHand", l -> l.level().get(Bucket.ON_HAND));
        number(table, "stock.column.available", l -> l.level().get(Bucket.AVAILABLE));
        number(table, "stock.column.reserved", l -> l.level().get(Bucket.RESERVED));
        number(table, "stock.column.inTransit", l -> l.level().get(Bucket.IN_TRANSIT));
        number(table, "stock.column.qcHold", l -> l.level().get(Bucket.QC_HOLD));
        number(table, "stock.column.frozen", l -> l.level().get(Bucket.FROZEN));
        number(table, "stock.column.returnPendingQc", l -> l.level().get(Bucket.RETURN_PENDING_QC));
        age(table, "skuDetail.column.warehouseAge", SkuDetailViewModel.Line::warehouseAt);
        number(table, "skuDetail.column.tiktokAvailable", SkuDetailViewModel.Line::tiktokAvailable);
        number(table, "skuDetail.column.tiktokCommitted", SkuDetailViewModel.Line::tiktokCommitted);
        age(table, "skuDetail.column.tiktokAge", SkuDetailViewModel.Line::tiktokAt);
        TableColumn<SkuDetailViewModel.Line, SkuDetailViewModel.Line> gap =
                new TableColumn<>(messages.get("skuDetail.column.gap"));
        gap.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        gap.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tip = new Tooltip(messages.get("skuDetail.gap.pending"));

            @Override
            protected void updateItem(SkuDetailViewModel.Line item, boolean empty) {
                super.updateItem(item, empty);
                Integer g = empty || item == null ? null : item.gap();
                setText(empty ? null : Formats.signed(g, messages));
                pseudoClassStateChanged(UNKNOWN, !empty && g == null);
                pseudoClassStateChanged(GAP, g != null && g != 0);
                boolean pending = !empty && item != null && item.gapPending();
                pseudoClassStateChanged(PENDING, pending);
                setTooltip(pending ? tip : null);
            }
        });
        gap.getStyleClass().add("number-column");
        gap.setPrefWidth(64);
        gap.setSortable(false);
        table.getColumns().add(gap);
        return table;
    }

    // ---- open red flags -------------------------------------------------------------------------

    private Node flags() {
        ListView<String> list = new ListView<>();
        list.setId("skuDetailFlags");
        list.getStyleClass().add("sku-detail-flags");
        list.setPrefHeight(96);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.loadedProperty().map(loaded -> messages.get(loaded
                ? "skuDetail.flags.empty" : "skuDetail.loading")));
        list.setPlaceholder(placeholder);
        InvalidationListener render = o -> {
            List<String> items = new ArrayList<>();
            for (TaskRow t : viewModel.openTasks()) {
                items.add(taskLine(t));
            }
            for (AlertRow a : viewModel.alerts()) {
                items.add(messages.format("skuDetail.flags.alert", texts.alertKind(a.alert().kind()),
                        a.warehouse() == null ? Formats.UNKNOWN : SkuDetailViewModel.label(a.warehouse())));
            }
            list.getItems().setAll(items);
        };
        viewModel.openTasks().addListener(render);
        viewModel.alerts().addListener(render);
        return list;
    }

    private String taskLine(TaskRow t) {
        CalibrationTask task = t.task();
        String where = t.warehouse() == null ? task.warehouseId() : SkuDetailViewModel.label(t.warehouse());
        String gap = Formats.signed(task.gap(), messages);
        return task.state() == CalibrationState.DECLARED
                ? messages.format("skuDetail.flags.declared", where, gap, texts.declaration(task.declaration()))
                : messages.format("skuDetail.flags.task", where, gap, Formats.beijingTime(task.deadline()));
    }

    // ---- calibration history --------------------------------------------------------------------

    private Node calibrations() {
        TableView<TaskRow> table = table("skuDetailCalibrations", "skuDetail.calibrations.empty", 120);
        table.setItems(viewModel.calibrations());
        text(table, "skuDetail.column.detectedAt", t -> Formats.beijingTime(t.task().detectedAt()), 162);
        text(table, "skuDetail.column.warehouse", t -> t.warehouse() == null ? t.task().warehouseId()
                : SkuDetailViewModel.label(t.warehouse()), 118);
        number(table, "skuDetail.column.figures.warehouse", t -> t.task().warehouseQuantity());
        number(table, "skuDetail.column.figures.tiktok", t -> t.task().tiktokQuantity());
        text(table, "skuDetail.column.gap", t -> Formats.signed(t.task().gap(), messages), 56);
        text(table, "skuDetail.column.state", t -> state(t.task()), 120);
        return table;
    }

    private String state(CalibrationTask t) {
        return switch (t.state()) {
            case OPEN -> messages.get("skuDetail.state.open");
            case DECLARED -> messages.format("skuDetail.state.declared", texts.cause(t.declaration() == null ? null
                    : t.declaration().cause()));
            case RESOLVED -> messages.format("skuDetail.state.resolved", Formats.beijingTime(t.closedAt()));
        };
    }

    // ---- the last 30 days -----------------------------------------------------------------------

    private Node charts() {
        LineChart<Number, Number> stock = chart("skuDetailStockChart", "skuDetail.days.stock");
        // A dot per day with a close: a short history (a new workspace) still shows its days.
        stock.setCreateSymbols(true);
        LineChart<Number, Number> sales = chart("skuDetailSalesChart", "skuDetail.days.sales");
        Label note = new Label();
        note.getStyleClass().add("sku-detail-note");
        note.setWrapText(true);
        viewModel.days().addListener((ListChangeListener<SkuDetail.Day>) c -> {
            XYChart.Series<Number, Number> onHand = new XYChart.Series<>();
            onHand.setName(messages.get("skuDetail.days.stock"));
            XYChart.Series<Number, Number> sold = new XYChart.Series<>();
            sold.setName(messages.get("skuDetail.days.sales"));
            int i = 0;
            boolean anySales = false;
            for (SkuDetail.Day d : viewModel.days()) {
                if (d.onHand() != null) {
                    onHand.getData().add(new XYChart.Data<>(i, d.onHand()));
                }
                if (d.unitsSold() != null) {
                    sold.getData().add(new XYChart.Data<>(i, d.unitsSold()));
                    anySales = true;
                }
                i++;
            }
            stock.getData().setAll(List.of(onHand));
            sales.getData().setAll(List.of(sold));
            note.setText(anySales ? "" : messages.get("skuDetail.days.noSales"));
        });
        VBox box = new VBox(2, stock, sales, note);
        return box;
    }

    private LineChart<Number, Number> chart(String id, String titleKey) {
        NumberAxis x = new NumberAxis(0, SkuDetails.DAYS - 1, 7);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number index) {
                List<SkuDetail.Day> days = viewModel.days();
                int i = index.intValue();
                return i >= 0 && i < days.size() ? Formats.day(days.get(i).day()) : "";
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("labels only");
            }
        });
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(messages.get(titleKey));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("sku-detail-chart");
        chart.setPrefHeight(128);
        chart.setMinHeight(110);
        return chart;
    }

    // ---- ages and lots --------------------------------------------------------------------------

    private Node ageing() {
        TableView<SkuDetailViewModel.AgeLine> table = table("skuDetailAgeing", "skuDetail.ageing.empty", 112);
        table.setItems(viewModel.ageing());
        text(table, "skuDetail.column.warehouse", SkuDetailViewModel.AgeLine::warehouseLabel, 130);
        for (AgeBucket b : AgeBucket.values()) {
            TableColumn<SkuDetailViewModel.AgeLine, Integer> c = number(table, null, a -> a.units(b));
            // Days in the section title; a bare "181–270" fits the column.
            c.setText(b.label());
            c.setPrefWidth(64);
        }
        number(table, "skuDetail.column.oldest", SkuDetailViewModel.AgeLine::oldestDays);
        return table;
    }

    private Node lots() {
        TableView<SkuDetailViewModel.LotLine> table = table("skuDetailLots", "skuDetail.lots.empty", 112);
        table.setItems(viewModel.lots());
        text(table, "skuDetail.column.warehouse", SkuDetailViewModel.LotLine::warehouseLabel, 150);
        text(table, "skuDetail.column.receivedOn", l -> l.receivedOn().toString(), 100);
        number(table, "skuDetail.column.units", SkuDetailViewModel.LotLine::units);
        text(table, "skuDetail.column.lotSource", l -> messages.get(l.source() == Lot.LotSource.PROVIDER
                ? "skuDetail.lotSource.provider" : "skuDetail.lotSource.observed"), 130);
        return table;
    }

    // ---- table helpers --------------------------------------------------------------------------

    private <T> TableView<T> table(String id, String emptyKey, double height) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().addAll("dense", "sku-detail-table");
        // Until the first read arrives the pane says it is reading, not that there is nothing.
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.loadedProperty().map(loaded -> messages.get(loaded ? emptyKey
                : "skuDetail.loading")));
        table.setPlaceholder(placeholder);
        table.setPrefHeight(height);
        table.setMinHeight(height * 0.8);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private <T> void text(TableView<T> table, String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        c.setPrefWidth(width);
        table.getColumns().add(c);
    }

    private <T> TableColumn<T, Integer> number(TableView<T> table, String key, Function<T, Integer> value) {
        TableColumn<T, Integer> c = new TableColumn<>(key == null ? "" : messages.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Formats.quantity(item, messages));
                pseudoClassStateChanged(UNKNOWN, !empty && item == null);
            }
        });
        c.getStyleClass().add("number-column");
        c.setPrefWidth(64);
        table.getColumns().add(c);
        return c;
    }

    private <T> void age(TableView<T> table, String key, Function<T, Instant> at) {
        TableColumn<T, Instant> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(at.apply(cd.getValue())));
        c.setCellFactory(col -> new AgeCell<>());
        c.getStyleClass().add("number-column");
        c.setPrefWidth(72);
        table.getColumns().add(c);
    }

    /** A reading's age, re-rendered each tick; red past the staleness window, a dash for none. */
    private final class AgeCell<T> extends TableCell<T, Instant> {
        private final InvalidationListener onTick = o -> render();

        AgeCell() {
            viewModel.nowProperty().addListener(new WeakInvalidationListener(onTick));
        }

        @Override
        protected void updateItem(Instant item, boolean empty) {
            super.updateItem(item, empty);
            render();
        }

        private void render() {
            Instant at = isEmpty() ? null : getItem();
            setText(isEmpty() ? null : Formats.age(viewModel.ageOf(at), messages));
            setTooltip(at == null ? null : new Tooltip(messages.format("skuDetail.readAt", Formats.beijingTime(at))));
            pseudoClassStateChanged(UNKNOWN, !isEmpty() && at == null);
            pseudoClassStateChanged(STALE, !isEmpty() && viewModel.isStale(at));
        }
    }
}
