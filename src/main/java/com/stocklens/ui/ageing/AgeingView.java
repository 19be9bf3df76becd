package com.stocklens.ui.ageing;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.FxWarehouseFilter;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenServices;
import com.stocklens.ui.ScreenView;
import com.stocklens.ui.UiContext;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * Controller of {@code AgeingView.fxml}: draws the {@link AgeingViewModel}'s buckets and trend, and
 * turns a double-click or Enter on an old SKU into a click-through to the stock screen. Bucket colours
 * come from CSS ({@code .ageing-chart .default-colorN}), ordered young → old, > 180 days in warning colours,
 * and units of unknown age as a grey segment on top ({@code default-color7}).
 */
public final class AgeingView implements ScreenView {

    private final AgeingViewModel viewModel;
    private final Messages messages;
    private final Consumer<String> openSku;
    private final NumberFormat oneDecimal;

    @FXML private BorderPane ageingRoot;
    @FXML private Label ageingSummary;
    @FXML private Label loadErrorLabel;
    @FXML private CheckComboBox<Warehouse> warehouseChoice;
    @FXML private StackedBarChart<String, Number> bucketChart;
    @FXML private CategoryAxis warehouseAxis;
    @FXML private LineChart<Number, Number> trendChart;
    @FXML private NumberAxis dayAxis;
    @FXML private NumberAxis shareAxis;
    @FXML private TableView<OldSkuRowViewModel> oldestTable;
    @FXML private TableColumn<OldSkuRowViewModel, String> skuColumn;
    @FXML private TableColumn<OldSkuRowViewModel, String> warehouseColumn;
    @FXML private TableColumn<OldSkuRowViewModel, Integer> oldestColumn;
    @FXML private TableColumn<OldSkuRowViewModel, Integer> over180Column;
    @FXML private TableColumn<OldSkuRowViewModel, Integer> unitsColumn;
    @FXML private TableColumn<OldSkuRowViewModel, Double> supplyColumn;

    private final XYChart.Series<Number, Number> shareSeries = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> bandSeries = new XYChart.Series<>();
    private final ListChangeListener<WarehouseAges> barsListener = c -> drawBars();
    private final ListChangeListener<AgeTrendPoint> trendListener = c -> drawTrend();
    private final ChangeListener<LocalDate> trendEndListener = (obs, o, n) -> drawTrend();

    /** The ageing screen ({@code Screen.AGEING}), at the moment the window shows. */
    public static ScreenView screen(ScreenServices s) {
        UiContext.Reports reports = s.context().reports();
        AgeingViewModel vm = new AgeingViewModel(reports.ageing(), reports.demand(), s.context().stock().board(),
                s.clock(), s.context().shell().thresholds().demandWindowDays(), s.background(), s.ui());
        AgeingView view = FxViewLoader.load(new AgeingView(vm, s.messages(), s.window()::showStock),
                s.messages().bundle());
        vm.showMoment(s.moment());
        return view;
    }

    /** @param openSku called with a seller SKU when the person opens a row (the stock screen, filtered) */
    public AgeingView(AgeingViewModel viewModel, Messages messages, Consumer<String> openSku) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.openSku = Objects.requireNonNull(openSku, "openSku");
        this.oneDecimal = NumberFormat.getNumberInstance(messages.locale());
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindBars();
        bindTrend();
        bindTable();
    }

    /** The root of the screen. */
    public BorderPane root() {
        return ageingRoot;
    }

    /** Unsubscribes from the view model's lists. */
    public void dispose() {
        viewModel.warehouses().removeListener(barsListener);
        viewModel.shownTrend().removeListener(trendListener);
        viewModel.trendEndProperty().removeListener(trendEndListener);
    }

    @Override
    public void showMoment(Instant at) {
        viewModel.showMoment(at);
    }

    @Override
    public void refresh() {
        viewModel.refresh();
    }

    @Override
    public void close() {
        dispose();
        viewModel.close();
    }

    private void bindHeader() {
        FxWarehouseFilter.bind(warehouseChoice, viewModel.warehouseFilter(), messages);
        ageingSummary.textProperty().bind(Bindings.createStringBinding(() -> {
            Double share = viewModel.over180ShareProperty().get();
            Double known = viewModel.ageKnownProperty().get();
            if (known == null) {
                return "";
            }
            return share == null ? messages.get("ageing.summary.unknown")
                    : messages.format("ageing.summary", oneDecimal.format(share), oneDecimal.format(known));
        }, viewModel.over180ShareProperty(), viewModel.ageKnownProperty()));
        loadErrorLabel.textProperty().bind(viewModel.loadErrorProperty()
                .map(e -> messages.format("ageing.loadError", e)).orElse(""));
        loadErrorLabel.visibleProperty().bind(viewModel.loadErrorProperty().isNotNull());
        loadErrorLabel.managedProperty().bind(loadErrorLabel.visibleProperty());
    }

    // ---- stacked bars ----------------------------------------------------------------------------

    private void bindBars() {
        viewModel.warehouses().addListener(barsListener);
        drawBars();
    }

    private void drawBars() {
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        // Every warehouse with stock has a bar: past a handful of them, names are cut short so the upright labels
        // do not squash the plot (the table below gives the full names).
        boolean many = viewModel.warehouses().size() > FULL_NAMES_UP_TO;
        Map<WarehouseAges, String> names = new LinkedHashMap<>();
        for (WarehouseAges w : viewModel.warehouses()) {
            String name = many ? shortName(w.label()) : w.label();
            names.put(w, names.containsValue(name) ? w.label() : name);
        }
        List<String> categories = new ArrayList<>(names.values());
        // Young at the bottom, old on top: the warning colours sit where the eye lands first.
        for (AgeBucket bucket : AgeBucket.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(messages.format("ageing.bucket", bucket.label()));
            names.forEach((w, name) -> s.getData().add(new XYChart.Data<>(name, w.units(bucket))));
            series.add(s);
        }
        // Units of unknown age on top, in grey (.default-color7): never given a bucket, never left out.
        XYChart.Series<String, Number> unknown = new XYChart.Series<>();
        unknown.setName(messages.get("ageing.bucket.unknown"));
        names.forEach((w, name) -> unknown.getData().add(new XYChart.Data<>(name, w.unaged())));
        series.add(unknown);
        warehouseAxis.getCategories().setAll(categories);
        bucketChart.getData().setAll(series);
    }

    /** A warehouse name of at most {@value #LABEL_CHARS} characters ("ShipMonk Los…"). */
    static String shortName(String name) {
        return name.length() <= LABEL_CHARS ? name : name.substring(0, LABEL_CHARS - 1).strip() + "…";
    }

    private static final int LABEL_CHARS = 12;
    private static final int FULL_NAMES_UP_TO = 5;

    // ---- trend -----------------------------------------------------------------------------------

    private void bindTrend() {
        shareSeries.setName(messages.get("ageing.trend.series"));
        bandSeries.setName(messages.get("ageing.trend.band"));
        trendChart.getData().setAll(List.of(shareSeries, bandSeries));
        dayAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochDay) {
                return Formats.day(LocalDate.ofEpochDay(epochDay.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return LocalDate.parse(s, Formats.DAY).toEpochDay();
            }
        });
        // One point per pixel of plot width at most: more cannot be seen and only costs layout time.
        dayAxis.widthProperty().addListener((obs, o, w) -> {
            if (w.doubleValue() >= 2) {
                viewModel.pixelBudgetProperty().set((int) w.doubleValue());
            }
        });
        viewModel.shownTrend().addListener(trendListener);
        viewModel.trendEndProperty().addListener(trendEndListener);
        drawTrend();
    }

    private void drawTrend() {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (AgeTrendPoint p : viewModel.shownTrend()) {
            points.add(new XYChart.Data<>(p.day().toEpochDay(), p.over180Share()));
        }
        shareSeries.getData().setAll(points);
        LocalDate end = viewModel.trendEndProperty().get();
        if (points.isEmpty() && end == null) {
            bandSeries.getData().clear();
            dayAxis.setAutoRanging(true);
        } else if (points.isEmpty()) {
            // No point yet (a workspace without lots): still the year's days on the axis, never 1970.
            bandSeries.getData().clear();
            long last = end.toEpochDay();
            long first = last - AgeingViewModel.TREND_DAYS + 1;
            dayAxis.setAutoRanging(false);
            dayAxis.setLowerBound(first);
            dayAxis.setUpperBound(last);
            dayAxis.setTickUnit(Math.ceil((last - first) / 6.0));
        } else {
            // Exactly the days read: auto-ranging pads the axis by weeks on both sides.
            long first = points.get(0).getXValue().longValue();
            long last = points.get(points.size() - 1).getXValue().longValue();
            dayAxis.setAutoRanging(false);
            dayAxis.setLowerBound(first);
            dayAxis.setUpperBound(Math.max(last, first + 1));
            dayAxis.setTickUnit(Math.max(1, Math.ceil((last - first) / 6.0)));
            // The healthy ceiling (docs/DOMAIN.md §8: < 5%) as a flat line across the same days.
            bandSeries.getData().setAll(List.of(
                    new XYChart.Data<>(points.get(0).getXValue(), AgeingView.BAND),
                    new XYChart.Data<>(points.get(points.size() - 1).getXValue(), AgeingView.BAND)));
        }
    }

    /** The age-structure band of the health report, in percent. */
    private static final double BAND = 5.0;

    // ---- table -----------------------------------------------------------------------------------

    private void bindTable() {
        oldestTable.setItems(viewModel.oldest());
        skuColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sellerSku()));
        warehouseColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().warehouseLabel()));
        oldestColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().oldestDays()));
        over180Column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().over180Units()));
        unitsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().units()));
        supplyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().daysOfSupply()));
        oldestColumn.setCellFactory(c -> textCell(v -> v == null ? Formats.UNKNOWN
                : messages.format("ageing.days", Formats.quantity(v, messages))));
        over180Column.setCellFactory(c -> textCell(v -> Formats.quantity(v, messages)));
        unitsColumn.setCellFactory(c -> textCell(v -> Formats.quantity(v, messages)));
        supplyColumn.setCellFactory(c -> textCell(v -> v == null ? Formats.UNKNOWN
                : messages.format("ageing.days", oneDecimal.format(v))));
        oldestTable.setRowFactory(t -> {
            TableRow<OldSkuRowViewModel> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openSku.accept(row.getItem().sellerSku());
                }
            });
            return row;
        });
        oldestTable.setOnKeyPressed(e -> {
            OldSkuRowViewModel selected = oldestTable.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                openSku.accept(selected.sellerSku());
                e.consume();
            }
        });
    }

    private static <T> TableCell<OldSkuRowViewModel, T> textCell(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : format.apply(item));
            }
        };
    }
}
