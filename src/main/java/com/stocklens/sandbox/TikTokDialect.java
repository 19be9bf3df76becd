package com.stocklens.sandbox;

import static com.stocklens.sandbox.Exchange.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.tiktok.TikTokSigner;
import com.stocklens.sandbox.Exchange.Request;
import com.stocklens.sandbox.Exchange.Response;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * TikTok Shop Open API (202309) on loopback: the checks of docs/api/tiktok-shop.md §2–3 and §6 (app key,
 * timestamp window, signature, access token, shop cipher, 50 requests/s per path) and the
 * endpoints §5.1, 5.2, 5.4, 5.5 (Update Inventory, applied to the world), 5.6, 5.7 (order search) and 5.8
 * (return search).
 *
 * <p>Order and return searches page with a keyset token (the last item's sort time and id), not an
 * offset: an order that changes while a client pages moves to the end of the update-time order
 * instead of shifting every later item back by one, so nothing that stayed put is skipped.
 */
final class TikTokDialect implements Exchange.Dialect {
    static final String SHOPS = "/authorization/202309/shops";
    static final String WAREHOUSES = "/logistics/202309/warehouses";
    static final String PRODUCTS_SEARCH = "/product/202309/products/search";
    static final String INVENTORY_SEARCH = "/product/202309/inventory/search";
    static final String ORDERS_SEARCH = "/order/202309/orders/search";
    static final String RETURNS_SEARCH = "/return_refund/202309/returns/search";
    static final int RATE_LIMIT_PER_SECOND = 50;
    /** Update Inventory (§5.5): the product id is part of the path. */
    static final Pattern UPDATE_INVENTORY = Pattern.compile("^/product/202309/products/([0-9]+)/inventory/update$");
    /** The rate limit counts per API, not per product. */
    private static final String UPDATE_INVENTORY_API = "/product/202309/products/{product_id}/inventory/update";
    /** The scope a stock write needs (Product Modify). */
    static final String WRITE_SCOPE = "seller.product.write";
    static final int MAX_UPDATE_SKUS = 100;
    static final int MAX_QUANTITY = 99_999;

    private static final Map<String, String> METHODS = Map.of(
            SHOPS, "GET", WAREHOUSES, "GET", PRODUCTS_SEARCH, "POST", INVENTORY_SEARCH, "POST",
            ORDERS_SEARCH, "POST", RETURNS_SEARCH, "POST");
    private static final DateTimeFormatter REQUEST_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Duration TIMESTAMP_PAST = Duration.ofMinutes(5);
    private static final Duration TIMESTAMP_FUTURE = Duration.ofSeconds(30);

    private final SimulatedWorld world;
    private final SlidingWindowLimiter limiter;
    private final BooleanSupplier rateLimiting;
    private final AtomicLong requestSeq = new AtomicLong();
    /** Per shop id: TikTok SKU id → SKU, and product id → product. */
    private final Map<String, Map<String, SimSku>> skusById = new HashMap<>();
    private final Map<String, Map<String, SimProduct>> productsById = new HashMap<>();

    private final TikTokAuthDialect auth;
    /** Scopes the seller took back from the app: calls needing them answer 105005. */
    private final Set<String> revokedScopes = ConcurrentHashMap.newKeySet();
    /** Seller SKU → units a promotion holds: a stock write may not go below them (12052393). */
    private final Map<String, Integer> promotionLocks = new ConcurrentHashMap<>();
    /** Whether a stock write may set 0: the current docs say [1, 99999], an older text ≥ 0 (§5.5, §8 item 1). */
    private volatile boolean acceptsZero;

    TikTokDialect(SimulatedWorld world, BooleanSupplier rateLimiting, TikTokAuthDialect auth) {
        this.world = world;
        this.auth = auth;
        this.rateLimiting = rateLimiting;
        this.limiter = new SlidingWindowLimiter(RATE_LIMIT_PER_SECOND, TimeUnit.SECONDS.toNanos(1), System::nanoTime);
        for (SimShop shop : world.shops()) {
            Map<String, SimSku> skus = new HashMap<>();
            Map<String, SimProduct> products = new HashMap<>();
            WorldView view = world.view();
            for (SimProduct p : world.products()) {
                products.put(productId(shop, p), p);
                for (int i : p.skuIndexes()) {
                    SimSku sku = world.skus().get(i);
                    if (listed(view, shop, i)) {
                        skus.put(skuId(shop, sku), sku);
                    }
                }
            }
            skusById.put(shop.id(), skus);
            productsById.put(shop.id(), products);
        }
    }

    /**
     * Whether the shop lists the SKU: it is on TikTok and assigned to one of the shop's sales warehouses. The PH
     * shop, opened later, lists only products that were active then.
     */
    private static boolean listed(WorldView view, SimShop shop, int skuIndex) {
        if ("PH".equals(shop.region())
                && !"ACTIVATE".equals(view.products().get(view.skus().get(skuIndex).productIndex()).status())) {
            return false;
        }
        return shop.warehouses().stream().anyMatch(w -> view.assigned(w, skuIndex));
    }

    static boolean owns(String path) {
        return path.startsWith("/authorization/") || path.startsWith("/logistics/") || path.startsWith("/product/")
                || path.startsWith("/order/") || path.startsWith("/return_refund/") || path.startsWith("/seller/");
    }

    void revokeScope(String scope) {
        revokedScopes.add(scope);
    }

    void grantScope(String scope) {
        revokedScopes.remove(scope);
    }

    void lockForPromotion(String sellerSku, int units) {
        if (units <= 0) {
            promotionLocks.remove(sellerSku);
        } else {
            promotionLocks.put(sellerSku, units);
        }
    }

    void setAcceptsZero(boolean value) {
        acceptsZero = value;
    }

    @Override
    public Response handle(Request req) {
        return handle(req, false);
    }

    /** @param refuseLast the partial-failure fault: the last SKU of a stock write is refused, the others taken */
    private Response handle(Request req, boolean refuseLast) {
        Matcher update = UPDATE_INVENTORY.matcher(req.path());
        String expectedMethod = update.matches() ? "POST" : METHODS.get(req.path());
        if (expectedMethod == null) {
            return error(404, 36009009, "Invalid path: " + req.path());
        }
        if (!expectedMethod.equals(req.method())) {
            return error(405, 36009010, "Invalid method " + req.method() + " for " + req.path());
        }
        String api = update.matches() ? UPDATE_INVENTORY_API : req.path();
        if (rateLimiting.getAsBoolean() && limiter.tryAcquire(api) > 0) {
            return error(429, 36009002, "Too many requests. You've made too many requests in a short period of time.");
        }
        Response denied = checkCredentials(req);
        if (denied != null) {
            return denied;
        }
        WorldView view = world.view();
        boolean shopScoped = !req.path().startsWith("/authorization/");
        String cipher = req.param("shop_cipher");
        if (!shopScoped) {
            if (cipher != null) {
                return error(400, 36009004, "Unexpected identifier: shop_cipher is not allowed on this API.");
            }
            return ok(shops());
        }
        if (cipher == null || cipher.isEmpty()) {
            return error(400, 106013, "The shop_cipher parameter is required for shop-scoped APIs.");
        }
        SimShop shop = view.shopByCipher(cipher).orElse(null);
        if (shop == null) {
            return error(400, 36009004, "Invalid credentials. The 'shop_cipher' query parameter is invalid.");
        }
        try {
            if (update.matches()) {
                return updateInventory(req, view, shop, update.group(1), refuseLast);
            }
            return switch (req.path()) {
                case WAREHOUSES -> ok(warehouses(shop));
                case PRODUCTS_SEARCH -> productsSearch(req, view, shop);
                case INVENTORY_SEARCH -> inventorySearch(req, view, shop);
                case ORDERS_SEARCH -> ordersSearch(req, view, shop);
                case RETURNS_SEARCH -> returnsSearch(req, view, shop);
                default -> error(404, 36009009, "Invalid path: " + req.path());
            };
        } catch (IOException e) {
            return error(400, 36009022, "The request body is not valid JSON.");
        }
    }

    @Override
    public Response fault(Request req, Fault fault) {
        return switch (fault.kind()) {
            case HTTP_500 -> error(500, 36009003, "Internal error. Please try again later.");
            case HTTP_429 -> error(429, 36009002,
                    "Too many requests. You've made too many requests in a short period of time.");
            case TOKEN_EXPIRED -> error(401, 105002, "Expired credentials. The access token has expired.");
            case API_ERROR -> error(200, 36009010, "Internal error: the inventory service is unavailable.");
            case PARTIAL_FAILURE -> handle(req, true);
            default -> throw new IllegalArgumentException("Not a response fault: " + fault);
        };
    }

    private Response checkCredentials(Request req) {
        if (!SandboxCredentials.TIKTOK_APP_KEY.equals(req.param("app_key"))) {
            return error(401, 36009004, "Invalid credentials. The 'app_key' query parameter is missing or invalid.");
        }
        String timestamp = req.param("timestamp");
        Instant now = world.clock().instant();
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (sent.isBefore(now.minus(TIMESTAMP_PAST)) || sent.isAfter(now.plus(TIMESTAMP_FUTURE))) {
                // The server's Date header (stamped by the JDK server with the real time) lets a client whose
                // clock is off correct itself; in demo mode the world clock follows real time.
                return error(401, 36009004, "Invalid timestamp. The timestamp is outside the accepted window.");
            }
        } catch (NumberFormatException | NullPointerException e) {
            return error(401, 36009004, "Invalid timestamp. The 'timestamp' query parameter is missing or invalid.");
        }
        String sign = req.param("sign");
        if (sign == null || sign.isEmpty()) {
            return error(401, 36009004, "Invalid credentials. The 'sign' query parameter is missing.");
        }
        String expected = TikTokSigner.sign(SandboxCredentials.TIKTOK_APP_SECRET, req.path(), req.query(), req.body());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sign.getBytes(StandardCharsets.US_ASCII))) {
            return error(401, 106001, "Invalid credentials. The 'sign' query parameter is invalid.");
        }
        String token = req.header("x-tts-access-token");
        if (!SandboxCredentials.TIKTOK_ACCESS_TOKEN.equals(token)) {
            // The fixed demo token always works; tokens issued by the authorization flow expire.
            switch (auth.check(token)) {
                case VALID -> { }
                case EXPIRED -> {
                    return error(401, 105002, "Expired credentials. The access token has expired.");
                }
                default -> {
                    return error(401, 36009004, "Invalid credentials. invalid access token");
                }
            }
        }
        return null;
    }

    private Map<String, Object> shops() {
        List<Object> shops = new ArrayList<>();
        for (SimShop s : world.shops()) {
            shops.add(obj("id", s.id(), "name", s.name(), "region", s.region(), "seller_type", s.sellerType(),
                    "cipher", s.cipher(), "code", s.code()));
        }
        return obj("shops", shops);
    }

    private Map<String, Object> warehouses(SimShop shop) {
        List<Object> list = new ArrayList<>();
        for (SimShop.TikTokWarehouse w : shop.warehouses()) {
            if (w.isPartner()) {
                list.add(partnerWarehouse(w));
                continue;
            }
            FulfilmentCentre fc = world.fulfilmentCentres().get(world.fcPos(w.fcId()));
            String[] geo = geolocation(fc.id());
            list.add(obj(
                    "id", w.id(), "entity_id", w.entityId(), "name", w.name(), "effect_status", "ENABLED",
                    "type", w.type(), "sub_type", "CB_OVERSEA_WAREHOUSE", "is_default", w.isDefault(),
                    "address", obj(
                            "region", fc.country().equals("GB") ? "United Kingdom" : "United States",
                            "region_code", fc.country(), "state", fc.state(), "city", fc.city(),
                            "distict", "", "town", "", "postal_code", fc.zipCode(),
                            "full_address", fc.address1() + ", " + fc.city() + ", " + fc.state() + " " + fc.zipCode(),
                            "contact_person", "Dock Team", "phone_number", "(+1)90*****123",
                            "address_line1", fc.address1(), "address_line2", "", "address_line3", "",
                            "address_line4", "",
                            "geolocation", obj("latitude", geo[0], "longitude", geo[1]))));
        }
        return obj("warehouses", list);
    }

    /** A warehouse the seller stocks through a partner that has no API (the demo's Manila warehouse). */
    private Map<String, Object> partnerWarehouse(SimShop.TikTokWarehouse w) {
        PartnerWarehouse p = world.partners().warehouse(w.partner());
        String country = p == null ? "" : p.market().name();
        return obj("id", w.id(), "entity_id", w.entityId(), "name", w.name(), "effect_status", "ENABLED",
                "type", w.type(), "sub_type", "CB_OVERSEA_WAREHOUSE", "is_default", w.isDefault(),
                "address", obj("region", "Philippines", "region_code", country, "state", "Metro Manila",
                        "city", "Manila", "distict", "", "town", "", "postal_code", "1000",
                        "full_address", "Port Area, Manila, Metro Manila 1000", "contact_person", "Dock Team",
                        "phone_number", "(+63)91*****456", "address_line1", "Port Area", "address_line2", "",
                        "address_line3", "", "address_line4", "",
                        "geolocation", obj("latitude", "14.5869", "longitude", "120.9650")));
    }

    private static String[] geolocation(int fcId) {
        return switch (fcId) {
            case 228 -> new String[] {"33.9425", "-117.2297"};
            case 156 -> new String[] {"40.6259", "-75.3705"};
            default -> new String[] {"53.4669", "-2.3214"};
        };
    }

    private Response productsSearch(Request req, WorldView view, SimShop shop) throws IOException {
        int pageSize;
        try {
            pageSize = Integer.parseInt(req.param("page_size"));
        } catch (NumberFormatException e) {
            pageSize = -1;
        }
        if (pageSize < 1 || pageSize > 100) {
            return error(400, 12019109, "Invalid page_size: it must be between 1 and 100.");
        }
        int offset = 0;
        String token = req.param("page_token");
        if (token != null && !token.isEmpty()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                if (!decoded.startsWith("offset=")) {
                    throw new IllegalArgumentException(decoded);
                }
                offset = Integer.parseInt(decoded.substring("offset=".length()));
            } catch (IllegalArgumentException e) {
                // Not a documented code: the docs list none for a bad token.
                return error(400, 12019002, "Invalid page_token.");
            }
        }
        JsonNode body = parseBody(req);
        String status = body.path("status").asText("ALL");
        List<SimProduct> matching = new ArrayList<>();
        for (SimProduct p : world.products()) {
            boolean listed = p.skuIndexes().stream().anyMatch(i -> listed(view, shop, i));
            if (listed && ("ALL".equals(status) || status.isEmpty() || status.equals(p.status()))) {
                matching.add(p);
            }
        }
        int end = Math.min(matching.size(), offset + pageSize);
        List<Object> products = new ArrayList<>();
        for (int i = Math.min(offset, end); i < end; i++) {
            products.add(product(matching.get(i), shop, view));
        }
        String next = end < matching.size()
                ? Base64.getEncoder().encodeToString(("offset=" + end).getBytes(StandardCharsets.UTF_8)) : "";
        return ok(obj("total_count", matching.size(), "next_page_token", next, "products", products));
    }

    private Map<String, Object> product(SimProduct p, SimShop shop, WorldView view) {
        long created = world.epoch().getEpochSecond() - Duration.ofDays(30 + p.index() % 200).toSeconds();
        List<Object> skus = new ArrayList<>();
        for (int i : p.skuIndexes()) {
            SimSku sku = world.skus().get(i);
            if (!listed(view, shop, i)) {
                continue;
            }
            List<Object> inventory = new ArrayList<>();
            for (SimShop.TikTokWarehouse w : shop.warehouses()) {
                if (view.assigned(w, i)) {
                    inventory.add(obj("warehouse_id", w.id(), "quantity", view.tiktokStock(w, i).available()));
                }
            }
            String price = ("GBP".equals(shop.currency()) ? sku.priceGbp() : sku.priceUsd()).toPlainString();
            skus.add(obj("id", skuId(shop, sku), "seller_sku", sku.sellerSku(),
                    "price", obj("currency", shop.currency(), "tax_exclusive_price", price, "sale_price", price),
                    "inventory", inventory, "status_info", obj("status", "NORMAL")));
        }
        return obj("id", productId(shop, p), "title", p.title(), "status", p.status(),
                "create_time", created, "update_time", created + Duration.ofDays(7).toSeconds(),
                "sales_regions", List.of(shop.region()), "is_not_for_sale", false, "has_draft", false,
                "audit", obj("status", "APPROVED"), "skus", skus);
    }

    private Response inventorySearch(Request req, WorldView view, SimShop shop) throws IOException {
        JsonNode body = parseBody(req);
        Map<String, SimSku> shopSkus = skusById.get(shop.id());
        Map<String, SimProduct> shopProducts = productsById.get(shop.id());
        // Product id → its requested SKUs, in the order the request names them.
        Map<SimProduct, List<SimSku>> grouped = new LinkedHashMap<>();
        if (body.path("sku_ids").isArray()) {
            if (body.path("sku_ids").size() > 600) {
                return error(400, 12019015, "Too many SKUs: at most 600 sku_ids per request.");
            }
            for (JsonNode id : body.path("sku_ids")) {
                SimSku sku = shopSkus.get(id.asText());
                if (sku != null) {
                    List<SimSku> list = grouped.computeIfAbsent(world.products().get(sku.productIndex()),
                            k -> new ArrayList<>());
                    if (!list.contains(sku)) {
                        list.add(sku);
                    }
                }
            }
        } else if (body.path("product_ids").isArray()) {
            if (body.path("product_ids").size() > 100) {
                return error(400, 12019120, "Too many product ids: at most 100 product_ids per request.");
            }
            for (JsonNode id : body.path("product_ids")) {
                SimProduct p = shopProducts.get(id.asText());
                if (p != null) {
                    List<SimSku> list = grouped.computeIfAbsent(p, k -> new ArrayList<>());
                    for (int i : p.skuIndexes()) {
                        SimSku sku = world.skus().get(i);
                        if (listed(view, shop, i) && !list.contains(sku)) {
                            list.add(sku);
                        }
                    }
                }
            }
        } else {
            return error(400, 12019008, "Either product_ids or sku_ids is required.");
        }
        List<Object> inventory = new ArrayList<>();
        grouped.forEach((p, skus) -> {
            List<Object> skuList = new ArrayList<>();
            for (SimSku sku : skus) {
                int totalAvailable = 0;
                int totalCommitted = 0;
                List<Object> perWarehouse = new ArrayList<>();
                for (SimShop.TikTokWarehouse w : shop.warehouses()) {
                    if (!view.assigned(w, sku.index())) {
                        continue;
                    }
                    TikTokStock s = view.tiktokStock(w, sku.index());
                    totalAvailable += s.available();
                    totalCommitted += s.committed();
                    perWarehouse.add(obj("warehouse_id", w.id(), "available_quantity", s.available(),
                            "committed_quantity", s.committed()));
                }
                Integer locked = promotionLocks.get(sku.sellerSku());
                List<Object> campaigns = locked == null ? List.of()
                        : List.of(obj("quantity", locked, "campaign_name", "Sandbox flash sale"));
                skuList.add(obj("id", skuId(shop, sku), "seller_sku", sku.sellerSku(),
                        "total_available_quantity", totalAvailable, "total_committed_quantity", totalCommitted,
                        "warehouse_inventory", perWarehouse,
                        "total_available_inventory_distribution", obj(
                                "campaign_inventory", campaigns, "creator_inventory", List.of(),
                                "in_shop_inventory", obj("quantity", totalAvailable - (locked == null ? 0 : locked)))));
            }
            inventory.add(obj("product_id", productId(shop, p), "skus", skuList));
        });
        return ok(obj("inventory", inventory));
    }

    /**
     * Update Inventory (§5.5): absolute figures per SKU and warehouse. Checked like the real one: the scope, the
     * product (in this shop, ACTIVATE), 1–100 SKUs of that product, every assigned warehouse listed and no
     * other, quantities in range (0 only when {@link #setAcceptsZero} says so), promotion locks. A SKU with any
     * problem is refused whole and reported in {@code data.errors[]} of a {@code code: 0} answer; the others
     * are applied to the world. Codes the docs do not name (12052004 SKU of another product, 12052006
     * quantity out of range) are the sandbox's own.
     */
    private Response updateInventory(Request req, WorldView view, SimShop shop, String productId, boolean refuseLast)
            throws IOException {
        if (revokedScopes.contains(WRITE_SCOPE)) {
            return error(403, 105005, "Access denied. The app lacks the API scope " + WRITE_SCOPE
                    + " for this shop; ask the seller to authorize it again.");
        }
        SimProduct product = productsById.get(shop.id()).get(productId);
        if (product == null) {
            return error(400, 12019008, "Invalid product id: " + productId + ".");
        }
        if (!"ACTIVATE".equals(product.status())) {
            return error(200, 12052901, "The product status " + product.status() + " does not allow inventory edits.");
        }
        JsonNode skus = parseBody(req).path("skus");
        if (!skus.isArray() || skus.isEmpty()) {
            return error(400, 12052004, "Invalid request: skus is required.");
        }
        if (skus.size() > MAX_UPDATE_SKUS) {
            return error(400, 12019015, "Too many SKUs: at most " + MAX_UPDATE_SKUS + " skus per request.");
        }
        List<SimShop.TikTokWarehouse> sales = shop.warehouses().stream().filter(SimShop.TikTokWarehouse::isSales).toList();
        Map<String, SimSku> shopSkus = skusById.get(shop.id());
        List<Object> errors = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        int min = acceptsZero ? 0 : 1;
        for (int k = 0; k < skus.size(); k++) {
            JsonNode item = skus.get(k);
            String skuId = item.path("id").asText("");
            SimSku sku = shopSkus.get(skuId);
            if (sku == null || sku.productIndex() != product.index()) {
                errors.add(skuError(skuId, 12052004, "The SKU does not belong to product " + productId + ".", List.of()));
                continue;
            }
            List<Object> extra = new ArrayList<>();
            Map<String, Integer> sent = new LinkedHashMap<>();
            for (JsonNode inv : item.path("inventory")) {
                String warehouseId = inv.hasNonNull("warehouse_id") ? inv.get("warehouse_id").asText()
                        : sales.size() == 1 ? sales.getFirst().id() : null;
                SimShop.TikTokWarehouse w = sales.stream().filter(x -> x.id().equals(warehouseId)).findFirst()
                        .orElse(null);
                JsonNode q = inv.path("quantity");
                Integer locked = promotionLocks.get(sku.sellerSku());
                if (warehouseId == null) {
                    extra.add(warehouseError(null, 12019028, "warehouse_id is required when the shop has several "
                            + "warehouses."));
                } else if (w == null) {
                    extra.add(warehouseError(warehouseId, 12052097, "The warehouse does not exist."));
                } else if (!view.assigned(w, sku.index())) {
                    extra.add(warehouseError(warehouseId, 12052533, "Warehouses cannot be added to or removed from a "
                            + "SKU in an inventory update."));
                } else if (!q.isIntegralNumber() || q.asLong() < min || q.asLong() > MAX_QUANTITY) {
                    extra.add(warehouseError(warehouseId, 12052006, "Invalid quantity: quantity must be between "
                            + min + " and " + MAX_QUANTITY + "."));
                } else if (locked != null && q.asInt() < locked) {
                    extra.add(warehouseError(warehouseId, 12052393, "The inventory is locked by an ongoing promotion "
                            + "and cannot be reduced below " + locked + "."));
                } else {
                    sent.put(warehouseId, q.asInt());
                }
            }
            List<String> missing = new ArrayList<>();
            for (SimShop.TikTokWarehouse w : sales) {
                if (view.assigned(w, sku.index()) && !sent.containsKey(w.id())
                        && extra.stream().noneMatch(e -> w.id().equals(((Map<?, ?>) e).get("warehouse_id")))) {
                    missing.add(w.id());
                }
            }
            if (refuseLast && k == skus.size() - 1) {
                String first = sent.isEmpty() ? null : sent.keySet().iterator().next();
                extra.add(warehouseError(first, 12052531, "The warehouse is disabled and its inventory cannot be "
                        + "edited."));
            }
            if (!missing.isEmpty()) {
                errors.add(skuError(skuId, 12019028, "Every warehouse the SKU is assigned to must be listed; missing "
                        + String.join(", ", missing) + ".", extra));
            } else if (!extra.isEmpty()) {
                Map<?, ?> firstError = (Map<?, ?>) extra.getFirst();
                errors.add(skuError(skuId, (Integer) firstError.get("code"), (String) firstError.get("message"), extra));
            } else {
                sent.forEach((warehouseId, quantity) -> {
                    SimShop.TikTokWarehouse w = world.tiktokWarehouse(warehouseId);
                    if (view.tiktokStock(w, sku.index()).available() != quantity) {
                        writes.add(() -> world.setTikTokAvailable(warehouseId, sku.index(), quantity));
                    }
                });
            }
        }
        writes.forEach(Runnable::run);
        return ok(errors.isEmpty() ? obj() : obj("errors", errors));
    }

    private static Map<String, Object> skuError(String skuId, int code, String message, List<Object> extra) {
        return obj("code", code, "message", message, "detail", obj("sku_id", skuId, "extra_errors", extra));
    }

    private static Map<String, Object> warehouseError(String warehouseId, int code, String message) {
        return obj("warehouse_id", warehouseId, "code", code, "message", message);
    }

    /** A time window of the search body, in Unix seconds: [ge, lt). */
    private record Window(long createGe, long createLt, long updateGe, long updateLt) {
        static Window of(JsonNode body) {
            return new Window(body.path("create_time_ge").asLong(Long.MIN_VALUE),
                    body.path("create_time_lt").asLong(Long.MAX_VALUE),
                    body.path("update_time_ge").asLong(Long.MIN_VALUE),
                    body.path("update_time_lt").asLong(Long.MAX_VALUE));
        }

        boolean contains(long created, long updated) {
            return created >= createGe && created < createLt && updated >= updateGe && updated < updateLt;
        }
    }

    /** One searchable item: its sort time (create or update), its id, and its JSON (made only for the page sent). */
    private record Found(long time, String id, Supplier<Map<String, Object>> json) {
    }

    /**
     * The shared paging of the order and return searches: filter, sort by (time, id) in the asked
     * direction, and cut one page after the keyset token.
     */
    private Response page(Request req, List<Found> found, int minSize, int maxSize, boolean descByDefault,
                          String listName, int invalidCode) {
        int pageSize;
        try {
            pageSize = Integer.parseInt(req.param("page_size"));
        } catch (NumberFormatException e) {
            pageSize = -1;
        }
        if (pageSize < minSize || pageSize > maxSize) {
            return error(400, invalidCode, "Invalid page_size: it must be between " + minSize + " and " + maxSize + ".");
        }
        String order = req.param("sort_order");
        boolean desc = order == null || order.isEmpty() ? descByDefault : "DESC".equalsIgnoreCase(order);
        Comparator<Found> cmp = Comparator.comparingLong(Found::time).thenComparing(Found::id);
        if (desc) {
            cmp = cmp.reversed();
        }
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(cmp);
        int from = 0;
        String token = req.param("page_token");
        if (token != null && !token.isEmpty()) {
            Found after;
            try {
                String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = decoded.split(":", 2);
                after = new Found(Long.parseLong(parts[0]), parts[1], null);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                return error(400, invalidCode, "Invalid page_token.");
            }
            while (from < sorted.size() && cmp.compare(sorted.get(from), after) <= 0) {
                from++;
            }
        }
        int end = Math.min(sorted.size(), from + pageSize);
        List<Object> items = new ArrayList<>();
        for (int i = from; i < end; i++) {
            items.add(sorted.get(i).json().get());
        }
        String next = "";
        if (end < sorted.size() && end > from) {
            Found last = sorted.get(end - 1);
            next = Base64.getEncoder().encodeToString((last.time() + ":" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return ok(obj("total_count", sorted.size(), "next_page_token", next, listName, items));
    }

    private Response ordersSearch(Request req, WorldView view, SimShop shop) throws IOException {
        JsonNode body = parseBody(req);
        Window window = Window.of(body);
        boolean byUpdate = "update_time".equals(req.param("sort_field"));
        String statusFilter = body.path("order_status").asText("");
        Instant now = view.now();
        List<Found> found = new ArrayList<>();
        for (SimOrder o : view.tiktokOrders()) {
            if (!o.shopId().equals(shop.id()) || o.createdAt().isAfter(now)) {
                continue;
            }
            long created = o.createdAt().getEpochSecond();
            long updated = o.updateTime(now).getEpochSecond();
            String status = o.status(now);
            if (window.contains(created, updated) && (statusFilter.isEmpty() || statusFilter.equals(status))) {
                found.add(new Found(byUpdate ? updated : created, o.id(), () -> order(o, shop, status, updated, now)));
            }
        }
        // Orders: page_size 1–100, default sort DESC (docs/api/tiktok-shop.md §5.7); the code is not documented.
        return page(req, found, 1, 100, true, "orders", 21001001);
    }

    private Map<String, Object> order(SimOrder o, SimShop shop, String status, long updated, Instant now) {
        SimSku sku = world.skus().get(o.skuIndex());
        SimProduct product = world.products().get(sku.productIndex());
        BigDecimalPrice price = new BigDecimalPrice("GBP".equals(shop.currency()) ? sku.priceGbp() : sku.priceUsd());
        String packageId = Long.toString(1_153_486_604_000_000_000L + Long.parseLong(o.id()) % 1_000_000_000_000L);
        boolean cancelled = "CANCELLED".equals(status);
        String packageStatus = switch (status) {
            case "AWAITING_SHIPMENT" -> "TO_FULFILL";
            case "CANCELLED" -> "CANCELLED";
            case "IN_TRANSIT" -> "FULFILLING";
            default -> "COMPLETED";
        };
        List<Object> lines = new ArrayList<>();
        for (String lineId : o.lineIds()) {
            Map<String, Object> line = obj("id", lineId, "product_id", productId(shop, product),
                    "product_name", product.title(), "sku_id", o.tiktokSkuId(), "sku_name", sku.name(),
                    "seller_sku", o.sellerSku(), "sku_type", "NORMAL", "currency", shop.currency(),
                    "original_price", price.text(), "sale_price", price.text(), "platform_discount", "0",
                    "seller_discount", "0", "display_status", status, "package_status", packageStatus,
                    "is_gift", false);
            if (!cancelled) {
                line.put("package_id", packageId);
            } else {
                line.put("cancel_user", "SELLER");
                line.put("cancel_reason", "Out of stock");
            }
            lines.add(line);
        }
        String total = price.times(o.units());
        Map<String, Object> json = obj("id", o.id(), "status", status, "order_type", "NORMAL",
                "commerce_platform", "TIKTOK_SHOP", "create_time", o.createdAt().getEpochSecond(),
                "paid_time", o.createdAt().getEpochSecond(), "update_time", updated,
                "fulfillment_type", "FULFILLMENT_BY_SELLER", "shipping_type", "TIKTOK",
                "delivery_type", "HOME_DELIVERY", "warehouse_id", o.tiktokWarehouseId(), "is_cod", false,
                "is_on_hold_order", false,
                "packages", cancelled ? List.of() : List.of(obj("id", packageId)),
                "payment", obj("currency", shop.currency(), "sub_total", total, "shipping_fee", "0",
                        "total_amount", total),
                "line_items", lines);
        if (cancelled) {
            json.put("cancel_time", o.cancelledAt().getEpochSecond());
            json.put("cancellation_initiator", "SELLER");
        }
        return json;
    }

    /** Prices as TikTok sends them: decimal strings. */
    private record BigDecimalPrice(BigDecimal value) {
        String text() {
            return value.toPlainString();
        }

        String times(int n) {
            return value.multiply(BigDecimal.valueOf(n)).toPlainString();
        }
    }

    private Response returnsSearch(Request req, WorldView view, SimShop shop) throws IOException {
        JsonNode body = parseBody(req);
        Window window = Window.of(body);
        boolean byCreate = "create_time".equals(req.param("sort_field"));
        Instant now = view.now();
        List<Found> found = new ArrayList<>();
        for (SimTikTokReturn r : view.tiktokReturns()) {
            if (!r.shopId().equals(shop.id()) || r.lines().isEmpty()) {
                continue;
            }
            long created = r.createdAt().getEpochSecond();
            long updated = r.updateTime(now).getEpochSecond();
            if (window.contains(created, updated)) {
                found.add(new Found(byCreate ? created : updated, r.id(), () -> returnOrder(r, shop, updated, now)));
            }
        }
        // Returns: page_size 10–50 as documented (§5.8, §8 item 3), default sort ASC.
        return page(req, found, 10, 50, false, "return_orders", 25001001);
    }

    private Map<String, Object> returnOrder(SimTikTokReturn r, SimShop shop, long updated, Instant now) {
        List<Object> lines = new ArrayList<>();
        BigDecimal refund = BigDecimal.ZERO;
        for (SimTikTokReturn.Line l : r.lines()) {
            SimSku sku = world.skus().get(l.skuIndex());
            BigDecimal price = "GBP".equals(shop.currency()) ? sku.priceGbp() : sku.priceUsd();
            refund = refund.add(price);
            lines.add(obj("return_line_item_id", l.lineId(),
                    "order_line_item_id", Long.toString(577_900_000_000_000_000L + Long.parseLong(l.lineId()) % 1_000_000_000L),
                    "product_name", world.products().get(sku.productIndex()).title(), "sku_id", l.tiktokSkuId(),
                    "sku_name", sku.name(), "seller_sku", l.sellerSku(),
                    "refund_amount", obj("currency", shop.currency(), "refund_total", price.toPlainString())));
        }
        return obj("return_id", r.id(), "order_id", r.orderId(), "return_type", "RETURN_AND_REFUND",
                "return_status", r.status(now), "role", "BUYER", "create_time", r.createdAt().getEpochSecond(),
                "update_time", updated, "shipment_type", "PLATFORM", "handover_method", "DROP_OFF",
                "return_method", "PLATFORM_SHIPPED", "can_buyer_keep_item", false,
                "refund_amount", obj("currency", shop.currency(), "refund_total", refund.toPlainString()),
                "return_line_items", lines);
    }

    private static JsonNode parseBody(Request req) throws IOException {
        if (req.body().length == 0) {
            return Exchange.JSON.createObjectNode();
        }
        JsonNode node = Exchange.JSON.readTree(req.body());
        if (node == null || !node.isObject()) {
            throw new IOException("body is not a JSON object");
        }
        return node;
    }

    /** The PH shop's ids: the US ids moved into a range of their own (TikTok ids are per shop). */
    private static final long PH_ID_SHIFT = 4_200_000_000_000_000L;

    static String productId(SimShop shop, SimProduct p) {
        return switch (shop.region()) {
            case "GB" -> p.productIdGb();
            case "PH" -> Long.toString(Long.parseLong(p.productIdUs()) + PH_ID_SHIFT);
            default -> p.productIdUs();
        };
    }

    static String skuId(SimShop shop, SimSku sku) {
        return switch (shop.region()) {
            case "GB" -> sku.tiktokSkuIdGb();
            case "PH" -> sku.tiktokSkuIdUs() == null ? null
                    : Long.toString(Long.parseLong(sku.tiktokSkuIdUs()) + PH_ID_SHIFT);
            default -> sku.tiktokSkuIdUs();
        };
    }

    private Response ok(Object data) {
        return Response.json(200, obj("code", 0, "message", "Success", "request_id", requestId(), "data", data));
    }

    private Response error(int status, int code, String message) {
        return Response.json(status, obj("code", code, "message", message, "request_id", requestId(), "data", null));
    }

    /** Shaped like TikTok's: UTC time to the second, then 20 hex-ish characters. */
    private String requestId() {
        return REQUEST_ID_TIME.format(world.clock().instant())
                + String.format("0101890810%010X", requestSeq.incrementAndGet());
    }
}
