package com.stocklens.connector.flexport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.http.Quantities;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.flexport.FlexportDtos.ApiInventory;
import com.stocklens.connector.flexport.FlexportDtos.ApiProduct;
import com.stocklens.connector.flexport.FlexportDtos.LogisticsSkus;
import com.stocklens.connector.flexport.FlexportDtos.Problem;
import com.stocklens.connector.flexport.FlexportDtos.WarehouseDetail;
import com.stocklens.connector.flexport.FlexportDtos.WarehouseDetails;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.RequestCounter;
import com.stocklens.connector.http.RetryAfter;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceProbe;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock of one Flexport (ex-Deliverr) account through the Logistics API (warehouses.md §5), with
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
public final class FlexportSource implements StockSource {
    /** The provider warehouse id of the network warehouse; also its key in the warehouse settings. */
    public static final String NETWORK_ID = "network";
    public static final String NETWORK_NAME = "Flexport network";
    /** The scope every read here needs. */
    public static final String PRODUCTS_SCOPE = "read_logistics_products";

    private static final Logger LOG = LoggerFactory.getLogger(FlexportSource.class);
    private static final int MAX_PAGES = 100_000;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final SourceInfo info;
    private final FlexportConfig config;
    private final Clock clock;
    /** The HTTP layer's wall clock: an HTTP-date {@code Retry-After} is read against it, as the retries do. */
    private final Clock wallClock;
    private final RequestCounter counter = new RequestCounter();
    private final OkHttpClient http;

    public FlexportSource(SourceInfo info, FlexportConfig config, HttpClientFactory factory, Clock clock) {
        this(info, config, factory, HttpPolicy.defaults("flexport"), clock);
    }

    public FlexportSource(SourceInfo info, FlexportConfig config, HttpClientFactory factory, HttpPolicy policy,
                          Clock clock) {
        this.info = Objects.requireNonNull(info, "info");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (HttpUrl.parse(config.apiRoot()) == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + config.baseUrl());
        }
        this.wallClock = factory.clock();
        this.http = factory.create(policy, counter);
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    /** HTTP attempts made by this source so far, retries included. */
    public int requestCount() {
        return counter.count();
    }

    @Override
    public Reading fetch() throws SourceException {
        int before = counter.count();
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
                level = add(earlier.level(), level);
            }
            rows.put(sellerSku, new StockRow(sellerSku, network.id(),
                    earlier == null ? inv.logisticsSku() : earlier.wmsId(), level));
            skus.putIfAbsent(sellerSku, new Sku(new SkuCodes(sellerSku, null, barcodeOf(p), inv.logisticsSku()),
                    p == null ? null : p.name()));
        }
        return Reading.ofWarehouse(clock.instant(), List.of(network), List.copyOf(skus.values()),
                List.copyOf(rows.values()), counter.count() - before);
    }

    /**
     * Reads everything, then asks where the available units sit ({@code POST /products/warehouse}) so the
     * test can name the physical warehouses behind the network.
     */
    @Override
    public SourceProbe probe() throws SourceException {
        int before = counter.count();
        Reading r = fetch();
        List<String> dskus = r.stock().stream().map(StockRow::wmsId).filter(Objects::nonNull).toList();
        TreeSet<String> ids = new TreeSet<>();
        for (Map.Entry<String, Map<String, Integer>> e : availableByWarehouse(dskus).entrySet()) {
            e.getValue().forEach((w, n) -> ids.add(w));
        }
        String name = ids.isEmpty() ? NETWORK_NAME : NETWORK_NAME + " (" + String.join(", ", ids) + ")";
        return new SourceProbe(List.of(), List.of(name), r.skus().size(), counter.count() - before);
    }

    /**
     * Available units per DSKU and Flexport warehouse id, in batches of {@value FlexportConfig#PAGE_SIZE}
     * DSKUs. Only {@code available} exists at this level.
     */
    public Map<String, Map<String, Integer>> availableByWarehouse(List<String> logisticsSkus) throws SourceException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (int i = 0; i < logisticsSkus.size(); i += FlexportConfig.PAGE_SIZE) {
            List<String> batch = logisticsSkus.subList(i, Math.min(logisticsSkus.size(), i + FlexportConfig.PAGE_SIZE));
            List<WarehouseDetails> details = post(url("products/warehouse").build(), new LogisticsSkus(batch),
                    new TypeReference<List<WarehouseDetails>>() { });
            for (WarehouseDetails d : details) {
                if (d.logisticsSku() == null || d.warehouseDetails() == null) {
                    continue;
                }
                Map<String, Integer> perWarehouse = out.computeIfAbsent(d.logisticsSku(), k -> new LinkedHashMap<>());
                for (WarehouseDetail w : d.warehouseDetails()) {
                    Integer n = Quantities.of(w.available(), "Flexport " + d.logisticsSku() + " warehouse available");
                    if (w.warehouseId() != null && n != null) {
                        perWarehouse.merge(w.warehouseId(), n, Integer::sum);
                    }
                }
            }
        }
        return out;
    }

    static StockLevel levelOf(ApiInventory inv) throws MalformedResponseException {
        String at = "Flexport " + inv.logisticsSku() + " ";
        Integer onHand = Quantities.of(inv.onHand(), at + "onHand");
        Integer available = Quantities.of(inv.available(), at + "available");
        Integer unavailable = Quantities.of(inv.unavailable(), at + "unavailable");
        Integer reserved = onHand == null || available == null || unavailable == null
                ? null : Math.max(0, onHand - available - unavailable);
        return new StockLevel(Quantities.nonNegative(onHand), Quantities.nonNegative(available), reserved, null, null,
                Quantities.nonNegative(unavailable), null);
    }

    private static StockLevel add(StockLevel a, StockLevel b) {
        return new StockLevel(Quantities.sumKnown(a.onHand(), b.onHand()),
                Quantities.sumKnown(a.available(), b.available()), Quantities.sumKnown(a.reserved(), b.reserved()),
                null, null, Quantities.sumKnown(a.frozen(), b.frozen()), null);
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
        List<T> previous = null;
        int offset = 0;
        for (int n = 0; n < MAX_PAGES; n++) {
            List<T> page = get(url(resource)
                    .addQueryParameter("limit", Integer.toString(FlexportConfig.PAGE_SIZE))
                    .addQueryParameter("offset", Integer.toString(offset)).build(), type);
            if (page.isEmpty()) {
                return out;
            }
            if (page.equals(previous)) {
                // The same page again for the next offset: reading on would loop or duplicate rows.
                throw new MalformedResponseException("Flexport " + resource + " paging repeated a page at offset " + offset);
            }
            previous = page;
            out.addAll(page);
            offset += page.size();
        }
        throw new MalformedResponseException("Flexport " + resource + " paging did not end after " + MAX_PAGES + " pages");
    }

    // --- HTTP ----------------------------------------------------------------------------------

    private HttpUrl.Builder url(String resource) {
        return Objects.requireNonNull(HttpUrl.parse(config.apiRoot() + "/" + resource)).newBuilder();
    }

    private <T> T get(HttpUrl url, TypeReference<T> type) throws SourceException {
        return call(new Request.Builder().url(url).get(), url, type);
    }

    private <T> T post(HttpUrl url, Object body, TypeReference<T> type) throws SourceException {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write request body", e);
        }
        return call(new Request.Builder().url(url).post(RequestBody.create(json, JSON)), url, type);
    }

    private <T> T call(Request.Builder builder, HttpUrl url, TypeReference<T> type) throws SourceException {
        Request request = builder.header("Authorization", "Bearer " + config.token())
                .header("Accept", "application/json").build();
        String what = "Flexport " + request.method() + " " + url.encodedPath();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody rb = response.body();
            byte[] bytes = rb == null ? new byte[0] : rb.bytes();
            if (!response.isSuccessful()) {
                throw failure(what, response, bytes);
            }
            try {
                T body = MAPPER.readValue(bytes, type);
                if (body == null) {
                    throw new MalformedResponseException(what + ": empty body");
                }
                return body;
            } catch (IOException e) {
                throw new MalformedResponseException(what + ": unreadable body: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw TransientSourceException.network(what, e);
        }
    }

    private SourceException failure(String what, Response response, byte[] bytes) {
        int status = response.code();
        String detail = problemText(bytes);
        String msg = what + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
        return switch (status) {
            case 401 -> new AuthenticationException("Flexport refused the API token (HTTP 401"
                    + (detail.isEmpty() ? "" : ": " + detail) + "). Check the token in Settings; tokens are made in "
                    + "the Flexport Portal under Settings → API Tokens.");
            case 403 -> new AuthenticationException("The Flexport API token lacks a scope StockLens needs (HTTP 403"
                    + (detail.isEmpty() ? "" : ": " + detail) + "). Give the token the scope " + PRODUCTS_SCOPE
                    + " in the Flexport Portal (Settings → API Tokens).");
            case 423 -> new AuthenticationException("The Flexport account is locked (HTTP 423"
                    + (detail.isEmpty() ? "" : ": " + detail) + "). Contact Flexport to unlock it.");
            case 429 -> new RateLimitedException(msg, RetryAfter.parse(response.headers(), wallClock).orElse(null));
            default -> status >= 500 || status == 408 ? new TransientSourceException(msg)
                    : new ApiErrorException(Integer.toString(status), detail.isEmpty() ? msg : detail, null);
        };
    }

    /** Title and detail of a problem+json body; "" otherwise. */
    private static String problemText(byte[] bytes) {
        if (bytes.length == 0) {
            return "";
        }
        try {
            Problem p = MAPPER.readValue(bytes, Problem.class);
            StringBuilder sb = new StringBuilder();
            for (String s : new String[] {p.title(), p.detail()}) {
                if (s != null && !s.isBlank()) {
                    sb.append(sb.isEmpty() ? "" : " — ").append(s.strip());
                }
            }
            return sb.toString();
        } catch (IOException | RuntimeException notProblem) {
            return "";
        }
    }
}
