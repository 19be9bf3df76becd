package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.SalesCount;
import com.stocklens.service.DailyDemand;
import com.stocklens.service.DemandReader;
import com.stocklens.service.HourlyDemand;
import com.stocklens.service.HourlyDemandReader;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Units sold per SKU per Beijing calendar day from the stored TikTok sale lines (one line = one
 * unit, cancelled lines excluded, day of the order's creation), with each day's stock-out flag.
 *
 * <p><b>Stock-out day</b>: a day on which at least one complete warehouse snapshot was taken and
 * none of that day's warehouse snapshots showed the SKU with {@code available > 0} in any
 * warehouse; a SKU missing from a snapshot (no stock row) counts as out of stock there. A day
 * without any warehouse snapshot is not a stock-out day: we do not know, so it is not skipped when
 * averaging. Deliberately strict ("out all day"): a SKU that sold out at 21:00 still sold that day,
 * and the day's sales say something about demand.
 *
 * <p>Set-based: one query for the units per SKU and day, one for the days with snapshots, one for the catalogue,
 * in one REPEATABLE READ transaction. The days each SKU was seen in stock come from {@link AvailableDays}, which
 * this reader keeps between reads and reads only the snapshots it has not counted yet.
 */
public final class JdbiDemandReader implements DemandReader, HourlyDemandReader {
    /**
     * The Beijing epoch day of an instant column. Arithmetic on EXTRACT(EPOCH) because a cast of a
     * zoned timestamp to DATE follows the session time zone in H2; Beijing has no DST, so +8 h is exact.
     */
    static final String DAY = "FLOOR((EXTRACT(EPOCH FROM %s) + 28800) / 86400)";
    private static final String HOUR = "FLOOR(EXTRACT(EPOCH FROM created_at) / 3600)";
    /** Seller SKUs bound into one statement. */
    private static final int SKU_CHUNK = 500;

    private final Jdbi jdbi;
    /** The days each SKU and pair was seen available, kept up to date across reads instead of read whole each time. */
    private final AvailableDays availableDays = new AvailableDays();

    public JdbiDemandReader(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Map<String, List<DailyDemand>> dailyDemand(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        Instant start = from.atStartOfDay(BeijingTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant();
        return Dialect.lazyRead(jdbi, h -> read(h, from, to, start, end));
    }

    private Map<String, List<DailyDemand>> read(Handle h, LocalDate from, LocalDate to, Instant start, Instant end) {
        Map<String, Map<LocalDate, Integer>> units = new HashMap<>();
        unitsPerDay(h, start, end, null, units);
        Set<LocalDate> snapshotDays = snapshotDays(h, start, end);
        AvailableDays.View inStock = snapshotDays.isEmpty() ? AvailableDays.View.NONE
                : availableDays.read(h, start, end);
        Set<String> skus = new TreeSet<>(units.keySet());
        h.createQuery("SELECT seller_sku FROM sku").mapTo(String.class).forEach(skus::add);

        Map<String, List<DailyDemand>> out = new TreeMap<>();
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        for (String sku : skus) {
            Map<LocalDate, Integer> perDay = units.getOrDefault(sku, Map.of());
            List<DailyDemand> series = new ArrayList<>((int) days);
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                boolean stockOut = snapshotDays.contains(d) && !inStock.availableAnywhere(sku, d);
                series.add(new DailyDemand(sku, d, perDay.getOrDefault(d, 0), stockOut));
            }
            out.put(sku, List.copyOf(series));
        }
        return out;
    }

    /**
     * The raw inputs of the one demand model (docs/DOMAIN.md "Demand and stock cover") over [from, to].
     *
     * @param sales       units per SKU, warehouse and Beijing day; the warehouse is ours when the sale lines'
     *                    TikTok warehouse is linked to exactly one of our warehouses, else null
     * @param carriers    seller SKU → our warehouses whose latest complete snapshot lists it
     * @param snapshotDays warehouse id → the Beijing days its source took a complete snapshot on
     * @param inStock     the days some warehouse snapshot showed each SKU × warehouse with available &gt; 0
     * @param salesFrom   the Beijing day of the earliest stored sale line (sales history starts there), null
     *                    when none is stored
     */
    public record WarehouseDemandData(List<SalesCount> sales, Map<String, Set<String>> carriers,
                                      Map<String, Set<LocalDate>> snapshotDays, AvailableDays.View inStock,
                                      LocalDate salesFrom) {
        /**
         * Whether {@code sku} was out of stock in {@code warehouseId} on {@code day}: the warehouse took a snapshot
         * that day and none showed it available (a day without a snapshot is never a stock-out day).
         */
        public boolean stockOut(String sku, String warehouseId, LocalDate day) {
            return snapshotDays.getOrDefault(warehouseId, Set.of()).contains(day)
                    && !inStock.available(sku, warehouseId, day);
        }
    }

    /** Reads {@link WarehouseDemandData} for [from, to] (Beijing days) in one REPEATABLE READ transaction. */
    public WarehouseDemandData warehouseDemand(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        Instant start = from.atStartOfDay(BeijingTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant();
        return Dialect.lazyRead(jdbi, h -> warehouseDemand(h, start, end));
    }

    private WarehouseDemandData warehouseDemand(Handle h, Instant start, Instant end) {
        // TikTok warehouse → ours, only where exactly one of ours is linked to it.
        Map<String, List<String>> linked = new HashMap<>();
        h.createQuery("SELECT id, tiktok_warehouse_id FROM warehouse WHERE tiktok_warehouse_id IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getString(1)))
                .forEach(e -> linked.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<SalesCount> sales = new ArrayList<>();
        h.createQuery("SELECT seller_sku, tiktok_warehouse_id, " + DAY.formatted("created_at") + " AS d, COUNT(*) "
                        + "FROM sale_line WHERE created_at >= :start AND created_at < :end AND seller_sku IS NOT NULL "
                        + "AND (status IS NULL OR status <> 'CANCELLED') "
                        + "GROUP BY seller_sku, tiktok_warehouse_id, " + DAY.formatted("created_at"))
                .bind("start", timestamp(start)).bind("end", timestamp(end))
                .scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    while (rs.next()) {
                        List<String> ours = rs.getString(2) == null ? null : linked.get(rs.getString(2));
                        sales.add(new SalesCount(rs.getString(1), ours != null && ours.size() == 1 ? ours.get(0) : null,
                                LocalDate.ofEpochDay(rs.getLong(3)), rs.getInt(4)));
                    }
                    return null;
                });
        Map<String, Set<String>> carriers = new HashMap<>();
        h.createQuery("SELECT r.seller_sku, r.warehouse_id FROM stock_row r WHERE r.snapshot_id IN ("
                        + "SELECT MAX(s.id) FROM snapshot s JOIN source src ON src.id = s.source_id "
                        + "AND src.kind = 'WAREHOUSE' GROUP BY s.source_id)")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> carriers.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        Map<String, Set<LocalDate>> snapshotDays = new HashMap<>();
        h.createQuery("SELECT DISTINCT w.id, " + DAY.formatted("s.taken_at") + " FROM snapshot s "
                        + "JOIN source src ON src.id = s.source_id AND src.kind = 'WAREHOUSE' "
                        + "JOIN warehouse w ON w.source_id = s.source_id "
                        + "WHERE s.taken_at >= :start AND s.taken_at < :end")
                .bind("start", timestamp(start)).bind("end", timestamp(end))
                .map((rs, ctx) -> Map.entry(rs.getString(1), LocalDate.ofEpochDay(rs.getLong(2))))
                .forEach(e -> snapshotDays.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        AvailableDays.View inStock = snapshotDays.isEmpty() ? AvailableDays.View.NONE
                : availableDays.read(h, start, end);
        return new WarehouseDemandData(List.copyOf(sales), carriers, snapshotDays, inStock, salesFrom(h));
    }

    /**
     * The SKU-level inputs of the one demand model for chosen seller SKUs over [from, to] (Beijing days).
     *
     * @param units        units sold per SKU and day (days without sales absent)
     * @param snapshotDays the days some warehouse took a snapshot on
     * @param inStockDays  the days some warehouse snapshot showed each SKU available (in any warehouse)
     * @param salesFrom    the Beijing day of the earliest stored sale line (sales history starts there), null when
     *                     none is stored
     */
    public record SkuDemandData(Map<String, Map<LocalDate, Integer>> units, Set<LocalDate> snapshotDays,
                                Map<String, Set<LocalDate>> inStockDays, LocalDate salesFrom) {
        /** Units of {@code sku} sold on {@code day}; 0 when none was. */
        public int units(String sku, LocalDate day) {
            return units.getOrDefault(sku, Map.of()).getOrDefault(day, 0);
        }

        /**
         * Whether {@code sku} was out of stock everywhere on {@code day}: some warehouse took a snapshot that day
         * and none showed it available (a day without a snapshot is never a stock-out day).
         */
        public boolean stockOut(String sku, LocalDate day) {
            return snapshotDays.contains(day) && !inStockDays.getOrDefault(sku, Set.of()).contains(day);
        }
    }

    /**
     * Reads {@link SkuDemandData} for {@code skus} over [from, to] (Beijing days) in one REPEATABLE READ
     * transaction. Only those SKUs' sale lines and stock rows are read: their stock rows by the primary key
     * (snapshot, SKU), so a few SKUs cost a few look-ups per snapshot however many rows each snapshot holds (the
     * triage asks for the SKUs of its alerts; {@link #warehouseDemand} reads every SKU).
     */
    public SkuDemandData skuDemand(LocalDate from, LocalDate to, Collection<String> skus) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        List<String> chosen = List.copyOf(new TreeSet<>(skus));
        if (chosen.isEmpty()) {
            return new SkuDemandData(Map.of(), Set.of(), Map.of(), null);
        }
        Instant start = from.atStartOfDay(BeijingTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant();
        return Dialect.lazyRead(jdbi, h -> skuDemand(h, chosen, start, end));
    }

    private SkuDemandData skuDemand(Handle h, List<String> skus, Instant start, Instant end) {
        Map<String, Map<LocalDate, Integer>> units = new HashMap<>();
        Map<String, Set<LocalDate>> inStock = new HashMap<>();
        for (int i = 0; i < skus.size(); i += SKU_CHUNK) {
            List<String> chunk = skus.subList(i, Math.min(skus.size(), i + SKU_CHUNK));
            unitsPerDay(h, start, end, chunk, units);
            // The SKUs as a table joined to the stock rows: each (snapshot, SKU) pair is a look-up on the primary
            // key; an IN list beside the join would have every row of each snapshot read and filtered.
            StringBuilder values = new StringBuilder();
            for (int k = 0; k < chunk.size(); k++) {
                values.append(k == 0 ? "" : ", ").append("(CAST(:k").append(k).append(" AS VARCHAR(200)))");
            }
            var query = h.createQuery("SELECT DISTINCT r.seller_sku, " + DAY.formatted("s.taken_at")
                    + " FROM snapshot s "
                    + "JOIN source src ON src.id = s.source_id AND src.kind = 'WAREHOUSE' "
                    + "JOIN (VALUES " + values + ") t (sku) ON 1 = 1 "
                    + "JOIN stock_row r ON r.snapshot_id = s.id AND r.seller_sku = t.sku "
                    + "WHERE s.taken_at >= :start AND s.taken_at < :end AND r.available > 0")
                    .bind("start", timestamp(start)).bind("end", timestamp(end));
            for (int k = 0; k < chunk.size(); k++) {
                query.bind("k" + k, chunk.get(k));
            }
            query.map((rs, ctx) -> Map.entry(rs.getString(1), LocalDate.ofEpochDay(rs.getLong(2))))
                    .forEach(e -> inStock.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        }
        return new SkuDemandData(units, snapshotDays(h, start, end), inStock, salesFrom(h));
    }

    /**
     * Units sold per seller SKU and Beijing day in [start, end) into {@code units}, cancelled lines left out: of
     * every SKU, or of {@code skus} only when given.
     */
    private static void unitsPerDay(Handle h, Instant start, Instant end, List<String> skus,
                                    Map<String, Map<LocalDate, Integer>> units) {
        var query = h.createQuery("SELECT seller_sku, " + DAY.formatted("created_at") + ", COUNT(*) FROM sale_line "
                        + "WHERE created_at >= :start AND created_at < :end AND "
                        + (skus == null ? "seller_sku IS NOT NULL " : "seller_sku IN (<skus>) ")
                        + "AND (status IS NULL OR status <> 'CANCELLED') GROUP BY seller_sku, "
                        + DAY.formatted("created_at"))
                .bind("start", timestamp(start)).bind("end", timestamp(end));
        if (skus != null) {
            query.bindList("skus", skus);
        }
        query.scanResultSet((supplier, ctx) -> {
            ResultSet rs = supplier.get();
            while (rs.next()) {
                units.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(LocalDate.ofEpochDay(rs.getLong(2)), rs.getInt(3));
            }
            return null;
        });
    }

    /** The Beijing days in [start, end) some warehouse took a snapshot on. */
    private static Set<LocalDate> snapshotDays(Handle h, Instant start, Instant end) {
        Set<LocalDate> days = new HashSet<>();
        h.createQuery("SELECT DISTINCT " + DAY.formatted("s.taken_at") + " FROM snapshot s "
                        + "JOIN source src ON src.id = s.source_id AND src.kind = 'WAREHOUSE' "
                        + "WHERE s.taken_at >= :start AND s.taken_at < :end")
                .bind("start", timestamp(start)).bind("end", timestamp(end))
                .mapTo(Long.class)
                .forEach(d -> days.add(LocalDate.ofEpochDay(d)));
        return days;
    }

    /** The Beijing day of the earliest stored sale line; null when none is stored. */
    private static LocalDate salesFrom(Handle h) {
        // MIN of the column itself, which its index answers; a day is a monotonic function of the instant.
        Instant first = h.createQuery("SELECT MIN(created_at) AS first FROM sale_line")
                .map((rs, ctx) -> SqlValues.instant(rs, "first")).one();
        return first == null ? null : first.atZone(BeijingTime.ZONE).toLocalDate();
    }

    /**
     * Units per SKU per clock hour over the {@code hours} hours before {@code now} (the current,
     * incomplete hour included as the last bucket), SKUs without sales left out, hours without sales
     * included as 0: the hourly burn rate for "hours of cover".
     */
    @Override
    public Map<String, List<HourlyDemand>> hourlyDemand(Instant now, int hours) {
        if (hours < 1) {
            throw new IllegalArgumentException("hours must be positive: " + hours);
        }
        Instant lastHour = now.truncatedTo(ChronoUnit.HOURS);
        Instant first = lastHour.minus(hours - 1L, ChronoUnit.HOURS);
        Map<String, Map<Instant, Integer>> units = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT seller_sku, " + HOUR + " AS hr, COUNT(*) "
                        + "FROM sale_line WHERE created_at >= :start AND created_at <= :now AND seller_sku IS NOT NULL "
                        + "AND (status IS NULL OR status <> 'CANCELLED') "
                        + "GROUP BY seller_sku, " + HOUR)
                .bind("start", timestamp(first)).bind("now", timestamp(now))
                .scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    while (rs.next()) {
                        Instant hr = Instant.ofEpochSecond(rs.getLong(2) * 3600);
                        units.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(hr, rs.getInt(3), Integer::sum);
                    }
                    return null;
                }));
        Map<String, List<HourlyDemand>> out = new TreeMap<>();
        units.forEach((sku, perHour) -> {
            List<HourlyDemand> series = new ArrayList<>(hours);
            for (Instant t = first; !t.isAfter(lastHour); t = t.plus(1, ChronoUnit.HOURS)) {
                series.add(new HourlyDemand(sku, t, perHour.getOrDefault(t, 0)));
            }
            out.put(sku, List.copyOf(series));
        });
        return out;
    }
}
