package com.stocklens.ui.ageing;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.DemandMean;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SkuDemandReader;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.ui.BackgroundRefresh;
import com.stocklens.ui.WarehouseFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the ageing screen, free of any toolkit: units per age bucket per warehouse, the > 180-day
 * share over the last year (downsampled to the chart's pixel width), and the oldest SKUs with their days
 * of supply, of the warehouses chosen in {@link #warehouseFilter()} (none: all). One background read per
 * refresh reaches the UI as one {@code ui.execute(apply)}.
 */
public final class AgeingViewModel implements AutoCloseable {
    /** The trend covers a year ({@link AgeingReader#TREND_DAYS}). */
    public static final int TREND_DAYS = AgeingReader.TREND_DAYS;
    /** The oldest-SKU table is a worklist, not an inventory dump. */
    public static final int OLDEST_CAP = 50;

    private final AgeingReader ageing;
    private final SkuDemandReader demand;
    private final StockBoardReader board;
    private final Clock clock;
    private final int demandWindowDays;
    private final BackgroundRefresh<Loaded> loader;

    private final ObservableList<WarehouseAges> warehouses = FXCollections.observableArrayList();
    private final ObservableList<AgeTrendPoint> shownTrend = FXCollections.observableArrayList();
    private final ObservableList<OldSkuRowViewModel> oldest = FXCollections.observableArrayList();
    private List<AgeTrendPoint> trend = List.of();
    private final IntegerProperty pixelBudget = new SimpleIntegerProperty(this, "pixelBudget", 600);
    private final ReadOnlyObjectWrapper<Double> over180Share = new ReadOnlyObjectWrapper<>(this, "over180Share");
    private final ReadOnlyObjectWrapper<Double> ageKnown = new ReadOnlyObjectWrapper<>(this, "ageKnown");
    /** The last day of the trend's year as last read (null before the first read). */
    private final ReadOnlyObjectWrapper<LocalDate> trendEnd = new ReadOnlyObjectWrapper<>(this, "trendEnd");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final WarehouseFilter warehouseFilter = new WarehouseFilter();
    /** The chosen warehouses as the next read takes them (set on the UI thread, read on the background). */
    private volatile Set<String> chosen = Set.of();

    public AgeingViewModel(AgeingReader ageing, SkuDemandReader demand, StockBoardReader board, Clock clock,
                           int demandWindowDays, Executor background, Executor ui) {
        this.ageing = Objects.requireNonNull(ageing, "ageing");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.board = Objects.requireNonNull(board, "board");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.demandWindowDays = demandWindowDays;
        this.loader = BackgroundRefresh.atMoments("ageing", this::read, loaded -> apply(loaded, null),
                reason -> apply(null, reason), background, ui);
        pixelBudget.addListener((obs, o, n) -> shownTrend.setAll(downsample(trend, n.intValue())));
        // Another choice of warehouses is another read: bars, share, trend and oldest lines are theirs alone.
        warehouseFilter.chosenProperty().addListener((obs, o, n) -> {
            chosen = n;
            refresh();
        });
    }

    /**
     * Shows ageing as it stood at {@code at} (null: now) and reads it again: the lots and stock of the
     * snapshots taken by then, every age counted to that day, the trend up to it.
     */
    public void showMoment(Instant at) {
        loading.set(true);
        if (!loader.showMoment(at)) {
            loading.set(false);
        }
    }

    /** The past moment shown, null for now. */
    public Instant moment() {
        return loader.moment();
    }

    /** Loads the screen once. */
    public void start() {
        refresh();
    }

    /** Reads everything again on the background executor. */
    public void refresh() {
        loading.set(true);
        if (!loader.request()) {
            loading.set(false);
        }
    }

    /** Everything the screen shows of {@code at} (null: now); blocking. */
    private Loaded read(Instant at) {
        LocalDate today = at == null ? LocalDate.now(clock.withZone(BeijingTime.ZONE))
                : at.atZone(BeijingTime.ZONE).toLocalDate();
        Set<String> only = chosen;
        List<AgeProfile> profiles = (at == null ? ageing.current() : ageing.at(at)).stream()
                .filter(p -> only.isEmpty() || only.contains(p.warehouseId())).toList();
        List<AgeTrendPoint> points = ageing.over180Trend(today.minusDays(TREND_DAYS - 1L), today, only);
        StockBoard stock = at == null ? board.read() : board.history().boardAt(at);
        // The demand of the lines shown only: a worklist of 50, not every SKU of the workspace.
        Function<Collection<String>, Map<String, DemandMean>> sales =
                skus -> demand.dailyDemand(today.minusDays(demandWindowDays), today.minusDays(1), skus);
        return build(profiles, points, stock, sales).until(today);
    }

    private record Loaded(List<WarehouseAges> bars, List<AgeTrendPoint> trend, List<OldSkuRowViewModel> oldest,
                          Double over180Share, Double ageKnown, LocalDate trendEnd, List<Warehouse> warehouses) {
        Loaded until(LocalDate day) {
            return new Loaded(bars, trend, oldest, over180Share, ageKnown, day, warehouses);
        }
    }

    /**
     * Everything the screen shows from {@code profiles} (the chosen warehouses' only); {@code sales} gives the d̄ of
     * the oldest lines' SKUs (a SKU of unknown demand absent).
     */
    private static Loaded build(List<AgeProfile> profiles, List<AgeTrendPoint> points, StockBoard stock,
                                Function<Collection<String>, Map<String, DemandMean>> sales) {
        Map<String, String> names = new HashMap<>();
        for (Warehouse w : stock.warehouses()) {
            names.put(w.id(), w.name());
        }
        // Days of supply is a SKU figure: its demand is not split by warehouse, so neither is its stock.
        Map<String, Long> available = new HashMap<>();
        Map<String, Long> inTransit = new HashMap<>();
        for (BoardRow row : stock.rows()) {
            String sku = row.sku().codes().sellerSku();
            if (row.level().available() != null) {
                available.merge(sku, (long) row.level().available(), Long::sum);
            }
            if (row.level().inTransit() != null) {
                inTransit.merge(sku, (long) row.level().inTransit(), Long::sum);
            }
        }
        Map<String, Map<AgeBucket, Long>> perWarehouse = new LinkedHashMap<>();
        Map<String, Long> unaged = new HashMap<>();
        long total = 0;
        long aged = 0;
        long over180 = 0;
        List<OldSkuRowViewModel> rows = new ArrayList<>();
        for (AgeProfile p : profiles) {
            Map<AgeBucket, Long> sums = perWarehouse.computeIfAbsent(p.warehouseId(), k -> new EnumMap<>(AgeBucket.class));
            p.units().forEach((b, n) -> sums.merge(b, (long) n, Long::sum));
            unaged.merge(p.warehouseId(), (long) p.unaged(), Long::sum);
            total += p.total();
            aged += p.aged();
            over180 += p.olderThan(180);
            String sku = p.sellerSku();
            rows.add(new OldSkuRowViewModel(sku, p.warehouseId(), names.getOrDefault(p.warehouseId(), p.warehouseId()),
                    p.oldestDays(), p.olderThan(180), p.total(), null));
        }
        List<WarehouseAges> bars = new ArrayList<>();
        // Every warehouse with stock has a bar; its units of unknown age are a segment of their own (grey), so a
        // warehouse whose ages are all unknown shows as exactly that, not as missing or as young stock.
        perWarehouse.forEach((id, units) -> {
            long unknown = unaged.getOrDefault(id, 0L);
            if (unknown > 0 || units.values().stream().anyMatch(n -> n != null && n > 0)) {
                bars.add(new WarehouseAges(id, names.getOrDefault(id, id), units, unknown));
            }
        });
        bars.sort(Comparator.comparing(WarehouseAges::label));
        rows.sort(Comparator.comparing((OldSkuRowViewModel r) -> r.oldestDays() == null ? -1 : r.oldestDays())
                .reversed().thenComparing(OldSkuRowViewModel::sellerSku));
        List<OldSkuRowViewModel> capped = rows.subList(0, Math.min(OLDEST_CAP, rows.size()));
        Set<String> skus = new TreeSet<>();
        capped.forEach(r -> skus.add(r.sellerSku()));
        Map<String, DemandMean> demand = skus.isEmpty() ? Map.of() : sales.apply(skus);
        List<OldSkuRowViewModel> top = new ArrayList<>(capped.size());
        for (OldSkuRowViewModel r : capped) {
            DemandMean d = demand.get(r.sellerSku());
            Double supply = daysOfSupply(available.get(r.sellerSku()), inTransit.get(r.sellerSku()),
                    d == null ? null : d.perDay());
            top.add(new OldSkuRowViewModel(r.sellerSku(), r.warehouseId(), r.warehouseLabel(), r.oldestDays(),
                    r.over180Units(), r.units(), supply));
        }
        List<AgeTrendPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(AgeTrendPoint::day));
        // Shares are over the units of known age (docs/DOMAIN.md §8); with none, the share is unknown.
        return new Loaded(bars, List.copyOf(sorted), List.copyOf(top), aged == 0 ? null : 100.0 * over180 / aged,
                total == 0 ? null : 100.0 * aged / total, null, stock.warehouses());
    }

    private void apply(Loaded loaded, String error) {
        loading.set(false);
        loadError.set(error);
        if (loaded == null) {
            return;
        }
        warehouseFilter.setWarehouses(loaded.warehouses());
        warehouses.setAll(loaded.bars());
        trend = loaded.trend();
        shownTrend.setAll(downsample(trend, pixelBudget.get()));
        oldest.setAll(loaded.oldest());
        over180Share.set(loaded.over180Share());
        ageKnown.set(loaded.ageKnown());
        trendEnd.set(loaded.trendEnd());
    }

    /**
     * Days of supply = (available + in transit) ÷ d̄; null ("—") when d̄ is 0 or unknown, or when
     * available is unknown. Unknown in-transit counts as none: providers that do not report it hold none.
     */
    public static Double daysOfSupply(Long available, Long inTransit, Double dailyDemand) {
        if (available == null || dailyDemand == null || dailyDemand <= 0 || dailyDemand.isNaN()) {
            return null;
        }
        long transit = inTransit == null ? 0 : inTransit;
        return (available + transit) / dailyDemand;
    }

    /**
     * Thins a trend to at most {@code maxPoints} points by min/max per bucket: the first and last points
     * always stay, and each bucket of interior points keeps its lowest and highest share in time order,
     * so every spike and dip the full series has is still drawn (unlike plain striding or averaging).
     * Pure: the input is not changed.
     */
    public static List<AgeTrendPoint> downsample(List<AgeTrendPoint> points, int maxPoints) {
        int n = points.size();
        if (maxPoints <= 0 || n == 0) {
            return List.of();
        }
        if (n <= maxPoints) {
            return List.copyOf(points);
        }
        if (maxPoints == 1) {
            return List.of(points.get(0));
        }
        int buckets = (maxPoints - 2) / 2;
        List<AgeTrendPoint> out = new ArrayList<>(maxPoints);
        out.add(points.get(0));
        int interior = n - 2;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) interior * b / buckets);
            int to = 1 + (int) ((long) interior * (b + 1) / buckets);
            if (from >= to) {
                continue;
            }
            int min = from;
            int max = from;
            for (int i = from + 1; i < to; i++) {
                double v = points.get(i).over180Share();
                if (v < points.get(min).over180Share()) {
                    min = i;
                }
                if (v > points.get(max).over180Share()) {
                    max = i;
                }
            }
            out.add(points.get(Math.min(min, max)));
            if (min != max) {
                out.add(points.get(Math.max(min, max)));
            }
        }
        out.add(points.get(n - 1));
        return List.copyOf(out);
    }

    /** The warehouses the screen shows (none chosen: all); a new choice reads everything again. */
    public WarehouseFilter warehouseFilter() {
        return warehouseFilter;
    }

    /** Units per bucket per warehouse, sorted by warehouse name. */
    public ObservableList<WarehouseAges> warehouses() {
        return warehouses;
    }

    /** The trend as drawn: never more points than {@link #pixelBudgetProperty()}. */
    public ObservableList<AgeTrendPoint> shownTrend() {
        return shownTrend;
    }

    /** Every point read, for tests and tooltips. */
    public List<AgeTrendPoint> fullTrend() {
        return trend;
    }

    /** The oldest SKU × warehouse lines first, at most {@link #OLDEST_CAP}. */
    public ObservableList<OldSkuRowViewModel> oldest() {
        return oldest;
    }

    /** How many points the trend chart can show: its plot width in pixels (set by the view). */
    public IntegerProperty pixelBudgetProperty() {
        return pixelBudget;
    }

    /** The last day of the trend's year ({@link #TREND_DAYS} days ending on it): the chart's axis, points or not. */
    public ReadOnlyObjectProperty<LocalDate> trendEndProperty() {
        return trendEnd.getReadOnlyProperty();
    }

    /** Units older than 180 days as a percent of the units of known age now; null when no unit has a known age. */
    public ReadOnlyObjectProperty<Double> over180ShareProperty() {
        return over180Share.getReadOnlyProperty();
    }

    /** Units of known age as a percent of all units now (what the share rests on); null when there is no stock. */
    public ReadOnlyObjectProperty<Double> ageKnownProperty() {
        return ageKnown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last read failed, null when it worked. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    @Override
    public void close() {
        loader.close();
    }
}
