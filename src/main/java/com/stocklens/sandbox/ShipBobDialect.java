package com.stocklens.sandbox;

import static com.stocklens.sandbox.Exchange.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.sandbox.Exchange.Request;
import com.stocklens.sandbox.Exchange.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * ShipBob API (2025-07, also answered under 2026-01) on loopback: bearer auth, 150 requests per
 * minute per token, and the read endpoints of docs/api/warehouses.md §2.3 that the app uses, with the
 * paging of §2.5 (body links for inventory and returns, response headers for receiving).
 */
final class ShipBobDialect implements Exchange.Dialect {
    static final Set<String> VERSIONS = Set.of("2025-07", "2026-01");
    static final int RATE_LIMIT_PER_MINUTE = 150;
    static final int MAX_PAGE_SIZE = 250;
    static final int DEFAULT_PAGE_SIZE = 50;

    private final SimulatedWorld world;
    private final BooleanSupplier rateLimiting;
    private final SlidingWindowLimiter limiter =
            new SlidingWindowLimiter(RATE_LIMIT_PER_MINUTE, TimeUnit.MINUTES.toNanos(1), System::nanoTime);

    ShipBobDialect(SimulatedWorld world, BooleanSupplier rateLimiting) {
        this.world = world;
        this.rateLimiting = rateLimiting;
    }

    static boolean owns(String path) {
        int slash = path.indexOf('/', 1);
        return slash > 0 && VERSIONS.contains(path.substring(1, slash));
    }

    @Override
    public Response handle(Request req) {
        String auth = req.header("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()).trim() : null;
        if (!SandboxCredentials.SHIPBOB_TOKEN.equals(token)) {
            return problem(401, "Unauthorized", "The bearer token is missing or invalid.", req.path());
        }
        if (rateLimiting.getAsBoolean()) {
            long waitNanos = limiter.tryAcquire(token);
            if (waitNanos > 0) {
                return rateLimited(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            }
        }
        if (!"GET".equals(req.method())) {
            return problem(405, "Method Not Allowed", "Only GET is served by the sandbox.", req.path());
        }
        String resource = req.path().substring(req.path().indexOf('/', 1));
        try {
            return switch (resource) {
                case "/fulfillment-center" -> Response.json(200, fulfilmentCentres());
                case "/inventory-level/locations" -> linkPaged(req, "/inventory-level/locations", this::perLocation);
                case "/inventory-level" -> linkPaged(req, "/inventory-level", this::totals);
                case "/inventory-level/lots" -> linkPaged(req, "/inventory-level/lots", this::perLot);
                case "/inventory" -> linkPaged(req, "/inventory", this::itemMaster);
                case "/receiving" -> receiving(req);
                case "/return" -> returns(req);
                default -> problem(404, "Not Found", "No such resource: " + resource, req.path());
            };
        } catch (BadRequest e) {
            return problem(400, "Bad Request", e.getMessage(), req.path());
        }
    }

    @Override
    public Response fault(Request req, Fault fault) {
        return switch (fault.kind()) {
            case HTTP_500 -> Response.text(500, "Internal Server Error");
            case HTTP_429 -> rateLimited(25);
            case TOKEN_EXPIRED -> problem(401, "Unauthorized", "The access token has expired.", req.path());
            case API_ERROR -> problem(400, "Bad Request", "The request could not be processed.", req.path());
            default -> throw new IllegalArgumentException("Not a response fault: " + fault);
        };
    }

    private Response rateLimited(long seconds) {
        return Response.json(429,
                obj("statusCode", 429, "message", "Rate limit is exceeded. Try again in " + seconds + " seconds."),
                Map.of("x-retry-after", Long.toString(seconds), "x-remaining-calls", "0"));
    }

    private List<Object> fulfilmentCentres() {
        List<Object> list = new ArrayList<>();
        for (FulfilmentCentre fc : world.fulfilmentCentres()) {
            list.add(obj("id", fc.id(), "name", fc.name(), "timezone", fc.zone().getId(), "address1", fc.address1(),
                    "address2", null, "city", fc.city(), "state", fc.state(), "country", fc.country(),
                    "zip_code", fc.zipCode(), "phone_number", null, "email", null));
        }
        return list;
    }

    /** One item of {@code /inventory-level/locations}: the SKU in every FC. */
    private Object perLocation(SkuAt at) {
        List<Object> locations = new ArrayList<>();
        for (FulfilmentCentre fc : world.fulfilmentCentres()) {
            CellState c = at.view.cell(at.sku.index(), fc.id());
            locations.add(obj("location_id", fc.id(), "name", fc.name(), "on_hand_quantity", c.onHand(),
                    "committed_quantity", c.reserved(), "fulfillable_quantity", c.available(),
                    "awaiting_quantity", c.inTransit(), "internal_transfer_quantity", 0));
        }
        return obj("inventory_id", at.sku.inventoryId(), "name", at.sku.name(), "sku", at.sku.sellerSku(),
                "locations", locations);
    }

    /**
     * One item of {@code /inventory-level/lots}: the SKU's lots, each split over the FCs holding it. A lot
     * number shared by several FCs (an FBA transfer) is one lot with several locations. Reserved units
     * are allocated to the oldest lots first (they ship first), then frozen ones, so per-lot committed and
     * fulfillable add up to the FC's figures.
     */
    private Object perLot(SkuAt at) {
        Map<String, List<Object>> locationsByLot = new LinkedHashMap<>();
        Map<String, Instant> dateByLot = new LinkedHashMap<>();
        Map<String, int[]> totalsByLot = new LinkedHashMap<>();
        for (FulfilmentCentre fc : world.fulfilmentCentres()) {
            CellState c = at.view.cell(at.sku.index(), fc.id());
            int committedLeft = c.reserved();
            int frozenLeft = c.frozen();
            for (SimLot lot : at.view.lots(at.sku.index(), fc.id())) {
                int committed = Math.min(committedLeft, lot.units());
                committedLeft -= committed;
                int frozen = Math.min(frozenLeft, lot.units() - committed);
                frozenLeft -= frozen;
                int fulfillable = lot.units() - committed - frozen;
                locationsByLot.computeIfAbsent(lot.lotNumber(), k -> new ArrayList<>()).add(obj(
                        "location_id", fc.id(), "name", fc.name(), "on_hand_quantity", lot.units(),
                        "committed_quantity", committed, "fulfillable_quantity", fulfillable,
                        "awaiting_quantity", 0, "internal_transfer_quantity", 0));
                dateByLot.putIfAbsent(lot.lotNumber(), lot.receivedAt());
                int[] t = totalsByLot.computeIfAbsent(lot.lotNumber(), k -> new int[3]);
                t[0] += lot.units();
                t[1] += committed;
                t[2] += fulfillable;
            }
        }
        List<Object> lots = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : locationsByLot.entrySet()) {
            int[] t = totalsByLot.get(e.getKey());
            lots.add(obj("lot_number", e.getKey(), "lot_date", iso(dateByLot.get(e.getKey())),
                    "on_hand_quantity", t[0], "committed_quantity", t[1], "fulfillable_quantity", t[2],
                    "awaiting_quantity", 0, "internal_transfer_quantity", 0, "locations", e.getValue()));
        }
        return obj("inventory_id", at.sku.inventoryId(), "name", at.sku.name(), "sku", at.sku.sellerSku(),
                "lots", lots);
    }

    /** One item of {@code /inventory}: the item master, where ShipBob keeps the barcode. */
    private Object itemMaster(SkuAt at) {
        return obj("inventory_id", at.sku.inventoryId(), "sku", at.sku.sellerSku(), "name", at.sku.name(),
                "barcode", at.sku.barcode(), "is_lot", true, "is_case", false);
    }

    /** One item of {@code /inventory-level}: network totals. */
    private Object totals(SkuAt at) {
        int onHand = 0;
        int committed = 0;
        int fulfillable = 0;
        int awaiting = 0;
        for (FulfilmentCentre fc : world.fulfilmentCentres()) {
            CellState c = at.view.cell(at.sku.index(), fc.id());
            onHand += c.onHand();
            committed += c.reserved();
            fulfillable += c.available();
            awaiting += c.inTransit();
        }
        return obj("inventory_id", at.sku.inventoryId(), "name", at.sku.name(), "sku", at.sku.sellerSku(),
                "total_awaiting_quantity", awaiting, "total_backordered_quantity", 0,
                "total_committed_quantity", committed, "total_exception_quantity", 0,
                "total_fulfillable_quantity", fulfillable, "total_internal_transfer_quantity", 0,
                "total_on_hand_quantity", onHand, "total_sellable_quantity", fulfillable);
    }

    private record SkuAt(SimSku sku, WorldView view) {
    }

    private Response linkPaged(Request req, String resource, Function<SkuAt, Object> item) {
        int pageSize = pageSize(req.param("PageSize"));
        int page = 1;
        String cursor = req.param("Cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                JsonNode c = Exchange.JSON.readTree(Base64.getUrlDecoder().decode(cursor));
                page = c.path("p").asInt(0);
                if (req.param("PageSize") == null) {
                    pageSize = pageSize(c.path("s").asText());
                }
            } catch (Exception e) {
                throw new BadRequest("The Cursor is not valid.");
            }
            if (page < 1) {
                throw new BadRequest("The Cursor is not valid.");
            }
        }
        WorldView view = world.view();
        List<SimSku> skus = view.skus();
        int lastPage = Math.max(1, (skus.size() + pageSize - 1) / pageSize);
        List<Object> items = new ArrayList<>();
        for (int i = (page - 1) * pageSize; i < Math.min(skus.size(), page * pageSize); i++) {
            items.add(item.apply(new SkuAt(skus.get(i), view)));
        }
        final int size = pageSize;
        Function<Integer, String> link = p -> resource + "?PageSize=" + size + "&Cursor=" + cursor(p, size);
        return Response.json(200, links(items, page, lastPage, link));
    }

    private static Map<String, Object> links(List<Object> items, int page, int lastPage, Function<Integer, String> link) {
        // As in the fixtures: first/prev are null on the first page, next/last null on the last.
        return obj("first", page > 1 ? link.apply(1) : null, "items", items,
                "last", page < lastPage ? link.apply(lastPage) : null,
                "next", page < lastPage ? link.apply(page + 1) : null,
                "prev", page > 1 ? link.apply(page - 1) : null);
    }

    private static String cursor(int page, int size) {
        String json = "{\"p\":" + page + ",\"s\":" + size + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static int pageSize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new BadRequest("The value '" + raw + "' is not valid for PageSize.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequest("PageSize must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return size;
    }

    private static int positive(String raw, int fallback, String name) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw new BadRequest("The value '" + raw + "' is not valid for " + name + ".");
    }

    private Response receiving(Request req) {
        int page = positive(req.param("Page"), 1, "Page");
        int limit = pageSize(req.param("Limit"));
        Set<String> statuses = req.param("Statuses") == null ? null
                : Set.copyOf(Arrays.asList(req.param("Statuses").split(",")));
        WorldView view = world.view();
        List<Wro> wros = view.wros().stream()
                .filter(w -> statuses == null || statuses.contains(w.status()))
                .sorted(Comparator.comparingLong(Wro::id))
                .toList();
        int totalPages = Math.max(1, (wros.size() + limit - 1) / limit);
        List<Object> body = new ArrayList<>();
        for (int i = (page - 1) * limit; i < Math.min(wros.size(), page * limit); i++) {
            body.add(wro(wros.get(i)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Page-Number", Integer.toString(page));
        headers.put("Page-Size", Integer.toString(limit));
        headers.put("Total-Count", Integer.toString(wros.size()));
        headers.put("Total-Pages", Integer.toString(totalPages));
        if (page < totalPages) {
            String next = "/receiving?Page=" + (page + 1) + "&Limit=" + limit;
            if (req.param("Statuses") != null) {
                next += "&Statuses=" + URLEncoder.encode(req.param("Statuses"), StandardCharsets.UTF_8);
            }
            headers.put("Next-Page", next);
        }
        return Response.json(200, body, headers);
    }

    private Object wro(Wro w) {
        List<Object> lines = new ArrayList<>();
        for (Wro.Line l : w.lines()) {
            lines.add(obj("inventory_id", l.inventoryId(), "sku", l.sellerSku(), "expected_quantity", l.expected(),
                    "received_quantity", l.received(), "stowed_quantity", l.stowed()));
        }
        return obj("id", w.id(), "purchase_order_number", w.purchaseOrderNumber(), "status", w.status(),
                "fulfillment_center", fcRef(w.fcId()), "package_type", "Package",
                "box_packaging_type", "EverythingInOneBox", "expected_arrival_date", iso(w.expectedArrival()),
                "insert_date", iso(w.inserted()), "last_updated_date", iso(w.lastUpdated()),
                "inventory_quantities", lines);
    }

    private Response returns(Request req) {
        int limit = pageSize(req.param("Limit"));
        int page = positive(req.param("Cursor"), 1, "Cursor");
        WorldView view = world.view();
        List<SimReturn> all = view.returns().stream()
                .sorted(Comparator.comparingLong(SimReturn::id)).toList();
        int lastPage = Math.max(1, (all.size() + limit - 1) / limit);
        List<Object> items = new ArrayList<>();
        for (int i = (page - 1) * limit; i < Math.min(all.size(), page * limit); i++) {
            items.add(returnItem(all.get(i)));
        }
        return Response.json(200, links(items, page, lastPage, p -> "/return?Limit=" + limit + "&Cursor=" + p));
    }

    private Object returnItem(SimReturn r) {
        List<Object> inventory = new ArrayList<>();
        for (SimReturn.Line l : r.lines()) {
            List<Object> actions = new ArrayList<>();
            for (SimReturn.Action a : l.actions()) {
                actions.add(obj("action", a.action(), "action_reason",
                        "Quarantine".equals(a.action()) ? "Damaged" : null, "quantity_processed", a.quantityProcessed()));
            }
            inventory.add(obj("id", l.inventoryId(), "sku", l.sellerSku(),
                    "name", world.skus().get(l.skuIndex()).name(), "quantity", l.quantity(), "action_taken", actions));
        }
        return obj("id", r.id(), "reference_id", r.referenceId(), "status", r.status(), "return_type", "Regular",
                "fulfillment_center", fcRef(r.fcId()), "insert_date", iso(r.inserted()),
                "completed_date", iso(r.completedAt()), "inventory", inventory);
    }

    private Map<String, Object> fcRef(int fcId) {
        FulfilmentCentre fc = world.fulfilmentCentres().get(world.fcPos(fcId));
        return obj("id", fc.id(), "name", fc.name());
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Response problem(int status, String title, String detail, String instance) {
        Response r = Response.json(status, obj("type", "https://tools.ietf.org/html/rfc9110#section-15",
                "title", title, "status", status, "detail", detail, "instance", instance));
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.put("Content-Type", "application/problem+json; charset=utf-8");
        return new Response(r.status(), headers, r.body());
    }

    /** A 400 raised while reading parameters. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
