package com.stocklens.connector.tiktok;

import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.http.HttpStockSource;
import com.stocklens.connector.http.Pages;
import com.stocklens.connector.http.Quantities;
import com.stocklens.connector.tiktok.TikTokDtos.InventoryData;
import com.stocklens.connector.tiktok.TikTokDtos.InventoryProduct;
import com.stocklens.connector.tiktok.TikTokDtos.InventorySku;
import com.stocklens.connector.tiktok.TikTokDtos.Product;
import com.stocklens.connector.tiktok.TikTokDtos.ProductSku;
import com.stocklens.connector.tiktok.TikTokDtos.ProductsData;
import com.stocklens.connector.tiktok.TikTokDtos.SalesAttribute;
import com.stocklens.connector.tiktok.TikTokDtos.Shop;
import com.stocklens.connector.tiktok.TikTokDtos.WarehouseDto;
import com.stocklens.connector.tiktok.TikTokDtos.WarehouseInventory;
import com.stocklens.connector.tiktok.TikTokDtos.WarehousesData;
import com.stocklens.domain.ChannelStock;
import com.stocklens.domain.ChannelWarehouse;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TikTok's view of the stock: every authorized shop's warehouses, listed SKUs and per-warehouse
 * available/committed quantities. One {@link #fetch()} reads all shops to the last page or throws.
 */
public final class TikTokShopSource extends HttpStockSource {
    private static final Logger LOG = LoggerFactory.getLogger(TikTokShopSource.class);

    static final String WAREHOUSES_PATH = "/logistics/202309/warehouses";
    static final String INVENTORY_PATH = "/product/202309/inventory/search";
    private final TikTokClient client;

    /** @param client counts the attempts; this source reports the difference a read made */
    public TikTokShopSource(SourceInfo info, TikTokClient client, Clock clock) {
        super(info, clock, Objects.requireNonNull(client, "client")::requestCount);
        this.client = client;
        timedBy(client.ticker());
    }

    @Override
    protected Found read() throws SourceException {
        List<ChannelWarehouse> warehouses = new ArrayList<>();
        Map<String, Sku> skus = new LinkedHashMap<>();
        List<ChannelStock> stock = new ArrayList<>();
        for (Shop shop : client.shops()) {
            warehouses.addAll(readWarehouses(shop));
            Map<String, Sku> shopSkus = readSkus(shop);
            shopSkus.values().forEach(s -> skus.putIfAbsent(s.sellerSku(), s));
            stock.addAll(readInventory(shop, shopSkus));
        }
        return (takenAt, requests) -> Reading.ofShop(takenAt, warehouses, List.copyOf(skus.values()), stock, requests);
    }

    private List<ChannelWarehouse> readWarehouses(Shop shop) throws SourceException {
        WarehousesData data = TikTokClient.convert(client.get(WAREHOUSES_PATH, shop.cipher(), Map.of()),
                WarehousesData.class, "warehouses");
        List<ChannelWarehouse> out = new ArrayList<>();
        for (WarehouseDto w : nullToEmpty(data.warehouses())) {
            if (blank(w.id())) {
                throw new MalformedResponseException("TikTok warehouse without id in shop " + shop.id());
            }
            boolean sellable = "ENABLED".equals(w.effectStatus()) && "SALES_WAREHOUSE".equals(w.type());
            String regionCode = w.address() == null ? null : w.address().regionCode();
            out.add(new ChannelWarehouse(shop.id(), w.id(), w.name(), regionCode, sellable,
                    "RETURN_WAREHOUSE".equals(w.type())));
        }
        return out;
    }

    /** Every listed SKU of the shop keyed by TikTok SKU id, in page order. */
    private Map<String, Sku> readSkus(Shop shop) throws SourceException {
        TikTokConfig config = client.config();
        String path = "/product/" + config.productSearchVersion() + "/products/search";
        Map<String, Sku> out = new LinkedHashMap<>();
        Pages pages = pages("TikTok products search", config.pageSize());
        String token = null;
        while (true) {
            pages.next();
            Map<String, String> query = new LinkedHashMap<>();
            query.put("page_size", Integer.toString(config.pageSize()));
            if (token != null) {
                query.put("page_token", token);
            }
            ProductsData data = TikTokClient.convert(client.post(path, shop.cipher(), query, Map.of()),
                    ProductsData.class, "products");
            List<Product> products = nullToEmpty(data.products());
            for (Product p : products) {
                for (ProductSku s : nullToEmpty(p.skus())) {
                    if (blank(s.id())) {
                        throw new MalformedResponseException("TikTok SKU without id in product " + p.id());
                    }
                    if (blank(s.sellerSku())) {
                        LOG.warn("TikTok SKU {} of product {} ({}) has no seller_sku; skipped, it cannot be "
                                + "matched to warehouse stock", s.id(), p.id(), p.title());
                        continue;
                    }
                    out.put(s.id(), new Sku(new SkuCodes(s.sellerSku(), s.id(), null, null), nameOf(p, s)));
                }
            }
            String next = data.nextPageToken();
            if (products.isEmpty() || blank(next)) {
                return out;
            }
            pages.unseen(next, "page token " + next);
            token = next;
        }
    }

    private List<ChannelStock> readInventory(Shop shop, Map<String, Sku> skusById) throws SourceException {
        List<String> ids = List.copyOf(skusById.keySet());
        int batch = client.config().inventoryBatch();
        List<ChannelStock> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += batch) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + batch));
            InventoryData data = TikTokClient.convert(
                    client.post(INVENTORY_PATH, shop.cipher(), Map.of(), Map.of("sku_ids", slice)),
                    InventoryData.class, "inventory");
            for (InventoryProduct p : nullToEmpty(data.inventory())) {
                for (InventorySku s : nullToEmpty(p.skus())) {
                    Sku known = s.id() == null ? null : skusById.get(s.id());
                    String sellerSku = !blank(s.sellerSku()) ? s.sellerSku() : known == null ? null : known.sellerSku();
                    if (blank(sellerSku)) {
                        LOG.warn("TikTok inventory for SKU {} has no seller_sku; skipped", s.id());
                        continue;
                    }
                    for (WarehouseInventory w : nullToEmpty(s.warehouseInventory())) {
                        if (blank(w.warehouseId())) {
                            throw new MalformedResponseException("TikTok inventory without warehouse_id for SKU " + s.id());
                        }
                        out.add(new ChannelStock(shop.id(), sellerSku, s.id(), w.warehouseId(),
                                Quantities.of(w.availableQuantity(), "TikTok", "available_quantity", sellerSku),
                                Quantities.of(w.committedQuantity(), "TikTok", "committed_quantity", sellerSku)));
                    }
                }
            }
        }
        return out;
    }

    private static String nameOf(Product p, ProductSku s) {
        String title = p.title() == null ? "" : p.title().trim();
        String variant = nullToEmpty(s.salesAttributes()).stream()
                .map(SalesAttribute::valueName)
                .filter(v -> !blank(v))
                .collect(Collectors.joining(" / "));
        if (variant.isEmpty()) {
            return title;
        }
        return title.isEmpty() ? variant : title + " - " + variant;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
