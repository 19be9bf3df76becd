package com.stocklens.ui.imports;

import com.stocklens.domain.Market;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportField;
import com.stocklens.service.ImportOutcome;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxValidation;
import com.stocklens.ui.Messages;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Binds the stock-file import dialog to its view model; decides nothing itself. What is wrong with the
 * warehouse, a chosen column or a new warehouse's name shows as a ControlsFX decoration on that field.
 */
public final class ImportView {
    private final ImportViewModel viewModel;
    private final Messages messages;
    private final FxValidation validation = new FxValidation();

    @FXML private Label fileName;
    @FXML private Button chooseFile;
    @FXML private ComboBox<CsvWarehouse> warehouse;
    @FXML private TextField newWarehouseName;
    @FXML private ComboBox<Market> newWarehouseMarket;
    @FXML private Button createWarehouse;
    @FXML private TextField mappingName;
    @FXML private Label fileInfo;
    @FXML private GridPane mappingGrid;
    @FXML private Label previewTitle;
    @FXML private TableView<List<String>> previewTable;
    @FXML private TableView<ImportError> errorTable;
    @FXML private ProgressIndicator progress;
    @FXML private Label status;
    @FXML private Button validate;
    @FXML private Button importButton;

    public ImportView(ImportViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @FXML
    private void initialize() {
        fileName.setText(messages.get("import.file.none"));
        viewModel.fileProperty().addListener((obs, was, now) ->
                fileName.setText(now == null ? messages.get("import.file.none") : now.toString()));
        chooseFile.setOnAction(e -> pickFile());

        warehouse.setItems(viewModel.warehouses());
        warehouse.valueProperty().bindBidirectional(viewModel.warehouseProperty());
        warehouse.setConverter(new StringConverter<>() {
            @Override
            public String toString(CsvWarehouse w) {
                return w == null ? "" : w.name() + (w.market() == null ? "" : " · " + w.market());
            }

            @Override
            public CsvWarehouse fromString(String s) {
                return null;
            }
        });
        newWarehouseMarket.setItems(FXCollections.observableArrayList(Market.values()));
        newWarehouseName.textProperty().bindBidirectional(viewModel.newWarehouseNameProperty());
        createWarehouse.disableProperty().bind(viewModel.canCreateWarehouseProperty().not());
        createWarehouse.setOnAction(e -> viewModel.createWarehouse(newWarehouseMarket.getValue()));
        validation.show(warehouse, viewModel.warehouseProblemProperty().map(this::text));
        validation.show(newWarehouseName, viewModel.newWarehouseProblemProperty().map(this::text));
        // The stored name "default" reads in the window's language; typing that word back means "default".
        String shownDefault = messages.get("import.mappingName.default");
        mappingName.textProperty().bindBidirectional(viewModel.mappingNameProperty(), new StringConverter<String>() {
            @Override
            public String toString(String name) {
                return ColumnMapping.DEFAULT_NAME.equals(name) ? shownDefault : name;
            }

            @Override
            public String fromString(String text) {
                return shownDefault.equals(text) ? ColumnMapping.DEFAULT_NAME : text;
            }
        });

        buildMappingGrid();
        previewTitle.setText(messages.format("import.preview", ImportCheck.PREVIEW_ROWS));
        previewTable.setPlaceholder(new Label(messages.get("import.preview.empty")));
        viewModel.headers().addListener((ListChangeListener<String>) c -> rebuildPreviewColumns());
        for (ImportField f : ImportField.values()) {
            viewModel.choice(f).addListener((obs, was, now) -> rebuildPreviewColumns());
        }
        previewTable.setItems(viewModel.preview());
        viewModel.preview().addListener((ListChangeListener<List<String>>) c -> rebuildPreviewColumns());

        buildErrorTable();
        errorTable.setItems(viewModel.errors());

        progress.visibleProperty().bind(viewModel.busyProperty());
        validate.disableProperty().bind(viewModel.fileProperty().isNull().or(viewModel.busyProperty()));
        validate.setOnAction(e -> viewModel.validate());
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
        importButton.setOnAction(e -> viewModel.importNow());
        viewModel.statusProperty().addListener((obs, was, now) -> renderStatus());
        viewModel.checkProperty().addListener((obs, was, now) -> renderFileInfo(now));
        renderStatus();
    }

    private void pickFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("import.chooseFile"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("import.fileTypes"), "*.csv", "*.CSV", "*.xlsx", "*.XLSX",
                        "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter("*.*", "*.*"));
        File f = chooser.showOpenDialog(chooseFile.getScene() == null ? null : chooseFile.getScene().getWindow());
        if (f != null) {
            viewModel.chooseFile(f.toPath());
        }
    }

    /** A field's problem in the window's language. */
    private String text(ImportViewModel.Problem p) {
        return messages.format(p.key(), p.count());
    }

    private String fieldLabel(ImportField f) {
        return messages.get("import.field." + f.key());
    }

    private void buildMappingGrid() {
        int row = 0;
        for (ImportField f : ImportField.values()) {
            Label label = new Label(fieldLabel(f));
            label.setMinWidth(Label.USE_PREF_SIZE);
            ComboBox<String> combo = new ComboBox<>();
            combo.setId("map-" + f.key());
            combo.setMaxWidth(Double.MAX_VALUE);
            // Wide enough for "— not mapped (unknown) —" in both languages; the column grows with the pane.
            combo.setPrefWidth(200);
            combo.setMinWidth(200);
            GridPane.setHgrow(combo, Priority.ALWAYS);
            combo.getItems().setAll(choicesWithNone());
            viewModel.headers().addListener((ListChangeListener<String>) c -> {
                String keep = viewModel.choice(f).get();
                combo.getItems().setAll(choicesWithNone());
                combo.setValue(keep == null ? "" : keep);
            });
            combo.setButtonCell(new NoneCell());
            combo.setCellFactory(lv -> new NoneCell());
            combo.setValue(viewModel.choice(f).get() == null ? "" : viewModel.choice(f).get());
            validation.show(combo, viewModel.problem(f).map(this::text));
            combo.valueProperty().addListener((obs, was, now) -> {
                String v = now == null || now.isEmpty() ? null : now;
                if (!Objects.equals(v, viewModel.choice(f).get())) {
                    viewModel.choice(f).set(v);
                }
            });
            viewModel.choice(f).addListener((obs, was, now) -> {
                String v = now == null ? "" : now;
                if (!Objects.equals(v, combo.getValue())) {
                    combo.setValue(v);
                }
            });
            mappingGrid.add(label, 0, row);
            mappingGrid.add(combo, 1, row);
            row++;
        }
    }

    private List<String> choicesWithNone() {
        List<String> out = new ArrayList<>();
        out.add("");
        viewModel.headers().stream().filter(h -> !h.isBlank()).forEach(out::add);
        return out;
    }

    /** Shows "" as "— not mapped —". */
    private final class NoneCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.isEmpty() ? messages.get("import.notMapped") : item);
        }
    }

    private void rebuildPreviewColumns() {
        previewTable.getColumns().clear();
        List<String> headers = viewModel.headers();
        for (int i = 0; i < headers.size(); i++) {
            final int index = i;
            String header = headers.get(i);
            String title = header;
            for (ImportField f : ImportField.values()) {
                if (header.equals(viewModel.choice(f).get())) {
                    title = header + "\n→ " + fieldLabel(f);
                }
            }
            TableColumn<List<String>, String> col = new TableColumn<>(title);
            col.setSortable(false);
            col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(
                    index < cd.getValue().size() ? cd.getValue().get(index) : ""));
            int chars = displayWidth(header);
            for (List<String> r : viewModel.preview()) {
                chars = Math.max(chars, index < r.size() ? displayWidth(r.get(index)) : 0);
            }
            col.setPrefWidth(Math.max(70, Math.min(230, chars * 8 + 24)));
            previewTable.getColumns().add(col);
        }
    }

    /** Characters as columns of text: a CJK character is about two Latin ones wide. */
    private static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x2E80 ? 2 : 1;
        }
        return w;
    }

    private void buildErrorTable() {
        // "No problems found" only once a file was checked and found clean; before that, what will show here.
        Label placeholder = new Label();
        placeholder.setId("problemsPlaceholder");
        placeholder.textProperty().bind(viewModel.checkProperty().map(c -> messages.get(c.valid()
                ? "import.problems.none" : "import.problems.notYet")).orElse(messages.get("import.problems.notYet")));
        errorTable.setPlaceholder(placeholder);
        TableColumn<ImportError, Integer> row = new TableColumn<>(messages.get("import.column.row"));
        row.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().row() == 0 ? null : cd.getValue().row()));
        row.setPrefWidth(70);
        TableColumn<ImportError, String> column = new TableColumn<>(messages.get("import.column.column"));
        column.setCellValueFactory(cd -> new ReadOnlyStringWrapper(cd.getValue().column() == null ? ""
                : cd.getValue().column().equals(ImportField.SKU.name()) ? fieldLabel(ImportField.SKU)
                : cd.getValue().column()));
        column.setPrefWidth(160);
        TableColumn<ImportError, String> reason = new TableColumn<>(messages.get("import.column.reason"));
        reason.setCellValueFactory(cd -> {
            ImportError e = cd.getValue();
            String text = messages.get("import.problem." + e.problem().name());
            return new ReadOnlyStringWrapper(e.detail() == null ? text : text + " (" + e.detail() + ")");
        });
        reason.setPrefWidth(600);
        errorTable.getColumns().setAll(List.of(row, column, reason));
        errorTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void renderFileInfo(ImportCheck c) {
        if (c == null || c.headerRow() == 0) {
            fileInfo.setText("");
            return;
        }
        fileInfo.setText(messages.format("import.fileInfo", c.encoding(), c.headerRow(), c.dataRows(),
                Formats.beijingTime(c.fileTime())));
    }

    private void renderStatus() {
        ImportViewModel.Status s = viewModel.statusProperty().get();
        String key = "import.status." + s.name();
        String text = switch (s) {
            case VALID -> messages.format(key, viewModel.checkProperty().get().rows().size());
            case INVALID -> messages.format(key, viewModel.errors().size());
            case IMPORTED -> {
                ImportOutcome o = viewModel.outcomeProperty().get();
                CsvWarehouse w = viewModel.warehouseProperty().get();
                yield messages.format(key, o.check().rows().size(), w == null ? "" : w.name(),
                        Formats.beijingTime(o.takenAt()));
            }
            case FAILED -> messages.format(key, String.valueOf(viewModel.failureProperty().get()));
            default -> messages.get(key);
        };
        status.setText(text);
        status.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"),
                s == ImportViewModel.Status.INVALID || s == ImportViewModel.Status.FAILED);
    }
}
