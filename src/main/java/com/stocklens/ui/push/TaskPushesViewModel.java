package com.stocklens.ui.push;

import com.stocklens.service.FlagEvents;
import com.stocklens.service.PushRecord;
import com.stocklens.service.StockPushes;
import com.stocklens.ui.BackgroundRefresh;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The latest push of each calibration task, for its card ("pushed by amy 10:42: 277 → 292, accepted"): read
 * again on every flag event and after each push. Toolkit-free; the map changes on {@code ui}'s thread only.
 */
public final class TaskPushesViewModel implements AutoCloseable {
    private final BackgroundRefresh<Map<Long, PushRecord>> loader;
    private final FlagEvents events;
    private final ObservableMap<Long, PushRecord> latest = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    public TaskPushesViewModel(StockPushes pushes, FlagEvents events, Executor background, Executor ui) {
        Objects.requireNonNull(pushes, "pushes");
        this.events = Objects.requireNonNull(events, "events");
        this.loader = new BackgroundRefresh<>("the pushes of calibration tasks",
                () -> byTask(pushes.history(PushHistoryViewModel.SHOWN)), this::apply, error::set, background, ui);
    }

    /** Newest first in, so the first push seen per task is its latest. */
    static Map<Long, PushRecord> byTask(List<PushRecord> newestFirst) {
        Map<Long, PushRecord> out = new HashMap<>();
        for (PushRecord p : newestFirst) {
            if (p.taskId() != null) {
                out.putIfAbsent(p.taskId(), p);
            }
        }
        return out;
    }

    private void apply(Map<Long, PushRecord> byTask) {
        latest.keySet().retainAll(byTask.keySet());
        latest.putAll(byTask);
        error.set(null);
    }

    /** Reads now and after every flag event. */
    public void start() {
        loader.start(request -> events.subscribe(event -> request.run()));
    }

    /** Asks for a fresh read (after a push). */
    public void refresh() {
        loader.request();
    }

    /** Task id → its latest push. */
    public ObservableMap<Long, PushRecord> latest() {
        return latest;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public void close() {
        loader.close();
    }
}
