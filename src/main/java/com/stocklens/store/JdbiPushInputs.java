package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What a push plan reads besides the stock board: TikTok's listing as its latest complete snapshots hold it
 * (shop, TikTok SKU id and figures per TikTok warehouse — which SKUs are assigned where), and the SKUs whose
 * returns passed QC.
 */
public final class JdbiPushInputs {
    private final Jdbi jdbi;

    public JdbiPushInputs(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One SKU in one TikTok warehouse in the latest TikTok snapshot.
     *
     * @param takenAt the snapshot's time
     */
    public record Listing(String shopId, String sellerSku, String tiktokSkuId, String tiktokWarehouseId,
                          Integer available, Integer committed, Instant takenAt) {
    }

    /** The key of {@link #listings()}: TikTok warehouse and seller SKU. */
    public static String key(String tiktokWarehouseId, String sellerSku) {
        return tiktokWarehouseId + '\u0000' + sellerSku;
    }

    /** TikTok's listing per (TikTok warehouse, seller SKU), from the latest complete snapshot of each shop source. */
    public Map<String, Listing> listings() {
        Map<String, Listing> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT c.shop_id, c.seller_sku, c.tiktok_sku_id, c.tiktok_warehouse_id, "
                        + "c.available, c.committed, s.taken_at FROM channel_row c "
                        + "JOIN snapshot s ON s.id = c.snapshot_id "
                        + "JOIN (SELECT source_id, MAX(id) AS id FROM snapshot GROUP BY source_id) m ON m.id = s.id "
                        + "ORDER BY s.id")
                .map((rs, ctx) -> new Listing(rs.getString("shop_id"), rs.getString("seller_sku"),
                        rs.getString("tiktok_sku_id"), rs.getString("tiktok_warehouse_id"),
                        SqlValues.integer(rs, "available"), SqlValues.integer(rs, "committed"),
                        SqlValues.instant(rs, "taken_at")))
                .forEach(l -> out.put(key(l.tiktokWarehouseId(), l.sellerSku()), l)));
        return out;
    }

    /** Seller SKUs with a returned unit that passed QC after {@code since} (all of them when null), by SKU. */
    public Set<String> qcPassedSince(Instant since) {
        Set<String> out = new LinkedHashSet<>();
        jdbi.useHandle(h -> {
            var q = h.createQuery("SELECT DISTINCT seller_sku FROM return_item WHERE stage = 'QC_PASSED' "
                    + "AND seller_sku IS NOT NULL" + (since == null ? "" : " AND updated_at > :since")
                    + " ORDER BY seller_sku");
            if (since != null) {
                q.bind("since", timestamp(since));
            }
            q.mapTo(String.class).forEach(out::add);
        });
        return out;
    }

    /** When the latest QC pass was recorded, or null. */
    public Instant latestQcPass() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(updated_at) AS at FROM return_item "
                        + "WHERE stage = 'QC_PASSED'")
                .map((rs, ctx) -> SqlValues.instant(rs, "at")).one());
    }
}
