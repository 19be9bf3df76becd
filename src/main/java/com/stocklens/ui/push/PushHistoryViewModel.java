package com.stocklens.ui.push;

import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushSettings;
import com.stocklens.service.StockImports;
import com.stocklens.service.StockPushes;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.NameMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The push audit and settings, free of any toolkit: the latest pushes (who, when, which scope, TikTok's answer per
 * line), Undo of one push (asked once), and the buffer, the automatic pushes' daily cap and which of them are on.
 */
public final class PushHistoryViewModel implements AutoCloseable {
    /** How many pushes the audit shows. */
    static final int SHOWN = 200;

    /** A CSV warehouse and whether it is pushed after each import. */
    public record AutoCsv(CsvWarehouse warehouse, BooleanProperty on) {
    }

    private final StockPushes pushes;
    private final StockImports imports;
    private final NameMemory who;
    private final DialogService dialogs;
    private final BackgroundAction work;
    private final ObservableList<PushRecord> history = FXCollections.observableArrayList();
    private final ObjectProperty<PushRecord> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<PushRowViewModel> lines = FXCollections.observableArrayList();
    private final IntegerProperty buffer = new SimpleIntegerProperty(this, "buffer");
    private final IntegerProperty dailyCap = new SimpleIntegerProperty(this, "dailyCap");
    private final BooleanProperty autoReturns = new SimpleBooleanProperty(this, "autoReturns");
    private final ObservableList<AutoCsv> autoCsv = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final BooleanBinding canUndo;

    public PushHistoryViewModel(StockPushes pushes, StockImports imports, NameMemory who, DialogService dialogs,
                                Executor background, Executor ui) {
        this.pushes = Objects.requireNonNull(pushes, "pushes");
        this.imports = Objects.requireNonNull(imports, "imports");
        this.who = Objects.requireNonNull(who, "who");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.work = new BackgroundAction("the push audit", background, ui);
        selected.addListener((obs, o, p) -> lines.setAll(p == null ? List.of()
                : p.lines().stream().map(PushRowViewModel::of).toList()));
        canUndo = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().accepted() > 0
                && selected.get().status() != PushRecord.Status.SENDING, selected);
    }

    private record Loaded(List<PushRecord> history, PushSettings settings, List<CsvWarehouse> csv) {
    }

    /** Reads the audit and the settings; keeps the selection when the push is still listed. */
    public void load() {
        work.run(() -> new Loaded(pushes.history(SHOWN), pushes.settings(), imports.warehouses()), this::show,
                error::set);
    }

    private void show(Loaded l) {
        Long keep = selected.get() == null ? null : selected.get().id();
        history.setAll(l.history());
        selected.set(l.history().stream().filter(p -> keep != null && p.id() == keep).findFirst()
                .orElse(l.history().isEmpty() ? null : l.history().getFirst()));
        buffer.set(l.settings().buffer());
        dailyCap.set(l.settings().dailyCap());
        autoReturns.set(l.settings().autoReturns());
        List<AutoCsv> csv = new ArrayList<>();
        for (CsvWarehouse w : l.csv()) {
            csv.add(new AutoCsv(w, new SimpleBooleanProperty(l.settings().autoCsv().contains(w.sourceId()))));
        }
        autoCsv.setAll(csv);
        error.set(null);
    }

    /** Undo of the selected push: asks once, then re-pushes its previous figures where TikTok still shows its own. */
    public void undo() {
        PushRecord p = selected.get();
        if (p == null || !canUndo.get()) {
            return;
        }
        dialogs.confirm("stockpush.undo.title", "stockpush.undo.message", p.id(), p.accepted()).thenAccept(yes -> {
            if (yes) {
                String name = who.get();
                work.run(() -> pushes.undo(p.id(), name), undone -> {
                    selected.set(undone);
                    load();
                }, error::set);
            }
        });
    }

    /** Saves the buffer, the cap and the automatic pushes. */
    public void saveSettings() {
        Set<String> csv = new TreeSet<>();
        autoCsv.stream().filter(a -> a.on().get()).forEach(a -> csv.add(a.warehouse().sourceId()));
        PushSettings s;
        try {
            s = new PushSettings(buffer.get(), dailyCap.get(), csv, autoReturns.get());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        String name = who.get();
        work.run(() -> pushes.saveSettings(s, name), saved -> load(), error::set);
    }

    public ObservableList<PushRecord> history() {
        return history;
    }

    public ObjectProperty<PushRecord> selectedProperty() {
        return selected;
    }

    /** The selected push's lines with TikTok's answers. */
    public ObservableList<PushRowViewModel> lines() {
        return lines;
    }

    public BooleanBinding canUndoBinding() {
        return canUndo;
    }

    public IntegerProperty bufferProperty() {
        return buffer;
    }

    public IntegerProperty dailyCapProperty() {
        return dailyCap;
    }

    public BooleanProperty autoReturnsProperty() {
        return autoReturns;
    }

    public ObservableList<AutoCsv> autoCsv() {
        return autoCsv;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() {
        work.close();
    }
}
