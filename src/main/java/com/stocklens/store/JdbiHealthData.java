package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.domain.BeijingTime;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The raw stock history the health report is computed from: for each Beijing day, the last complete
 * snapshot of each warehouse source and its rows; and the TikTok mapping of each seller SKU.
 *
 * <p>Raw on purpose: the store may not import the rules, so carrying days forward and computing the
 * indicators is left to the sync layer's {@code HealthReportService}. Set-based: one query for the
 * last snapshot per source and day, one for their rows, one for names, two for the TikTok mapping,
 * in one REPEATABLE READ transaction.
 */
public final class JdbiHealthData {
    /** Same Beijing-day arithmetic as {@link JdbiDemandReader} (H2 casts follow the session zone). */
    private static final String DAY = "FLOOR((EXTRACT(EPOCH FROM s.taken_at) + 28800) / 86400)";

    private final Jdbi jdbi;

    public JdbiHealthData(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** One stock row of a day's last snapshot; null quantities are unknown, never 0. */
    public record Row(String sellerSku, String warehouseId, Integer onHand, Integer available, Integer inTransit) {
    }

    /**
     * The last complete snapshot of one warehouse source on one Beijing day. {@code day} is null for
     * the carry-in: the last snapshot before the range, which stands for the days until the next one.
     */
    public record SnapshotDay(String sourceId, LocalDate day, List<Row> rows) {
    }

    /**
     * Everything read for [from, to].
     *
     * @param firstDay   the Beijing day of the first warehouse snapshot ever, null when there is none:
     *                   days before it are "no data", not zero stock
     * @param names      seller SKU → product name
     * @param haveTikTok whether a TikTok snapshot exists at all (otherwise mapping is unknown)
     * @param mapped     seller SKUs a TikTok SKU id carries in the latest TikTok snapshot
     */
    public record History(LocalDate firstDay, List<SnapshotDay> days, Map<String, String> names, boolean haveTikTok,
                          Set<String> mapped) {
    }

    /**
     * The SKU × warehouse pairs ({@code sku@warehouse}) TikTok blocks from new orders at {@code at}: a
     * calibration task open then (detected by then, not closed by then), undeclared by then, and past its
     * deadline (docs/DOMAIN.md §4).
     */
    public Set<String> blocked(Instant at) {
        return jdbi.withHandle(h -> Set.copyOf(h.createQuery("SELECT t.seller_sku, t.warehouse_id "
                        + "FROM calibration_task t WHERE " + FlagMoments.TASK_OPEN + " AND t.deadline <= :at AND NOT EXISTS (SELECT 1 FROM "
                        + "calibration_declaration d WHERE d.task_id = t.id AND d.declared_at <= :at)")
                .bind("at", timestamp(SqlValues.stored(at)))
                .map((rs, ctx) -> rs.getString(1) + "@" + rs.getString(2))
                .list()));
    }

    /** Reads the history of warehouse stock over [from, to] (Beijing days). */
    public History read(LocalDate from, LocalDate to) {
        return read(from, to, null);
    }

    /**
     * As {@link #read(LocalDate, LocalDate)}, as the store stood at {@code at} (null: now): only
     * snapshots taken at or before it count, warehouse and TikTok alike, so the last day's close is its
     * last snapshot by then and the mapping is TikTok's as of then.
     */
    public History read(LocalDate from, LocalDate to, Instant at) {
        Instant start = from.atStartOfDay(BeijingTime.ZONE).toInstant();
        Instant dayAfter = to.plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant();
        // Snapshots "before end": a moment cuts the range just after itself.
        Instant end = at != null && at.isBefore(dayAfter) ? SqlValues.stored(at).plusNanos(1000) : dayAfter;
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> read(h, start, end));
    }

    private History read(Handle h, Instant start, Instant end) {
        LocalDate firstDay = h.createQuery("SELECT MIN(" + DAY + ") FROM snapshot s "
                        + "JOIN source src ON src.id = s.source_id AND src.kind = 'WAREHOUSE' WHERE s.taken_at < :end")
                .bind("end", timestamp(end))
                .mapTo(Long.class).findOne().map(LocalDate::ofEpochDay).orElse(null);
        // snapshot id → (source, day); MAX(id) is the last complete snapshot (ids grow with commits).
        Map<Long, String[]> picked = new HashMap<>();
        h.createQuery("SELECT s.source_id, " + DAY + " AS d, MAX(s.id) FROM snapshot s "
                        + "JOIN source src ON src.id = s.source_id AND src.kind = 'WAREHOUSE' "
                        + "WHERE s.taken_at >= :start AND s.taken_at < :end GROUP BY s.source_id, " + DAY)
                .bind("start", timestamp(start)).bind("end", timestamp(end))
                .scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    while (rs.next()) {
                        picked.put(rs.getLong(3), new String[] {rs.getString(1),
                                LocalDate.ofEpochDay(rs.getLong(2)).toString()});
                    }
                    return null;
                });
        h.createQuery("SELECT s.source_id, MAX(s.id) FROM snapshot s "
                        + "JOIN source src ON src.id = s.source_id AND src.kind = 'WAREHOUSE' "
                        + "WHERE s.taken_at < :start GROUP BY s.source_id")
                .bind("start", timestamp(start))
                .scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    while (rs.next()) {
                        picked.put(rs.getLong(2), new String[] {rs.getString(1), null});
                    }
                    return null;
                });
        Map<Long, List<Row>> rows = new HashMap<>();
        if (!picked.isEmpty()) {
            h.createQuery("SELECT snapshot_id, seller_sku, warehouse_id, on_hand, available, in_transit "
                            + "FROM stock_row WHERE snapshot_id IN (<ids>)")
                    .bindList("ids", new ArrayList<>(picked.keySet()))
                    .scanResultSet((supplier, ctx) -> {
                        ResultSet rs = supplier.get();
                        while (rs.next()) {
                            rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Row(rs.getString(2),
                                    rs.getString(3), SqlValues.integer(rs, 4), SqlValues.integer(rs, 5),
                                    SqlValues.integer(rs, 6)));
                        }
                        return null;
                    });
        }
        List<SnapshotDay> days = new ArrayList<>(picked.size());
        picked.forEach((id, sd) -> days.add(new SnapshotDay(sd[0], sd[1] == null ? null : LocalDate.parse(sd[1]),
                rows.getOrDefault(id, List.of()))));
        Map<String, String> names = new HashMap<>();
        h.createQuery("SELECT seller_sku, name FROM sku WHERE name IS NOT NULL")
                .scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    while (rs.next()) {
                        names.put(rs.getString(1), rs.getString(2));
                    }
                    return null;
                });
        List<Long> tiktok = h.createQuery("SELECT MAX(s.id) FROM snapshot s "
                        + "JOIN source src ON src.id = s.source_id AND src.kind = 'SHOP' WHERE s.taken_at < :end "
                        + "GROUP BY s.source_id")
                .bind("end", timestamp(end))
                .mapTo(Long.class).list();
        Set<String> mapped = new HashSet<>();
        if (!tiktok.isEmpty()) {
            h.createQuery("SELECT DISTINCT seller_sku FROM channel_row WHERE snapshot_id IN (<ids>) "
                            + "AND tiktok_sku_id IS NOT NULL")
                    .bindList("ids", tiktok)
                    .mapTo(String.class).forEach(mapped::add);
        }
        return new History(firstDay, List.copyOf(days), Map.copyOf(names), !tiktok.isEmpty(), Set.copyOf(mapped));
    }
}
