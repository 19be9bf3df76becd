package com.stocklens.ui.mapping;

import com.stocklens.domain.MatchMethod;
import com.stocklens.ui.FxColumnFilters;
import com.stocklens.ui.FxReadOnly;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenServices;
import com.stocklens.ui.ScreenView;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;
import org.controlsfx.control.table.TableFilter;

/** Controller of {@code MappingView.fxml}: binds the {@link MappingViewModel}, nothing else. */
public final class MappingView implements ScreenView {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final MappingViewModel viewModel;
    private final Messages messages;

    @FXML private BorderPane mappingRoot;
    @FXML private Label summaryLabel;
    @FXML private CheckBox onlyProblems;
    @FXML private TextField filterField;
    @FXML private Label loadError;
    @FXML private TableView<MappingRowViewModel> mappingTable;
    @FXML private TableColumn<MappingRowViewModel, String> statusColumn;
    @FXML private TableColumn<MappingRowViewModel, String> skuColumn;
    @FXML private TableColumn<MappingRowViewModel, String> nameColumn;
    @FXML private TableColumn<MappingRowViewModel, String> tiktokColumn;
    @FXML private TableColumn<MappingRowViewModel, String> barcodeColumn;
    @FXML private TableColumn<MappingRowViewModel, String> codesColumn;
    @FXML private ComboBox<String> sourceBox;
    @FXML private TextField codeField;
    @FXML private TextField skuField;
    @FXML private Button assignButton;
    @FXML private Button clearButton;
    @FXML private Label statusLabel;
    private TableFilter<MappingRowViewModel> columnFilters;

    /** Ctrl+F on the SKU mapping screen focuses its filter. */
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    /** The SKU mapping screen ({@code Screen.MAPPING}); Ctrl+F focuses its filter. */
    public static ScreenView screen(ScreenServices s) {
        MappingViewModel vm = new MappingViewModel(s.context().setup().skuMappings(), s.context().stock().syncEvents(),
                s.context().shell().declarer(), s.background(), s.ui());
        MappingView view = FxViewLoader.load(new MappingView(vm, s.messages()), s.messages().bundle());
        if (s.window().readOnlyProperty().get()) {
            // The mappings of a snapshot file are the ones it was exported with: shown, never changed.
            FxReadOnly.lock(s.window().readOnlyReason(), view.sourceBox, view.codeField, view.skuField,
                    view.assignButton, view.clearButton);
        }
        view.root().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                view.focusFilter();
                e.consume();
            }
        });
        vm.start();
        return view;
    }

    public MappingView(MappingViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(Bindings.createStringBinding(() -> messages.format("mapping.summary",
                        viewModel.identitiesProperty().get(), viewModel.unmappedProperty().get(),
                        viewModel.conflictsProperty().get()),
                viewModel.identitiesProperty(), viewModel.unmappedProperty(), viewModel.conflictsProperty()));
        onlyProblems.selectedProperty().bindBidirectional(viewModel.onlyProblemsProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        loadError.textProperty().bind(viewModel.loadErrorProperty().map(e -> messages.format("mapping.loadError", e)).orElse(""));
        loadError.visibleProperty().bind(viewModel.loadErrorProperty().isNotNull());
        loadError.managedProperty().bind(loadError.visibleProperty());

        mappingTable.setItems(viewModel.rows());
        mappingTable.setPlaceholder(new Label(messages.get("mapping.empty")));
        column(statusColumn, r -> status(r.status()));
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                MappingRowViewModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
                pseudoClassStateChanged(PROBLEM, row != null && row.problem());
            }
        });
        column(skuColumn, r -> r.sellerSku() == null ? "—" : r.sellerSku());
        column(nameColumn, r -> r.status() == MatchMethod.CONFLICT
                ? messages.format("mapping.fits", String.join(", ", r.candidates()))
                : r.name() == null ? "" : r.name());
        column(tiktokColumn, MappingRowViewModel::tiktokIds);
        column(barcodeColumn, MappingRowViewModel::barcodes);
        column(codesColumn, MappingRowViewModel::codes);
        // Excel-like filters on every column (right-click a header), over what the view model shows.
        columnFilters = FxColumnFilters.install(mappingTable, messages);
        mappingTable.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> viewModel.select(row));

        sourceBox.setItems(viewModel.sources());
        sourceBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String sourceId) {
                return viewModel.sourceName(sourceId);
            }

            @Override
            public String fromString(String name) {
                return null;
            }
        });
        sourceBox.valueProperty().bindBidirectional(viewModel.formSourceProperty());
        codeField.textProperty().bindBidirectional(viewModel.formCodeProperty());
        skuField.textProperty().bindBidirectional(viewModel.formSkuProperty());
        assignButton.disableProperty().bind(viewModel.busyProperty());
        clearButton.disableProperty().bind(viewModel.busyProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty()
                .map(s -> messages.format(s.key(), s.arg())).orElse(""));
        viewModel.statusProperty().subscribe(s -> statusLabel.pseudoClassStateChanged(FAILED, s != null && s.error()));
    }

    private String status(MatchMethod method) {
        return messages.get("mapping.method." + (method == null ? "NONE" : method.name()));
    }

    private static void column(TableColumn<MappingRowViewModel, String> column,
                               Function<MappingRowViewModel, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
    }

    /** The root of the screen. */
    public BorderPane root() {
        return mappingRoot;
    }

    /** The column filters (tests tick values through them, as the header menu does). */
    TableFilter<MappingRowViewModel> columnFilters() {
        return columnFilters;
    }

    /** Focuses the filter (Ctrl+F on this screen). */
    public void focusFilter() {
        filterField.requestFocus();
    }

    /** Unbinds from the view model. */
    public void dispose() {
        onlyProblems.selectedProperty().unbindBidirectional(viewModel.onlyProblemsProperty());
        filterField.textProperty().unbindBidirectional(viewModel.filterTextProperty());
        sourceBox.valueProperty().unbindBidirectional(viewModel.formSourceProperty());
        codeField.textProperty().unbindBidirectional(viewModel.formCodeProperty());
        skuField.textProperty().unbindBidirectional(viewModel.formSkuProperty());
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

    @FXML
    private void onAssign() {
        viewModel.assign();
    }

    @FXML
    private void onClear() {
        viewModel.clear();
    }
}
