package com.stocklens.connector.shipmonk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpFailure;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.HttpStockSource;
import com.stocklens.connector.http.Pages;
import com.stocklens.connector.http.ProviderHttp;
import com.stocklens.connector.http.Quantities;
import com.stocklens.connector.shipmonk.ShipMonkDtos.Document;
import com.stocklens.connector.shipmonk.ShipMonkDtos.Location;
import com.stocklens.connector.shipmonk.ShipMonkDtos.NumberedPage;
import com.stocklens.connector.shipmonk.ShipMonkDtos.Paginator;
import com.stocklens.connector.shipmonk.ShipMonkDtos.Product;
import com.stocklens.connector.shipmonk.ShipMonkDtos.ProductLine;
import com.stocklens.connector.shipmonk.ShipMonkDtos.ProductsPage;
import com.stocklens.connector.shipmonk.ShipMonkDtos.ReceivingsPage;
import com.stocklens.connector.shipmonk.ShipMonkDtos.ReturnDetail;
import com.stocklens.connector.shipmonk.ShipMonkDtos.ReturnItem;
import com.stocklens.connector.shipmonk.ShipMonkDtos.ReturnsPage;
import com.stocklens.connector.shipmonk.ShipMonkDtos.SearchStarted;
import com.stocklens.connector.shipmonk.ShipMonkDtos.WarehousesPage;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Quantity;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock of one ShipMonk store, per product and warehouse (docs/api/warehouses.md §4). Every request carries the
 * store's {@code Api-Key} header.
 *
 * <p>Reads: warehouses ({@code GET /v1/integrations/warehouses}, paginator); every product through a
 * frozen search ({@code POST /v1/integrations/products/search} → cursor, then
 * {@code GET …/products/search/paginate?cursor=&pageSize=500} until {@code next_cursor} is null — the
 * plain {@code /v1/products} list shifts between pages while stock moves); open receivings
 * ({@code GET /v1/integrations/receivings-list}) and returns ({@code GET /v1/integrations/returns-list}).
 *
 * <p>Buckets per {@code inventory.locations[]} entry (§4.5):
 * <ul>
 * <li>available = {@code quantity_available} [UNSURE: a ShipMonk guide says "available" includes inbound;
 *     the spec says "available to allocate to new orders"];</li>
 * <li>qc_hold = {@code quarantined_quantity}; frozen = {@code quantity_unavailable} [UNSURE: its description
 *     mentions "damaged or reserved"];</li>
 * <li>on_hand = {@code quantity_on_hand − quarantined_quantity}: ShipMonk counts quarantined units inside
 *     on-hand ("incl. allocated, quarantined, unavailable"), while StockLens keeps units in QC in their own
 *     bucket, apart from on_hand (as ShipBob's unstowed and GoodCang's pending units), so the same unit
 *     is never counted twice;</li>
 * <li>reserved is <b>derived</b> (ShipMonk exposes no allocated quantity):
 *     {@code quantity_on_hand − available − quarantined − unavailable}, clamped at 0. It is only right if
 *     {@code available} excludes inbound units (see above); if it does not, reserved reads too low (0);</li>
 * <li>in_transit is <b>derived</b> from receivings in {@code awaiting}/{@code arrived}/{@code in_progress}:
 *     Σ max(0, {@code expected_quantity − received_quantity}) per product and warehouse;</li>
 * <li>return_pending_qc is <b>derived</b> from returns in {@code arrived}/{@code in_progress}: per item the
 *     received units whose {@code receiving_details[].final_disposition} is still null (an item without
 *     details counts its {@code received_quantity}) [UNSURE: field semantics from the spec's descriptions,
 *     not verified on a live account].</li>
 * </ul>
 * A product with an open receiving or return at a warehouse where it has no location yet gets a row whose
 * stock buckets are 0 (ShipMonk lists a location wherever the product is stocked [UNSURE]).
 *
 * <p>The API declares no error bodies, so failures are judged by status code only: 401/403 → the key was
 * refused; 429 → rate limited, honouring {@code Retry-After} in seconds or as an HTTP date.
 */
public final class ShipMonkSource extends HttpStockSource {
    private static final Logger LOG = LoggerFactory.getLogger(ShipMonkSource.class);
    private static final int WAREHOUSE_PAGE_SIZE = 1000;
    private static final Set<String> INBOUND_STATUSES = Set.of("awaiting", "arrived", "in_progress");
    private static final Set<String> RETURN_QC_STATUSES = Set.of("arrived", "in_progress");

    private final ShipMonkConfig config;
    private final ProviderHttp http;

    /** A source with {@link HttpPolicy#defaults}. */
    public ShipMonkSource(SourceInfo info, ShipMonkConfig config, HttpClientFactory factory, Clock clock) {
        super(info, clock);
        this.config = Objects.requireNonNull(config, "config");
        this.http = provider("ShipMonk", config.baseUrl()).header("Api-Key", config.apiKey()).snakeCase()
                .pageSize(Math.max(config.pageSize(), WAREHOUSE_PAGE_SIZE))
                .failures(f -> f.refusedAs(ShipMonkSource::refused))
                .build(factory, HttpPolicy.defaults("shipmonk"));
        timedBy(factory.ticker());
    }

    @Override
    protected Found read() throws SourceException {
        Map<String, Warehouse> warehouses = readWarehouses();
        List<Product> products = readProducts();
        Map<Key, Integer> inbound = readReceivings();
        Map<Key, Integer> returns = readReturns();

        Map<String, Sku> skus = new LinkedHashMap<>();
        List<StockRow> rows = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        Map<String, Product> bySku = new HashMap<>();
        for (Product p : products) {
            if (p.sku() == null || p.sku().isBlank()) {
                LOG.warn("ShipMonk product {} ({}) has no SKU; skipped, it cannot be matched to TikTok", p.id(), p.name());
                continue;
            }
            bySku.putIfAbsent(p.sku(), p);
            skus.putIfAbsent(p.sku(), new Sku(new SkuCodes(p.sku(), null, barcodeOf(p), idOf(p)), p.name()));
            List<Location> locations = p.inventory() == null || p.inventory().locations() == null
                    ? List.of() : p.inventory().locations();
            for (Location loc : locations) {
                if (loc.warehouse() == null || blank(loc.warehouse().identifier())) {
                    throw new MalformedResponseException("ShipMonk location without warehouse identifier for product "
                            + p.sku());
                }
                String code = loc.warehouse().identifier();
                ensureWarehouse(warehouses, code, loc.warehouse().name());
                Key key = new Key(p.sku(), code);
                if (!seen.add(key)) {
                    throw new MalformedResponseException("ShipMonk product " + p.sku() + " lists warehouse " + code
                            + " twice");
                }
                StockLevel level = levelOf(loc, p.sku(), inbound.getOrDefault(key, 0), returns.getOrDefault(key, 0));
                rows.add(new StockRow(p.sku(), Warehouse.idOf(Provider.SHIPMONK, code), idOf(p), level));
            }
        }
        Set<Key> openElsewhere = new HashSet<>(inbound.keySet());
        openElsewhere.addAll(returns.keySet());
        for (Key key : openElsewhere) {
            Product p = bySku.get(key.sku());
            if (seen.contains(key) || p == null) {
                continue;
            }
            ensureWarehouse(warehouses, key.warehouse(), null);
            rows.add(new StockRow(key.sku(), Warehouse.idOf(Provider.SHIPMONK, key.warehouse()), idOf(p),
                    new StockLevel(0, 0, 0, inbound.getOrDefault(key, 0), 0, 0, returns.getOrDefault(key, 0))));
        }
        return (takenAt, requests) -> Reading.ofWarehouse(takenAt, List.copyOf(warehouses.values()),
                List.copyOf(skus.values()), rows, requests);
    }

    /**
     * The buckets of one location (see the class comment for each rule). ShipMonk's own counts are judged by
     * the one quantity rule (a negative one fails the read); only the derived ones are clamped at 0.
     */
    static StockLevel levelOf(Location loc, String sku, int inTransit, int returnPendingQc)
            throws MalformedResponseException {
        Integer onHandRaw = Quantities.of(loc.quantityOnHand(), "ShipMonk", "quantity_on_hand", sku);
        Integer available = Quantities.of(loc.quantityAvailable(), "ShipMonk", "quantity_available", sku);
        Integer quarantined = Quantities.of(loc.quarantinedQuantity(), "ShipMonk", "quarantined_quantity", sku);
        Integer unavailable = Quantities.of(loc.quantityUnavailable(), "ShipMonk", "quantity_unavailable", sku);
        Integer onHand = onHandRaw == null ? null
                : Quantities.derived(onHandRaw - (quarantined == null ? 0 : quarantined));
        Integer reserved = onHandRaw == null || available == null || quarantined == null || unavailable == null
                ? null : (int) Math.max(0, (long) onHandRaw - available - quarantined - unavailable);
        return new StockLevel(onHand, available, reserved, inTransit, quarantined, unavailable, returnPendingQc);
    }

    private void ensureWarehouse(Map<String, Warehouse> warehouses, String code, String name) {
        warehouses.computeIfAbsent(code, c -> {
            // A location missing from the warehouse list still gets a warehouse, so no row points nowhere.
            LOG.warn("ShipMonk warehouse {} is not in the warehouse list", c);
            return warehouse(c, name == null ? c : name, null, null);
        });
    }

    private Warehouse warehouse(String code, String name, String country, String timezone) {
        Market market = config.overrides().market(code).orElseGet(() -> Market.fromCode(country).orElse(null));
        return new Warehouse(Warehouse.idOf(Provider.SHIPMONK, code), Provider.SHIPMONK, code, name, market,
                config.overrides().region(code).orElse(null), zoneOf(timezone), config.overrides().link(code).orElse(null));
    }

    static ZoneId zoneOf(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone.trim());
        } catch (DateTimeException e) {
            LOG.warn("ShipMonk warehouse time zone {} is not an IANA zone; using UTC", timezone);
            return ZoneOffset.UTC;
        }
    }

    private static String barcodeOf(Product p) {
        if (p.barcodes() == null) {
            return null;
        }
        return p.barcodes().stream().filter(b -> b != null && !b.isBlank()).map(String::strip).findFirst().orElse(null);
    }

    private static String idOf(Product p) {
        return p.id() == null ? null : Long.toString(p.id());
    }

    // --- reads ---------------------------------------------------------------------------------

    private Map<String, Warehouse> readWarehouses() throws SourceException {
        Map<String, Warehouse> out = new LinkedHashMap<>();
        forEachPage("v1/integrations/warehouses", "pageSize", WAREHOUSE_PAGE_SIZE,
                new TypeReference<WarehousesPage>() { }, "ShipMonk warehouse", w -> {
                    if (blank(w.identifier())) {
                        throw new MalformedResponseException("ShipMonk warehouse " + w.id() + " without identifier");
                    }
                    out.put(w.identifier(), warehouse(w.identifier(), blank(w.name()) ? w.identifier() : w.name(),
                            w.address() == null ? null : w.address().country(), w.timezone()));
                });
        return out;
    }

    /** Every product: one frozen search, then its cursor to the end. */
    private List<Product> readProducts() throws SourceException {
        Map<String, Object> search = Map.of("sort", Map.of("sort_by", "id", "sort_order", "ASC"));
        SearchStarted started = http.post(http.url("v1/integrations/products/search").build(), search,
                new TypeReference<SearchStarted>() { });
        List<Product> out = new ArrayList<>();
        String cursor = started.cursor();
        if (blank(cursor)) {
            if (started.total() != null && started.total() > 0) {
                throw new MalformedResponseException("ShipMonk product search found " + started.total()
                        + " products but gave no cursor");
            }
            return out;
        }
        Pages pages = pages("ShipMonk product", config.pageSize());
        while (true) {
            pages.next();
            pages.unseen(cursor, "a cursor");
            ProductsPage page = http.get(http.url("v1/integrations/products/search/paginate")
                    .addQueryParameter("cursor", cursor)
                    .addQueryParameter("pageSize", Integer.toString(config.pageSize())).build(),
                    new TypeReference<ProductsPage>() { });
            if (page.data() != null) {
                out.addAll(page.data());
            }
            if (blank(page.nextCursor())) {
                return out;
            }
            cursor = page.nextCursor();
        }
    }

    private Map<Key, Integer> readReceivings() throws SourceException {
        return openUnits("v1/integrations/receivings-list", "pageSize", new TypeReference<ReceivingsPage>() { },
                "ShipMonk receivings", INBOUND_STATUSES, (r, item) -> {
                    String sku = item.product().sku();
                    Integer expected = Quantities.of(item.expectedQuantity(), "ShipMonk",
                            "receiving " + r.id() + " expected_quantity", sku);
                    Integer received = Quantities.of(item.receivedQuantity(), "ShipMonk",
                            "receiving " + r.id() + " received_quantity", sku);
                    return Math.max(0, nz(expected) - nz(received));
                });
    }

    private Map<Key, Integer> readReturns() throws SourceException {
        // returns-list spells its page size page_size.
        return openUnits("v1/integrations/returns-list", "page_size", new TypeReference<ReturnsPage>() { },
                "ShipMonk returns", RETURN_QC_STATUSES,
                (r, item) -> pendingQc(item, "return " + r.id() + " received_quantity"));
    }

    /** The units of one line still open (not yet received, not yet graded). */
    private interface OpenUnits<D, I> {
        int of(D document, I line) throws MalformedResponseException;
    }

    /**
     * Units still open per product and warehouse, summed over the documents (receivings or returns) in one of
     * {@code statuses}; lines without a product SKU are skipped.
     */
    private <I extends ProductLine, D extends Document<I>, P extends NumberedPage<D>> Map<Key, Integer> openUnits(
            String path, String sizeParam, TypeReference<P> type, String what, Set<String> statuses,
            OpenUnits<D, I> units) throws SourceException {
        Map<Key, Integer> out = new HashMap<>();
        forEachPage(path, sizeParam, ShipMonkConfig.LIST_PAGE_SIZE, type, what, d -> {
            if (d.status() == null || !statuses.contains(d.status().toLowerCase(Locale.ROOT))
                    || blank(d.warehouse()) || d.items() == null) {
                return;
            }
            for (I line : d.items()) {
                if (line.product() == null || blank(line.product().sku())) {
                    continue;
                }
                int open = units.of(d, line);
                if (open > 0) {
                    out.merge(new Key(line.product().sku(), d.warehouse()), open, Quantity::add);
                }
            }
        });
        return out;
    }

    /** Received units of a return item whose disposition is still open. */
    static int pendingQc(ReturnItem item, String field) throws MalformedResponseException {
        String sku = item.product() == null ? null : item.product().sku();
        if (item.receivingDetails() == null || item.receivingDetails().isEmpty()) {
            return nz(Quantities.of(item.receivedQuantity(), "ShipMonk", field, sku));
        }
        int pending = 0;
        for (ReturnDetail d : item.receivingDetails()) {
            if (d.finalDisposition() == null || d.finalDisposition().isBlank()) {
                pending = Quantity.add(pending, nz(Quantities.of(d.receivedQuantity(), "ShipMonk", field, sku)));
            }
        }
        return pending;
    }

    /** Handles one item of a paged list; may reject it as malformed. */
    private interface ItemHandler<T> {
        void accept(T item) throws SourceException;
    }

    /** Reads a page-numbered list ({@code page}, {@code sizeParam}) to its last page. */
    private <T, P extends NumberedPage<T>> void forEachPage(String path, String sizeParam, int size,
            TypeReference<P> type, String what, ItemHandler<T> handler) throws SourceException {
        Pages pages = pages(what, size);
        while (true) {
            int page = pages.next();
            P body = http.get(http.url(path)
                    .addQueryParameter("page", Integer.toString(page))
                    .addQueryParameter(sizeParam, Integer.toString(size)).build(), type);
            for (T item : body.items()) {
                handler.accept(item);
            }
            if (isLastPage(body.paginator(), page, body.items().size())) {
                return;
            }
        }
    }

    /** The paginator says so; without one, an empty page ends the list. */
    private static boolean isLastPage(Paginator p, int page, int size) {
        if (size == 0) {
            return true;
        }
        if (p == null || p.pages() == null) {
            return false;
        }
        return page >= p.pages();
    }

    // --- HTTP ----------------------------------------------------------------------------------

    /** ShipMonk documents no error body: a refused key is told by its status alone. */
    private static AuthenticationException refused(HttpFailure f) {
        return new AuthenticationException("ShipMonk refused the API key (HTTP " + f.status() + "). Check the API key "
                + "in Settings: it is created per store in ShipMonk under Account Settings → General Settings → "
                + "Stores → Integration API Keys, and a sandbox key does not work on the production host.");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }

    private record Key(String sku, String warehouse) {
    }

}
