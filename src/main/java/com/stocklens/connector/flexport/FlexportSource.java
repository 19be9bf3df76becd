package com.stocklens.connector.flexport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.flexport.FlexportDtos.ApiInventory;
import com.stocklens.connector.flexport.FlexportDtos.ApiProduct;
import com.stocklens.connector.flexport.FlexportDtos.LogisticsSkus;
import com.stocklens.connector.flexport.FlexportDtos.WarehouseDetail;
import com.stocklens.connector.flexport.FlexportDtos.WarehouseDetails;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpFailure;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.HttpStockSource;
import com.stocklens.connector.http.Pages;
import com.stocklens.connector.http.ProviderHttp;
import com.stocklens.connector.http.Quantities;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Quantity;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceProbe;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock of one Flexport (ex-Deliverr) account through the Logistics API (docs/api/warehouses.md §5), with
 * {@code Authorization: Bearer <token>} under {@code <api_base>/logistics/api/<api_version>/}.
 *
 * <p><b>One warehouse: the Flexport network.</b> Flexport reports {@code onHand} and {@code unavailable}
 * only network-wide; the only per-warehouse figure is {@code available}
 * ({@code POST /products/warehouse}). Rows per physical warehouse would therefore carry available alone,
 * and splitting on-hand or unavailable over warehouses would be invented. So a reading holds a single
 * warehouse, {@value #NETWORK_ID} ("Flexport network"), with the network totals, which is also the level
 * at which Flexport routes orders and at which a TikTok warehouse is linked to it. Its market, region and
 * TikTok link come from the connection's warehouse settings under the key {@value #NETWORK_ID}; its
 * zone is UTC (a network has no local time). The per-warehouse split is read only by {@link #probe()},
 * to tell the seller which warehouses hold the stock.
 *
 * <p>Buckets (§5.4): on_hand = {@code onHand} (Flexport: includes non-pickable and in-transfer units),
 * available = {@code available}, frozen = {@code unavailable} (not further split), reserved is
 * <b>derived</b> as {@code onHand − available − unavailable} clamped at 0 [UNSURE: Flexport exposes no
 * allocated quantity; in-transfer units land in it too]. in_transit stays <b>unknown</b>: the inbound
 * shipments API only answers for shipment ids the caller already knows ({@code ?shipmentIds=} is
 * required), so open inbounds cannot be listed. qc_hold and return_pending_qc are <b>unknown</b>
 * (Flexport exposes neither).
 *
 * <p>Identifiers: stock is keyed by {@code logisticsSku} (the DSKU); the seller SKU is the product's
 * {@code merchantSku} from {@code GET /products}. A DSKU without a product keeps its DSKU as SKU code
 * (its stock stays visible, as an unmapped SKU). Two DSKUs with one merchant SKU are added together.
 * Both lists page by {@code limit}/{@code offset} (limit ≤ 100) until an <em>empty</em> array.
 *
 * <p>Errors are {@code application/problem+json}: 401 (bad token) and 403 (missing scope) and 423
 * (account locked) need a person and become {@link AuthenticationException}; 429 honours
 * {@code Retry-After}.
 */
public final class FlexportSource extends HttpStockSource {
    /** The provider warehouse id of the network warehouse; also its key in the warehouse settings. */
    public static final String NETWORK_ID = "network";
    public static final String NETWORK_NAME = "Flexport network";
    /** The scope every read here needs. */
    public static final String PRODUCTS_SCOPE = "read_logistics_products";

    private static final Logger LOG = LoggerFactory.getLogger(FlexportSource.class);

    private final FlexportConfig config;
    private final ProviderHttp http;

    /** A source with {@link HttpPolicy#defaults}. */
    public FlexportSource(SourceInfo info, FlexportConfig config, HttpClientFactory factory, Clock clock) {
        super(info, clock);
        this.config = Objects.requireNonNull(config, "config");
        this.http = provider("Flexport", config.apiRoot()).bearer(config.token())
                .pageSize(FlexportConfig.PAGE_SIZE)
                .failures(f -> f.refusedAs(FlexportSource::refused, 401, 403, 423))
                .build(factory, HttpPolicy.defaults("flexport"));
        timedBy(factory.ticker());
    }

    @Override
    protected Found read() throws SourceException {
        Map<String, ApiProduct> products = readProducts();
        List<ApiInventory> inventory = readInventory();
        Warehouse network = networkWarehouse();

        Map<String, Sku> skus = new LinkedHashMap<>();
        Map<String, StockRow> rows = new LinkedHashMap<>();
        for (ApiInventory inv : inventory) {
            if (inv.logisticsSku() == null || inv.logisticsSku().isBlank()) {
                throw new MalformedResponseException("Flexport inventory entry without logisticsSku");
            }
            ApiProduct p = products.get(inv.logisticsSku());
            String sellerSku = p == null || p.merchantSku() == null || p.merchantSku().isBlank()
                    ? null : p.merchantSku().strip();
            if (sellerSku == null) {
                LOG.warn("Flexport {} has no product with a merchant SKU; its stock is listed under the DSKU",
                        inv.logisticsSku());
                sellerSku = inv.logisticsSku();
            }
            StockLevel level = levelOf(inv);
            StockRow earlier = rows.get(sellerSku);
            if (earlier != null) {
                LOG.warn("Flexport DSKUs {} and {} share merchant SKU {}; their stock is added", earlier.wmsId(),
                        inv.logisticsSku(), sellerSku);
                level = add(earlier.level(), level, sellerSku);
            }
            rows.put(sellerSku, new StockRow(sellerSku, network.id(),
                    earlier == null ? inv.logisticsSku() : earlier.wmsId(), level));
            skus.putIfAbsent(sellerSku, new Sku(new SkuCodes(sellerSku, null, barcodeOf(p), inv.logisticsSku()),
                    p == null ? null : p.name()));
        }
        return (takenAt, requests) -> Reading.ofWarehouse(takenAt, List.of(network), List.copyOf(skus.values()),
                List.copyOf(rows.values()), requests);
    }

    /**
     * Reads everything, then asks where the available units sit ({@code POST /products/warehouse}) so the
     * test can name the physical warehouses behind the network.
     */
    @Override
    public SourceProbe probe() throws SourceException {
        int before = requestCount();
        Reading r = fetch();
        List<String> dskus = r.stock().stream().map(StockRow::wmsId).filter(Objects::nonNull).toList();
        TreeSet<String> ids = new TreeSet<>();
        for (Map.Entry<String, Map<String, Integer>> e : availableByWarehouse(dskus).entrySet()) {
            e.getValue().forEach((w, n) -> ids.add(w));
        }
        String name = ids.isEmpty() ? NETWORK_NAME : NETWORK_NAME + " (" + String.join(", ", ids) + ")";
        return new SourceProbe(List.of(), List.of(name), r.skus().size(), requestCount() - before);
    }

    /**
     * Available units per DSKU and Flexport warehouse id, in batches of {@value FlexportConfig#PAGE_SIZE}
     * DSKUs. Only {@code available} exists at this level.
     */
    public Map<String, Map<String, Integer>> availableByWarehouse(List<String> logisticsSkus) throws SourceException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < logisticsSkus.size(); i += FlexportConfig.PAGE_SIZE) {
            List<String> batch = logisticsSkus.subList(i, Math.min(logisticsSkus.size(), i + FlexportConfig.PAGE_SIZE));
            List<WarehouseDetails> details = http.post(http.url("products/warehouse").build(), new LogisticsSkus(batch),
                    new TypeReference<List<WarehouseDetails>>() { });
            for (WarehouseDetails d : details) {
                if (d.logisticsSku() == null || d.warehouseDetails() == null) {
                    continue;
                }
                Map<String, Integer> perWarehouse = out.computeIfAbsent(d.logisticsSku(), k -> new LinkedHashMap<>());
                for (WarehouseDetail w : d.warehouseDetails()) {
                    Integer n = Quantities.of(w.available(), "Flexport", "warehouseDetails.available",
                            d.logisticsSku());
                    if (w.warehouseId() != null && n != null) {
                        perWarehouse.merge(w.warehouseId(), n, Quantity::add);
                    }
                }
            }
        }
        return out;
    }

    /** Flexport's counts judged by the one quantity rule (a negative one fails the read); reserved is derived. */
    static StockLevel levelOf(ApiInventory inv) throws MalformedResponseException {
        String dsku = inv.logisticsSku();
        Integer onHand = Quantities.of(inv.onHand(), "Flexport", "onHand", dsku);
        Integer available = Quantities.of(inv.available(), "Flexport", "available", dsku);
        Integer unavailable = Quantities.of(inv.unavailable(), "Flexport", "unavailable", dsku);
        Integer reserved = onHand == null || available == null || unavailable == null
                ? null : (int) Math.max(0, (long) onHand - available - unavailable);
        return new StockLevel(onHand, available, reserved, null, null, unavailable, null);
    }

    private static StockLevel add(StockLevel a, StockLevel b, String sellerSku) throws MalformedResponseException {
        String what = "Flexport DSKUs of " + sellerSku;
        return new StockLevel(Quantities.sumKnown(what, a.onHand(), b.onHand()),
                Quantities.sumKnown(what, a.available(), b.available()),
                Quantities.sumKnown(what, a.reserved(), b.reserved()), null, null,
                Quantities.sumKnown(what, a.frozen(), b.frozen()), null);
    }

    private Warehouse networkWarehouse() {
        var o = config.overrides();
        return new Warehouse(Warehouse.idOf(Provider.FLEXPORT, NETWORK_ID), Provider.FLEXPORT, NETWORK_ID,
                NETWORK_NAME, o.market(NETWORK_ID).orElse(null), o.region(NETWORK_ID).orElse(null), ZoneOffset.UTC,
                o.link(NETWORK_ID).orElse(null));
    }

    private static String barcodeOf(ApiProduct p) {
        if (p == null || p.barcodes() == null) {
            return null;
        }
        return p.barcodes().stream().filter(b -> b != null && !b.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    // --- reads ---------------------------------------------------------------------------------

    private Map<String, ApiProduct> readProducts() throws SourceException {
        Map<String, ApiProduct> out = new HashMap<>();
        for (ApiProduct p : readAll("products", new TypeReference<List<ApiProduct>>() { })) {
            if (p.logisticsSku() != null) {
                out.put(p.logisticsSku(), p);
            }
        }
        return out;
    }

    private List<ApiInventory> readInventory() throws SourceException {
        return readAll("products/inventory/all", new TypeReference<List<ApiInventory>>() { });
    }

    /** limit/offset paging until an empty array (Flexport's documented end of the list). */
    private <T> List<T> readAll(String resource, TypeReference<List<T>> type) throws SourceException {
        List<T> out = new ArrayList<>();
        Pages pages = pages("Flexport " + resource, FlexportConfig.PAGE_SIZE);
        int offset = 0;
        while (true) {
            pages.next();
            List<T> page = http.get(http.url(resource)
                    .addQueryParameter("limit", Integer.toString(FlexportConfig.PAGE_SIZE))
                    .addQueryParameter("offset", Integer.toString(offset)).build(), type);
            if (page.isEmpty()) {
                return out;
            }
            // The same page again for the next offset: reading on would loop or duplicate rows.
            pages.unlikeLast(page, "a page at offset " + offset);
            out.addAll(page);
            offset += page.size();
        }
    }

    // --- HTTP ----------------------------------------------------------------------------------

    /** 401 (bad token), 403 (missing scope) and 423 (account locked) each need a person to do something else. */
    private static AuthenticationException refused(HttpFailure f) {
        String detail = f.detail().isEmpty() ? "" : ": " + f.detail();
        return switch (f.status()) {
            case 403 -> new AuthenticationException("The Flexport API token lacks a scope StockLens needs (HTTP 403"
                    + detail + "). Give the token the scope " + PRODUCTS_SCOPE
                    + " in the Flexport Portal (Settings → API Tokens).");
            case 423 -> new AuthenticationException("The Flexport account is locked (HTTP 423" + detail
                    + "). Contact Flexport to unlock it.");
            default -> new AuthenticationException("Flexport refused the API token (HTTP " + f.status() + detail
                    + "). Check the token in Settings; tokens are made in the Flexport Portal under Settings → "
                    + "API Tokens.");
        };
    }
}
