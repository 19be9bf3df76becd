package com.stocklens.store;

import com.stocklens.domain.CodeRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The codes the store knows, as three-code check records: one per seller SKU and warehouse of the
 * latest warehouse snapshots (the warehouse's own SKU id from {@code stock_row.wms_id}), with the SKU's
 * TikTok SKU id and barcode. The store only gathers; {@code rules.ThreeCodeCheck} judges (the store may
 * not import the rules).
 *
 * <p>Only SKUs in a latest snapshot are checked: the {@code sku} table keeps every SKU ever seen, and
 * a product retired a year ago is not a set-up mistake today.
 */
public final class JdbiCodeRecords {
    private final Jdbi jdbi;

    public JdbiCodeRecords(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records ordered by seller SKU, then warehouse id; {@code line} is 0. A SKU that no latest warehouse
     * snapshot stocks gets one record without warehouse, which the check reports as a missing warehouse id.
     */
    public List<CodeRecord> records() {
        return jdbi.inTransaction(this::records);
    }

    private record WarehouseCode(String warehouseId, String wmsId) {
    }

    private record SkuCodes(String tiktokSkuId, String barcode) {
    }

    private List<CodeRecord> records(Handle h) {
        List<Long> shopSnapshots = new ArrayList<>();
        List<Long> warehouseSnapshots = new ArrayList<>();
        h.createQuery("SELECT s.id, src.kind FROM snapshot s "
                        + "JOIN (SELECT source_id, MAX(id) AS id FROM snapshot GROUP BY source_id) m ON m.id = s.id "
                        + "JOIN source src ON src.id = s.source_id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> ("SHOP".equals(e.getValue()) ? shopSnapshots : warehouseSnapshots).add(e.getKey()));

        // TreeMap: a stable order, so two runs over one workspace print the same report.
        Map<String, List<WarehouseCode>> bySku = new TreeMap<>();
        if (!warehouseSnapshots.isEmpty()) {
            h.createQuery("SELECT seller_sku, warehouse_id, wms_id FROM stock_row WHERE snapshot_id IN (<ids>) "
                            + "ORDER BY seller_sku, warehouse_id")
                    .bindList("ids", warehouseSnapshots)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new WarehouseCode(rs.getString(2), rs.getString(3))))
                    .forEach(e -> bySku.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        Map<String, String> channelIds = new HashMap<>();
        if (!shopSnapshots.isEmpty()) {
            h.createQuery("SELECT seller_sku, MIN(tiktok_sku_id) FROM channel_row WHERE snapshot_id IN (<ids>) "
                            + "GROUP BY seller_sku")
                    .bindList("ids", shopSnapshots)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)))
                    .forEach(e -> channelIds.put(e.getKey(), e.getValue()));
            channelIds.keySet().forEach(sku -> bySku.computeIfAbsent(sku, k -> new ArrayList<>()));
        }
        Map<String, SkuCodes> codes = new HashMap<>();
        h.createQuery("SELECT seller_sku, tiktok_sku_id, barcode FROM sku")
                .map((rs, ctx) -> Map.entry(rs.getString(1), new SkuCodes(rs.getString(2), rs.getString(3))))
                .forEach(e -> codes.put(e.getKey(), e.getValue()));

        List<CodeRecord> out = new ArrayList<>();
        bySku.forEach((sku, warehouses) -> {
            SkuCodes c = codes.getOrDefault(sku, new SkuCodes(null, null));
            // The sku row keeps the first TikTok id ever recorded; the channel rows say what TikTok lists now.
            String tiktok = c.tiktokSkuId() != null ? c.tiktokSkuId() : emptyToNull(channelIds.get(sku));
            if (warehouses.isEmpty()) {
                out.add(new CodeRecord(0, tiktok, sku, c.barcode(), null, null));
            }
            for (WarehouseCode w : warehouses) {
                out.add(new CodeRecord(0, tiktok, sku, c.barcode(), w.warehouseId(), w.wmsId()));
            }
        });
        return out;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
