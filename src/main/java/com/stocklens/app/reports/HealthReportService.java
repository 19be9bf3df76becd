package com.stocklens.app.reports;

import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Thresholds;
import com.stocklens.rules.HealthCalculator;
import com.stocklens.rules.HealthLine;
import com.stocklens.rules.ListingStatus;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.DailyDemand;
import com.stocklens.service.DemandReader;
import com.stocklens.service.HealthReports;
import com.stocklens.store.JdbiHealthData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The health report from the store: stock history ({@link JdbiHealthData}), demand, FIFO ageing and
 * the settings, judged by the pure {@link HealthCalculator}. Lives in sync because the store may not
 * import the rules.
 *
 * <p>How the history becomes daily series: each Beijing day takes each warehouse source's last
 * complete snapshot of that day; a day without one carries the previous snapshot forward (the app was
 * closed, the stock did not vanish); days before a source's first snapshot have no data and are left
 * out of the averages rather than counted as zero. A SKU × warehouse missing from a day's snapshot
 * had no stock that day.
 *
 * <p>Sales are per SKU (TikTok orders do not say which of our warehouses shipped); with the SKU in
 * several warehouses they are attributed in proportion to each warehouse's on-hand unit-days.
 */
public final class HealthReportService implements HealthReports {
    private static final int TRAILING_DAYS = 90;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*-?[Qq]([1-4])");

    private final JdbiHealthData data;
    private final DemandReader demand;
    private final AgeingReader ageing;
    private final Supplier<Thresholds> thresholds;
    private final Supplier<HealthBands> bands;
    private final Clock clock;

    public HealthReportService(JdbiHealthData data, DemandReader demand, AgeingReader ageing,
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
        return report(from, to, null);
    }

    /**
     * The report as it could be made at {@code at}: the period is cut at {@code at}'s Beijing day; stock
     * comes from the snapshots taken at or before {@code at} (the last day's close is the last snapshot by
     * then), ages are counted to that day, the TikTok mapping is TikTok's as of then. Sales are counted by
     * whole Beijing days, the moment's own day included, with cancellations as known now; the thresholds
     * and bands are today's settings.
     */
    @Override
    public HealthReport reportAt(LocalDate from, LocalDate to, Instant at) {
        return report(from, to, Objects.requireNonNull(at, "at"));
    }

    private HealthReport report(LocalDate from, LocalDate to, Instant at) {
        LocalDate today = at == null ? LocalDate.now(clock.withZone(BeijingTime.ZONE))
                : at.atZone(BeijingTime.ZONE).toLocalDate();
        // A period reaching past today is cut at today: the future has no stock to judge.
        LocalDate end = to.isAfter(today) ? today : to;
        if (from.isAfter(end)) {
            throw new IllegalArgumentException("the period starts (" + from + ") after today (" + today + ")");
        }
        Thresholds t = thresholds.get();
        LocalDate t90 = end.minusDays(TRAILING_DAYS - 1L);
        LocalDate readFrom = t90.isBefore(from) ? t90 : from;
        JdbiHealthData.History history = data.read(readFrom, end, at);
        Map<String, List<DailyDemand>> sales = demand.dailyDemand(readFrom, end);
        List<HealthLine> lines = lines(history, sales, at == null ? ageing.current() : ageing.at(at), from, end,
                t.demandWindowDays());
        return new HealthCalculator(bands.get(), t.leadTimeDays(), t.targetCoverDays()).report(from, end, lines);
    }

    /** The calculator's lines, from raw history (package-private for tests). */
    static List<HealthLine> lines(JdbiHealthData.History history, Map<String, List<DailyDemand>> sales,
                                  List<AgeProfile> ages, LocalDate from, LocalDate end, int demandWindowDays) {
        LocalDate t90 = end.minusDays(TRAILING_DAYS - 1L);
        LocalDate readFrom = t90.isBefore(from) ? t90 : from;
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
        for (LocalDate d = readFrom; !d.isAfter(end); d = d.plusDays(1)) {
            for (Map.Entry<Key, Series> e : series.entrySet()) {
                Map.Entry<LocalDate, Map<Key, JdbiHealthData.Row>> snap = bySource.get(e.getValue().source).floorEntry(d);
                if (snap == null) {
                    continue; // before our history: no data, not zero
                }
                JdbiHealthData.Row r = snap.getValue().get(e.getKey());
                Integer onHand = r == null ? Integer.valueOf(0) : r.onHand();
                Integer available = r == null ? Integer.valueOf(0) : r.available();
                Series s = e.getValue();
                if (onHand != null && !d.isBefore(from)) {
                    s.onHand.put(d, onHand);
                    s.unitDays += onHand;
                }
                if (available != null && !d.isBefore(t90)) {
                    s.available90.put(d, available);
                }
                if (d.equals(end)) {
                    s.available = available;
                    s.inTransit = r == null ? Integer.valueOf(0) : r.inTransit();
                }
            }
        }
        Map<String, List<Key>> keysBySku = new HashMap<>();
        series.keySet().forEach(k -> keysBySku.computeIfAbsent(k.sku, x -> new ArrayList<>()).add(k));
        Map<Key, AgeProfile> ageByKey = new HashMap<>();
        ages.forEach(a -> ageByKey.put(new Key(a.sellerSku(), a.warehouseId()), a));

        List<HealthLine> lines = new ArrayList<>(series.size());
        for (Map.Entry<Key, Series> e : series.entrySet()) {
            Key k = e.getKey();
            Series s = e.getValue();
            double share = share(k, keysBySku.get(k.sku), series);
            List<DailyDemand> skuSales = sales.getOrDefault(k.sku, List.of());
            int sold = 0;
            int sold90 = 0;
            for (DailyDemand dd : skuSales) {
                sold += s.onHand.containsKey(dd.day()) ? dd.units() : 0;
                sold90 += s.available90.containsKey(dd.day()) ? dd.units() : 0;
            }
            AgeProfile age = ageByKey.get(k);
            ListingStatus listing = !history.haveTikTok() ? ListingStatus.UNKNOWN
                    : history.mapped().contains(k.sku) ? ListingStatus.ACTIVE : ListingStatus.UNMAPPED;
            Double dbar = dailyDemand(skuSales, end, demandWindowDays);
            lines.add(new HealthLine(k.sku, history.names().get(k.sku), k.warehouse,
                    new ArrayList<>(s.onHand.values()), (int) Math.round(sold * share),
                    new ArrayList<>(s.available90.values()), (int) Math.round(sold90 * share),
                    dbar == null ? null : dbar * share, s.available, s.inTransit,
                    age == null ? 0 : age.olderThan(180), age == null ? 0 : age.total(),
                    age == null ? null : age.oldestDays(), listing));
        }
        return lines;
    }

    /** This warehouse's part of the SKU's sales: its share of on-hand unit-days (equal parts when none). */
    private static double share(Key k, List<Key> siblings, Map<Key, Series> series) {
        if (siblings.size() == 1) {
            return 1;
        }
        long total = 0;
        for (Key s : siblings) {
            total += series.get(s).unitDays;
        }
        return total == 0 ? 1.0 / siblings.size() : (double) series.get(k).unitDays / total;
    }

    /** d̄ over the demand window ending with the period, stock-out days skipped; null when none counts. */
    static Double dailyDemand(List<DailyDemand> skuSales, LocalDate end, int windowDays) {
        LocalDate start = end.minusDays(windowDays - 1L);
        long units = 0;
        int days = 0;
        for (DailyDemand d : skuSales) {
            if (!d.day().isBefore(start) && !d.day().isAfter(end) && !d.stockOut()) {
                units += d.units();
                days++;
            }
        }
        return days == 0 ? null : (double) units / days;
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
        long unitDays;
        Integer available;
        Integer inTransit;
    }
}
