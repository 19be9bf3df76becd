package com.stocklens.connector.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.http.Quantities;
import com.stocklens.connector.tiktok.TikTokDtos.InventoryData;
import com.stocklens.connector.tiktok.TikTokDtos.InventoryProduct;
import com.stocklens.connector.tiktok.TikTokDtos.InventorySku;
import com.stocklens.connector.tiktok.TikTokDtos.Shop;
import com.stocklens.connector.tiktok.TikTokDtos.WarehouseInventory;
import com.stocklens.domain.PushRefusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TikTok's one stock write, Update Inventory ({@code POST /product/202309/products/{product_id}/inventory/update},
 * scope {@code seller.product.write}, docs/api/tiktok-shop.md §5.5), with the read it needs first:
 *
 * <ul>
 *   <li>{@link #current}: Inventory Search by SKU ids gives each SKU's product, every TikTok warehouse it is
 *       assigned to and TikTok's figure there now — every assigned warehouse must be listed in a write.</li>
 *   <li>{@link #batches}: one call per product, at most {@value #MAX_SKUS_PER_CALL} SKUs each.</li>
 *   <li>{@link #send}: absolute quantities, so a retry repeats the same write (the shared HTTP retries, and
 *       here one more attempt after a temporary TikTok failure); per-SKU and per-warehouse failures come back
 *       from {@code data.errors[]} inside a {@code code: 0} answer, with TikTok's code and words.</li>
 * </ul>
 * The signing, the rate limit and the failure mapping are the shared {@link TikTokClient}'s.
 */
public final class TikTokInventoryWriter {
    private static final Logger LOG = LoggerFactory.getLogger(TikTokInventoryWriter.class);

    /** SKUs per Update Inventory call (docs/api/tiktok-shop.md §5.5). */
    public static final int MAX_SKUS_PER_CALL = 100;
    /** SKU ids per Inventory Search call (§5.4). */
    static final int MAX_SEARCH_SKUS = 600;
    /** Attempts of one write when TikTok answers "temporary failure": the figures are absolute, so repeating is safe. */
    static final int WRITE_ATTEMPTS = 2;

    private final TikTokClient client;
    private volatile Map<String, String> ciphers;

    public TikTokInventoryWriter(TikTokClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The write's path for one product. */
    public static String updatePath(String productId) {
        return "/product/202309/products/" + productId + "/inventory/update";
    }

    /**
     * TikTok's figures for one SKU now.
     *
     * @param warehouses TikTok warehouse id → available, for every warehouse the SKU is assigned to, in
     *                   TikTok's order
     */
    public record LiveSku(String shopId, String productId, String skuId, String sellerSku,
                          Map<String, Integer> warehouses) {
        public LiveSku {
            warehouses = Collections.unmodifiableMap(new LinkedHashMap<>(warehouses));
        }
    }

    /**
     * One SKU's new figures: every warehouse it is assigned to, the changed ones with their new quantity and
     * the others with TikTok's current one.
     */
    public record SkuUpdate(String productId, String skuId, Map<String, Integer> quantities) {
        public SkuUpdate {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(skuId, "skuId");
            quantities = Collections.unmodifiableMap(new LinkedHashMap<>(quantities));
        }
    }

    /**
     * One failure TikTok reported inside a write's answer.
     *
     * @param warehouseId the TikTok warehouse it names, or null when it is about the whole SKU
     * @param refusal     what it means for the seller
     */
    public record ItemError(String skuId, String warehouseId, String code, String message, PushRefusal refusal) {
    }

    /** The shop's cipher, from Get Authorized Shops (read once). */
    public String cipher(String shopId) throws SourceException {
        Map<String, String> known = ciphers;
        if (known == null || !known.containsKey(shopId)) {
            Map<String, String> read = new LinkedHashMap<>();
            for (Shop s : client.shops()) {
                read.put(s.id(), s.cipher());
            }
            ciphers = known = read;
        }
        String cipher = known.get(shopId);
        if (cipher == null) {
            throw new MalformedResponseException("TikTok does not list shop " + shopId + " among the authorized shops");
        }
        return cipher;
    }

    /** TikTok's figures now for {@code skuIds} of one shop, by SKU id; a SKU TikTok no longer lists is absent. */
    public Map<String, LiveSku> current(String shopId, Collection<String> skuIds) throws SourceException {
        String cipher = cipher(shopId);
        List<String> ids = List.copyOf(new LinkedHashSet<>(skuIds));
        Map<String, LiveSku> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += MAX_SEARCH_SKUS) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + MAX_SEARCH_SKUS));
            InventoryData data = TikTokClient.convert(client.post(TikTokShopSource.INVENTORY_PATH, cipher, Map.of(),
                    Map.of("sku_ids", slice)), InventoryData.class, "inventory");
            for (InventoryProduct p : nullToEmpty(data.inventory())) {
                for (InventorySku s : nullToEmpty(p.skus())) {
                    if (s.id() == null || p.productId() == null) {
                        throw new MalformedResponseException("TikTok inventory without SKU or product id");
                    }
                    Map<String, Integer> warehouses = new LinkedHashMap<>();
                    for (WarehouseInventory w : nullToEmpty(s.warehouseInventory())) {
                        if (w.warehouseId() == null || w.warehouseId().isBlank()) {
                            throw new MalformedResponseException("TikTok inventory without warehouse_id for SKU "
                                    + s.id());
                        }
                        warehouses.put(w.warehouseId(),
                                Quantities.of(w.availableQuantity(), "TikTok", "available_quantity", s.sellerSku()));
                    }
                    out.put(s.id(), new LiveSku(shopId, p.productId(), s.id(), s.sellerSku(), warehouses));
                }
            }
        }
        return out;
    }

    /** The calls {@code updates} take: one product each, at most {@value #MAX_SKUS_PER_CALL} SKUs, in first-seen order. */
    public static List<List<SkuUpdate>> batches(List<SkuUpdate> updates) {
        Map<String, List<SkuUpdate>> byProduct = new LinkedHashMap<>();
        for (SkuUpdate u : updates) {
            byProduct.computeIfAbsent(u.productId(), k -> new ArrayList<>()).add(u);
        }
        List<List<SkuUpdate>> out = new ArrayList<>();
        for (List<SkuUpdate> product : byProduct.values()) {
            for (int from = 0; from < product.size(); from += MAX_SKUS_PER_CALL) {
                out.add(List.copyOf(product.subList(from, Math.min(product.size(), from + MAX_SKUS_PER_CALL))));
            }
        }
        return out;
    }

    /**
     * Sends one batch (one product, at most {@value #MAX_SKUS_PER_CALL} SKUs) and returns the failures TikTok
     * reported inside its answer; empty when it took every figure.
     *
     * @throws SourceException when the whole call failed (nothing of it was taken)
     */
    public List<ItemError> send(String shopId, List<SkuUpdate> batch) throws SourceException {
        if (batch.isEmpty()) {
            return List.of();
        }
        String productId = batch.getFirst().productId();
        if (batch.size() > MAX_SKUS_PER_CALL || batch.stream().anyMatch(u -> !u.productId().equals(productId))) {
            throw new IllegalArgumentException("one product and at most " + MAX_SKUS_PER_CALL + " SKUs per call");
        }
        List<Object> skus = new ArrayList<>();
        for (SkuUpdate u : batch) {
            List<Object> inventory = new ArrayList<>();
            u.quantities().forEach((warehouse, quantity) -> {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("warehouse_id", warehouse);
                w.put("quantity", quantity);
                inventory.add(w);
            });
            Map<String, Object> sku = new LinkedHashMap<>();
            sku.put("id", u.skuId());
            sku.put("inventory", inventory);
            skus.add(sku);
        }
        Map<String, Object> body = Map.of("skus", skus);
        String cipher = cipher(shopId);
        for (int attempt = 1; ; attempt++) {
            try {
                return errors(client.postWrite(updatePath(productId), cipher, Map.of(), body));
            } catch (TransientSourceException e) {
                if (attempt >= WRITE_ATTEMPTS) {
                    throw e;
                }
                // Absolute figures: the same write again cannot count anything twice.
                LOG.info("TikTok stock write for product {} failed for now ({}); sending it once more", productId,
                        e.getMessage());
            }
        }
    }

    /** The failures in a write's {@code data.errors[]}: per warehouse where TikTok names one, else per SKU. */
    static List<ItemError> errors(JsonNode data) {
        JsonNode errors = data.path("errors");
        if (!errors.isArray()) {
            return List.of();
        }
        List<ItemError> out = new ArrayList<>();
        for (JsonNode e : errors) {
            JsonNode detail = e.path("detail");
            String skuId = text(detail.path("sku_id"));
            String code = text(e.path("code"));
            String message = text(e.path("message"));
            JsonNode extra = detail.path("extra_errors");
            if (extra.isArray() && !extra.isEmpty()) {
                for (JsonNode x : extra) {
                    String xCode = x.hasNonNull("code") ? text(x.path("code")) : code;
                    String xMessage = x.hasNonNull("message") ? text(x.path("message")) : message;
                    out.add(new ItemError(skuId, text(x.path("warehouse_id")), xCode, xMessage, refusalOf(xCode)));
                }
            } else {
                out.add(new ItemError(skuId, null, code, message, refusalOf(code)));
            }
        }
        return out;
    }

    /** What a TikTok error code on a stock write means for the seller (docs/api/tiktok-shop.md §5.5, §6). */
    public static PushRefusal refusalOf(String code) {
        return switch (code == null ? "" : code) {
            case "12052393" -> PushRefusal.PROMOTION_LOCKED;
            case "12052531" -> PushRefusal.WAREHOUSE_DISABLED;
            case "12052097" -> PushRefusal.WAREHOUSE_GONE;
            case "12019028", "12052533" -> PushRefusal.WAREHOUSES_CHANGED;
            case "12052141", "12052850", "12052921" -> PushRefusal.NOT_EDITABLE;
            case "12052901" -> PushRefusal.PRODUCT_NOT_ACTIVE;
            case "105005" -> PushRefusal.SCOPE_MISSING;
            default -> PushRefusal.TIKTOK_REFUSED;
        };
    }

    /**
     * Whether TikTok refused a figure for being out of its range: the documentation disagrees whether 0 is
     * allowed ([1, 99999] or ≥ 0) and names no code, so the refusal is recognised by its words.
     */
    public static boolean isQuantityRange(ItemError e) {
        if (e.refusal() != PushRefusal.TIKTOK_REFUSED || e.message() == null) {
            return false;
        }
        String m = e.message().toLowerCase(Locale.ROOT);
        return m.contains("quantity") && (m.contains("range") || m.contains("between") || m.contains("at least")
                || m.contains("greater") || m.contains("invalid") || m.contains("[1"));
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
