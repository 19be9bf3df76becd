package com.stocklens.store;

import com.stocklens.domain.WarehouseKpis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Measures connected warehouses from StockLens's own history over [from, to): the figures of
 * {@link WarehouseKpis} except the ageing ones (left null for the sync layer, which owns FIFO ageing).
 * Definitions (each hand-computable, see the test):
 * <ul>
 * <li><b>staleness</b>: for every finished sync run of the warehouse's source started in the window, the
 * age of the data it was about to replace = its start − the finish of the last COMPLETE run before it
 * (runs with no earlier complete run are skipped); p50 and p95 by nearest rank, in minutes;</li>
 * <li><b>failure share</b>: FAILED ÷ (COMPLETE + FAILED) runs started in the window;</li>
 * <li><b>SKU-days</b>: distinct (SKU, Beijing day) with a row for the warehouse; <b>stock-out rate</b>: of
 * those with a known available in the day's last row, the share where it was 0;</li>
 * <li><b>calibrations per 1,000 SKU-days</b>: calibration tasks detected in the window × 1000 ÷ SKU-days;</li>
 * <li><b>dock-to-stock</b> (proxy): per SKU, an inbound is seen when in_transit rises; it has landed once
 * in_transit falls; it is stock at the first later (or same) reading where available rises. Median hours;</li>
 * <li><b>returns QC turnaround</b> (proxy): per SKU, returns awaiting QC rise, then the first reading where they
 * fall again. Median hours.</li>
 * </ul>
 * Rows are streamed in snapshot order, so memory grows with SKUs, not with history.
 */
public final class JdbiWarehouseKpis {
    private static final long BEIJING_OFFSET_SECONDS = 8 * 3600;
    private final Jdbi jdbi;

    public JdbiWarehouseKpis(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Connected warehouses: id → (source id, name, market code, region). */
    public record ConnectedWarehouse(String id, String sourceId, String provider, String name, String market,
                                     String region) {
    }

    public List<ConnectedWarehouse> warehouses() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, source_id, provider, name, market, region FROM warehouse "
                        + "ORDER BY name, id")
                .map((rs, ctx) -> new ConnectedWarehouse(rs.getString("id"), rs.getString("source_id"),
                        rs.getString("provider"), rs.getString("name"), rs.getString("market"), rs.getString("region")))
                .list());
    }

    /**
     * The shop's SKUs: distinct seller SKUs in the latest snapshot of every source (warehouse rows and
     * TikTok's), the count the three-code check and the stock board give too; null when none is known yet.
     * Not the {@code sku} table, which keeps every code ever seen (retired products, codes before mapping).
     */
    public Integer skuCount() {
        int n = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ("
                        + "SELECT r.seller_sku FROM stock_row r WHERE r.snapshot_id IN " + LATEST
                        + " UNION SELECT c.seller_sku FROM channel_row c WHERE c.seller_sku IS NOT NULL "
                        + "AND c.snapshot_id IN " + LATEST + ") x")
                .mapTo(Integer.class).one());
        return n == 0 ? null : n;
    }

    /** The latest complete snapshot of every source. */
    private static final String LATEST = "(SELECT MAX(id) FROM snapshot GROUP BY source_id)";

    /** Distinct TikTok orders created in [from, to), null when no order history was ever read. */
    public Integer orders(Instant from, Instant to) {
        return jdbi.withHandle(h -> {
            int any = h.createQuery("SELECT COUNT(*) FROM activity_cursor").mapTo(Integer.class).one()
                    + h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM sale_line LIMIT 1) x").mapTo(Integer.class).one();
            if (any == 0) {
                return null;
            }
            return h.createQuery("SELECT COUNT(DISTINCT order_id) FROM sale_line WHERE created_at >= :from "
                            + "AND created_at < :to")
                    .bind("from", SqlValues.timestamp(from)).bind("to", SqlValues.timestamp(to))
                    .mapTo(Integer.class).one();
        });
    }

    /**
     * The Beijing day of the first complete snapshot of each connected warehouse's source ever stored (warehouse
     * id → day): the measured KPIs rest on the days from then on. Warehouses without one are absent.
     */
    public Map<String, LocalDate> firstSnapshotDays() {
        return jdbi.withHandle(h -> {
            Map<String, LocalDate> out = new HashMap<>();
            h.createQuery("SELECT w.id, MIN(s.taken_at) AS first FROM warehouse w JOIN snapshot s "
                            + "ON s.source_id = w.source_id GROUP BY w.id")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), SqlValues.instant(rs, "first")))
                    .forEach(e -> out.put(e.getKey(), LocalDate.ofEpochDay(Math.floorDiv(
                            e.getValue().getEpochSecond() + BEIJING_OFFSET_SECONDS, 86_400L))));
            return out;
        });
    }

    /** KPIs of every connected warehouse over [from, to) (ageing figures null). */
    public Map<String, WarehouseKpis> measure(Instant from, Instant to) {
        return jdbi.inTransaction(h -> {
            List<ConnectedWarehouse> whs = h.createQuery("SELECT id, source_id, provider, name, market, region "
                            + "FROM warehouse ORDER BY id")
                    .map((rs, ctx) -> new ConnectedWarehouse(rs.getString("id"), rs.getString("source_id"),
                            rs.getString("provider"), rs.getString("name"), rs.getString("market"),
                            rs.getString("region")))
                    .list();
            Map<String, SyncFigures> bySource = new HashMap<>();
            for (ConnectedWarehouse w : whs) {
                bySource.computeIfAbsent(w.sourceId(), s -> syncFigures(h, s, from, to));
            }
            Map<String, Integer> tasks = new HashMap<>();
            h.createQuery("SELECT warehouse_id, COUNT(*) AS n FROM calibration_task WHERE detected_at >= :from "
                            + "AND detected_at < :to GROUP BY warehouse_id")
                    .bind("from", SqlValues.timestamp(from)).bind("to", SqlValues.timestamp(to))
                    .map((rs, ctx) -> Map.entry(rs.getString("warehouse_id"), rs.getInt("n")))
                    .forEach(e -> tasks.put(e.getKey(), e.getValue()));
            Map<String, StockFigures> stock = stockFigures(h, from, to);
            Map<String, WarehouseKpis> out = new LinkedHashMap<>();
            for (ConnectedWarehouse w : whs) {
                SyncFigures s = bySource.get(w.sourceId());
                StockFigures f = stock.getOrDefault(w.id(), new StockFigures());
                int t = tasks.getOrDefault(w.id(), 0);
                long skuDays = f.skuDays();
                out.put(w.id(), new WarehouseKpis(w.id(), s.p50, s.p95, s.runs, s.failureShare, skuDays, t,
                        skuDays == 0 ? null : t * 1000.0 / skuDays, f.stockoutRate(), median(f.dockHours),
                        median(f.returnHours), null, null));
            }
            return out;
        });
    }

    private record Run(Instant started, Instant finished, String status) {
    }

    private record SyncFigures(Double p50, Double p95, int runs, Double failureShare) {
    }

    private static SyncFigures syncFigures(Handle h, String sourceId, Instant from, Instant to) {
        List<Run> runs = h.createQuery("SELECT started_at, finished_at, status FROM sync_run WHERE source_id = :s "
                        + "AND started_at < :to AND status <> 'RUNNING' ORDER BY started_at, id")
                .bind("s", sourceId).bind("to", SqlValues.timestamp(to))
                .map((rs, ctx) -> new Run(SqlValues.instant(rs, "started_at"), SqlValues.instant(rs, "finished_at"),
                        rs.getString("status")))
                .list();
        List<Double> ages = new ArrayList<>();
        int finished = 0;
        int failed = 0;
        for (Run r : runs) {
            if (r.started().isBefore(from)) {
                continue;
            }
            finished++;
            if ("FAILED".equals(r.status())) {
                failed++;
            }
            Instant lastOk = null;
            for (Run o : runs) {
                if ("COMPLETE".equals(o.status()) && o.finished() != null && !o.finished().isAfter(r.started())
                        && (lastOk == null || o.finished().isAfter(lastOk))) {
                    lastOk = o.finished();
                }
            }
            if (lastOk != null) {
                ages.add(Duration.between(lastOk, r.started()).toMillis() / 60_000.0);
            }
        }
        ages.sort(null);
        return new SyncFigures(nearestRank(ages, 50), nearestRank(ages, 95), finished,
                finished == 0 ? null : failed / (double) finished);
    }

    /** The p-th percentile by nearest rank (ceil(p/100 · n)-th smallest), null for no values. */
    static Double nearestRank(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The median (mean of the two middle values for an even count), null for none. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    }

    /** Per warehouse: finished SKU-days, stock-outs and episode durations. */
    private static final class StockFigures {
        long skuDays;
        long knownDays;
        long outDays;
        final List<Double> dockHours = new ArrayList<>();
        final List<Double> returnHours = new ArrayList<>();

        long skuDays() {
            return skuDays;
        }

        Double stockoutRate() {
            return knownDays == 0 ? null : outDays / (double) knownDays;
        }
    }

    /** Per SKU × warehouse, the state carried from reading to reading. */
    private static final class Track {
        long day = Long.MIN_VALUE;
        Integer dayAvailable;
        Integer prevAvailable;
        Integer prevInTransit;
        Integer prevReturns;
        Instant inboundSeen;
        boolean landed;
        Instant returnsSeen;
    }

    private static Map<String, StockFigures> stockFigures(Handle h, Instant from, Instant to) {
        Map<String, StockFigures> out = new HashMap<>();
        Map<String, Track> tracks = new HashMap<>();
        Map<String, String> trackWarehouse = new HashMap<>();
        h.createQuery("SELECT s.taken_at, r.seller_sku, r.warehouse_id, r.available, r.in_transit, r.return_pending_qc "
                        + "FROM stock_row r JOIN snapshot s ON s.id = r.snapshot_id "
                        + "WHERE s.taken_at >= :from AND s.taken_at < :to ORDER BY s.taken_at, s.id")
                .bind("from", SqlValues.timestamp(from)).bind("to", SqlValues.timestamp(to))
                .setFetchSize(2000)
                .map((rs, ctx) -> {
                    Instant at = SqlValues.instant(rs, "taken_at");
                    String wh = rs.getString("warehouse_id");
                    String key = wh + "\u0000" + rs.getString("seller_sku");
                    Integer available = SqlValues.integer(rs, "available");
                    Integer inTransit = SqlValues.integer(rs, "in_transit");
                    Integer returns = SqlValues.integer(rs, "return_pending_qc");
                    StockFigures f = out.computeIfAbsent(wh, k -> new StockFigures());
                    trackWarehouse.putIfAbsent(key, wh);
                    Track t = tracks.computeIfAbsent(key, k -> new Track());
                    long day = Math.floorDiv(at.getEpochSecond() + BEIJING_OFFSET_SECONDS, 86_400L);
                    if (day != t.day) {
                        closeDay(t, f);
                        t.day = day;
                        f.skuDays++;
                    }
                    t.dayAvailable = available;
                    // Dock-to-stock: in transit rises → falls (landed) → available rises.
                    if (inTransit != null && t.prevInTransit != null) {
                        if (inTransit > t.prevInTransit && t.inboundSeen == null) {
                            t.inboundSeen = at;
                            t.landed = false;
                        } else if (inTransit < t.prevInTransit && t.inboundSeen != null) {
                            t.landed = true;
                        }
                    }
                    if (t.inboundSeen != null && t.landed && available != null && t.prevAvailable != null
                            && available > t.prevAvailable) {
                        f.dockHours.add(Duration.between(t.inboundSeen, at).toMillis() / 3_600_000.0);
                        t.inboundSeen = null;
                        t.landed = false;
                    }
                    // Returns QC: awaiting QC rises → falls.
                    if (returns != null && t.prevReturns != null) {
                        if (returns > t.prevReturns && t.returnsSeen == null) {
                            t.returnsSeen = at;
                        } else if (returns < t.prevReturns && t.returnsSeen != null) {
                            f.returnHours.add(Duration.between(t.returnsSeen, at).toMillis() / 3_600_000.0);
                            t.returnsSeen = null;
                        }
                    }
                    t.prevAvailable = available;
                    t.prevInTransit = inTransit;
                    t.prevReturns = returns;
                    return 0;
                })
                .forEach(x -> { });
        tracks.forEach((key, t) -> closeDay(t, out.get(trackWarehouse.get(key))));
        return out;
    }

    private static void closeDay(Track t, StockFigures f) {
        if (t.day == Long.MIN_VALUE) {
            return;
        }
        if (t.dayAvailable != null) {
            f.knownDays++;
            if (t.dayAvailable == 0) {
                f.outDays++;
            }
        }
        t.dayAvailable = null;
    }
}
