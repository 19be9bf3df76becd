package com.stocklens.ui.imports;

import com.stocklens.domain.Market;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportField;
import com.stocklens.service.ImportOutcome;
import com.stocklens.service.StockImports;
import com.stocklens.ui.BackgroundAction;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The stock-file import dialog's state and decisions: file, warehouse, the column mapping (one choice
 * per field, pre-filled from memory and suggestions), the preview, the row errors, what is wrong with each
 * field (the warehouse, each chosen column, a new warehouse's name), and whether Import is allowed (only
 * after the current mapping validated without a single error). Every read or write
 * runs on {@code background}; results are applied on {@code fx} in one step.
 */
public final class ImportViewModel {
    /** What the status line says; the view turns it into text of the window's language. */
    public enum Status { PICK_FILE, READING, VALID, INVALID, IMPORTING, IMPORTED, FAILED }

    /** No warehouse is chosen. */
    public static final String NO_WAREHOUSE = "import.error.noWarehouse";
    /** The file was read but no column is chosen for the SKU. */
    public static final String SKU_NOT_MAPPED = "import.error.skuNotMapped";
    /** The column is also chosen for another field. */
    public static final String SAME_COLUMN = "import.error.sameColumn";
    /** The last check found {@link Problem#count()} problems in the column chosen for this field. */
    public static final String COLUMN_PROBLEMS = "import.error.columnProblems";
    /** A CSV warehouse of that name exists already. */
    public static final String WAREHOUSE_EXISTS = "import.error.warehouseExists";

    /** What is wrong with one field: a message key and the number it mentions (0 when none). */
    public record Problem(String key, int count) {
        static Problem of(String key) {
            return new Problem(key, 0);
        }
    }

    private final StockImports imports;
    private final BackgroundAction steps;

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObservableList<CsvWarehouse> warehouses = FXCollections.observableArrayList();
    private final ObjectProperty<CsvWarehouse> warehouse = new SimpleObjectProperty<>(this, "warehouse");
    private final StringProperty mappingName = new SimpleStringProperty(this, "mappingName", ColumnMapping.DEFAULT_NAME);
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final Map<ImportField, StringProperty> choices = new EnumMap<>(ImportField.class);
    private final ObservableList<List<String>> preview = FXCollections.observableArrayList();
    private final ObservableList<ImportError> errors = FXCollections.observableArrayList();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(this, "status", Status.PICK_FILE);
    private final ObjectProperty<ImportCheck> check = new SimpleObjectProperty<>(this, "check");
    private final ObjectProperty<ImportOutcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final StringProperty failure = new SimpleStringProperty(this, "failure");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    /** True while the choices are those the last check judged. */
    private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked");
    private final BooleanBinding canImport;
    private final StringProperty newWarehouseName = new SimpleStringProperty(this, "newWarehouseName", "");
    private final ObjectBinding<Problem> warehouseProblem;
    private final ObjectBinding<Problem> newWarehouseProblem;
    private final BooleanBinding canCreateWarehouse;
    private final Map<ImportField, ObjectBinding<Problem>> problems = new EnumMap<>(ImportField.class);
    private boolean applying;

    public ImportViewModel(StockImports imports, Executor background, Executor fx) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.steps = new BackgroundAction("a stock file import", background, fx);
        for (ImportField f : ImportField.values()) {
            StringProperty p = new SimpleStringProperty(this, f.key());
            p.addListener((obs, was, now) -> {
                if (!applying) {
                    checked.set(false);
                }
            });
            choices.put(f, p);
        }
        warehouse.addListener((obs, was, now) -> {
            if (!applying) {
                checked.set(false);
            }
        });
        canImport = Bindings.createBooleanBinding(() -> checked.get() && !busy.get() && warehouse.get() != null
                        && check.get() != null && check.get().valid() && status.get() != Status.IMPORTED,
                checked, busy, warehouse, check, status);
        warehouseProblem = Bindings.createObjectBinding(
                () -> warehouse.get() == null ? Problem.of(NO_WAREHOUSE) : null, warehouse);
        newWarehouseProblem = Bindings.createObjectBinding(() -> {
            String name = newWarehouseName.get() == null ? "" : newWarehouseName.get().strip();
            return warehouses.stream().anyMatch(w -> w.name().strip().equalsIgnoreCase(name))
                    ? Problem.of(WAREHOUSE_EXISTS) : null;
        }, newWarehouseName, warehouses);
        canCreateWarehouse = Bindings.createBooleanBinding(() -> newWarehouseName.get() != null
                && !newWarehouseName.get().isBlank() && newWarehouseProblem.get() == null && !busy.get(),
                newWarehouseName, newWarehouseProblem, busy);
        List<Observable> mapping = new ArrayList<>(choices.values());
        mapping.addAll(List.of(headers, errors, checked));
        for (ImportField f : ImportField.values()) {
            problems.put(f, Bindings.createObjectBinding(() -> columnProblem(f), mapping.toArray(new Observable[0])));
        }
    }

    /**
     * What is wrong with the column chosen for {@code field}: the SKU's left unchosen once a file was read,
     * a column chosen for two fields, or (while the choices are the checked ones) the problems the check
     * found in it.
     */
    private Problem columnProblem(ImportField field) {
        String header = choices.get(field).get();
        boolean chosen = header != null && !header.isBlank();
        if (!chosen) {
            return field.required() && !headers.isEmpty() ? Problem.of(SKU_NOT_MAPPED) : null;
        }
        for (ImportField other : ImportField.values()) {
            if (other != field && header.equals(choices.get(other).get())) {
                return Problem.of(SAME_COLUMN);
            }
        }
        if (!checked.get()) {
            return null;
        }
        int found = 0;
        for (ImportError e : errors) {
            if (header.equals(e.column()) || field.name().equals(e.column())) {
                found++;
            }
        }
        return found == 0 ? null : new Problem(COLUMN_PROBLEMS, found);
    }

    /** Loads the CSV warehouses (and picks the first when none is chosen). */
    public void load() {
        run(imports::warehouses, list -> {
            warehouses.setAll(list);
            if (warehouse.get() == null && !list.isEmpty()) {
                warehouse.set(list.get(0));
            }
        });
    }

    /** A file was picked: read it under the warehouse's remembered mapping and suggestions. */
    public void chooseFile(Path path) {
        file.set(path);
        CsvWarehouse w = warehouse.get();
        String name = mappingName.get();
        status.set(Status.READING);
        run(() -> {
            String n = w == null ? name : imports.lastMappingName(w.id()).orElse(name);
            return Map.entry(n, imports.check(path, w == null ? null : w.id(), n, null));
        }, e -> {
            mappingName.set(e.getKey());
            apply(e.getValue());
        });
    }

    /** Judges the file under the mapping as chosen now. */
    public void validate() {
        Path path = file.get();
        if (path == null) {
            return;
        }
        CsvWarehouse w = warehouse.get();
        ColumnMapping m = currentMapping();
        status.set(Status.READING);
        run(() -> imports.check(path, w == null ? null : w.id(), mappingName.get(), m), this::apply);
    }

    /** Imports the file as validated; all or nothing. */
    public void importNow() {
        if (!canImport.get()) {
            return;
        }
        Path path = file.get();
        CsvWarehouse w = warehouse.get();
        ColumnMapping m = currentMapping();
        String name = mappingName.get() == null || mappingName.get().isBlank() ? ColumnMapping.DEFAULT_NAME
                : mappingName.get().strip();
        status.set(Status.IMPORTING);
        run(() -> imports.importFile(path, w.id(), name, m), o -> {
            outcome.set(o);
            if (o.imported()) {
                status.set(Status.IMPORTED);
            } else {
                apply(o.check());
            }
        });
    }

    /** Creates a CSV warehouse named as {@link #newWarehouseNameProperty()} says, selects it and clears the name. */
    public void createWarehouse(Market market) {
        String name = newWarehouseName.get();
        if (name == null || name.isBlank() || newWarehouseProblem.get() != null) {
            return;
        }
        newWarehouseName.set("");
        run(() -> {
            CsvWarehouse w = imports.saveWarehouse(null, name, market, null, ZoneId.of("UTC"));
            return Map.entry(w, imports.warehouses());
        }, e -> {
            warehouses.setAll(e.getValue());
            warehouse.set(e.getValue().stream().filter(x -> x.id().equals(e.getKey().id())).findFirst()
                    .orElse(e.getKey()));
        });
    }

    ColumnMapping currentMapping() {
        Map<ImportField, String> m = new EnumMap<>(ImportField.class);
        choices.forEach((f, p) -> {
            if (p.get() != null && !p.get().isBlank()) {
                m.put(f, p.get());
            }
        });
        return new ColumnMapping(m);
    }

    private void apply(ImportCheck c) {
        applying = true;
        try {
            check.set(c);
            headers.setAll(c.headers());
            for (ImportField f : ImportField.values()) {
                choices.get(f).set(c.mapping().header(f));
            }
            preview.setAll(c.preview());
            errors.setAll(c.errors());
            status.set(c.valid() ? Status.VALID : Status.INVALID);
            checked.set(true);
        } finally {
            applying = false;
        }
    }

    private <T> void run(BackgroundAction.Work<T> work, Consumer<T> then) {
        busy.set(true);
        failure.set(null);
        boolean started = steps.run(work, result -> {
            busy.set(false);
            then.accept(result);
        }, reason -> {
            busy.set(false);
            failure.set(reason);
            status.set(Status.FAILED);
        });
        if (!started) {
            busy.set(false);
        }
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObservableList<CsvWarehouse> warehouses() {
        return warehouses;
    }

    public ObjectProperty<CsvWarehouse> warehouseProperty() {
        return warehouse;
    }

    public StringProperty mappingNameProperty() {
        return mappingName;
    }

    public ObservableList<String> headers() {
        return headers;
    }

    /** The header chosen for a field ("" or null: not mapped). */
    public StringProperty choice(ImportField field) {
        return choices.get(field);
    }

    public ObservableList<List<String>> preview() {
        return preview;
    }

    public ObservableList<ImportError> errors() {
        return errors;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public ObjectProperty<ImportCheck> checkProperty() {
        return check;
    }

    public ObjectProperty<ImportOutcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty failureProperty() {
        return failure;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    /** The name typed for a new CSV warehouse. */
    public StringProperty newWarehouseNameProperty() {
        return newWarehouseName;
    }

    /** Whether Create can run: a name is typed, no warehouse has it yet, nothing else runs. */
    public BooleanBinding canCreateWarehouseProperty() {
        return canCreateWarehouse;
    }

    /** Null while a warehouse is chosen. */
    public ObjectBinding<Problem> warehouseProblemProperty() {
        return warehouseProblem;
    }

    /** Null unless the new warehouse's name is taken. */
    public ObjectBinding<Problem> newWarehouseProblemProperty() {
        return newWarehouseProblem;
    }

    /** What is wrong with the column chosen for {@code field}, null when nothing is. */
    public ObjectBinding<Problem> problem(ImportField field) {
        return problems.get(field);
    }
}
