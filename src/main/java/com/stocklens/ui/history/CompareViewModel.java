package com.stocklens.ui.history;

import com.stocklens.domain.Bucket;
import com.stocklens.service.History;
import com.stocklens.service.StockChange;
import com.stocklens.ui.BackgroundAction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Compare moments (View → Compare moments…, Ctrl+D): every bucket that changed between two moments,
 * largest change first, filtered by warehouse and bucket. "to" null means now.
 */
public final class CompareViewModel {
    private final History history;
    private final Clock clock;
    private final BackgroundAction comparisons;
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<Instant> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<String> warehouse = new SimpleObjectProperty<>(this, "warehouse");
    private final ObjectProperty<Bucket> bucket = new SimpleObjectProperty<>(this, "bucket");
    private final ObservableList<StockChange> shown = FXCollections.observableArrayList();
    private final ObservableList<String> warehouses = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private List<StockChange> all = List.of();

    public CompareViewModel(History history, Clock clock, Executor background, Executor ui) {
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.comparisons = new BackgroundAction("comparing moments", background, ui);
        warehouse.addListener(o -> applyFilter());
        bucket.addListener(o -> applyFilter());
    }

    public ObjectProperty<Instant> fromProperty() {
        return from;
    }

    /** The later moment; null = now. */
    public ObjectProperty<Instant> toProperty() {
        return to;
    }

    /** Only this warehouse id; null = all. */
    public ObjectProperty<String> warehouseProperty() {
        return warehouse;
    }

    /** Only this bucket; null = all. */
    public ObjectProperty<Bucket> bucketProperty() {
        return bucket;
    }

    /** The changes shown, largest impact first. */
    public ObservableList<StockChange> changes() {
        return shown;
    }

    /** The warehouses that appear among the changes, for the filter. */
    public ObservableList<String> warehouses() {
        return warehouses;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The last comparison's failure, else null. */
    public StringProperty errorProperty() {
        return error;
    }

    /** Compares the two moments on the background executor; the result replaces the table in one change. */
    public void compare() {
        Instant a = from.get();
        if (a == null) {
            return;
        }
        Instant b = to.get() == null ? clock.instant() : to.get();
        Instant earlier = a.isAfter(b) ? b : a;
        Instant later = a.isAfter(b) ? a : b;
        busy.set(true);
        boolean started = comparisons.run(() -> history.diff(earlier, later), this::apply, message -> {
            busy.set(false);
            error.set(message);
        });
        if (!started) {
            busy.set(false);
        }
    }

    void apply(List<StockChange> result) {
        all = List.copyOf(result);
        TreeSet<String> ids = new TreeSet<>();
        all.forEach(c -> ids.add(c.warehouseId()));
        warehouses.setAll(ids);
        if (warehouse.get() != null && !ids.contains(warehouse.get())) {
            warehouse.set(null);
        }
        error.set(null);
        busy.set(false);
        applyFilter();
    }

    private void applyFilter() {
        String w = warehouse.get();
        Bucket b = bucket.get();
        shown.setAll(all.stream()
                .filter(c -> w == null || c.warehouseId().equals(w))
                .filter(c -> b == null || c.bucket() == b)
                .toList());
    }

    /** Units that moved in the shown changes (sum of the known deltas), for the summary line. */
    public long netDelta() {
        return shown.stream().filter(c -> c.delta() != null).mapToLong(StockChange::delta).sum();
    }
}
