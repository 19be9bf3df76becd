package com.stocklens.store;

import com.stocklens.domain.BeijingTime;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Which SKUs, and which SKU × warehouse pairs, some warehouse snapshot showed with {@code available > 0} on each
 * Beijing day: what the demand model's stock-out days are worked out from ({@link JdbiDemandReader}).
 *
 * <p>Kept between reads and brought up to date from the snapshots the store holds at each read. A day whose
 * warehouse snapshots are the ones already counted costs nothing beyond the list of snapshots; a day with new
 * snapshots reads only their rows; a day that lost a snapshot (history compaction, or a transaction older than
 * the last update) is read again whole. That is sound because a snapshot's rows never change once stored: they
 * are inserted with it and deleted with it. A snapshot is known by its id and row count, so one written again
 * under an old id (only the demo's history backfill does that) with other rows is read again too. Before, every read of the demand inputs went through every stock row
 * of its window, on every sync: at 100,000 rows a snapshot that was about 2 s and 1.6 GB of garbage a read
 * (BENCHMARKS.md, issue 20).
 *
 * <p>Thread-safe: reads made at the same time (the rules, the triage, a report) take turns to bring it up to
 * date (the first, which reads the whole window, makes the others wait for it), and each gets a {@link View}
 * that later updates leave as it was. Days far from every window read lately are let go ({@link #KEPT_DAYS});
 * the ids given to SKUs and warehouses are kept for the life of the reader (one small entry per SKU ever seen
 * available, about 3 MB at 33,000 SKUs).
 *
 * <p>The list of snapshots and their rows are two statements of the caller's transaction. On H2 a snapshot
 * compacted away between the two is counted with the rows it still had; the next read finds its id gone and
 * reads that day again.
 */
public final class AvailableDays {
    /** Days kept before the start of the latest window read (a quarter's report beside the rules' month). */
    static final long KEPT_DAYS = 400;
    /** Snapshot ids bound into one statement. */
    private static final int CHUNK = 500;

    /** Warehouse id → warehouse index; ids are never reassigned, views read it while a read adds to it. */
    private final Map<String, Integer> warehouseIds = new ConcurrentHashMap<>();
    /**
     * Seller SKU → SKU id, the same way. A pair is a SKU id in its warehouse's set of a day: one entry per SKU,
     * not one per SKU × warehouse (at 100,000 pairs a map of pairs held about 10 MB of keys and entries).
     */
    private final Map<String, Integer> skuIds = new ConcurrentHashMap<>();
    /** Beijing epoch day → what that day's counted snapshots showed; a day is replaced, never changed. */
    private final Map<Long, Day> days = new HashMap<>();

    /** Ids handed out so far (under the monitor). */
    private int warehouseCount;
    private int skuCount;
    /** Stock rows read so far (tests: a day already counted is not read again). */
    private long rowsRead;

    /** A snapshot as counted: its id and its row count. */
    private record Counted(long id, int rows) {
    }

    /**
     * A day's counted snapshots, the SKUs they showed available in each warehouse (by warehouse index) and in
     * any. Filled while it is made, never changed once a view holds it.
     */
    private record Day(Set<Counted> snapshots, List<BitSet> byWarehouse, BitSet skus) {
        static Day empty(Set<Counted> snapshots) {
            return new Day(Set.copyOf(snapshots), new ArrayList<>(), new BitSet());
        }

        /** A copy for {@code snapshots}, to be filled with the rows of the ones added. */
        Day copyFor(Set<Counted> snapshots) {
            List<BitSet> copied = new ArrayList<>(byWarehouse.size());
            byWarehouse.forEach(b -> copied.add(b == null ? null : (BitSet) b.clone()));
            return new Day(Set.copyOf(snapshots), copied, (BitSet) skus.clone());
        }

        void set(int warehouse, int sku) {
            while (byWarehouse.size() <= warehouse) {
                byWarehouse.add(null);
            }
            BitSet in = byWarehouse.get(warehouse);
            if (in == null) {
                in = new BitSet();
                byWarehouse.set(warehouse, in);
            }
            in.set(sku);
            skus.set(sku);
        }

        boolean available(int warehouse, int sku) {
            BitSet in = warehouse < byWarehouse.size() ? byWarehouse.get(warehouse) : null;
            return in != null && in.get(sku);
        }
    }

    /**
     * What the warehouse snapshots the store holds (as {@code h}'s transaction sees it) showed available on the
     * Beijing days of [start, end), both at the start of a Beijing day.
     */
    synchronized View read(Handle h, Instant start, Instant end) {
        Map<Long, Set<Counted>> now = new HashMap<>();
        h.createQuery("SELECT " + JdbiDemandReader.DAY.formatted("s.taken_at") + ", s.id, s.row_count "
                        + "FROM snapshot s "
                        + "JOIN source src ON src.id = s.source_id AND src.kind = 'WAREHOUSE' "
                        + "WHERE s.taken_at >= :start AND s.taken_at < :end")
                .bind("start", SqlValues.timestamp(start)).bind("end", SqlValues.timestamp(end))
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Counted(rs.getLong(2), rs.getInt(3))))
                .forEach(e -> now.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        Map<Long, Day> shown = new HashMap<>();
        for (Map.Entry<Long, Set<Counted>> e : now.entrySet()) {
            Day counted = days.get(e.getKey());
            Day day;
            if (counted != null && counted.snapshots().equals(e.getValue())) {
                day = counted;
            } else if (counted != null && e.getValue().containsAll(counted.snapshots())) {
                Set<Counted> added = new HashSet<>(e.getValue());
                added.removeAll(counted.snapshots());
                day = counted.copyFor(e.getValue());
                readInto(h, added, day);
            } else {
                day = Day.empty(e.getValue());
                readInto(h, e.getValue(), day);
            }
            days.put(e.getKey(), day);
            shown.put(e.getKey(), day);
        }
        long first = start.atZone(BeijingTime.ZONE).toLocalDate().toEpochDay();
        long last = end.atZone(BeijingTime.ZONE).toLocalDate().toEpochDay();
        // A day of the window without a snapshot now is forgotten; so is one far from the windows read lately.
        days.keySet().removeIf(d -> d >= first && d < last && !now.containsKey(d) || d < first - KEPT_DAYS);
        return new View(shown, warehouseIds, skuIds);
    }

    /** Stock rows read from the store so far. */
    synchronized long rowsRead() {
        return rowsRead;
    }

    private void readInto(Handle h, Set<Counted> snapshots, Day day) {
        List<Long> ids = new ArrayList<>(snapshots.size());
        snapshots.forEach(c -> ids.add(c.id()));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            h.createQuery("SELECT warehouse_id, seller_sku FROM stock_row "
                            + "WHERE snapshot_id IN (<ids>) AND available > 0")
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .scanResultSet((supplier, ctx) -> {
                        ResultSet rs = supplier.get();
                        while (rs.next()) {
                            day.set(warehouseIds.computeIfAbsent(rs.getString(1), k -> warehouseCount++),
                                    skuIds.computeIfAbsent(rs.getString(2), k -> skuCount++));
                            rowsRead++;
                        }
                        return null;
                    });
        }
    }

    /** What the snapshots of one read's days showed available; unchanged by later reads. */
    public static final class View {
        /** No snapshot on any day: nothing shown available. */
        public static final View NONE = new View(Map.of(), Map.of(), Map.of());

        private final Map<Long, Day> days;
        private final Map<String, Integer> warehouseIds;
        private final Map<String, Integer> skuIds;

        private View(Map<Long, Day> days, Map<String, Integer> warehouseIds, Map<String, Integer> skuIds) {
            this.days = Map.copyOf(days);
            this.warehouseIds = warehouseIds;
            this.skuIds = skuIds;
        }

        /** Whether a warehouse snapshot of {@code day} showed {@code sellerSku} available in {@code warehouseId}. */
        public boolean available(String sellerSku, String warehouseId, LocalDate day) {
            Day d = days.get(day.toEpochDay());
            Integer warehouse = d == null ? null : warehouseIds.get(warehouseId);
            Integer sku = warehouse == null ? null : skuIds.get(sellerSku);
            return sku != null && d.available(warehouse, sku);
        }

        /** Whether a warehouse snapshot of {@code day} showed {@code sellerSku} available in any warehouse. */
        public boolean availableAnywhere(String sellerSku, LocalDate day) {
            Day d = days.get(day.toEpochDay());
            Integer id = d == null ? null : skuIds.get(sellerSku);
            return id != null && d.skus().get(id);
        }
    }
}
