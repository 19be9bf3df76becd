package com.stocklens.connector.goodcang;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.WarehouseGuesses;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.goodcang.GoodCangDtos.InventoryRow;
import com.stocklens.connector.goodcang.GoodCangDtos.WarehouseInfo;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpStockSource;
import com.stocklens.connector.http.Pages;
import com.stocklens.connector.http.Quantities;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock of one GoodCang (谷仓) account, per warehouse and SKU (docs/api/warehouses.md §6).
 *
 * <p>{@code POST /base_data/get_warehouse} names GoodCang's warehouses ({@code warehouse_code},
 * {@code warehouse_name}, {@code country_code}); {@code POST /inventory/get_product_inventory} is paged
 * with {@code page}/{@code pageSize} (200) until {@code page * pageSize >= count} ({@code count} may be a
 * string) or GoodCang's "没有数据" failure, which means "no (more) rows", also on page 1.
 *
 * <p>Buckets (§6.4): available = {@code sellable}, reserved = {@code reserved}, inTransit = {@code onway},
 * qcHold = {@code pending} (received, awaiting put-away), frozen = {@code pi_freeze + unsellable},
 * onHand = derived {@code sellable + reserved + unsellable + pi_freeze} (unknown when sellable or
 * reserved is missing; [UNSURE] whether pending overlaps), returnPendingQc unknown (not in this call).
 *
 * <p>SKU identity is {@code product_sku} (also the WMS id). {@code product_barcode} is usually GoodCang's
 * own code (customer code + SKU, e.g. {@code G15056-TTS-PS-BLK}); it becomes the barcode only when it is
 * shaped like a GTIN (8, 12, 13 or 14 digits; the check digit is left to the three-code check).
 *
 * <p>get_warehouse lists every GoodCang warehouse, not only the seller's: the reading holds the
 * warehouses with stock rows plus those the seller named in the connection's overrides.
 */
public final class GoodCangSource extends HttpStockSource {
    private static final Logger LOG = LoggerFactory.getLogger(GoodCangSource.class);
    static final String WAREHOUSES_PATH = "/base_data/get_warehouse";
    static final String INVENTORY_PATH = "/inventory/get_product_inventory";
    private static final Pattern GTIN_SHAPE = Pattern.compile("\\d{8}|\\d{12,14}");

    private final GoodCangConfig config;
    private final GoodCangClient client;

    public GoodCangSource(SourceInfo info, GoodCangConfig config, HttpClientFactory factory, Clock clock) {
        super(info, clock);
        this.config = Objects.requireNonNull(config, "config");
        this.client = new GoodCangClient(config, factory, counter());
        timedBy(factory.ticker());
    }

    @Override
    protected Found read() throws SourceException {
        Map<String, WarehouseInfo> known = new LinkedHashMap<>();
        for (WarehouseInfo w : readWarehouses()) {
            known.putIfAbsent(w.warehouseCode(), w);
        }
        List<InventoryRow> inventory = readInventory();

        Set<String> used = new LinkedHashSet<>();
        Map<String, Sku> skus = new LinkedHashMap<>();
        Map<List<String>, StockRow> rows = new LinkedHashMap<>();
        Map<String, String> descs = new LinkedHashMap<>();
        for (InventoryRow r : inventory) {
            if (r.productSku() == null || r.warehouseCode() == null) {
                LOG.warn("GoodCang inventory row without product_sku or warehouse_code: skipped");
                continue;
            }
            used.add(r.warehouseCode());
            if (r.warehouseDesc() != null) {
                descs.putIfAbsent(r.warehouseCode(), r.warehouseDesc());
            }
            skus.putIfAbsent(r.productSku(),
                    new Sku(new SkuCodes(r.productSku(), null, barcodeOf(r.productBarcode()), r.productSku()), null));
            String warehouseId = Warehouse.idOf(Provider.GOODCANG, r.warehouseCode());
            StockRow row = new StockRow(r.productSku(), warehouseId, r.productSku(), levelOf(r));
            if (rows.putIfAbsent(List.of(r.productSku(), warehouseId), row) != null) {
                LOG.warn("GoodCang listed {} in {} twice; the first row is kept", r.productSku(), r.warehouseCode());
            }
        }
        used.addAll(config.overrides().tiktokLinks().keySet());
        used.addAll(config.overrides().markets().keySet());
        used.addAll(config.overrides().regions().keySet());
        List<Warehouse> warehouses = new ArrayList<>();
        for (String code : used) {
            WarehouseInfo w = known.get(code);
            warehouses.add(toWarehouse(code, w == null ? descs.get(code) : w.warehouseName(),
                    w == null ? null : w.countryCode()));
        }
        return (takenAt, requests) -> Reading.ofWarehouse(takenAt, warehouses, List.copyOf(skus.values()),
                List.copyOf(rows.values()), requests);
    }

    /**
     * The buckets of one row (§6.4); every count was judged by the one quantity rule when read (a negative one
     * fails the read), unknown stays unknown.
     */
    static StockLevel levelOf(InventoryRow r) throws MalformedResponseException {
        String what = "GoodCang " + r.productSku();
        Integer onHand = r.sellable() == null || r.reserved() == null ? null
                : Quantities.sumKnown(what + " on-hand counts", r.sellable(), r.reserved(), r.unsellable(),
                        r.piFreeze());
        return new StockLevel(onHand, r.sellable(), r.reserved(), r.onway(), r.pending(),
                Quantities.sumKnown(what + " frozen counts", r.piFreeze(), r.unsellable()), null);
    }

    /** {@code product_barcode} when it is shaped like a GTIN, else null (it is GoodCang's own code). */
    static String barcodeOf(String productBarcode) {
        return productBarcode != null && GTIN_SHAPE.matcher(productBarcode).matches() ? productBarcode : null;
    }

    private List<WarehouseInfo> readWarehouses() throws SourceException {
        Optional<JsonNode> answer = client.post(WAREHOUSES_PATH, Map.of());
        List<WarehouseInfo> out = new ArrayList<>();
        if (answer.isEmpty()) {
            return out;
        }
        JsonNode data = answer.get().path("data");
        if (data.isObject() && data.has("list")) {
            data = data.get("list");
        }
        if (data.isArray()) {
            for (JsonNode n : data) {
                out.add(WarehouseInfo.of(n));
            }
        }
        return out;
    }

    private List<InventoryRow> readInventory() throws SourceException {
        List<InventoryRow> out = new ArrayList<>();
        int pageSize = config.pageSize();
        Pages pages = pages("GoodCang get_product_inventory", pageSize);
        while (true) {
            int page = pages.next();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("page", page);
            body.put("pageSize", pageSize);
            Optional<JsonNode> answer = client.post(INVENTORY_PATH, body);
            if (answer.isEmpty()) {
                return out;
            }
            JsonNode data = answer.get().path("data");
            if (!data.isArray() && !data.isMissingNode() && !data.isNull()) {
                throw new MalformedResponseException("GoodCang get_product_inventory: data is not a list");
            }
            if (!data.isEmpty()) {
                // The same page again: reading on would duplicate rows and miss the real next page.
                pages.unlikeLast(data, "page " + (page - 1));
            }
            for (JsonNode n : data) {
                out.add(InventoryRow.of(n));
            }
            Integer count = Quantities.field(answer.get(), "count");
            if (data.isEmpty() || (count == null ? data.size() < pageSize : (long) page * pageSize >= count)) {
                return out;
            }
        }
    }

    Warehouse toWarehouse(String code, String name, String countryCode) {
        WarehouseOverrides o = config.overrides();
        Market market = o.market(code).orElse(null);
        if (market == null && countryCode != null) {
            market = Market.fromCode(countryCode).orElse(null);
        }
        if (market == null) {
            market = WarehouseGuesses.marketOfCode(code);
        }
        if (market == null) {
            market = WarehouseGuesses.marketOfText(name);
        }
        return new Warehouse(Warehouse.idOf(Provider.GOODCANG, code), Provider.GOODCANG, code,
                name == null ? code : name, market, o.region(code).orElse(null), WarehouseGuesses.zoneOf(market),
                o.link(code).orElse(null));
    }
}
