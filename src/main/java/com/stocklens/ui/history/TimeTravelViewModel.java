package com.stocklens.ui.history;

import com.stocklens.domain.Snapshot;
import com.stocklens.service.History;
import com.stocklens.service.SyncEvents;
import com.stocklens.ui.BackgroundRefresh;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's "as of" control: the moments the cache holds (every snapshot time, all sources together),
 * the chosen one (null = now), stepping between them and back to now. The slider's positions are
 * 0 … moments.size(): the last position is "now".
 *
 * <p>The chosen moment is also readable off the FX thread ({@link #asOfNow()}): the board reader asks it
 * on the background thread.
 */
public final class TimeTravelViewModel implements AutoCloseable {
    private final Clock clock;
    private final SyncEvents syncEvents;
    private final boolean hasHistory;
    private final BackgroundRefresh<List<Instant>> loader;
    private final ObservableList<Instant> moments = FXCollections.observableArrayList();
    private final ObjectProperty<Instant> asOf = new SimpleObjectProperty<>(this, "asOf");
    private final BooleanProperty past = new SimpleBooleanProperty(this, "past");
    private final IntegerProperty position = new SimpleIntegerProperty(this, "position");
    private volatile Instant current;

    public TimeTravelViewModel(History history, SyncEvents syncEvents, Clock clock, Executor background, Executor ui) {
        this.hasHistory = Objects.requireNonNull(history, "history") != History.NONE;
        this.syncEvents = Objects.requireNonNull(syncEvents, "syncEvents");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loader = new BackgroundRefresh<>("the snapshot moments", () -> distinctTimes(history.moments()),
                this::applyMoments, message -> { }, background, ui);
    }

    private static List<Instant> distinctTimes(List<Snapshot> snapshots) {
        TreeSet<Instant> times = new TreeSet<>();
        snapshots.forEach(s -> times.add(s.takenAt()));
        return List.copyOf(times);
    }

    /** Loads the moments and reloads them after every sync. */
    public void start() {
        // Without a history there is nothing a sync could add: no subscription to hold.
        loader.start(request -> hasHistory ? syncEvents.subscribe(e -> request.run()) : () -> { });
    }

    /** Reloads the moments now. */
    public void reload() {
        loader.request();
    }

    void applyMoments(List<Instant> loaded) {
        moments.setAll(loaded);
        updatePosition();
    }

    /** The snapshot times held in the cache, oldest first. */
    public ObservableList<Instant> moments() {
        return moments;
    }

    /** The chosen moment, null when the window shows now. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf;
    }

    /** True while the window shows a past moment. */
    public ReadOnlyBooleanProperty pastProperty() {
        return past;
    }

    /** The slider position: the index of the latest moment at or before the chosen one; moments.size() = now. */
    public ReadOnlyIntegerProperty positionProperty() {
        return position;
    }

    /** The chosen moment, from any thread; null = now. */
    public Instant asOfNow() {
        return current;
    }

    /**
     * Shows the board as of {@code at}; null, or a time at or after now, goes back to now. A time before
     * the first moment is allowed: every source then shows "no data yet".
     */
    public void goTo(Instant at) {
        Instant chosen = at == null || !at.isBefore(clock.instant()) ? null : at;
        current = chosen;
        asOf.set(chosen);
        past.set(chosen != null);
        updatePosition();
    }

    /** Goes to the slider position {@code index} (0 … moments.size(), the last being now). */
    public void goToPosition(int index) {
        if (index >= moments.size() || index < 0 && moments.isEmpty()) {
            goTo(null);
        } else {
            goTo(moments.get(Math.max(0, index)));
        }
    }

    /** One moment back (Alt+Left): from now to the latest moment, from a moment to the one before. */
    public void stepBack() {
        if (moments.isEmpty()) {
            return;
        }
        Instant at = asOf.get();
        int i = at == null ? moments.size() : indexAtOrBefore(at);
        // Between two moments, "back" is the moment at or before; on a moment, the one before it.
        int target = at != null && i >= 0 && moments.get(i).equals(at) ? i - 1 : at == null ? i - 1 : i;
        goToPosition(Math.max(0, target));
    }

    /** One moment forward (Alt+Right); past the latest moment is now. */
    public void stepForward() {
        Instant at = asOf.get();
        if (at == null) {
            return;
        }
        goToPosition(indexAtOrBefore(at) + 1);
    }

    /** Back to now (Ctrl+0). */
    public void backToNow() {
        goTo(null);
    }

    private void updatePosition() {
        Instant at = asOf.get();
        position.set(at == null ? moments.size() : Math.max(0, indexAtOrBefore(at)));
    }

    /** Index of the latest moment at or before {@code at}, -1 when none. */
    private int indexAtOrBefore(Instant at) {
        int lo = 0;
        int hi = moments.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!moments.get(mid).isAfter(at)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    @Override
    public void close() {
        loader.close();
    }
}
