package com.stocklens.connector.shipbob;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpFailure;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.HttpStockSource;
import com.stocklens.connector.http.Pages;
import com.stocklens.connector.http.ProviderHttp;
import com.stocklens.connector.http.ProviderHttp.Decoded;
import com.stocklens.connector.http.Quantities;
import com.stocklens.connector.http.RateLimit;
import com.stocklens.connector.shipbob.ShipBobDtos.ActionTaken;
import com.stocklens.connector.shipbob.ShipBobDtos.FulfillmentCenter;
import com.stocklens.connector.shipbob.ShipBobDtos.InventoryItemsPage;
import com.stocklens.connector.shipbob.ShipBobDtos.InventoryLocationsPage;
import com.stocklens.connector.shipbob.ShipBobDtos.InventoryLotsPage;
import com.stocklens.connector.shipbob.ShipBobDtos.LinkPage;
import com.stocklens.connector.shipbob.ShipBobDtos.LotQuantities;
import com.stocklens.connector.shipbob.ShipBobDtos.Location;
import com.stocklens.connector.shipbob.ShipBobDtos.ReturnInventory;
import com.stocklens.connector.shipbob.ShipBobDtos.ReturnsPage;
import com.stocklens.connector.shipbob.ShipBobDtos.Wro;
import com.stocklens.connector.shipbob.ShipBobDtos.WroQuantity;
import com.stocklens.domain.Bucket;
import com.stocklens.domain.Lot;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock of one ShipBob account, per SKU and fulfillment center (docs/api/warehouses.md §2).
 *
 * <p>Buckets: onHand = {@code on_hand_quantity}, available = {@code fulfillable_quantity}, reserved =
 * {@code committed_quantity}, inTransit = {@code awaiting_quantity} only ({@code internal_transfer_quantity}
 * is stock moving between ShipBob's own centres, not inbound from the seller, so it is left out),
 * qcHold = Σ(received − stowed) of WROs in Arrived/PartiallyArrived/Processing, returnPendingQc =
 * Σ(quantity − processed) of returns in Arrived/Processing, frozen = unknown (ShipBob exposes no
 * blocked quantity). On legacy 1.0 returns are not read and returnPendingQc stays unknown.
 *
 * <p>Lots ({@code /inventory-level/lots}, dated versions only) give FIFO ageing its receipt dates: one
 * {@link Lot} per SKU × FC × lot, dated by {@code lot_date}'s day in the FC's zone. An account or version
 * without the endpoint (404) has no lots, and ageing falls back to our own history.
 */
public final class ShipBobSource extends HttpStockSource {
    private static final Logger LOG = LoggerFactory.getLogger(ShipBobSource.class);
    private static final Set<String> WRO_QC_STATUSES = Set.of("arrived", "partiallyarrived", "processing");
    private static final Set<String> RETURN_QC_STATUSES = Set.of("arrived", "processing");

    private final ShipBobConfig config;
    private final ProviderHttp http;

    /** A source with {@link HttpPolicy#defaults} and the config's requests-per-minute budget. */
    public ShipBobSource(SourceInfo info, ShipBobConfig config, HttpClientFactory factory, Clock clock) {
        this(info, config, factory, HttpPolicy.defaults("shipbob"), clock);
    }

    /** @param policy its rate limit is replaced by the config's requests-per-minute budget */
    public ShipBobSource(SourceInfo info, ShipBobConfig config, HttpClientFactory factory, HttpPolicy policy,
                         Clock clock) {
        super(info, clock);
        this.config = Objects.requireNonNull(config, "config");
        this.http = provider("ShipBob", config.baseUrl()).bearer(config.token()).snakeCase()
                .pageSize(config.pageSize())
                .failures(f -> f.refusedAs(ShipBobSource::refused))
                .build(factory, policy.withRateLimit(RateLimit.perMinute(config.requestsPerMinute())));
        timedBy(factory.ticker());
    }

    @Override
    protected Found read() throws SourceException {
        Map<String, Warehouse> warehouses = readFulfillmentCenters();
        List<LocationQuantities> quantities = config.isLegacy() ? readLegacyInventory() : readInventoryLevels();
        Map<Key, Integer> qcHold = readReceiving();
        Map<Key, Integer> returns = config.isLegacy() ? null : readReturns();
        List<LotAt> lotsRead = config.isLegacy() ? List.of() : readLots();
        Map<String, String> barcodes = config.isLegacy() ? Map.of() : readBarcodes();

        Map<String, Sku> skus = new LinkedHashMap<>();
        List<StockRow> rows = new ArrayList<>();
        for (LocationQuantities q : quantities) {
            if (q.sellerSku() == null || q.sellerSku().isBlank()) {
                LOG.warn("ShipBob inventory item {} ({}) has no SKU; skipped, it cannot be matched to TikTok",
                        q.inventoryId(), q.name());
                continue;
            }
            skus.putIfAbsent(q.sellerSku(),
                    new Sku(new SkuCodes(q.sellerSku(), null, barcodes.get(q.inventoryId()), q.inventoryId()),
                            q.name()));
            String warehouseId = Warehouse.idOf(Provider.SHIPBOB, q.fcId());
            warehouses.computeIfAbsent(q.fcId(), id -> {
                // A location missing from the FC list still gets a warehouse, so no row points nowhere.
                LOG.warn("ShipBob location {} ({}) is not in the fulfillment-center list", id, q.fcName());
                return new Warehouse(warehouseId, Provider.SHIPBOB, id, q.fcName() == null ? id : q.fcName(), null,
                        config.regions().get(id), ZoneOffset.UTC, config.tiktokWarehouseLinks().get(id));
            });
            Key key = new Key(q.inventoryId(), q.fcId());
            StockLevel level = q.level()
                    .with(Bucket.QC_HOLD, qcHold.getOrDefault(key, 0))
                    .with(Bucket.RETURN_PENDING_QC,
                            returns == null ? null : returns.getOrDefault(key, 0));
            rows.add(new StockRow(q.sellerSku(), warehouseId, q.inventoryId(), level));
        }
        List<Lot> lots = new ArrayList<>();
        for (LotAt l : lotsRead) {
            Warehouse w = warehouses.get(l.fcId());
            ZoneId zone = w == null ? ZoneOffset.UTC : w.zone();
            LocalDate receivedOn = receivedOn(l.lotDate(), zone);
            if (receivedOn == null) {
                // An undated lot says nothing about age; its units end up unaged against the on-hand.
                continue;
            }
            lots.add(new Lot(l.sellerSku(), Warehouse.idOf(Provider.SHIPBOB, l.fcId()), receivedOn, l.units(),
                    Lot.LotSource.PROVIDER));
        }
        return (takenAt, requests) -> Reading.ofWarehouse(takenAt, List.copyOf(warehouses.values()),
                List.copyOf(skus.values()), rows, lots, requests);
    }

    // --- fulfillment centres -------------------------------------------------------------------

    private Map<String, Warehouse> readFulfillmentCenters() throws SourceException {
        // 1.0 spelled the resource in camel case; the dated versions use kebab case.
        String path = config.isLegacy() ? "fulfillmentCenter" : "fulfillment-center";
        List<FulfillmentCenter> fcs =
                http.get(versioned(path).build(), new TypeReference<List<FulfillmentCenter>>() { });
        Map<String, Warehouse> out = new LinkedHashMap<>();
        for (FulfillmentCenter fc : fcs == null ? List.<FulfillmentCenter>of() : fcs) {
            if (fc.id() == null || fc.id().isBlank()) {
                throw new MalformedResponseException("ShipBob fulfillment center without id");
            }
            out.put(fc.id(), toWarehouse(fc));
        }
        return out;
    }

    Warehouse toWarehouse(FulfillmentCenter fc) {
        String region = config.regions().getOrDefault(fc.id(), fc.state());
        return new Warehouse(Warehouse.idOf(Provider.SHIPBOB, fc.id()), Provider.SHIPBOB, fc.id(),
                fc.name() == null ? fc.id() : fc.name(), marketOf(fc.country()), region,
                ShipBobZones.zoneOf(fc.timezone()), config.tiktokWarehouseLinks().get(fc.id()));
    }

    /** ISO alpha-2 as {@link Market#fromCode} takes it; alpha-3 ("USA", "GBR") is converted first. */
    static Market marketOf(String country) {
        if (country == null) {
            return null;
        }
        String c = country.trim().toUpperCase(Locale.ROOT);
        if (c.length() == 3) {
            for (String iso2 : Locale.getISOCountries()) {
                if (Locale.of("", iso2).getISO3Country().equals(c)) {
                    c = iso2;
                    break;
                }
            }
        }
        return Market.fromCode(c).orElse(null);
    }

    // --- inventory -----------------------------------------------------------------------------

    private List<LocationQuantities> readInventoryLevels() throws SourceException {
        List<LocationQuantities> out = new ArrayList<>();
        forEachLinkPaged("inventory-level/locations", "PageSize", new TypeReference<InventoryLocationsPage>() { },
                "inventory", false, item -> {
                    for (Location loc : item.locations() == null ? List.<Location>of() : item.locations()) {
                        if (loc.locationId() == null) {
                            throw new MalformedResponseException("ShipBob location without location_id for item "
                                    + item.inventoryId());
                        }
                        out.add(new LocationQuantities(item.inventoryId(), item.sku(), item.name(), loc.locationId(),
                                loc.name(), levelOf(loc, item.sku())));
                    }
                });
        return out;
    }

    private List<LocationQuantities> readLegacyInventory() throws SourceException {
        List<LocationQuantities> out = new ArrayList<>();
        Pages pages = pages("ShipBob 1.0 inventory", config.pageSize());
        while (true) {
            int page = pages.next();
            HttpUrl url = versioned("inventory")
                    .addQueryParameter("Page", Integer.toString(page))
                    .addQueryParameter("Limit", Integer.toString(config.pageSize())).build();
            List<ShipBobLegacyInventory> items = http.get(url, new TypeReference<List<ShipBobLegacyInventory>>() { });
            if (items == null || items.isEmpty()) {
                return out;
            }
            for (ShipBobLegacyInventory item : items) {
                var fcs = item.fulfillableQuantityByFulfillmentCenter();
                for (ShipBobLegacyInventory.FcQuantity fc : fcs == null ? List.<ShipBobLegacyInventory.FcQuantity>of() : fcs) {
                    if (fc.id() == null) {
                        throw new MalformedResponseException("ShipBob 1.0 FC quantity without id for item " + item.id());
                    }
                    out.add(new LocationQuantities(item.id(), item.sku(), item.name(), fc.id(), fc.name(),
                            levelOf(fc, item.sku())));
                }
            }
            if (items.size() < config.pageSize()) {
                return out;
            }
        }
    }

    /** The buckets one 2025-07 location reports; qcHold and returns are added later, frozen stays unknown. */
    static StockLevel levelOf(Location loc, String sku) throws MalformedResponseException {
        return new StockLevel(count(loc.onHandQuantity(), "on_hand_quantity", sku),
                count(loc.fulfillableQuantity(), "fulfillable_quantity", sku),
                count(loc.committedQuantity(), "committed_quantity", sku),
                count(loc.awaitingQuantity(), "awaiting_quantity", sku), null, null, null);
    }

    /** The same buckets from the 1.0 spelling. */
    static StockLevel levelOf(ShipBobLegacyInventory.FcQuantity fc, String sku) throws MalformedResponseException {
        return new StockLevel(count(fc.onhandQuantity(), "onhand_quantity", sku),
                count(fc.fulfillableQuantity(), "fulfillable_quantity", sku),
                count(fc.committedQuantity(), "committed_quantity", sku),
                count(fc.awaitingQuantity(), "awaiting_quantity", sku), null, null, null);
    }

    /** A count of ShipBob's by the one quantity rule ({@link Quantities}). */
    private static Integer count(JsonNode node, String field, String sku)
            throws MalformedResponseException {
        return Quantities.of(node, "ShipBob", field, sku);
    }

    // --- lots (receipt dates) ------------------------------------------------------------------

    /**
     * Barcodes by inventory id from the item master ({@code /inventory}, body-link paging): the three-code
     * check needs them, and inventory levels do not carry them. An account without the endpoint (404)
     * has none; a blank barcode is none.
     */
    private Map<String, String> readBarcodes() throws SourceException {
        Map<String, String> out = new HashMap<>();
        forEachLinkPaged("inventory", "PageSize", new TypeReference<InventoryItemsPage>() { }, "item master", true,
                item -> {
                    if (item.inventoryId() != null && item.barcode() != null && !item.barcode().isBlank()) {
                        out.put(item.inventoryId(), item.barcode().strip());
                    }
                });
        return out;
    }

    /** Every lot's units per FC; empty when the endpoint does not exist for this account or version. */
    private List<LotAt> readLots() throws SourceException {
        List<LotAt> out = new ArrayList<>();
        forEachLinkPaged("inventory-level/lots", "PageSize", new TypeReference<InventoryLotsPage>() { }, "lots", true,
                item -> {
                    if (item.sku() == null || item.sku().isBlank()) {
                        return;
                    }
                    for (LotQuantities lot : item.lots() == null ? List.<LotQuantities>of() : item.lots()) {
                        for (Location loc : lot.locations() == null ? List.<Location>of() : lot.locations()) {
                            if (loc.locationId() == null) {
                                throw new MalformedResponseException(
                                        "ShipBob lot location without location_id for item " + item.inventoryId());
                            }
                            int units = nz(count(loc.onHandQuantity(), "lots.locations.on_hand_quantity",
                                    item.sku()));
                            if (units > 0) {
                                out.add(new LotAt(item.sku(), loc.locationId(), lot.lotDate(), units));
                            }
                        }
                    }
                });
        return out;
    }

    /**
     * The receipt day of a {@code lot_date}: with an offset, its day in the FC's zone (the day the FC's
     * staff would call it); without one, the date as written. Null when absent or unreadable.
     */
    static LocalDate receivedOn(String lotDate, ZoneId fcZone) {
        if (lotDate == null || lotDate.isBlank()) {
            return null;
        }
        String d = lotDate.trim();
        try {
            return OffsetDateTime.parse(d).atZoneSameInstant(fcZone).toLocalDate();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(d).toLocalDate();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(d.length() >= 10 ? d.substring(0, 10) : d);
                } catch (DateTimeParseException unreadable) {
                    LOG.warn("ShipBob lot_date {} is not a date; the lot is left unaged", d);
                    return null;
                }
            }
        }
    }

    // --- receiving (qc hold) -------------------------------------------------------------------

    private Map<Key, Integer> readReceiving() throws SourceException {
        Map<Key, Integer> out = new HashMap<>();
        int page = 1;
        HttpUrl url = receivingPage(page);
        Pages pages = pages("ShipBob receiving", config.pageSize());
        while (true) {
            pages.next();
            Decoded<List<Wro>> result =
                    http.decode(http.request(url).get().build(), new TypeReference<List<Wro>>() { });
            List<Wro> wros = result.body() == null ? List.of() : result.body();
            for (Wro wro : wros) {
                if (wro.status() == null || !WRO_QC_STATUSES.contains(wro.status().toLowerCase(Locale.ROOT))
                        || wro.fulfillmentCenter() == null || wro.inventoryQuantities() == null) {
                    continue;
                }
                for (WroQuantity q : wro.inventoryQuantities()) {
                    int pending = Math.max(0, nz(count(q.receivedQuantity(), "received_quantity", q.sku()))
                            - nz(count(q.stowedQuantity(), "stowed_quantity", q.sku())));
                    if (q.inventoryId() != null && pending > 0) {
                        out.merge(new Key(q.inventoryId(), wro.fulfillmentCenter().id()), pending, Quantity::add);
                    }
                }
            }
            HttpUrl next = nextReceivingPage(result.headers(), page, wros.size());
            if (next == null) {
                return out;
            }
            pages.unseen(next.toString(), "page " + next);
            page++;
            url = next;
        }
    }

    private HttpUrl receivingPage(int page) {
        return versioned("receiving")
                .addQueryParameter("Page", Integer.toString(page))
                .addQueryParameter("Limit", Integer.toString(config.pageSize())).build();
    }

    /**
     * The next receiving page: the {@code Next-Page} href when sent; else {@code Page-Number} <
     * {@code Total-Pages}; with no paging headers at all, a full page means there may be more.
     */
    private HttpUrl nextReceivingPage(Headers headers, int page, int size) {
        String nextHref = headers.get("Next-Page");
        if (nextHref != null && !nextHref.isBlank()) {
            return resolve(nextHref.trim());
        }
        Integer total = intHeader(headers, "Total-Pages");
        if (total != null) {
            Integer current = intHeader(headers, "Page-Number");
            int at = current == null ? page : current;
            return at < total ? receivingPage(at + 1) : null;
        }
        if (headers.get("Page-Number") == null && size >= config.pageSize()) {
            return receivingPage(page + 1);
        }
        return null;
    }

    // --- returns (return pending qc) -----------------------------------------------------------

    private Map<Key, Integer> readReturns() throws SourceException {
        Map<Key, Integer> out = new HashMap<>();
        forEachLinkPaged("return", "Limit", new TypeReference<ReturnsPage>() { }, "returns", false, r -> {
            if (r.status() == null || !RETURN_QC_STATUSES.contains(r.status().toLowerCase(Locale.ROOT))
                    || r.fulfillmentCenter() == null || r.inventory() == null) {
                return;
            }
            for (ReturnInventory inv : r.inventory()) {
                long processed = 0;
                for (ActionTaken a : inv.actionTaken() == null ? List.<ActionTaken>of() : inv.actionTaken()) {
                    processed += nz(count(a.quantityProcessed(), "quantity_processed", inv.sku()));
                }
                int pending = (int) Math.max(0, nz(count(inv.quantity(), "quantity", inv.sku())) - processed);
                if (inv.id() != null && pending > 0) {
                    out.merge(new Key(inv.id(), r.fulfillmentCenter().id()), pending, Quantity::add);
                }
            }
        });
        return out;
    }

    /** Handles one item of a paged list; may reject it as malformed. */
    private interface ItemHandler<T> {
        void accept(T item) throws SourceException;
    }

    /**
     * Walks a body-link paged list to its end (docs/api/warehouses.md §2.5): never builds cursors, follows
     * {@code next} until it is null, refuses a repeated link (a server loop must not become ours).
     *
     * @param sizeParam      the page-size query parameter of this resource ({@code PageSize} or {@code Limit})
     * @param absentIsEmpty  a 404 on the first page means the account has no such resource: read nothing
     * @return false when the resource is absent
     */
    private <T, P extends LinkPage<T>> boolean forEachLinkPaged(String resource, String sizeParam,
            TypeReference<P> type, String what, boolean absentIsEmpty, ItemHandler<T> handler)
            throws SourceException {
        HttpUrl url = versioned(resource).addQueryParameter(sizeParam, Integer.toString(config.pageSize())).build();
        Pages pages = pages("ShipBob " + what, config.pageSize());
        while (true) {
            int page = pages.next();
            P body;
            try {
                body = http.get(url, type);
            } catch (ApiErrorException e) {
                if (absentIsEmpty && page == 1 && "404".equals(e.code())) {
                    LOG.debug("ShipBob has no {} endpoint here", what);
                    return false;
                }
                throw e;
            }
            for (T item : body.items() == null ? List.<T>of() : body.items()) {
                handler.accept(item);
            }
            if (body.next() == null || body.next().isBlank()) {
                return true;
            }
            pages.unseen(body.next(), "link " + body.next());
            url = resolve(body.next());
            // A link to another server is refused by ProviderHttp before anything is sent there.
        }
    }

    // --- HTTP ----------------------------------------------------------------------------------

    private HttpUrl.Builder versioned(String resource) {
        return http.url(config.apiVersion() + "/" + resource);
    }

    /**
     * Resolves a paging link (docs/api/warehouses.md §2.5): absolute URLs as they are; {@code /20xx…},
     * {@code /1.0…}, {@code /2.0…} are host-relative; anything else is relative to the version.
     */
    HttpUrl resolve(String link) {
        String l = link.trim();
        HttpUrl absolute = HttpUrl.parse(l);
        if (absolute != null) {
            return absolute;
        }
        String path = l.startsWith("/") ? l : "/" + l;
        String full = path.startsWith("/20") || path.startsWith("/1.0") || path.startsWith("/2.0")
                ? config.baseUrl() + path
                : config.baseUrl() + "/" + config.apiVersion() + path;
        HttpUrl url = HttpUrl.parse(full);
        if (url == null) {
            throw new IllegalStateException("cannot resolve paging link " + link);
        }
        return url;
    }

    /** 401 and 403: the token is wrong, or lacks a scope this source reads. */
    private static AuthenticationException refused(HttpFailure f) {
        return new AuthenticationException(f.message() + ". Check the ShipBob access token in Settings (and that it "
                + "has inventory_read, receiving_read, returns_read, locations_read).");
    }

    private static Integer intHeader(Headers headers, String name) {
        String v = headers.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }

    private record Key(String inventoryId, String fcId) {
    }

    /** One lot's units in one FC, before its date is read in the FC's zone. */
    private record LotAt(String sellerSku, String fcId, String lotDate, int units) {
    }

    /** One item in one FC, whichever API version it came from. */
    private record LocationQuantities(String inventoryId, String sellerSku, String name, String fcId, String fcName,
                                      StockLevel level) {
    }
}
