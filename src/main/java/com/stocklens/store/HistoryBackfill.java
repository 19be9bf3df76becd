package com.stocklens.store;

import static com.stocklens.store.SnapshotRepository.executeBatch;

import com.stocklens.domain.Lot;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.SaleLine;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a history that no source can be asked for (the demo's year before its first sync,
 * docs/adr/0019-demo-history-backfill.md) into exactly the tables a sync writes: snapshots with their stock
 * rows and lots, sale lines and return items. In bulk: plain JDBC batches, a commit every
 * {@link #COMMIT_ROWS} rows or so.
 *
 * <p>Past snapshots take ids below 0, so every snapshot a sync commits (ids from 1) stays "later" and the
 * latest snapshot of a source is never a written one; they have no sync run (nothing was polled). Each part
 * (a source's snapshots, a shop's orders and returns) is recorded in {@code history_backfill} once it is
 * completely written; a part cut short (a crash, the app closed) is started again: its snapshots are removed
 * first, and sale lines and return items already stored are left as they are (never written twice).
 * Thread-safe; blocking.
 */
public final class HistoryBackfill {
    /** Rows per transaction: small transactions keep H2 fast and its file small. */
    static final int COMMIT_ROWS = 2_000;

    private static final String INSERT_SALE = "INSERT INTO sale_line (shop_id, order_id, line_id, seller_sku, "
            + "tiktok_sku_id, tiktok_warehouse_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RETURN = "INSERT INTO return_item (shop_id, return_id, line_id, order_id, "
            + "seller_sku, tiktok_sku_id, return_type, return_status, stage, created_at, updated_at, received_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Jdbi jdbi;

    public HistoryBackfill(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One snapshot of the past.
     *
     * @param id      below 0, rising with {@code takenAt} within a source
     * @param takenAt the moment it stands for
     * @param rows    its stock rows (keyed as the source's sync keys them)
     * @param lots    its lots (empty for a source without lots, or a day written without them)
     */
    public record PastSnapshot(long id, Instant takenAt, List<StockRow> rows, List<Lot> lots) {
        public PastSnapshot {
            if (id >= 0) {
                throw new IllegalArgumentException("a past snapshot's id is below 0: " + id);
            }
            rows = List.copyOf(rows);
            lots = List.copyOf(lots);
        }
    }

    /** The latest snapshot a sync committed for a warehouse source: the shape its past takes. */
    public record Template(String sourceId, Instant takenAt, List<StockRow> rows, List<Lot> lots) {
        public Template {
            rows = List.copyOf(rows);
            lots = List.copyOf(lots);
        }
    }

    /** What one finished part wrote. */
    public record Part(String part, int days, long rows, long millis, Instant finishedAt) {
    }

    /** The parts written completely, by name. */
    public Map<String, Part> finished() {
        Map<String, Part> out = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT part, days, row_count, duration_ms, finished_at "
                        + "FROM history_backfill ORDER BY part")
                .map((rs, ctx) -> new Part(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        SqlValues.instant(rs, "finished_at")))
                .forEach(p -> out.put(p.part(), p)));
        return out;
    }

    /** The latest committed snapshot of every warehouse source, with its rows and lots. */
    public List<Template> templates() {
        return jdbi.withHandle(h -> {
            List<Template> out = new ArrayList<>();
            List<Object[]> latest = h.createQuery("SELECT s.source_id, s.id, s.taken_at FROM snapshot s "
                            + "JOIN source src ON src.id = s.source_id AND src.kind = 'WAREHOUSE' "
                            + "JOIN (SELECT source_id, MAX(id) AS id FROM snapshot GROUP BY source_id) m "
                            + "ON m.id = s.id "
                            + "WHERE s.id > 0 ORDER BY s.source_id")
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2), SqlValues.instant(rs, "taken_at")})
                    .list();
            for (Object[] l : latest) {
                long id = (Long) l[1];
                List<StockRow> rows = h.createQuery("SELECT seller_sku, warehouse_id, wms_id, on_hand, available, "
                                + "reserved, in_transit, qc_hold, frozen, return_pending_qc FROM stock_row "
                                + "WHERE snapshot_id = :id ORDER BY warehouse_id, seller_sku")
                        .bind("id", id)
                        .map((rs, ctx) -> new StockRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                new StockLevel(SqlValues.integer(rs, 4), SqlValues.integer(rs, 5),
                                        SqlValues.integer(rs, 6), SqlValues.integer(rs, 7), SqlValues.integer(rs, 8),
                                        SqlValues.integer(rs, 9), SqlValues.integer(rs, 10))))
                        .list();
                List<Lot> lots = h.createQuery("SELECT seller_sku, warehouse_id, received_on, units, source FROM lot "
                                + "WHERE snapshot_id = :id ORDER BY warehouse_id, seller_sku, received_on")
                        .bind("id", id)
                        .map((rs, ctx) -> new Lot(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                                rs.getInt(4), Lot.LotSource.valueOf(rs.getString(5))))
                        .list();
                out.add(new Template((String) l[0], (Instant) l[2], rows, lots));
            }
            return out;
        });
    }

    /** When the first snapshot a sync committed for {@code sourceId} was taken; empty when none was. */
    public Optional<Instant> firstCommitted(String sourceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MIN(taken_at) AS t FROM snapshot WHERE source_id = :s "
                        + "AND id > 0")
                .bind("s", sourceId)
                .map((rs, ctx) -> SqlValues.instant(rs, "t"))
                .findOne()
                .flatMap(Optional::ofNullable));
    }

    /**
     * Writes one source's past snapshots and records the part, after removing whatever an earlier attempt at
     * the same part left. Stops between transactions when {@code cancelled} says so (the part then stays
     * unfinished).
     *
     * @return the rows written (stock rows and lots), or -1 when cancelled
     */
    public long writeSnapshots(String part, String sourceId, int days, Iterable<PastSnapshot> snapshots,
                               BooleanSupplier cancelled) {
        long started = System.nanoTime();
        discard(sourceId);
        long written = 0;
        List<PastSnapshot> pending = new ArrayList<>();
        int pendingRows = 0;
        for (PastSnapshot s : snapshots) {
            pending.add(s);
            pendingRows += s.rows().size() + s.lots().size();
            if (pendingRows >= COMMIT_ROWS) {
                if (cancelled.getAsBoolean()) {
                    return -1;
                }
                written += insert(sourceId, pending);
                pending.clear();
                pendingRows = 0;
            }
        }
        if (cancelled.getAsBoolean()) {
            return -1;
        }
        written += insert(sourceId, pending);
        finish(part, days, written, started);
        return written;
    }

    /** Removes the past snapshots of one source (ids below 0) with their rows and lots. */
    public void discard(String sourceId) {
        jdbi.useTransaction(h -> {
            for (String table : new String[] {"stock_row", "lot"}) {
                h.createUpdate("DELETE FROM " + table + " WHERE snapshot_id IN "
                                + "(SELECT id FROM snapshot WHERE source_id = :s AND id < 0)")
                        .bind("s", sourceId).execute();
            }
            h.createUpdate("DELETE FROM snapshot WHERE source_id = :s AND id < 0").bind("s", sourceId).execute();
        });
    }

    private long insert(String sourceId, List<PastSnapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            long rows = 0;
            try (PreparedStatement ps = h.getConnection().prepareStatement(
                    "INSERT INTO snapshot (id, source_id, taken_at, row_count, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (PastSnapshot s : snapshots) {
                    ps.setLong(1, s.id());
                    ps.setString(2, sourceId);
                    setInstant(ps, 3, s.takenAt());
                    ps.setInt(4, s.rows().size());
                    setInstant(ps, 5, s.takenAt());
                    ps.addBatch();
                }
                executeBatch(ps);
                for (PastSnapshot s : snapshots) {
                    SnapshotRepository.insertStockRows(h, s.id(), s.rows());
                    SnapshotRepository.insertLots(h, s.id(), s.lots());
                    rows += s.rows().size() + s.lots().size();
                }
            } catch (SQLException e) {
                throw new StoreWriteException("could not write past snapshots of " + sourceId, e);
            }
            return rows;
        });
    }

    /**
     * Writes sale lines and return items that are not stored yet (keys already there are left alone: a sync's
     * row is never overwritten by a written one), in batches, and records the part.
     *
     * @return the rows written, or -1 when cancelled
     */
    public long writeActivity(String part, int days, Iterable<SaleLine> sales, Iterable<ReturnItem> returns,
                              BooleanSupplier cancelled) {
        long started = System.nanoTime();
        Set<String> saleKeys = keys("sale_line");
        Set<String> returnKeys = keys("return_item");
        long written = 0;
        List<SaleLine> saleBatch = new ArrayList<>();
        for (SaleLine s : sales) {
            if (saleKeys.add(ActivityRepository.shop(s.shopId()) + '\u0000' + s.lineId())) {
                saleBatch.add(s);
            }
            if (saleBatch.size() >= COMMIT_ROWS) {
                if (cancelled.getAsBoolean()) {
                    return -1;
                }
                written += insertSales(saleBatch);
                saleBatch.clear();
            }
        }
        written += insertSales(saleBatch);
        List<ReturnItem> returnBatch = new ArrayList<>();
        for (ReturnItem r : returns) {
            if (returnKeys.add(ActivityRepository.shop(r.shopId()) + '\u0000' + r.lineId())) {
                returnBatch.add(r);
            }
            if (returnBatch.size() >= COMMIT_ROWS) {
                written += insertReturns(returnBatch);
                returnBatch.clear();
            }
        }
        written += insertReturns(returnBatch);
        if (cancelled.getAsBoolean()) {
            return -1;
        }
        finish(part, days, written, started);
        return written;
    }

    private Set<String> keys(String table) {
        Set<String> out = new HashSet<>();
        jdbi.useHandle(h -> h.createQuery("SELECT shop_id, line_id FROM " + table)
                .map((rs, ctx) -> rs.getString(1) + '\u0000' + rs.getString(2))
                .forEach(out::add));
        return out;
    }

    private long insertSales(List<SaleLine> lines) {
        if (lines.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT_SALE)) {
                for (SaleLine s : lines) {
                    ps.setString(1, ActivityRepository.shop(s.shopId()));
                    ps.setString(2, s.orderId());
                    ps.setString(3, s.lineId());
                    ps.setString(4, s.sellerSku());
                    ps.setString(5, s.tiktokSkuId());
                    ps.setString(6, s.tiktokWarehouseId());
                    ps.setString(7, s.status());
                    setInstant(ps, 8, s.createdAt());
                    setInstant(ps, 9, ActivityRepository.updatedAt(s));
                    ps.addBatch();
                }
                executeBatch(ps);
            } catch (SQLException e) {
                throw new StoreWriteException("could not write past sale lines", e);
            }
            return (long) lines.size();
        });
    }

    private long insertReturns(List<ReturnItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT_RETURN)) {
                for (ReturnItem r : items) {
                    ps.setString(1, ActivityRepository.shop(r.shopId()));
                    ps.setString(2, r.returnId());
                    ps.setString(3, r.lineId());
                    ps.setString(4, r.orderId());
                    ps.setString(5, r.sellerSku());
                    ps.setString(6, r.tiktokSkuId());
                    ps.setString(7, r.returnType());
                    ps.setString(8, r.returnStatus());
                    ps.setString(9, r.stage().name());
                    setInstant(ps, 10, r.createdAt());
                    setInstant(ps, 11, r.updatedAt());
                    setInstant(ps, 12, ActivityRepository.receivedAt(r));
                    ps.addBatch();
                }
                executeBatch(ps);
            } catch (SQLException e) {
                throw new StoreWriteException("could not write past return items", e);
            }
            return (long) items.size();
        });
    }

    private void finish(String part, int days, long rows, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        Instant now = Instant.now();
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM history_backfill WHERE part = :p").bind("p", part).execute();
            h.createUpdate("INSERT INTO history_backfill (part, days, row_count, duration_ms, finished_at) "
                            + "VALUES (:p, :d, :r, :m, :t)")
                    .bind("p", part).bind("d", days).bind("r", rows).bind("m", millis)
                    .bind("t", SqlValues.timestamp(now))
                    .execute();
        });
    }

    /** An instant as a UTC timestamp; NULL stays NULL. */
    private static void setInstant(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, SqlValues.stored(t).atOffset(ZoneOffset.UTC));
        }
    }

    /** Counts per table of what the past holds now (for tests and reports): snapshots below id 0 and their rows. */
    public Map<String, Long> pastCounts() {
        Map<String, Long> out = new HashMap<>();
        jdbi.useHandle(h -> {
            out.put("snapshot", h.createQuery("SELECT COUNT(*) FROM snapshot WHERE id < 0").mapTo(Long.class).one());
            out.put("stock_row", h.createQuery("SELECT COUNT(*) FROM stock_row WHERE snapshot_id < 0")
                    .mapTo(Long.class).one());
            out.put("lot", h.createQuery("SELECT COUNT(*) FROM lot WHERE snapshot_id < 0").mapTo(Long.class).one());
        });
        return out;
    }
}
