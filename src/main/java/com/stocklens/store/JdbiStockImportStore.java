package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportField;
import com.stocklens.service.ImportedRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The store side of stock-file imports (migration V6): CSV warehouses, remembered column mappings, and
 * the import itself, which writes the snapshot, its sync run, the import record and the mapping in one
 * transaction.
 */
public final class JdbiStockImportStore {
    private final Jdbi jdbi;
    private final SnapshotRepository snapshots;

    public JdbiStockImportStore(Jdbi jdbi, SnapshotRepository snapshots) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    }

    /** The snapshot source of a CSV warehouse: kind WAREHOUSE, provider CSV, named like the warehouse. */
    public static SourceInfo sourceInfo(CsvWarehouse w) {
        return new SourceInfo(w.sourceId(), SourceKind.WAREHOUSE, Provider.CSV, w.name());
    }

    /** The domain warehouse of a CSV warehouse: id {@code csv:<id>}. */
    public static Warehouse warehouse(CsvWarehouse w) {
        return new Warehouse(Warehouse.idOf(Provider.CSV, w.id()), Provider.CSV, w.id(), w.name(), w.market(),
                w.region(), w.zone(), w.tiktokWarehouseId());
    }

    public List<CsvWarehouse> warehouses() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, market, region, zone_id, tiktok_warehouse_id "
                        + "FROM csv_warehouse ORDER BY name, id")
                .map((rs, ctx) -> new CsvWarehouse(rs.getString("id"), rs.getString("name"),
                        rs.getString("market") == null ? null : Market.valueOf(rs.getString("market")),
                        rs.getString("region"), ZoneId.of(rs.getString("zone_id")), rs.getString("tiktok_warehouse_id")))
                .list());
    }

    public Optional<CsvWarehouse> warehouse(String id) {
        return warehouses().stream().filter(w -> w.id().equals(id)).findFirst();
    }

    /** Inserts or updates a CSV warehouse (its remembered mappings and its TikTok link stay). */
    public void save(CsvWarehouse w) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE csv_warehouse SET name = :name, market = :market, region = :region, "
                            + "zone_id = :zone WHERE id = :id")
                    .bindMap(warehouseArgs(w)).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO csv_warehouse (id, name, market, region, zone_id, tiktok_warehouse_id) "
                                + "VALUES (:id, :name, :market, :region, :zone, :twid)")
                        .bindMap(warehouseArgs(w)).bind("twid", w.tiktokWarehouseId()).execute();
            }
        });
    }

    /**
     * Links a CSV warehouse to the TikTok warehouse it stocks (null unlinks it); the stock board shows the link
     * from the warehouse's next import.
     */
    public void link(String id, String tiktokWarehouseId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE csv_warehouse SET tiktok_warehouse_id = :twid WHERE id = :id")
                .bind("twid", tiktokWarehouseId).bind("id", id).execute());
    }

    private static Map<String, Object> warehouseArgs(CsvWarehouse w) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", w.id());
        m.put("name", w.name());
        m.put("market", w.market() == null ? null : w.market().name());
        m.put("region", w.region());
        m.put("zone", w.zone().getId());
        return m;
    }

    public List<String> mappingNames(String warehouseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT name FROM import_mapping WHERE warehouse_id = :w "
                        + "ORDER BY name")
                .bind("w", warehouseId).mapTo(String.class).list());
    }

    public Optional<String> lastMappingName(String warehouseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_mapping FROM csv_warehouse WHERE id = :w")
                .bind("w", warehouseId).mapTo(String.class).findOne().filter(Objects::nonNull));
    }

    public Optional<ColumnMapping> mapping(String warehouseId, String name) {
        Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
        jdbi.useHandle(h -> h.createQuery("SELECT field, header FROM import_mapping WHERE warehouse_id = :w AND name = :n")
                .bind("w", warehouseId).bind("n", name)
                .map((rs, ctx) -> Map.entry(rs.getString("field"), rs.getString("header")))
                .forEach(e -> {
                    try {
                        columns.put(ImportField.valueOf(e.getKey()), e.getValue());
                    } catch (IllegalArgumentException unknownField) {
                        // a field a later version removed: ignore it
                    }
                }));
        return columns.isEmpty() ? Optional.empty() : Optional.of(new ColumnMapping(columns));
    }

    /** The SHA-256 of the file last imported for the warehouse, if any. */
    public Optional<String> lastImportDigest(String warehouseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT file_sha256 FROM stock_import WHERE warehouse_id = :w "
                        + "ORDER BY warehouse_id DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .bind("w", warehouseId).mapTo(String.class).findOne());
    }

    /** Every CSV source that has been imported at least once (for the stock board). */
    public List<SourceInfo> importedSources() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, display_name FROM source WHERE provider = :p ORDER BY id")
                .bind("p", Provider.CSV.name())
                .map((rs, ctx) -> new SourceInfo(rs.getString("id"), SourceKind.WAREHOUSE, Provider.CSV,
                        rs.getString("display_name")))
                .list());
    }

    /**
     * Stores a valid check as one snapshot of the warehouse, taken at the file's time, and remembers the
     * mapping under {@code mappingName} — all in one transaction with the sync run. Throws, storing
     * nothing, when the check is not valid.
     */
    public Snapshot commit(CsvWarehouse w, ImportCheck check, String digest, String mappingName, Instant now) {
        return commit(w, false, check, digest, mappingName, now, (source, reading) -> reading);
    }

    /**
     * Commits a valid file as the warehouse's snapshot; {@code beforeCommit} may re-key the reading (SKU
     * mapping) before it is stored, as the sync engine does for polled sources.
     */
    public Snapshot commit(CsvWarehouse w, ImportCheck check, String digest, String mappingName, Instant now,
                           BiFunction<SourceInfo, Reading, Reading> beforeCommit) {
        return commit(w, false, check, digest, mappingName, now, beforeCommit);
    }

    /**
     * As {@link #commit(CsvWarehouse, ImportCheck, String, String, Instant, BiFunction)}; with {@code create} the
     * warehouse itself is inserted in the same transaction, so a failed commit leaves no warehouse behind.
     */
    public Snapshot commit(CsvWarehouse w, boolean create, ImportCheck check, String digest, String mappingName,
                           Instant now, BiFunction<SourceInfo, Reading, Reading> beforeCommit) {
        if (!check.valid()) {
            throw new IllegalArgumentException("Only a valid file can be imported");
        }
        Warehouse warehouse = warehouse(w);
        List<Sku> skus = new ArrayList<>();
        List<StockRow> rows = new ArrayList<>();
        for (ImportedRow r : check.rows()) {
            skus.add(new Sku(new SkuCodes(r.sellerSku(), null, r.barcode(), null), null));
            rows.add(new StockRow(r.sellerSku(), warehouse.id(), null, r.level()));
        }
        SourceInfo source = sourceInfo(w);
        Reading reading = beforeCommit.apply(source,
                Reading.ofWarehouse(check.fileTime(), List.of(warehouse), skus, rows, 0));
        long run = snapshots.beginRun(source.id(), now);
        try {
            return snapshots.commit(source, run, reading, now, 0, (h, snapshotId) -> {
                if (create) {
                    h.createUpdate("INSERT INTO csv_warehouse (id, name, market, region, zone_id) "
                                    + "VALUES (:id, :name, :market, :region, :zone)")
                            .bindMap(warehouseArgs(w)).execute();
                }
                h.createUpdate("INSERT INTO stock_import (warehouse_id, file_name, file_sha256, file_time, imported_at, "
                                + "row_count, snapshot_id) VALUES (:w, :file, :sha, :ft, :at, :rows, :snap)")
                        .bind("w", w.id())
                        .bind("file", SqlValues.oneLine(check.fileName(), 500))
                        .bind("sha", digest)
                        .bind("ft", timestamp(check.fileTime()))
                        .bind("at", timestamp(now))
                        .bind("rows", reading.stock().size())
                        .bind("snap", snapshotId)
                        .execute();
                FaultInjection.step(); // the kill tests halt here: import record written, not yet committed
                remember(h, w.id(), mappingName, check.mapping());
                FaultInjection.step();
            });
        } catch (RuntimeException e) {
            snapshots.fail(run, now, 0, 0, e.getMessage());
            throw e;
        }
    }

    private static void remember(Handle h, String warehouseId, String name, ColumnMapping mapping) {
        h.createUpdate("DELETE FROM import_mapping WHERE warehouse_id = :w AND name = :n")
                .bind("w", warehouseId).bind("n", name).execute();
        for (Map.Entry<ImportField, String> e : mapping.columns().entrySet()) {
            h.createUpdate("INSERT INTO import_mapping (warehouse_id, name, field, header) VALUES (:w, :n, :f, :h)")
                    .bind("w", warehouseId).bind("n", name).bind("f", e.getKey().name()).bind("h", e.getValue())
                    .execute();
        }
        h.createUpdate("UPDATE csv_warehouse SET last_mapping = :n WHERE id = :w")
                .bind("w", warehouseId).bind("n", name).execute();
    }
}
