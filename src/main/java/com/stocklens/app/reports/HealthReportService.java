package com.stocklens.app.reports;

import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Thresholds;
import com.stocklens.rules.DemandDay;
import com.stocklens.rules.HealthCalculator;
import com.stocklens.rules.HealthLine;
import com.stocklens.rules.ListingStatus;
import com.stocklens.rules.WarehouseDemand;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.HealthReports;
import com.stocklens.store.JdbiHealthData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The health report from the store: stock history ({@link JdbiHealthData}), the one demand model
 * ({@link WarehouseDemandService}), FIFO ageing and the settings, judged by the pure {@link HealthCalculator}.
 *
 * <p>Only complete Beijing days count: the period ends yesterday at the latest (today is not over), like
 * {@code demand}. The stock at the period's close (available, in transit, ages, stranded units, "in stock" for
 * 动销率) is the last snapshot by the end of its last day, or the latest one when the period reaches today.
 *
 * <p>How the history becomes daily series: each Beijing day takes each warehouse source's last complete
 * snapshot of that day; a day without one carries the previous snapshot forward (the app was closed, the
 * stock did not vanish); days before a source's first snapshot have no data and are left out of the averages
 * rather than counted as zero, and so are days before sales history begins. A SKU × warehouse missing from a
 * day's snapshot had no stock that day.
 *
 * <p>Sales per SKU × warehouse come from the sale lines' warehouse ({@link WarehouseDemand}); the same model
 * feeds the flag engine's safety stock.
 */
public final class HealthReportService implements HealthReports {
    private static final int TRAILING_DAYS = 90;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*-?[Qq]([1-4])");

    private final JdbiHealthData data;
    private final WarehouseDemandService demand;
    private final AgeingReader ageing;
    private final Supplier<Thresholds> thresholds;
    private final Supplier<HealthBands> bands;
    private final Clock clock;
    private Supplier<Map<String, String>> warehouseNames = Map::of;

    public HealthReportService(JdbiHealthData data, WarehouseDemandService demand, AgeingReader ageing,
                               Supplier<Thresholds> thresholds, Supplier<HealthBands> bands, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.demand = Objects.requireNonNull(demand, "demand");
        this.ageing = Objects.requireNonNull(ageing, "ageing");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.bands = Objects.requireNonNull(bands, "bands");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A reporting period of Beijing calendar days, both ends inclusive. */
    public record Period(LocalDate from, LocalDate to) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
            }
        }
    }

    /** {@code 2026Q3} (also {@code 2026-Q3}, {@code 2026q3}) → [2026-07-01, 2026-09-30]. */
    public static Period quarter(String text) {
        Matcher m = QUARTER.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quarter: '" + text + "' (expected e.g. 2026Q3)");
        }
        LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        return new Period(from, from.plusMonths(3).minusDays(1));
    }

    @Override
    public HealthReport report(LocalDate from, LocalDate to) {
        return report(from, to, null, Set.of());
    }

    /**
     * The report as it could be made at {@code at}: the period is cut at the day before {@code at}'s Beijing
     * day (the last complete one); stock comes from the snapshots taken at or before {@code at}, ages are
     * counted to that day, the TikTok mapping and the blocked SKUs are as of then. Sales are counted by whole
     * Beijing days with cancellations as known now; the thresholds and bands are today's settings.
     */
    @Override
    public HealthReport reportAt(LocalDate from, LocalDate to, Instant at) {
        return report(from, to, Objects.requireNonNull(at, "at"), Set.of());
    }

    /**
     * As {@link #report} (at null) or {@link #reportAt}, on the lines of the warehouses {@code warehouseIds} only
     * (none: all).
     */
    @Override
    public HealthReport report(LocalDate from, LocalDate to, Instant at, Set<String> warehouseIds) {
        Instant moment = at == null ? clock.instant() : at;
        LocalDate today = moment.atZone(BeijingTime.ZONE).toLocalDate();
        if (from.isAfter(today)) {
            throw new IllegalArgumentException("the period starts (" + from + ") after today (" + today + ")");
        }
        // Rates rest on complete days only; the close is the stock as it stands by the end of the period.
        LocalDate lastComplete = today.minusDays(1);
        LocalDate end = to.isAfter(lastComplete) ? lastComplete : to;
        LocalDate close = to.isAfter(today) ? today : to;
        Thresholds t = thresholds.get();
        LocalDate t90 = end.minusDays(TRAILING_DAYS - 1L);
        LocalDate window = end.minusDays(t.demandWindowDays() - 1L);
        LocalDate readFrom = earliest(from, t90, window);
        JdbiHealthData.History history = data.read(readFrom, close, at);
        WarehouseDemandService.Demand sales = demand.read(readFrom, end.isBefore(readFrom) ? readFrom : end);
        Set<String> blocked = data.blocked(moment);
        List<HealthLine> lines = lines(history, sales, at == null ? ageing.current() : ageing.at(at), blocked, from,
                end, close, t.demandWindowDays()).stream()
                .filter(l -> warehouseIds.isEmpty() || warehouseIds.contains(l.warehouseId())).toList();
        int periodDays = days(from, end);
        HealthCalculator.Span span = new HealthCalculator.Span(periodDays, sales.salesDays(from, end), TRAILING_DAYS,
                sales.salesDays(t90, end), t.demandWindowDays(), sales.salesDays(window, end));
        return new HealthCalculator(bands.get(), t.leadTimeDays(), t.targetCoverDays())
                .report(from, end.isBefore(from) ? from : end, lines, span).withWarehouseNames(warehouseNames.get());
    }

    /** The report names warehouses by {@code names} (id → display name) in the files a seller reads. */
    public HealthReportService withWarehouseNames(Supplier<Map<String, String>> names) {
        this.warehouseNames = Objects.requireNonNull(names, "names");
        return this;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate m = a.isBefore(b) ? a : b;
        return m.isBefore(c) ? m : c;
    }

    /** Days of [a, b], 0 when b is before a. */
    private static int days(LocalDate a, LocalDate b) {
        return b.isBefore(a) ? 0 : (int) ChronoUnit.DAYS.between(a, b) + 1;
    }

    /**
     * The calculator's lines, from raw history (package-private for tests).
     *
     * @param blocked pairs ({@code sku@warehouse}) TikTok blocks for an overdue calibration: their listing is BLOCKED
     * @param end     the last complete day of the period (may be before {@code from}: no complete day yet)
     * @param close   the day whose last snapshot is the period's closing stock
     */
    static List<HealthLine> lines(JdbiHealthData.History history, WarehouseDemandService.Demand sales,
                                  List<AgeProfile> ages, Set<String> blocked, LocalDate from, LocalDate end,
                                  LocalDate close, int demandWindowDays) {
        LocalDate t90 = end.minusDays(TRAILING_DAYS - 1L);
        LocalDate readFrom = earliest(from, t90, end.minusDays(demandWindowDays - 1L));
        // source → day → rows (the carry-in sits on the day before the range).
        Map<String, NavigableMap<LocalDate, Map<Key, JdbiHealthData.Row>>> bySource = new HashMap<>();
        Map<Key, Series> series = new TreeMap<>();
        for (JdbiHealthData.SnapshotDay sd : history.days()) {
            Map<Key, JdbiHealthData.Row> rows = new HashMap<>();
            for (JdbiHealthData.Row r : sd.rows()) {
                Key k = new Key(r.sellerSku(), r.warehouseId());
                rows.put(k, r);
                series.computeIfAbsent(k, x -> new Series()).source = sd.sourceId();
            }
            bySource.computeIfAbsent(sd.sourceId(), s -> new TreeMap<>())
                    .put(sd.day() == null ? readFrom.minusDays(1) : sd.day(), rows);
        }
        // A pair that sold without any stock row still has a line: its sales count (动销率), its stock is unknown.
        for (String sku : sales.model().skus()) {
            for (String w : sales.model().warehousesOf(sku)) {
                series.computeIfAbsent(new Key(sku, w), x -> new Series());
            }
        }
        LocalDate last = end.isAfter(close) ? end : close;
        for (Map.Entry<Key, Series> e : series.entrySet()) {
            Key k = e.getKey();
            Series s = e.getValue();
            NavigableMap<LocalDate, Map<Key, JdbiHealthData.Row>> snaps =
                    s.source == null ? null : bySource.get(s.source);
            for (LocalDate d = readFrom; !d.isAfter(last); d = d.plusDays(1)) {
                Map.Entry<LocalDate, Map<Key, JdbiHealthData.Row>> snap = snaps == null ? null : snaps.floorEntry(d);
                if (snap == null) {
                    continue; // before our history: no data, not zero
                }
                JdbiHealthData.Row r = snap.getValue().get(k);
                Integer onHand = r == null ? Integer.valueOf(0) : r.onHand();
                Integer available = r == null ? Integer.valueOf(0) : r.available();
                boolean complete = !d.isAfter(end);
                if (complete && sales.covers(d)) {
                    if (onHand != null && !d.isBefore(from)) {
                        s.onHand.put(d, onHand);
                        s.sold += sales.model().units(k.sku, k.warehouse, d, d);
                    }
                    if (available != null && !d.isBefore(t90)) {
                        s.available90.put(d, available);
                        s.sold90 += sales.model().units(k.sku, k.warehouse, d, d);
                    }
                }
                if (complete && !d.isBefore(from) && onHand != null && onHand > 0) {
                    s.heldInPeriod = true;
                }
                if (d.equals(close)) {
                    s.available = available;
                    s.inTransit = r == null ? Integer.valueOf(0) : r.inTransit();
                    s.heldAtClose = onHand != null && onHand > 0;
                }
            }
        }
        Map<Key, AgeProfile> ageByKey = new HashMap<>();
        ages.forEach(a -> ageByKey.put(new Key(a.sellerSku(), a.warehouseId()), a));

        List<HealthLine> lines = new ArrayList<>(series.size());
        for (Map.Entry<Key, Series> e : series.entrySet()) {
            Key k = e.getKey();
            Series s = e.getValue();
            AgeProfile age = ageByKey.get(k);
            ListingStatus listing = blocked.contains(WarehouseDemand.key(k.sku, k.warehouse)) ? ListingStatus.BLOCKED
                    : !history.haveTikTok() ? ListingStatus.UNKNOWN
                    : history.mapped().contains(k.sku) ? ListingStatus.ACTIVE : ListingStatus.UNMAPPED;
            Double dbar = DemandDay.perDayOf(
                    sales.series(k.sku, k.warehouse, end.minusDays(demandWindowDays - 1L), end));
            double periodSold = end.isBefore(from) ? 0 : sales.model().units(k.sku, k.warehouse, from, end);
            lines.add(new HealthLine(k.sku, history.names().get(k.sku), k.warehouse,
                    new ArrayList<>(s.onHand.values()), s.sold, new ArrayList<>(s.available90.values()), s.sold90,
                    dbar, s.available, s.inTransit, age == null ? 0 : age.olderThan(180), age == null ? 0 : age.aged(),
                    age == null ? null : age.oldestDays(), listing, periodSold, s.heldAtClose || s.heldInPeriod,
                    age == null ? 0 : age.unaged()));
        }
        return lines;
    }

    private record Key(String sku, String warehouse) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = sku.compareTo(o.sku);
            return c != 0 ? c : warehouse.compareTo(o.warehouse);
        }
    }

    /** One SKU × warehouse's days, in day order. */
    private static final class Series {
        String source;
        final TreeMap<LocalDate, Integer> onHand = new TreeMap<>();
        final TreeMap<LocalDate, Integer> available90 = new TreeMap<>();
        double sold;
        double sold90;
        boolean heldInPeriod;
        boolean heldAtClose;
        Integer available;
        Integer inTransit;
    }
}
