package com.stocklens.store;

import com.stocklens.domain.Lot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The raw inputs of FIFO ageing from the snapshot store: on-hand per SKU × warehouse with the snapshot's
 * lots, and the daily closing figures of our own history. It does no ageing itself — the store may not
 * depend on the rules (ArchitectureTest) — {@code com.stocklens.app.reports.AgeingService} turns these into
 * profiles. Only warehouse sources count; a day is a calendar day in the zone the caller gives.
 * Blocking I/O: never on the FX thread.
 */
public final class AgeingInputs {
    /** Snapshot ids per IN list: well under every database's parameter limit. */
    private static final int IN_CHUNK = 500;

    private final Jdbi jdbi;

    public AgeingInputs(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One SKU × warehouse of one snapshot: its on-hand (null when the source does not report it) and the
     * snapshot's lots for it (empty when the source gave none).
     */
    public record Row(String sellerSku, String warehouseId, Integer onHand, List<Lot> lots, Instant takenAt) {
        public Row {
            lots = List.copyOf(lots);
        }
    }

    /**
     * One SKU × warehouse at the close of one day: the on-hand and the returns still awaiting QC of the
     * day's last complete snapshot (null = not reported).
     */
    public record DailyClose(String sellerSku, String warehouseId, LocalDate day, Integer onHand,
                             Integer returnPendingQc) {
    }

    /** Every row of the latest complete snapshot of every warehouse source. */
    public List<Row> latest() {
        return latestAt(null);
    }

    /**
     * Every row of each warehouse source's latest complete snapshot taken at or before {@code at} (null:
     * the latest of all); a source with no snapshot by then has no rows.
     */
    public List<Row> latestAt(Instant at) {
        return latestAt(at, null);
    }

    /** As {@link #latestAt(Instant)}, only the rows of {@code sellerSku} (null: every SKU). */
    public List<Row> latestAt(Instant at, String sellerSku) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT MAX(s.id) FROM snapshot s JOIN source src ON src.id = s.source_id "
                    + "WHERE src.kind = 'WAREHOUSE'" + (at == null ? "" : " AND s.taken_at <= :at")
                    + " GROUP BY s.source_id");
            if (at != null) {
                query.bind("at", SqlValues.timestamp(at));
            }
            return rows(h, query.mapTo(Long.class).list(), sellerSku);
        });
    }

    /**
     * The closing figures of every day that has a warehouse snapshot, oldest day first: per source the
     * day's last complete snapshot, per row its on-hand and returns pending QC.
     */
    public List<DailyClose> dailyCloses(ZoneId dayZone) {
        return dailyCloses(dayZone, null);
    }

    /**
     * As {@link #dailyCloses(ZoneId)}, from the snapshots taken at or before {@code at} only (null: all):
     * the close of {@code at}'s own day is its last snapshot by then.
     */
    public List<DailyClose> dailyCloses(ZoneId dayZone, Instant at) {
        return dailyCloses(dayZone, at, null);
    }

    /** As {@link #dailyCloses(ZoneId, Instant)}, only the rows of {@code sellerSku} (null: every SKU). */
    public List<DailyClose> dailyCloses(ZoneId dayZone, Instant at, String sellerSku) {
        return jdbi.withHandle(h -> {
            Map<Long, LocalDate> closing = closingSnapshots(h, dayZone, null, null, false, at);
            List<DailyClose> out = new ArrayList<>();
            for (List<Long> chunk : chunks(closing.keySet())) {
                var query = h.createQuery("SELECT snapshot_id, seller_sku, warehouse_id, on_hand, return_pending_qc "
                                + "FROM stock_row WHERE snapshot_id IN (<ids>)"
                                + (sellerSku == null ? "" : " AND seller_sku = :sku"))
                        .bindList("ids", chunk);
                if (sellerSku != null) {
                    query.bind("sku", sellerSku);
                }
                query.map((rs, ctx) -> new DailyClose(rs.getString(2), rs.getString(3),
                                closing.get(rs.getLong(1)), SqlValues.integer(rs, 4), SqlValues.integer(rs, 5)))
                        .forEach(out::add);
            }
            out.sort(Comparator.comparing(DailyClose::day));
            return out;
        });
    }

    /**
     * Per day in [from, to], the rows of that day's last complete warehouse snapshot that carries lots
     * (one per source). Days without such a snapshot are absent.
     */
    public Map<LocalDate, List<Row>> dailyLots(LocalDate from, LocalDate to, ZoneId dayZone) {
        return jdbi.withHandle(h -> {
            Map<Long, LocalDate> closing = closingSnapshots(h, dayZone, from, to, true, null);
            Map<LocalDate, List<Long>> byDay = new TreeMap<>();
            closing.forEach((id, day) -> byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(id));
            Map<LocalDate, List<Row>> out = new LinkedHashMap<>();
            byDay.forEach((day, ids) -> out.put(day, rows(h, ids, null)));
            return out;
        });
    }

    /**
     * Snapshot id → its day, for the last snapshot of each warehouse source on each day. The day filter
     * is applied to instants a day wider than asked and then exactly in Java, since the zone is ours.
     */
    private static Map<Long, LocalDate> closingSnapshots(Handle h, ZoneId zone, LocalDate from, LocalDate to,
                                                         boolean withLots, Instant upTo) {
        StringBuilder sql = new StringBuilder("SELECT s.id, s.source_id, s.taken_at FROM snapshot s "
                + "JOIN source src ON src.id = s.source_id WHERE src.kind = 'WAREHOUSE'");
        if (from != null) {
            sql.append(" AND s.taken_at >= :from");
        }
        if (to != null) {
            sql.append(" AND s.taken_at < :to");
        }
        if (upTo != null) {
            sql.append(" AND s.taken_at <= :upTo");
        }
        if (withLots) {
            sql.append(" AND EXISTS (SELECT 1 FROM lot l WHERE l.snapshot_id = s.id)");
        }
        var query = h.createQuery(sql.append(" ORDER BY s.id").toString());
        if (from != null) {
            query.bind("from", SqlValues.timestamp(from.minusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (upTo != null) {
            query.bind("upTo", SqlValues.timestamp(upTo));
        }
        if (to != null) {
            query.bind("to", SqlValues.timestamp(to.plusDays(2).atStartOfDay(zone).toInstant()));
        }
        // (source, day) → latest id; ids ascend, so the last one seen wins.
        Map<String, Long> last = new HashMap<>();
        Map<Long, LocalDate> dayOf = new HashMap<>();
        query.map((rs, ctx) -> {
            long id = rs.getLong(1);
            LocalDate day = SqlValues.instant(rs, "taken_at").atZone(zone).toLocalDate();
            if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
                last.put(rs.getString(2) + '\u0000' + day, id);
                dayOf.put(id, day);
            }
            return id;
        }).forEach(id -> { });
        Map<Long, LocalDate> out = new LinkedHashMap<>();
        last.values().stream().sorted().forEach(id -> out.put(id, dayOf.get(id)));
        return out;
    }

    /** The stock rows of these snapshots (of one seller SKU, or all when null), each with its lots. */
    private static List<Row> rows(Handle h, List<Long> snapshotIds, String sellerSku) {
        String onlySku = sellerSku == null ? "" : " AND seller_sku = :sku";
        List<Row> out = new ArrayList<>();
        for (List<Long> chunk : chunks(snapshotIds)) {
            Map<String, List<Lot>> lots = new HashMap<>();
            var lotQuery = h.createQuery("SELECT seller_sku, warehouse_id, received_on, units, source FROM lot "
                            + "WHERE snapshot_id IN (<ids>)" + onlySku)
                    .bindList("ids", chunk);
            var rowQuery = h.createQuery("SELECT r.seller_sku, r.warehouse_id, r.on_hand, s.taken_at FROM stock_row r "
                            + "JOIN snapshot s ON s.id = r.snapshot_id WHERE r.snapshot_id IN (<ids>)"
                            + (sellerSku == null ? "" : " AND r.seller_sku = :sku"))
                    .bindList("ids", chunk);
            if (sellerSku != null) {
                lotQuery.bind("sku", sellerSku);
                rowQuery.bind("sku", sellerSku);
            }
            lotQuery.map((rs, ctx) -> new Lot(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getInt(4), Lot.LotSource.valueOf(rs.getString(5))))
                    .forEach(l -> lots.computeIfAbsent(key(l.sellerSku(), l.warehouseId()), k -> new ArrayList<>())
                            .add(l));
            rowQuery.map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), SqlValues.integer(rs, 3),
                            lots.getOrDefault(key(rs.getString(1), rs.getString(2)), List.of()),
                            SqlValues.instant(rs, "taken_at")))
                    .forEach(out::add);
        }
        return out;
    }

    private static String key(String sku, String warehouse) {
        return sku + '\u0000' + warehouse;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return out;
    }
}
