package com.stocklens.ui.skudetail;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.Lot;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.rules.Staleness;
import com.stocklens.service.AlertRow;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SkuDetail;
import com.stocklens.service.SkuDetails;
import com.stocklens.service.SyncEvents;
import com.stocklens.service.TaskRow;
import com.stocklens.ui.BackgroundRefresh;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The SKU detail pane, free of any toolkit: one seller SKU in every warehouse with TikTok's figures and
 * both reading ages side by side, its open red flags, its ages and lots, its last 30 days of stock and
 * sales, and its calibration history. Reads through {@link SkuDetails} on the background executor (again
 * after every sync when it shows now); properties change on the {@code ui} executor's thread only.
 */
public final class SkuDetailViewModel implements AutoCloseable {
    /** The gap the stock table shows for a row (its last complete pair), so both say the same. */
    public record ShownGap(Integer gap, boolean pending) {
    }

    /** One warehouse of the SKU with TikTok beside it. */
    public record Line(String warehouseId, String warehouseLabel, StockLevel level, Instant warehouseAt,
                       Integer tiktokAvailable, Integer tiktokCommitted, Instant tiktokAt, Integer gap,
                       boolean gapPending) {
    }

    /** The ages of the SKU's units in one warehouse. */
    public record AgeLine(String warehouseLabel, Map<AgeBucket, Integer> units, Integer oldestDays, int unaged) {
        public Integer units(AgeBucket bucket) {
            return units.getOrDefault(bucket, 0);
        }
    }

    /** One receipt lot. */
    public record LotLine(String warehouseLabel, LocalDate receivedOn, int units, Lot.LotSource source) {
    }

    private final SkuDetails details;
    private final SyncEvents syncEvents;
    private final Clock clock;
    private final Duration staleAfter;
    private final String sellerSku;
    private final Instant at;
    private final Function<String, ShownGap> shownGaps;
    private final BackgroundRefresh<SkuDetail> loader;

    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<TaskRow> openTasks = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> alerts = FXCollections.observableArrayList();
    private final ObservableList<TaskRow> calibrations = FXCollections.observableArrayList();
    private final ObservableList<AgeLine> ageing = FXCollections.observableArrayList();
    private final ObservableList<LotLine> lots = FXCollections.observableArrayList();
    private final ObservableList<SkuDetail.Day> days = FXCollections.observableArrayList();

    /**
     * @param at         the moment shown, null for now (then it reads again after every sync)
     * @param shownGaps  the stock table's gap for a row key ({@code sku@warehouseId}), null when the table
     *                   has none: the line then shows the gap of its own readings
     * @param staleAfter a reading older than this is stale (shown red)
     */
    public SkuDetailViewModel(SkuDetails details, SyncEvents syncEvents, Clock clock, Duration staleAfter,
                              String sellerSku, Instant at, Function<String, ShownGap> shownGaps,
                              Executor background, Executor ui) {
        this.details = Objects.requireNonNull(details, "details");
        this.syncEvents = Objects.requireNonNull(syncEvents, "syncEvents");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        this.sellerSku = Objects.requireNonNull(sellerSku, "sellerSku");
        this.at = at;
        this.shownGaps = shownGaps == null ? key -> null : shownGaps;
        this.loader = new BackgroundRefresh<>("the detail of " + sellerSku, () -> details.detail(sellerSku, at),
                this::apply, loadError::set, background, ui);
        now.set(clock.instant());
    }

    /** Loads, and when it shows now, loads again after every sync. */
    public void start() {
        loader.start(request -> at == null ? syncEvents.subscribe(event -> request.run()) : () -> { });
    }

    /** Reads again (View → Refresh). */
    public void refresh() {
        loader.request();
    }

    @Override
    public void close() {
        loader.close();
    }

    void apply(SkuDetail d) {
        name.set(d.name());
        Map<String, String> labels = new HashMap<>();
        List<Line> newLines = new ArrayList<>();
        for (BoardRow r : d.lines()) {
            labels.put(r.warehouse().id(), label(r.warehouse()));
            Integer own = r.tiktokAvailable() == null || r.level().available() == null ? null
                    : r.tiktokAvailable() - r.level().available();
            ShownGap shown = shownGaps.apply(r.sku().sellerSku() + "@" + r.warehouse().id());
            newLines.add(new Line(r.warehouse().id(), label(r.warehouse()), r.level(), r.warehouseSnapshotAt(),
                    r.tiktokAvailable(), r.tiktokCommitted(), r.tiktokSnapshotAt(),
                    shown == null ? own : shown.gap(), shown != null && shown.pending()));
        }
        lines.setAll(newLines);
        List<TaskRow> open = new ArrayList<>();
        for (TaskRow t : d.calibrations()) {
            if (t.warehouse() != null) {
                labels.putIfAbsent(t.warehouse().id(), label(t.warehouse()));
            }
            if (t.task().state() != CalibrationState.RESOLVED) {
                open.add(t);
            }
        }
        openTasks.setAll(open);
        alerts.setAll(d.alerts());
        calibrations.setAll(d.calibrations());
        List<AgeLine> ages = new ArrayList<>();
        for (AgeProfile p : d.ageing()) {
            ages.add(new AgeLine(labels.getOrDefault(p.warehouseId(), p.warehouseId()), p.units(), p.oldestDays(),
                    p.unaged()));
        }
        ageing.setAll(ages);
        List<LotLine> lotLines = new ArrayList<>();
        for (Lot l : d.lots()) {
            lotLines.add(new LotLine(labels.getOrDefault(l.warehouseId(), l.warehouseId()), l.receivedOn(), l.units(),
                    l.source()));
        }
        lots.setAll(lotLines);
        days.setAll(d.days());
        loadError.set(null);
        loaded.set(true);
        tick(clock.instant());
    }

    /** "Provider · warehouse", as the stock table says it. */
    static String label(Warehouse w) {
        return w.provider().displayName() + " · " + w.name();
    }

    /** Moves the pane's "now" (ages); the view calls it once a second. */
    public void tick(Instant instant) {
        now.set(instant);
    }

    /** How old a reading is at the pane's now; null for none. */
    public Duration ageOf(Instant readingAt) {
        return readingAt == null ? null : Staleness.age(readingAt, now.get());
    }

    /** Whether a reading is past the staleness window at the pane's now (never for none). */
    public boolean isStale(Instant readingAt) {
        return readingAt != null && Staleness.isStale(readingAt, now.get(), staleAfter);
    }

    public String sellerSku() {
        return sellerSku;
    }

    /** The past moment shown, null for now. */
    public Instant at() {
        return at;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** True once the first read arrived. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the last read failed, null after a good one. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    /** Calibration tasks open or declared: the countdowns that matter now. */
    public ObservableList<TaskRow> openTasks() {
        return openTasks;
    }

    public ObservableList<AlertRow> alerts() {
        return alerts;
    }

    /** Every calibration task the SKU had, newest first. */
    public ObservableList<TaskRow> calibrations() {
        return calibrations;
    }

    public ObservableList<AgeLine> ageing() {
        return ageing;
    }

    public ObservableList<LotLine> lots() {
        return lots;
    }

    /** The last 30 days, oldest first. */
    public ObservableList<SkuDetail.Day> days() {
        return days;
    }
}
