package com.stocklens.ui.health;

import com.stocklens.domain.Coverage;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthIndicator;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.ReportFormat;
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
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * Controller of {@code HealthView.fxml}: shows the {@link HealthViewModel}'s report. Each indicator is a
 * card with its value, its band, a plain verdict (pseudo-class {@code :healthy}, {@code :unhealthy},
 * {@code :unknown}, {@code :thin} for insufficient history, or {@code :info}) and what it rests on (days of
 * history, or the share of units of known age); the working is in the card's tooltip.
 */
public final class HealthView implements ScreenView {
    private final HealthViewModel viewModel;
    private final Messages messages;
    private final NumberFormat oneDecimal;
    private final NumberFormat twoDecimals;
    private final NumberFormat bandFormat;

    @FXML private BorderPane healthRoot;
    @FXML private Label periodLabel;
    @FXML private ProgressIndicator exportProgress;
    @FXML private Button exportXlsx;
    @FXML private Button exportPdf;
    @FXML private Button exportCsv;
    @FXML private ComboBox<Quarter> quarterChoice;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Label periodProblemLabel;
    @FXML private Label exportStatus;
    @FXML private Label loadErrorLabel;
    @FXML private TilePane cardPane;
    @FXML private CheckComboBox<Warehouse> warehouseChoice;
    @FXML private TableView<WarehouseHealthRow> warehouseTable;
    @FXML private TableColumn<WarehouseHealthRow, String> whNameColumn;
    @FXML private TableView<HealthReport.SkuHealth> skuTable;
    @FXML private TableColumn<HealthReport.SkuHealth, String> skuColumn;
    @FXML private TableColumn<HealthReport.SkuHealth, String> skuNameColumn;
    @FXML private TableColumn<HealthReport.SkuHealth, Number> soldColumn;
    @FXML private TableColumn<HealthReport.SkuHealth, Number> onHandColumn;
    @FXML private TableColumn<HealthReport.SkuHealth, Number> turnoverColumn;
    @FXML private TableColumn<HealthReport.SkuHealth, Number> over180Column;
    @FXML private TableColumn<HealthReport.SkuHealth, Number> excessColumn;
    @FXML private TableColumn<HealthReport.SkuHealth, Number> strandedColumn;
    @FXML private TableColumn<HealthReport.SkuHealth, Number> oldestColumn;
    @FXML private TableColumn<HealthReport.SkuHealth, Number> ageKnownColumn;

    private final ListChangeListener<HealthFigure> cardsListener = c -> drawCards();

    /** The health report screen ({@code Screen.HEALTH}), at the moment the window shows. */
    public static ScreenView screen(ScreenServices s) {
        UiContext.Reports reports = s.context().reports();
        HealthViewModel vm = new HealthViewModel(reports.health(), reports.exports(), s.context().stock().board(),
                s.dialogs(), s.clock(), s.locale(), s.background(), s.ui());
        HealthView view = FxViewLoader.load(new HealthView(vm, s.messages()), s.messages().bundle());
        vm.showMoment(s.moment());
        LocalDate[] days = s.window().snapshotDays();
        if (days != null && s.moment() == null) {
            // A snapshot file holds its own days, not the quarter around them: open on those.
            vm.selectRange(days[0], days[1]);
        }
        return view;
    }

    public HealthView(HealthViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.oneDecimal = NumberFormat.getNumberInstance(messages.locale());
        oneDecimal.setMaximumFractionDigits(1);
        oneDecimal.setMinimumFractionDigits(1);
        this.twoDecimals = NumberFormat.getNumberInstance(messages.locale());
        twoDecimals.setMaximumFractionDigits(2);
        twoDecimals.setMinimumFractionDigits(2);
        // Bands are settings like 45 or 5: "≤ 45 天", not "≤ 45.0 天"; a fractional band still shows its decimal.
        this.bandFormat = NumberFormat.getNumberInstance(messages.locale());
        bandFormat.setMaximumFractionDigits(1);
    }

    @FXML
    private void initialize() {
        bindPeriod();
        FxWarehouseFilter.bind(warehouseChoice, viewModel.warehouseFilter(), messages);
        bindExport();
        viewModel.overall().addListener(cardsListener);
        drawCards();
        bindWarehouseTable();
        bindSkuTable();
    }

    /** The root of the screen. */
    public BorderPane root() {
        return healthRoot;
    }

    /** Unsubscribes from the view model's lists. */
    public void dispose() {
        viewModel.overall().removeListener(cardsListener);
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

    // ---- period ----------------------------------------------------------------------------------

    private void bindPeriod() {
        quarterChoice.setItems(viewModel.quarters());
        quarterChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Quarter q) {
                return q == null ? "" : q.toString();
            }

            @Override
            public Quarter fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        // The view model decides the period; the controls mirror it and forward choices.
        // ISO days whatever the JVM's locale: "2026-01-01" reads the same to a Chinese and an English seller.
        fromPicker.setConverter(new LocalDateStringConverter(Formats.DAY, Formats.DAY));
        toPicker.setConverter(fromPicker.getConverter());
        viewModel.quarterProperty().subscribe(q -> quarterChoice.setValue(q));
        viewModel.fromProperty().subscribe(d -> fromPicker.setValue(d));
        viewModel.toProperty().subscribe(d -> toPicker.setValue(d));
        quarterChoice.setOnAction(e -> {
            Quarter q = quarterChoice.getValue();
            if (q != null && !q.equals(viewModel.quarterProperty().get())) {
                viewModel.selectQuarter(q);
            }
        });
        periodLabel.textProperty().bind(viewModel.reportProperty().map(r ->
                messages.format("health.period.shown", r.from().toString(), r.to().toString())).orElse(""));
        periodProblemLabel.textProperty().bind(viewModel.periodProblemProperty().map(messages::get).orElse(""));
        periodProblemLabel.visibleProperty().bind(viewModel.periodProblemProperty().isNotNull());
        periodProblemLabel.managedProperty().bind(periodProblemLabel.visibleProperty());
        loadErrorLabel.textProperty().bind(viewModel.loadErrorProperty()
                .map(e -> messages.format("health.loadError", e)).orElse(""));
        loadErrorLabel.visibleProperty().bind(viewModel.loadErrorProperty().isNotNull());
        loadErrorLabel.managedProperty().bind(loadErrorLabel.visibleProperty());
    }

    @FXML
    private void onApplyRange() {
        viewModel.selectRange(fromPicker.getValue(), toPicker.getValue());
    }

    // ---- export ----------------------------------------------------------------------------------

    private void bindExport() {
        var export = viewModel.export();
        var disabled = export.busyProperty().or(viewModel.reportProperty().isNull());
        exportXlsx.disableProperty().bind(disabled);
        exportPdf.disableProperty().bind(disabled);
        exportCsv.disableProperty().bind(disabled);
        exportProgress.visibleProperty().bind(export.busyProperty());
        exportProgress.managedProperty().bind(export.busyProperty());
        exportStatus.textProperty().bind(Bindings.createStringBinding(() ->
                export.errorProperty().get() != null ? messages.format("export.failed", export.errorProperty().get())
                        : export.savedProperty().get() != null
                        ? messages.format("export.saved", export.savedProperty().get().toString()) : "",
                export.errorProperty(), export.savedProperty()));
        exportStatus.visibleProperty().bind(exportStatus.textProperty().isNotEmpty());
        exportStatus.managedProperty().bind(exportStatus.visibleProperty());
        export.errorProperty().subscribe(e -> exportStatus.pseudoClassStateChanged(FAILED, e != null));
    }

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    @FXML
    private void onExportXlsx() {
        viewModel.exportTo(ReportFormat.XLSX);
    }

    @FXML
    private void onExportPdf() {
        viewModel.exportTo(ReportFormat.PDF);
    }

    @FXML
    private void onExportCsv() {
        viewModel.exportTo(ReportFormat.CSV);
    }

    // ---- cards -----------------------------------------------------------------------------------

    private void drawCards() {
        cardPane.getChildren().clear();
        for (HealthFigure f : viewModel.overall()) {
            Label name = new Label(messages.get("health.indicator." + f.indicator().name()));
            name.getStyleClass().add("card-name");
            name.setWrapText(true);
            Label value = new Label(value(f.indicator(), f.value()));
            value.getStyleClass().add("card-value");
            value.setId("cardValue-" + f.indicator().name());
            Label band = new Label(band(f));
            band.getStyleClass().add("card-band");
            Label verdict = new Label(messages.get("health.verdict." + f.verdict().name()));
            verdict.getStyleClass().add("card-verdict");
            verdict.setId("cardVerdict-" + f.indicator().name());
            Label coverage = new Label(coverage(f.coverage()));
            coverage.getStyleClass().add("card-coverage");
            coverage.setId("cardCoverage-" + f.indicator().name());
            coverage.setWrapText(true);
            VBox card = new VBox(name, value, band, verdict, coverage);
            card.setId("card-" + f.indicator().name());
            card.getStyleClass().add("indicator-card");
            applyVerdict(card, f);
            if (f.working() != null) {
                Tooltip tip = new Tooltip(f.working().in(messages.locale()));
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                tip.setShowDelay(Duration.millis(300));
                Tooltip.install(card, tip);
            }
            cardPane.getChildren().add(card);
        }
    }

    private static void applyVerdict(Node node, HealthFigure f) {
        String mine = HealthViewModel.pseudoClass(f == null ? null : f.verdict());
        for (String pc : HealthViewModel.pseudoClasses()) {
            node.pseudoClassStateChanged(PseudoClass.getPseudoClass(pc), pc.equals(mine));
        }
    }

    /** An indicator's value in its own unit; "—" when it cannot be computed. */
    String value(HealthIndicator indicator, Double v) {
        if (v == null || v.isNaN()) {
            return Formats.UNKNOWN;
        }
        return switch (indicator) {
            case TURNOVER_DAYS -> messages.format("health.unit.days", oneDecimal.format(v));
            case MOVING_SKU_RATE, OVER_180_SHARE -> oneDecimal.format(v) + "%";
            case SELL_THROUGH_AMAZON -> twoDecimals.format(v);
            case EXCESS_UNITS, STRANDED_UNITS -> messages.format("health.unit.units", Formats.quantity(Math.round(v), messages));
        };
    }

    /** What a figure rests on: "History: 1 of 66 days", "Age known for 79% of units"; empty when it says nothing. */
    String coverage(Coverage c) {
        if (c == null) {
            return "";
        }
        if (c.days() != null) {
            return messages.format("health.coverage.days", c.days(), c.ofDays());
        }
        Double known = c.unitPercent();
        return known == null ? "" : messages.format("health.coverage.units", oneDecimal.format(known));
    }

    private String band(HealthFigure f) {
        if (f.band() == null) {
            return messages.get("health.band.none");
        }
        return messages.format("health.band." + f.indicator().name(), bandFormat.format(f.band()));
    }

    // ---- tables ----------------------------------------------------------------------------------

    private void bindWarehouseTable() {
        warehouseTable.setItems(viewModel.warehouses());
        whNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().label()));
        for (HealthIndicator indicator : HealthIndicator.values()) {
            TableColumn<WarehouseHealthRow, HealthFigure> column =
                    new TableColumn<>(messages.get("health.indicator." + indicator.name()));
            column.setId("whColumn-" + indicator.name());
            column.getStyleClass().add("number");
            // Wide enough for the longest English header ("Amazon-style sell-through") at 1366 px.
            column.setPrefWidth(indicator == HealthIndicator.SELL_THROUGH_AMAZON ? 200 : 165);
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().figure(indicator)));
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(HealthFigure f, boolean empty) {
                    super.updateItem(f, empty);
                    boolean blank = empty || f == null;
                    setText(blank ? null : value(indicator, f.value()));
                    setTooltip(blank || f.working() == null ? null : new Tooltip(
                            messages.get("health.verdict." + f.verdict().name()) + " · " + coverage(f.coverage())
                                    + "\n" + f.working().in(messages.locale())));
                    getStyleClass().remove("verdict-cell");
                    if (!blank) {
                        getStyleClass().add("verdict-cell");
                    }
                    applyVerdict(this, blank ? null : f);
                }
            });
            warehouseTable.getColumns().add(column);
        }
    }

    private void bindSkuTable() {
        skuTable.setItems(viewModel.skus());
        skuColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().sellerSku()));
        skuNameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        numeric(soldColumn, HealthReport.SkuHealth::unitsSold, v -> Formats.quantity(v, messages));
        numeric(onHandColumn, HealthReport.SkuHealth::averageOnHand, oneDecimal::format);
        numeric(turnoverColumn, HealthReport.SkuHealth::turnoverDays,
                v -> messages.format("health.unit.days", oneDecimal.format(v)));
        numeric(over180Column, HealthReport.SkuHealth::over180Units, v -> Formats.quantity(v, messages));
        numeric(excessColumn, HealthReport.SkuHealth::excessUnits, v -> Formats.quantity(v, messages));
        numeric(strandedColumn, HealthReport.SkuHealth::strandedUnits, v -> Formats.quantity(v, messages));
        numeric(oldestColumn, HealthReport.SkuHealth::oldestDays,
                v -> messages.format("health.unit.days", Formats.quantity(v, messages)));
        numeric(ageKnownColumn, HealthReport.SkuHealth::ageKnownPercent, v -> oneDecimal.format(v) + "%");
    }

    private static void numeric(TableColumn<HealthReport.SkuHealth, Number> column,
                                Function<HealthReport.SkuHealth, Number> field, Function<Number, String> format) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(field.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? Formats.UNKNOWN : format.apply(item));
            }
        });
    }
}
