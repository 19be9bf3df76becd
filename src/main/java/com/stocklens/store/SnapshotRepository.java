package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.ChannelStock;
import com.stocklens.domain.ChannelWarehouse;
import com.stocklens.domain.Lot;
import com.stocklens.domain.Quantity;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.domain.Warehouse;
import com.stocklens.support.Redactor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes sync runs and snapshots, and answers "what is the latest complete snapshot".
 *
 * <p>A snapshot is written in one transaction together with its rows, the reference data it
 * mentions and the update that marks its {@code sync_run} COMPLETE, so a reader (or a process
 * restarted after a crash) sees either the whole snapshot or none of it. The reading's lots are
 * written in the same transaction. Thread-safe.
 */
public final class SnapshotRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotRepository.class);

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound memory. */
    static final int BATCH_SIZE = 1000;
    static final int MAX_ERROR_LENGTH = 1000;
    /** Widths of the descriptive columns a source's text may overflow (V1__snapshots.sql). */
    static final int SKU_NAME_WIDTH = 500;
    static final int SKU_CODE_WIDTH = 40;
    static final int SELLER_SKU_WIDTH = 200;
    static final int WMS_ID_WIDTH = 100;
    static final int WAREHOUSE_NAME_WIDTH = 200;
    static final int WAREHOUSE_REGION_WIDTH = 100;

    private static final String BUCKET_COLUMNS = Arrays.stream(Bucket.values())
            .map(Bucket::column).collect(Collectors.joining(", "));
    private static final String INSERT_STOCK_ROW = "INSERT INTO stock_row (snapshot_id, seller_sku, warehouse_id, wms_id, "
            + BUCKET_COLUMNS + ") VALUES (" + "?, ".repeat(3 + Bucket.values().length) + "?)";
    private static final String INSERT_CHANNEL_ROW = "INSERT INTO channel_row (snapshot_id, shop_id, seller_sku, "
            + "tiktok_sku_id, tiktok_warehouse_id, available, committed) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_LOT = "INSERT INTO lot (snapshot_id, seller_sku, warehouse_id, received_on, "
            + "units, source) VALUES (?, ?, ?, ?, ?, ?)";
    static final String SYNC_RUN_COLUMNS =
            "id, source_id, started_at, finished_at, status, row_count, requests, duration_ms, error, snapshot_id";

    private final Jdbi jdbi;
    /**
     * Commits are serialised within the process: two sources committing at once would race on
     * the shared sku rows (update-then-insert), and H2 writes one transaction at a time anyway.
     * Fetching, the slow part, still runs in parallel.
     */
    private final ReentrantLock commitLock = new ReentrantLock();

    /** The desk written on every run this repository begins (team mode), or null. */
    private final String desk;

    public SnapshotRepository(Jdbi jdbi) {
        this(jdbi, null);
    }

    /** @param desk the desk (host name and process id) recorded on every run begun here; null for none */
    public SnapshotRepository(Jdbi jdbi, String desk) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.desk = desk;
    }

    /** Records a RUNNING sync run and returns its id. */
    public long beginRun(String sourceId, Instant startedAt) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("INSERT INTO sync_run "
                            + "(source_id, started_at, status, row_count, requests, duration_ms, desk) "
                            + "VALUES (:source, :started, 'RUNNING', 0, 0, 0, :desk)")
                    .bind("source", sourceId)
                    .bind("desk", desk)
                    .bind("started", timestamp(startedAt))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
        } catch (RuntimeException e) {
            // A full disk can refuse the run's first row as well as its commit: the same plain reason.
            throw StoreWriteFailures.translate(jdbi, e);
        }
    }

    /**
     * Stores a complete reading as a new snapshot and marks the run COMPLETE, all in one
     * transaction. Throws (and writes nothing) when the reading cannot be stored, e.g. a stock
     * row names a warehouse neither the reading nor the store describes.
     */
    public Snapshot commit(SourceInfo source, long runId, Reading reading, Instant finishedAt, long durationMillis) {
        return commit(source, runId, reading, finishedAt, durationMillis, (h, id) -> { });
    }

    /**
     * As {@link #commit(SourceInfo, long, Reading, Instant, long)}, and {@code alsoWrite} writes its own rows
     * (given the new snapshot's id) in the same transaction: if it throws, nothing is stored.
     */
    Snapshot commit(SourceInfo source, long runId, Reading reading, Instant finishedAt, long durationMillis,
                    BiConsumer<Handle, Long> alsoWrite) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(finishedAt, "finishedAt");
        commitLock.lock();
        try {
            return jdbi.inTransaction(h -> {
                // Team mode: desks polling different sources share the SKU and warehouse rows; their
                // commits are serialised like this process's own (commitLock) so the upserts stay safe.
                Dialect.lockCommits(h);
                upsertSource(h, source);
                upsertWarehouses(h, source.id(), reading.warehouses());
                requireKnownWarehouses(h, reading);
                requireFittingSkus(reading);
                upsertSkus(h, reading.skus());
                upsertChannelWarehouses(h, reading.channelWarehouses());
                List<ChannelStock> channel = mergeDuplicates(source.id(), reading.channelStock());
                int rowCount = reading.stock().size() + channel.size();

                long snapshotId = h.createUpdate("INSERT INTO snapshot (source_id, taken_at, row_count, created_at) "
                                + "VALUES (:source, :taken, :rows, :created)")
                        .bind("source", source.id())
                        .bind("taken", timestamp(reading.takenAt()))
                        .bind("rows", rowCount)
                        .bind("created", timestamp(finishedAt))
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                try {
                    insertStockRows(h, snapshotId, reading.stock());
                    insertChannelRows(h, snapshotId, channel);
                    insertLots(h, snapshotId, reading.lots());
                } catch (SQLException e) {
                    // Same exception type as every other statement failure in the transaction.
                    throw new UnableToExecuteStatementException(e, null);
                }

                int updated = h.createUpdate("UPDATE sync_run SET status = 'COMPLETE', finished_at = :finished, "
                                + "row_count = :rows, requests = :requests, duration_ms = :duration, error = NULL, "
                                + "snapshot_id = :snapshot WHERE id = :id AND source_id = :source AND status = 'RUNNING'")
                        .bind("finished", timestamp(finishedAt))
                        .bind("rows", rowCount)
                        .bind("requests", reading.requests())
                        .bind("duration", durationMillis)
                        .bind("snapshot", snapshotId)
                        .bind("id", runId)
                        .bind("source", source.id())
                        .execute();
                if (updated != 1) {
                    // Rolls the snapshot back: a snapshot without its run would break "COMPLETE ⇔ snapshot".
                    // A run another desk closed (it took over the source's lease) is not committed either.
                    throw new IllegalStateException("No running sync run " + runId + " for source " + source.id());
                }
                alsoWrite.accept(h, snapshotId);
                return new Snapshot(snapshotId, source.id(), SqlValues.stored(reading.takenAt()), rowCount);
            });
        } catch (RuntimeException e) {
            throw StoreWriteFailures.translate(jdbi, e);
        } finally {
            commitLock.unlock();
        }
    }

    /** Marks a run FAILED with a one-line reason; the latest snapshot stays what it was. */
    public void fail(long runId, Instant finishedAt, long durationMillis, int requests, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sync_run SET status = 'FAILED', finished_at = :finished, "
                        + "duration_ms = :duration, requests = :requests, error = :error WHERE id = :id")
                .bind("finished", timestamp(finishedAt))
                .bind("duration", durationMillis)
                .bind("requests", requests)
                .bind("error", SqlValues.oneLine(error == null ? "unknown error" : Redactor.redact(error),
                        MAX_ERROR_LENGTH))
                .bind("id", runId)
                .execute());
    }

    /**
     * Marks every run still RUNNING as FAILED. Only call it when no sync of this workspace is in
     * progress (at engine start): such runs were cut short by a crash or kill, and would
     * otherwise look "in progress" forever.
     *
     * @return how many runs were closed
     */
    public int abandonRunning(Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE sync_run SET status = 'FAILED', finished_at = :at, "
                        + "error = :error WHERE status = 'RUNNING'")
                .bind("at", timestamp(at))
                .bind("error", "Interrupted: StockLens stopped during this sync")
                .execute());
    }

    /**
     * Team mode: marks the RUNNING runs of one source FAILED when this desk takes over its lease: the
     * desk that began them lost the lease (it died or its connection broke) and may not commit them.
     *
     * @return how many runs were closed
     */
    public int abandonRunning(String sourceId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE sync_run SET status = 'FAILED', finished_at = :at, "
                        + "error = :error WHERE status = 'RUNNING' AND source_id = :source")
                .bind("at", timestamp(at))
                .bind("source", sourceId)
                .bind("error", "Interrupted: the desk polling this source stopped or lost its lease")
                .execute());
    }

    /** The latest complete snapshot of one source, if it ever completed one. */
    public Optional<Snapshot> latest(String sourceId) {
        // Ordering by both index columns lets H2 (and PostgreSQL) read index (source_id, id)
        // backwards and stop at the first entry; ORDER BY id alone makes H2 sort the source's range.
        return jdbi.withHandle(h -> h.createQuery("SELECT id, source_id, taken_at, row_count FROM snapshot "
                        + "WHERE source_id = :source ORDER BY source_id DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .bind("source", sourceId)
                .map(SnapshotRepository::snapshot)
                .findOne());
    }

    /**
     * The latest complete snapshot of every source that has one, ordered by source id. One query;
     * H2 answers the GROUP BY from index (source_id, id), a scan that retention keeps short.
     */
    public List<Snapshot> latestPerSource() {
        return jdbi.withHandle(h -> h.createQuery("SELECT s.id, s.source_id, s.taken_at, s.row_count FROM snapshot s "
                        + "JOIN (SELECT source_id, MAX(id) AS id FROM snapshot GROUP BY source_id) m ON m.id = s.id "
                        + "ORDER BY s.source_id")
                .map(SnapshotRepository::snapshot)
                .list());
    }

    /** The most recent runs of one source, newest first. */
    public List<SyncRun> recentRuns(String sourceId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SYNC_RUN_COLUMNS + " FROM sync_run "
                        + "WHERE source_id = :source ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
                .bind("source", sourceId)
                .bind("limit", limit)
                .map(SnapshotRepository::syncRun)
                .list());
    }

    /** One run by id. */
    public Optional<SyncRun> run(long runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SYNC_RUN_COLUMNS + " FROM sync_run WHERE id = :id")
                .bind("id", runId)
                .map(SnapshotRepository::syncRun)
                .findOne());
    }

    // --- writing ---------------------------------------------------------------------------

    private static void upsertSource(Handle h, SourceInfo s) {
        upsert(h,
                "UPDATE source SET kind = :kind, provider = :provider, display_name = :name WHERE id = :id",
                "INSERT INTO source (id, kind, provider, display_name) VALUES (:id, :kind, :provider, :name)",
                List.of(s),
                (b, x) -> b.bind("id", x.id())
                        .bind("kind", x.kind().name())
                        .bind("provider", x.provider() == null ? null : x.provider().name())
                        .bind("name", x.displayName()));
    }

    private static void upsertWarehouses(Handle h, String sourceId, List<Warehouse> warehouses) {
        Map<String, Warehouse> unique = new LinkedHashMap<>();
        warehouses.forEach(w -> unique.put(w.id(), w));
        upsert(h,
                "UPDATE warehouse SET source_id = :source, provider = :provider, provider_warehouse_id = :pwid, "
                        + "name = :name, market = :market, region = :region, zone_id = :zone, "
                        + "tiktok_warehouse_id = :twid WHERE id = :id",
                "INSERT INTO warehouse (id, source_id, provider, provider_warehouse_id, name, market, region, zone_id, "
                        + "tiktok_warehouse_id) VALUES (:id, :source, :provider, :pwid, :name, :market, :region, :zone, :twid)",
                List.copyOf(unique.values()),
                (b, w) -> b.bind("id", w.id())
                        .bind("source", sourceId)
                        .bind("provider", w.provider().name())
                        .bind("pwid", w.providerWarehouseId())
                        .bind("name", clip(w.name(), WAREHOUSE_NAME_WIDTH))
                        .bind("market", w.market() == null ? null : w.market().name())
                        .bind("region", clip(w.region(), WAREHOUSE_REGION_WIDTH))
                        .bind("zone", w.zone().getId())
                        .bind("twid", w.tiktokWarehouseId()));
    }

    /** A stock row must name a warehouse the board can show; fail the run rather than drop rows. */
    private static void requireKnownWarehouses(Handle h, Reading reading) {
        Set<String> described = reading.warehouses().stream().map(Warehouse::id).collect(Collectors.toSet());
        Set<String> others = new HashSet<>();
        for (StockRow r : reading.stock()) {
            if (!described.contains(r.warehouseId())) {
                others.add(r.warehouseId());
            }
        }
        if (others.isEmpty()) {
            return;
        }
        Set<String> stored = new HashSet<>(h.createQuery("SELECT id FROM warehouse WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(others))
                .mapTo(String.class)
                .list());
        others.removeAll(stored);
        if (!others.isEmpty()) {
            throw new IllegalArgumentException("Stock rows name unknown warehouses: " + others.stream().sorted().limit(5).toList());
        }
    }

    /**
     * A seller SKU is a key: one longer than its column cannot be cut (two would become one), so the run
     * fails with the reason instead of the database's. No real SKU comes near {@value #SELLER_SKU_WIDTH}
     * characters.
     */
    static void requireFittingSkus(Reading reading) {
        reading.stock().forEach(r -> requireFitting(r.sellerSku()));
        reading.skus().forEach(s -> requireFitting(s.sellerSku()));
        reading.channelStock().forEach(c -> requireFitting(c.sellerSku()));
        reading.lots().forEach(l -> requireFitting(l.sellerSku()));
    }

    private static void requireFitting(String sku) {
        if (sku.length() > SELLER_SKU_WIDTH) {
            throw new IllegalArgumentException("the source sent a seller SKU of " + sku.length()
                    + " characters (at most " + SELLER_SKU_WIDTH + " fit), beginning \"" + sku.substring(0, 40)
                    + "…\"; nothing of this sync was stored");
        }
    }

    /**
     * A null name or code means "this source does not know it", not "cleared": a warehouse source
     * must not wipe the TikTok SKU id the shop source recorded, hence COALESCE.
     */
    private static void upsertSkus(Handle h, List<Sku> skus) {
        Map<String, Sku> unique = new LinkedHashMap<>();
        for (Sku s : skus) {
            unique.merge(s.sellerSku(), s, SnapshotRepository::mergeSku);
        }
        upsert(h,
                "UPDATE sku SET name = COALESCE(:name, name), tiktok_sku_id = COALESCE(:tiktokSkuId, tiktok_sku_id), "
                        + "barcode = COALESCE(:barcode, barcode) WHERE seller_sku = :sellerSku",
                "INSERT INTO sku (seller_sku, name, tiktok_sku_id, barcode) VALUES (:sellerSku, :name, :tiktokSkuId, :barcode)",
                List.copyOf(unique.values()),
                (b, s) -> b.bind("sellerSku", s.sellerSku())
                        .bind("name", clip(s.name(), SKU_NAME_WIDTH))
                        .bind("tiktokSkuId", whole(s.codes().tiktokSkuId(), SKU_CODE_WIDTH))
                        .bind("barcode", whole(s.codes().barcode(), SKU_CODE_WIDTH)));
    }

    /** A name longer than its column (a hostile or broken source) is cut: the rest of the reading still counts. */
    static String clip(String s, int width) {
        return s == null || s.length() <= width ? s : s.substring(0, width);
    }

    /**
     * A code longer than its column is stored as unknown (null, which keeps the code another source recorded):
     * a cut barcode or TikTok id would name another product.
     */
    static String whole(String code, int width) {
        return code == null || code.length() <= width ? code : null;
    }

    private static Sku mergeSku(Sku a, Sku b) {
        var ca = a.codes();
        var cb = b.codes();
        return new Sku(new SkuCodes(ca.sellerSku(),
                ca.tiktokSkuId() != null ? ca.tiktokSkuId() : cb.tiktokSkuId(),
                ca.barcode() != null ? ca.barcode() : cb.barcode(),
                ca.wmsId() != null ? ca.wmsId() : cb.wmsId()),
                a.name() != null ? a.name() : b.name());
    }

    private static void upsertChannelWarehouses(Handle h, List<ChannelWarehouse> warehouses) {
        Map<String, ChannelWarehouse> unique = new LinkedHashMap<>();
        warehouses.forEach(w -> unique.put(w.shopId() + '\u0000' + w.tiktokWarehouseId(), w));
        upsert(h,
                "UPDATE channel_warehouse SET name = :name, region_code = :region, sellable = :sellable, "
                        + "return_warehouse = :ret WHERE shop_id = :shop AND tiktok_warehouse_id = :twid",
                "INSERT INTO channel_warehouse (shop_id, tiktok_warehouse_id, name, region_code, sellable, return_warehouse) "
                        + "VALUES (:shop, :twid, :name, :region, :sellable, :ret)",
                List.copyOf(unique.values()),
                (b, w) -> b.bind("shop", w.shopId())
                        .bind("twid", w.tiktokWarehouseId())
                        .bind("name", clip(w.name(), WAREHOUSE_NAME_WIDTH))
                        .bind("region", w.regionCode())
                        .bind("sellable", w.sellable())
                        .bind("ret", w.returnWarehouse()));
    }

    /**
     * Portable upsert (no MERGE / ON CONFLICT dialects): a batched UPDATE, then a batched INSERT
     * of exactly the items the UPDATE did not find. Safe because commits are serialised.
     */
    private static <T> void upsert(Handle h, String updateSql, String insertSql, List<T> items,
                                   BiConsumer<PreparedBatch, T> binder) {
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + BATCH_SIZE));
            PreparedBatch update = h.prepareBatch(updateSql);
            for (T item : chunk) {
                binder.accept(update, item);
                update.add();
            }
            int[] counts = update.execute();
            FaultInjection.step();
            PreparedBatch insert = h.prepareBatch(insertSql);
            for (int i = 0; i < chunk.size(); i++) {
                if (counts[i] == 0) {
                    binder.accept(insert, chunk.get(i));
                    insert.add();
                }
            }
            if (insert.size() > 0) {
                insert.execute();
                FaultInjection.step();
            } else {
                insert.close();
            }
        }
    }

    /*
     * The snapshot rows go through plain JDBC batches on the transaction's own connection: Jdbi's
     * PreparedBatch resolves an argument factory for every bound value, which cost more than H2's
     * insert itself at 20k+ rows. Same transaction, same batch size, no dialect.
     */
    static void insertStockRows(Handle h, long snapshotId, List<StockRow> rows) throws SQLException {
        Bucket[] buckets = Bucket.values();
        try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT_STOCK_ROW)) {
            int pending = 0;
            for (StockRow r : rows) {
                ps.setLong(1, snapshotId);
                ps.setString(2, r.sellerSku());
                ps.setString(3, r.warehouseId());
                ps.setString(4, whole(r.wmsId(), WMS_ID_WIDTH));
                for (int b = 0; b < buckets.length; b++) {
                    setInteger(ps, 5 + b, r.level().get(buckets[b]));
                }
                ps.addBatch();
                if (++pending == BATCH_SIZE) {
                    executeBatch(ps);
                    pending = 0;
                }
            }
            if (pending > 0) {
                executeBatch(ps);
            }
        }
    }

    private static void insertChannelRows(Handle h, long snapshotId, List<ChannelStock> rows) throws SQLException {
        try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT_CHANNEL_ROW)) {
            int pending = 0;
            for (ChannelStock c : rows) {
                ps.setLong(1, snapshotId);
                ps.setString(2, c.shopId());
                ps.setString(3, c.sellerSku());
                ps.setString(4, whole(c.tiktokSkuId(), SKU_CODE_WIDTH));
                ps.setString(5, c.tiktokWarehouseId());
                setInteger(ps, 6, c.available());
                setInteger(ps, 7, c.committed());
                ps.addBatch();
                if (++pending == BATCH_SIZE) {
                    executeBatch(ps);
                    pending = 0;
                }
            }
            if (pending > 0) {
                executeBatch(ps);
            }
        }
    }

    /** Lots of one SKU × warehouse received on the same day (and from the same source) age alike: summed. */
    static void insertLots(Handle h, long snapshotId, List<Lot> lots) throws SQLException {
        if (lots.isEmpty()) {
            return;
        }
        Map<List<Object>, Integer> merged = new LinkedHashMap<>();
        for (Lot l : lots) {
            if (l.units() > 0) {
                merged.merge(List.of(l.sellerSku(), l.warehouseId(), l.receivedOn(), l.source()), l.units(),
                        Integer::sum);
            }
        }
        try (PreparedStatement ps = h.getConnection().prepareStatement(INSERT_LOT)) {
            int pending = 0;
            for (Map.Entry<List<Object>, Integer> e : merged.entrySet()) {
                ps.setLong(1, snapshotId);
                ps.setString(2, (String) e.getKey().get(0));
                ps.setString(3, (String) e.getKey().get(1));
                ps.setObject(4, e.getKey().get(2));
                ps.setInt(5, e.getValue());
                ps.setString(6, ((Lot.LotSource) e.getKey().get(3)).name());
                ps.addBatch();
                if (++pending == BATCH_SIZE) {
                    executeBatch(ps);
                    pending = 0;
                }
            }
            if (pending > 0) {
                executeBatch(ps);
            }
        }
    }

    /** One JDBC batch: the unit the reliability tests kill after (see {@link FaultInjection}). */
    static void executeBatch(PreparedStatement ps) throws SQLException {
        FaultInjection.beforeStep();
        ps.executeBatch();
        FaultInjection.afterStep();
    }

    /** NULL stays NULL: an unknown bucket must not become 0. */
    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /**
     * TikTok lets two listings share a seller SKU. The warehouse holds one physical pool per
     * seller SKU, so the board compares it with what the listings offer together: duplicates of
     * (shop, TikTok warehouse, seller SKU) are summed (unknown if any part is unknown).
     */
    static List<ChannelStock> mergeDuplicates(String sourceId, List<ChannelStock> rows) {
        Map<String, ChannelStock> merged = new LinkedHashMap<>(rows.size() * 2);
        int duplicates = 0;
        for (ChannelStock c : rows) {
            String key = c.shopId() + '\u0000' + c.tiktokWarehouseId() + '\u0000' + c.sellerSku();
            ChannelStock prior = merged.putIfAbsent(key, c);
            if (prior != null) {
                duplicates++;
                merged.put(key, new ChannelStock(prior.shopId(), prior.sellerSku(),
                        prior.tiktokSkuId() != null ? prior.tiktokSkuId() : c.tiktokSkuId(),
                        prior.tiktokWarehouseId(), sum(prior.available(), c.available()),
                        sum(prior.committed(), c.committed())));
            }
        }
        if (duplicates > 0) {
            LOG.warn("{}: {} TikTok rows share a seller SKU and warehouse with another listing; their figures are summed",
                    sourceId, duplicates);
        }
        return duplicates == 0 ? rows : new ArrayList<>(merged.values());
    }

    private static Integer sum(Integer a, Integer b) {
        return a == null || b == null ? null : Quantity.add(a, b);
    }

    // --- mapping ---------------------------------------------------------------------------

    static Snapshot snapshot(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Snapshot(rs.getLong("id"), rs.getString("source_id"), SqlValues.instant(rs, "taken_at"),
                rs.getInt("row_count"));
    }

    static SyncRun syncRun(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SyncRun(rs.getLong("id"), rs.getString("source_id"),
                SqlValues.instant(rs, "started_at"), SqlValues.instant(rs, "finished_at"),
                SyncStatus.valueOf(rs.getString("status")), rs.getInt("row_count"), rs.getInt("requests"),
                rs.getLong("duration_ms"), rs.getString("error"), SqlValues.longOrNull(rs, "snapshot_id"));
    }
}
