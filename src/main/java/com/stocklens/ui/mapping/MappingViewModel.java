package com.stocklens.ui.mapping;

import com.stocklens.domain.SkuMapping;
import com.stocklens.domain.SourceInfo;
import com.stocklens.service.MappingBoard;
import com.stocklens.service.SkuMappings;
import com.stocklens.service.SyncEvents;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.BackgroundRefresh;
import com.stocklens.ui.NameMemory;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the SKU mapping screen, free of any toolkit: reads identities and mappings on {@code background}
 * (again after every sync), filters them (problems only, text), and edits one mapping through a small form.
 * A saved change applies from the code's source's next sync.
 */
public final class MappingViewModel implements AutoCloseable {
    /** What the form's status line says; {@code arg} fills the message. */
    public record Status(String key, String arg, boolean error) {
    }

    private final SkuMappings mappings;
    private final NameMemory who;
    private final BackgroundRefresh<MappingBoard> refresh;
    private final BackgroundAction changes;
    private final Function<Runnable, AutoCloseable> subscribe;

    private final ObservableList<MappingRowViewModel> all = FXCollections.observableArrayList();
    private final FilteredList<MappingRowViewModel> rows = new FilteredList<>(all);
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private MappingBoard board = MappingBoard.EMPTY;
    private final BooleanProperty onlyProblems = new SimpleBooleanProperty(this, "onlyProblems");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyIntegerWrapper identities = new ReadOnlyIntegerWrapper(this, "identities");
    private final ReadOnlyIntegerWrapper unmapped = new ReadOnlyIntegerWrapper(this, "unmapped");
    private final ReadOnlyIntegerWrapper conflicts = new ReadOnlyIntegerWrapper(this, "conflicts");
    private final ReadOnlyObjectWrapper<String> loadError = new ReadOnlyObjectWrapper<>(this, "loadError");

    private final StringProperty formSource = new SimpleStringProperty(this, "formSource");
    private final StringProperty formCode = new SimpleStringProperty(this, "formCode", "");
    private final StringProperty formSku = new SimpleStringProperty(this, "formSku", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status");

    public MappingViewModel(SkuMappings mappings, SyncEvents syncEvents, NameMemory who, Executor background,
                            Executor ui) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.who = Objects.requireNonNull(who, "who");
        Objects.requireNonNull(syncEvents, "syncEvents");
        this.subscribe = request -> syncEvents.subscribe(e -> request.run());
        this.refresh = new BackgroundRefresh<>("the SKU mappings", mappings::read, this::apply,
                loadError::set, background, ui);
        this.changes = new BackgroundAction("a SKU mapping change", background, ui);
        onlyProblems.addListener(o -> updateFilter());
        filterText.addListener(o -> updateFilter());
    }

    /** Loads now and after every sync. */
    public void start() {
        refresh.start(subscribe);
    }

    /** Reads again (after a change, or F5). */
    public void refresh() {
        refresh.request();
    }

    private void apply(MappingBoard board) {
        loadError.set(null);
        all.setAll(MappingRowViewModel.of(board));
        this.board = board;
        sources.setAll(board.sources().stream().map(SourceInfo::id).toList());
        board.mappings().stream().map(SkuMapping::sourceId).distinct()
                .filter(s -> !sources.contains(s)).forEach(sources::add);
        if (formSource.get() == null && !sources.isEmpty()) {
            formSource.set(sources.get(0));
        }
        identities.set(board.identities().size());
        unmapped.set(board.unmapped().size());
        conflicts.set(board.conflicts().size());
    }

    private void updateFilter() {
        boolean problems = onlyProblems.get();
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        rows.setPredicate(r -> (!problems || r.problem()) && (text.isEmpty() || r.haystack().contains(text)));
    }

    /** Pre-fills the form from a table line: its source and code, and the identity or a conflict's first candidate. */
    public void select(MappingRowViewModel row) {
        if (row == null) {
            return;
        }
        if (row.sourceId() != null) {
            formSource.set(row.sourceId());
        }
        formCode.set(row.code() != null ? row.code() : row.sellerSku() != null ? row.sellerSku() : "");
        formSku.set(row.sellerSku() != null ? row.sellerSku()
                : row.candidates().isEmpty() ? "" : row.candidates().get(0));
        status.set(null);
    }

    /** Saves the form as a manual mapping, off the FX thread. */
    public void assign() {
        String source = formSource.get();
        String code = formCode.get();
        String sku = formSku.get();
        run(() -> mappings.assign(source, code, sku, who.get()), "mapping.saved");
    }

    /** Removes the manual mapping of the form's code, off the FX thread. */
    public void clear() {
        String source = formSource.get();
        String code = formCode.get();
        run(() -> mappings.clear(source, code, who.get()), "mapping.cleared");
    }

    private void run(BackgroundAction.Work<SkuMapping> change, String okKey) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set(null);
        boolean started = changes.run(change, m -> {
            busy.set(false);
            status.set(new Status(okKey, m.code() + " → " + m.effectiveSku(), false));
            refresh.request();
        }, reason -> {
            busy.set(false);
            status.set(new Status("mapping.refused", reason, true));
        });
        if (!started) {
            busy.set(false);
        }
    }

    public ObservableList<MappingRowViewModel> rows() {
        return rows;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    /** A source's name as the seller knows it; its id only when the board does not name it. */
    public String sourceName(String sourceId) {
        return sourceId == null ? "" : board.sourceName(sourceId);
    }

    public BooleanProperty onlyProblemsProperty() {
        return onlyProblems;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyIntegerProperty identitiesProperty() {
        return identities.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty unmappedProperty() {
        return unmapped.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty conflictsProperty() {
        return conflicts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public StringProperty formSourceProperty() {
        return formSource;
    }

    public StringProperty formCodeProperty() {
        return formCode;
    }

    public StringProperty formSkuProperty() {
        return formSku;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last change's outcome, null before one. */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void close() {
        refresh.close();
        changes.close();
    }
}
