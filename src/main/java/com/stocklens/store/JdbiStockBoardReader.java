package com.stocklens.store;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.SyncStatus;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.BoardRow;
import com.stocklens.service.History;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds the stock board from the latest complete snapshot of every configured source.
 *
 * <p>Set-based on purpose (the board has to stay fast at 100k rows): one query for the latest
 * snapshots and their runs, one for the latest attempts, one each for warehouses, the item master, stock rows
 * and TikTok rows; the item master's names and codes and TikTok's figures are joined to the warehouse rows in
 * hash maps. All of it runs in
 * one REPEATABLE READ transaction, so the rows and the freshness describe the same moment; on H2 the rows
 * stream lazily instead of being copied (and past H2's in-memory limit spilled to a file) first.
 *
 * <p>Only configured sources count: a source removed from the settings drops off the board even
 * though its history stays in the store. Warehouses fed by uploaded files (provider CSV) are not
 * polled, so they are not configured here: every CSV source the store holds a snapshot for is shown.
 */
public final class JdbiStockBoardReader implements StockBoardReader {
    private static final Bucket[] BUCKETS = Bucket.values();

    private final Jdbi jdbi;
    private final List<SourceInfo> sources;

    public JdbiStockBoardReader(Jdbi jdbi, List<SourceInfo> configuredSources) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.sources = List.copyOf(configuredSources);
    }

    /** The store's snapshot history, read through this reader (as-of boards). */
    @Override
    public History history() {
        return new JdbiHistory(jdbi, this);
    }

    @Override
    public StockBoard read() {
        return Dialect.lazyRead(jdbi, h -> read(h, null, null));
    }

    /**
     * The board as it stood at {@code at} (History): per source, the latest complete snapshot taken at or
     * before {@code at}, and the latest attempt started at or before it. A source without such a snapshot
     * has no rows and no snapshot time ("no data yet").
     */
    public StockBoard readAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return Dialect.lazyRead(jdbi, h -> read(h, at, null));
    }

    /**
     * The board's rows of one seller SKU (every warehouse holding it, TikTok's figures beside), with every
     * source's freshness: now when {@code at} is null, else as {@link #readAt}. Reads only that SKU's rows.
     */
    public StockBoard readSku(String sellerSku, Instant at) {
        Objects.requireNonNull(sellerSku, "sellerSku");
        return Dialect.lazyRead(jdbi, h -> read(h, at, sellerSku));
    }

    private StockBoard read(Handle h, Instant at, String onlySku) {
        Map<String, Latest> latest = latestSnapshots(h, at);
        Map<String, Attempt> attempts = latestAttempts(h, at);

        List<Long> warehouseSnapshots = new ArrayList<>();
        List<Long> shopSnapshots = new ArrayList<>();
        Set<String> warehouseSources = new HashSet<>();
        List<SourceInfo> shownSources = withImportedSources(h);
        List<SourceFreshness> freshness = new ArrayList<>(shownSources.size());
        for (SourceInfo s : shownSources) {
            Latest l = latest.get(s.id());
            Attempt a = attempts.get(s.id());
            if (s.kind() == SourceKind.WAREHOUSE) {
                warehouseSources.add(s.id());
            }
            if (l != null) {
                (s.kind() == SourceKind.WAREHOUSE ? warehouseSnapshots : shopSnapshots).add(l.snapshotId);
            }
            freshness.add(new SourceFreshness(s,
                    l == null ? null : l.takenAt,
                    a == null ? null : a.startedAt,
                    a == null || a.status != SyncStatus.FAILED ? null : a.error,
                    l == null ? 0 : l.rows,
                    l == null ? 0 : l.requests,
                    l == null ? 0 : l.durationMillis));
        }

        Map<String, StoredWarehouse> warehouses = warehouses(h);
        Map<Long, Instant> takenAt = new HashMap<>();
        latest.values().forEach(l -> takenAt.put(l.snapshotId, l.takenAt));
        Map<String, ChannelFigure> tiktok = channelFigures(h, shopSnapshots, takenAt, onlySku);
        List<BoardRow> rows = stockRows(h, warehouseSnapshots, warehouses, tiktok, takenAt, onlySku);

        // The warehouse list covers the configured warehouse sources even before their rows exist.
        List<Warehouse> shown = new ArrayList<>();
        for (StoredWarehouse w : warehouses.values()) {
            if (warehouseSources.contains(w.sourceId)) {
                shown.add(w.warehouse);
            }
        }
        shown.sort(Comparator.comparing(Warehouse::id));
        return new StockBoard(rows, shown, freshness);
    }

    /** The configured sources, then the imported CSV sources not among them, by id. */
    private List<SourceInfo> withImportedSources(Handle h) {
        Set<String> configured = new HashSet<>();
        sources.forEach(s -> configured.add(s.id()));
        List<SourceInfo> all = new ArrayList<>(sources);
        h.createQuery("SELECT id, display_name FROM source WHERE provider = :csv ORDER BY id")
                .bind("csv", Provider.CSV.name())
                .map((rs, ctx) -> new SourceInfo(rs.getString("id"), SourceKind.WAREHOUSE, Provider.CSV,
                        rs.getString("display_name")))
                .forEach(s -> {
                    if (!configured.contains(s.id())) {
                        all.add(s);
                    }
                });
        return all;
    }

    private record Latest(String sourceId, long snapshotId, Instant takenAt, int rows, int requests,
                          long durationMillis) {
    }

    private record Attempt(String sourceId, Instant startedAt, SyncStatus status, String error) {
    }

    private record StoredWarehouse(String sourceId, Warehouse warehouse) {
    }

    private record ChannelFigure(Integer available, Integer committed, Instant takenAt) {
    }

    private static Map<String, Latest> latestSnapshots(Handle h, Instant at) {
        Map<String, Latest> out = new HashMap<>();
        // As of a moment: ids grow with commits, and a source's snapshots are taken in commit order, so the
        // highest id taken at or before the moment is the one that was "now" then.
        var query = h.createQuery("SELECT s.source_id, s.id, s.taken_at, s.row_count, r.requests, r.duration_ms "
                        + "FROM snapshot s "
                        + "JOIN (SELECT source_id, MAX(id) AS id FROM snapshot "
                        + (at == null ? "" : "WHERE taken_at <= :at ")
                        + "GROUP BY source_id) m ON m.id = s.id "
                        + "LEFT JOIN sync_run r ON r.snapshot_id = s.id");
        if (at != null) {
            query.bind("at", SqlValues.timestamp(at));
        }
        query.map((rs, ctx) -> new Latest(rs.getString("source_id"), rs.getLong("id"),
                        SqlValues.instant(rs, "taken_at"), rs.getInt("row_count"), rs.getInt("requests"),
                        rs.getLong("duration_ms")))
                .forEach(l -> out.put(l.sourceId, l));
        return out;
    }

    private static Map<String, Attempt> latestAttempts(Handle h, Instant at) {
        Map<String, Attempt> out = new HashMap<>();
        var query = h.createQuery("SELECT r.source_id, r.started_at, r.status, r.error FROM sync_run r "
                        + "JOIN (SELECT source_id, MAX(id) AS id FROM sync_run "
                        + (at == null ? "" : "WHERE started_at <= :at ")
                        + "GROUP BY source_id) m ON m.id = r.id");
        if (at != null) {
            query.bind("at", SqlValues.timestamp(at));
        }
        query.map((rs, ctx) -> new Attempt(rs.getString("source_id"), SqlValues.instant(rs, "started_at"),
                        SyncStatus.valueOf(rs.getString("status")), rs.getString("error")))
                .forEach(a -> out.put(a.sourceId, a));
        return out;
    }

    private static Map<String, StoredWarehouse> warehouses(Handle h) {
        Map<String, StoredWarehouse> out = new LinkedHashMap<>();
        h.createQuery("SELECT id, source_id, provider, provider_warehouse_id, name, market, region, zone_id, "
                        + "tiktok_warehouse_id FROM warehouse")
                .map((rs, ctx) -> new StoredWarehouse(rs.getString("source_id"), new Warehouse(
                        rs.getString("id"),
                        Provider.valueOf(rs.getString("provider")),
                        rs.getString("provider_warehouse_id"),
                        rs.getString("name"),
                        rs.getString("market") == null ? null : Market.valueOf(rs.getString("market")),
                        rs.getString("region"),
                        ZoneId.of(rs.getString("zone_id")),
                        rs.getString("tiktok_warehouse_id"))))
                .forEach(w -> out.put(w.warehouse.id(), w));
        return out;
    }

    private static String key(String tiktokWarehouseId, String sellerSku) {
        return tiktokWarehouseId + '\u0000' + sellerSku;
    }

    /** TikTok's figures keyed by (TikTok warehouse, seller SKU); the newer snapshot wins a clash between shops. */
    private static Map<String, ChannelFigure> channelFigures(Handle h, List<Long> snapshotIds,
                                                         Map<Long, Instant> takenAt, String onlySku) {
        Map<String, ChannelFigure> out = new HashMap<>();
        if (snapshotIds.isEmpty()) {
            return out;
        }
        var query = h.createQuery("SELECT tiktok_warehouse_id, seller_sku, available, committed, snapshot_id "
                        + "FROM channel_row WHERE snapshot_id IN (<ids>)"
                        + (onlySku == null ? "" : " AND seller_sku = :sku") + " ORDER BY snapshot_id")
                .bindList("ids", snapshotIds);
        if (onlySku != null) {
            query.bind("sku", onlySku);
        }
        query.scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    while (rs.next()) {
                        out.put(key(rs.getString(1), rs.getString(2)),
                                new ChannelFigure(SqlValues.integer(rs, 3), SqlValues.integer(rs, 4),
                                        takenAt.get(rs.getLong(5))));
                    }
                    return null;
                });
        return out;
    }

    private static List<BoardRow> stockRows(Handle h, List<Long> snapshotIds, Map<String, StoredWarehouse> warehouses,
                                            Map<String, ChannelFigure> tiktok, Map<Long, Instant> takenAt,
                                            String onlySku) {
        if (snapshotIds.isEmpty()) {
            return List.of();
        }
        StringBuilder buckets = new StringBuilder();
        for (Bucket b : BUCKETS) {
            buckets.append(", r.").append(b.column());
        }
        Map<String, SkuDetails> details = skuDetails(h, onlySku);
        var query = h.createQuery("SELECT r.seller_sku, r.warehouse_id, r.wms_id" + buckets + ", r.snapshot_id "
                        + "FROM stock_row r "
                        + "WHERE r.snapshot_id IN (<ids>)" + (onlySku == null ? "" : " AND r.seller_sku = :sku"))
                .bindList("ids", snapshotIds);
        if (onlySku != null) {
            query.bind("sku", onlySku);
        }
        return query.scanResultSet((supplier, ctx) -> {
                    ResultSet rs = supplier.get();
                    List<BoardRow> rows = new ArrayList<>();
                    Map<String, Sku> skus = new HashMap<>();
                    while (rs.next()) {
                        rows.add(boardRow(rs, warehouses, tiktok, takenAt, details, skus));
                    }
                    return rows;
                });
    }

    /** A SKU's name and codes as the item master holds them (any of them may be null). */
    private record SkuDetails(String name, String tiktokSkuId, String barcode) {
        static final SkuDetails NONE = new SkuDetails(null, null, null);
    }

    /**
     * The item master by seller SKU ({@code onlySku}'s entry alone when not null), read whole and joined to the
     * stock rows in a hash map: H2 joined it row by row with an index look-up each, which was about a third of a
     * cold 100,000-row read (BENCHMARKS.md, issue 20).
     */
    private static Map<String, SkuDetails> skuDetails(Handle h, String onlySku) {
        Map<String, SkuDetails> out = new HashMap<>();
        var query = h.createQuery("SELECT seller_sku, name, tiktok_sku_id, barcode FROM sku"
                + (onlySku == null ? "" : " WHERE seller_sku = :sku"));
        if (onlySku != null) {
            query.bind("sku", onlySku);
        }
        query.scanResultSet((supplier, ctx) -> {
            ResultSet rs = supplier.get();
            while (rs.next()) {
                out.put(rs.getString(1), new SkuDetails(rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return null;
        });
        return out;
    }

    /**
     * One SKU's codes and name, shared by its rows in every warehouse (a SKU stocked in three warehouses is
     * one {@link Sku} and one set of strings, not three): at 100,000 rows this keeps about a third of the
     * board's strings. {@code skus} is per read, keyed by seller SKU (its first row's {@link Sku}; a row with
     * another WMS id gets its own {@link Sku} over the same strings).
     */
    private static Sku sku(Map<String, Sku> skus, String sellerSku, String tiktokSkuId, String barcode, String wmsId,
                           String name) {
        Sku known = skus.get(sellerSku);
        if (known != null && Objects.equals(known.name(), name)
                && Objects.equals(known.codes().tiktokSkuId(), tiktokSkuId)
                && Objects.equals(known.codes().barcode(), barcode)) {
            if (Objects.equals(known.codes().wmsId(), wmsId)) {
                return known;
            }
            return new Sku(new SkuCodes(known.codes().sellerSku(), known.codes().tiktokSkuId(), known.codes().barcode(),
                    wmsId), known.name());
        }
        Sku sku = new Sku(new SkuCodes(sellerSku, tiktokSkuId, barcode, wmsId), name);
        skus.put(sellerSku, sku);
        return sku;
    }

    private static BoardRow boardRow(ResultSet rs, Map<String, StoredWarehouse> warehouses,
                                     Map<String, ChannelFigure> tiktok, Map<Long, Instant> takenAt,
                                     Map<String, SkuDetails> details, Map<String, Sku> skus) throws SQLException {
        String sellerSku = rs.getString(1);
        String warehouseId = rs.getString(2);
        String wmsId = rs.getString(3);
        Integer[] values = new Integer[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            values[i] = SqlValues.integer(rs, 4 + i);
        }
        SkuDetails d = details.getOrDefault(sellerSku, SkuDetails.NONE);
        Sku sku = sku(skus, sellerSku, d.tiktokSkuId(), d.barcode(), wmsId, d.name());
        StoredWarehouse w = warehouses.get(warehouseId);
        if (w == null) {
            // The commit refuses rows of unknown warehouses, so this means the store was edited by hand.
            throw new IllegalStateException("Stock row names warehouse " + warehouseId + " which is not in the store");
        }
        ChannelFigure t = w.warehouse.tiktokWarehouseId() == null ? null
                : tiktok.get(key(w.warehouse.tiktokWarehouseId(), sellerSku));
        return new BoardRow(sku, w.warehouse,
                new StockLevel(values[0], values[1], values[2], values[3], values[4], values[5], values[6]),
                t == null ? null : t.available, t == null ? null : t.committed,
                takenAt.get(rs.getLong(4 + BUCKETS.length)), t == null ? null : t.takenAt);
    }
}
