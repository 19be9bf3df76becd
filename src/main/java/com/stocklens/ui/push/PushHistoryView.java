package com.stocklens.ui.push;

import com.stocklens.service.PushRecord;
import com.stocklens.ui.Formats;
import com.stocklens.ui.Messages;
import com.stocklens.ui.push.PushHistoryViewModel.AutoCsv;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** Controller of {@code PushHistoryView.fxml}: the audit, Undo and the settings, bound to the view model. */
public final class PushHistoryView {
    private final PushHistoryViewModel viewModel;
    private final Messages messages;
    private final PushTexts texts;

    @FXML private TabPane pushHistoryRoot;
    @FXML private Label historyError;
    @FXML private TableView<PushRecord> pushTable;
    @FXML private TableColumn<PushRecord, String> idColumn;
    @FXML private TableColumn<PushRecord, String> whenColumn;
    @FXML private TableColumn<PushRecord, String> byColumn;
    @FXML private TableColumn<PushRecord, String> scopeColumn;
    @FXML private TableColumn<PushRecord, String> statusColumn;
    @FXML private TableColumn<PushRecord, String> countsColumn;
    @FXML private TableView<PushRowViewModel> lineTable;
    @FXML private TableColumn<PushRowViewModel, String> lineSkuColumn;
    @FXML private TableColumn<PushRowViewModel, String> lineWarehouseColumn;
    @FXML private TableColumn<PushRowViewModel, String> lineChangeColumn;
    @FXML private TableColumn<PushRowViewModel, String> lineOutcomeColumn;
    @FXML private TableColumn<PushRowViewModel, String> lineWhyColumn;
    @FXML private Button undoButton;
    @FXML private Spinner<Integer> bufferSpinner;
    @FXML private Spinner<Integer> capSpinner;
    @FXML private CheckBox autoReturnsBox;
    @FXML private VBox autoCsvBox;
    @FXML private Label settingsError;
    @FXML private Button saveSettingsButton;

    public PushHistoryView(PushHistoryViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new PushTexts(messages);
    }

    @FXML
    private void initialize() {
        push(idColumn, p -> "#" + p.id());
        push(whenColumn, p -> Formats.beijingTime(p.startedAt()));
        push(byColumn, p -> p.automatic() ? messages.get("stockpush.by.auto") : p.by());
        push(scopeColumn, p -> texts.scope(p.scope())
                + (p.undoOf() == null ? "" : " · " + messages.format("stockpush.undoOf", p.undoOf())));
        push(statusColumn, p -> texts.status(p.status()));
        push(countsColumn, p -> messages.format("stockpush.counts", p.accepted(), p.refusedCount(), p.unitsChanged()));
        line(lineSkuColumn, PushRowViewModel::sellerSku);
        line(lineWarehouseColumn, PushRowViewModel::warehouseName);
        line(lineChangeColumn, r -> texts.change(r.before(), r.after()));
        line(lineOutcomeColumn, r -> texts.outcome(r.outcome()));
        line(lineWhyColumn, texts::why);
        lineTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PushRowViewModel item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PushPlanView.REFUSED, !empty && item != null && item.isRefused());
            }
        });
        pushTable.setItems(viewModel.history());
        lineTable.setItems(viewModel.lines());
        // The table's selection follows the view model's (a new undo push is selected) and the other way round.
        viewModel.selectedProperty().addListener((obs, o, p) -> {
            if (pushTable.getSelectionModel().getSelectedItem() != p) {
                pushTable.getSelectionModel().select(p);
            }
        });
        pushTable.getSelectionModel().selectedItemProperty().addListener((obs, o, p) -> {
            if (p != null) {
                viewModel.selectedProperty().set(p);
            }
        });
        undoButton.disableProperty().bind(viewModel.canUndoBinding().not());
        undoButton.setOnAction(e -> viewModel.undo());

        bufferSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 10_000, 0));
        capSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1_000_000, 500, 50));
        bufferSpinner.getValueFactory().valueProperty().addListener((obs, o, n) -> viewModel.bufferProperty().set(n));
        capSpinner.getValueFactory().valueProperty().addListener((obs, o, n) -> viewModel.dailyCapProperty().set(n));
        viewModel.bufferProperty().addListener((obs, o, n) -> bufferSpinner.getValueFactory().setValue(n.intValue()));
        viewModel.dailyCapProperty().addListener((obs, o, n) -> capSpinner.getValueFactory().setValue(n.intValue()));
        autoReturnsBox.selectedProperty().bindBidirectional(viewModel.autoReturnsProperty());
        viewModel.autoCsv().addListener((ListChangeListener<AutoCsv>) c -> renderAutoCsv());
        renderAutoCsv();
        saveSettingsButton.setOnAction(e -> viewModel.saveSettings());

        InvalidationListener error = o -> {
            String why = viewModel.errorProperty().get();
            for (Label l : new Label[] {historyError, settingsError}) {
                show(l, why != null);
                l.setText(why == null ? "" : messages.format("stockpush.error", why));
            }
        };
        viewModel.errorProperty().addListener(error);
        error.invalidated(null);
    }

    private void renderAutoCsv() {
        autoCsvBox.getChildren().clear();
        if (viewModel.autoCsv().isEmpty()) {
            autoCsvBox.getChildren().add(new Label(messages.get("stockpush.settings.noCsv")));
        }
        for (AutoCsv a : viewModel.autoCsv()) {
            CheckBox box = new CheckBox(messages.format("stockpush.settings.autoCsv.box", a.warehouse().name(),
                    a.warehouse().sourceId()));
            box.setId("autoCsv-" + a.warehouse().id());
            box.selectedProperty().bindBidirectional(a.on());
            autoCsvBox.getChildren().add(box);
        }
    }

    private static void push(TableColumn<PushRecord, String> column, Function<PushRecord, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static void line(TableColumn<PushRowViewModel, String> column, Function<PushRowViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    public TabPane root() {
        return pushHistoryRoot;
    }
}
