package com.stocklens.sandbox;

import static com.stocklens.sandbox.Exchange.obj;

import com.stocklens.domain.Provider;
import com.stocklens.sandbox.Exchange.Request;
import com.stocklens.sandbox.Exchange.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ShipMonk integration API (v1.024, docs/api/warehouses.md §4) on loopback: {@code Api-Key} header, the
 * warehouse list, the frozen product search with its cursor ({@code next_cursor} null on the last
 * page, cursor valid one hour), receivings and returns lists with their paginator, all answered from
 * {@link PartnerStock} cells of {@link Provider#SHIPMONK}.
 *
 * <p>What it reports, as ShipMonk does: per location {@code quantity_on_hand} counts quarantined units too
 * (truth on hand + QC hold), {@code quantity_available}, {@code quarantined_quantity} (the QC hold),
 * {@code quantity_unavailable} (frozen). No allocated quantity exists. Open inbound units are
 * receivings ({@code awaiting} / {@code in_progress}, expected − received); returns awaiting QC are
 * returns in {@code arrived} / {@code in_progress} whose receiving details have no final disposition.
 * Closed receivings and graded returns are listed too, as the real lists would.
 *
 * <p>The API declares no error bodies; this one answers {@code {"message": …}}. A 429 carries
 * {@code Retry-After} as an HTTP date, as ShipMonk is said to do.
 */
final class ShipMonkDialect implements Exchange.Dialect {
    static final String PREFIX = "/v1/integrations/";
    static final int MAX_PRODUCT_PAGE = 500;
    static final int MAX_LIST_PAGE = 100;
    static final Duration CURSOR_LIFETIME = Duration.ofHours(1);
    private static final int PRODUCT_ID_BASE = 480_000;

    private final SimulatedWorld world;
    private final PartnerPacing pacing;
    private final Map<String, Search> searches = new ConcurrentHashMap<>();
    private final AtomicLong searchSeq = new AtomicLong();

    /** One frozen result set. */
    private record Search(List<Object> products, Instant expires) {
    }

    ShipMonkDialect(SimulatedWorld world) {
        this.world = world;
        this.pacing = PartnerPacing.of(world, Provider.SHIPMONK);
    }

    static boolean owns(String path) {
        return path.startsWith(PREFIX);
    }

    @Override
    public Response handle(Request req) {
        if (!SandboxCredentials.SHIPMONK_API_KEY.equals(req.header("Api-Key"))) {
            return message(401, "Unauthorized");
        }
        if (pacing.failsThisOne()) {
            return Response.text(503, "Service Unavailable");
        }
        String resource = req.path().substring(PREFIX.length());
        try {
            return switch (req.method() + " " + resource) {
                case "GET warehouses" -> warehouses(req);
                case "POST products/search" -> startSearch();
                case "GET products/search/paginate" -> paginate(req);
                case "GET receivings-list" -> receivings(req);
                case "GET returns-list" -> returns(req);
                default -> message(404, "Not Found");
            };
        } catch (BadRequest e) {
            return message(400, e.getMessage());
        }
    }

    @Override
    public Response fault(Request req, Fault fault) {
        return switch (fault.kind()) {
            case HTTP_500 -> message(500, "Internal Server Error");
            case HTTP_429 -> rateLimited(Instant.now().plusSeconds(2));
            case TOKEN_EXPIRED -> message(401, "Unauthorized");
            case API_ERROR -> message(422, "Unprocessable entity");
            default -> throw new IllegalArgumentException("Not a response fault: " + fault);
        };
    }

    static Response rateLimited(Instant retryAt) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atOffset(ZoneOffset.UTC));
        return Response.json(429, obj("message", "Too Many Requests. Retry after " + date), Map.of("Retry-After", date));
    }

    private static Response message(int status, String text) {
        return Response.json(status, obj("message", text));
    }

    // --- warehouses ----------------------------------------------------------------------------

    private Response warehouses(Request req) {
        int page = intParam(req.param("page"), 1, 1, Integer.MAX_VALUE, "page");
        int size = intParam(req.param("pageSize"), 50, 1, 1000, "pageSize");
        List<Object> all = new ArrayList<>();
        for (PartnerWarehouse w : world.partners().warehouses(Provider.SHIPMONK)) {
            all.add(obj("id", Integer.parseInt(w.id()), "identifier", w.code(), "name", w.name(),
                    "timezone", w.zone().getId(), "warehouse_wms_type", "shipmonk", "enabled", true,
                    "address", obj("name", null, "company", "ShipMonk", "street1", null, "street2", null,
                            "street3", null, "city", null, "state", null, "postal_code", null, "phone", null,
                            "residential", false, "verified", true, "country", w.market().name())));
        }
        return listPage(all, page, size, null);
    }

    // --- products ------------------------------------------------------------------------------

    private Response startSearch() {
        Instant now = world.clock().instant();
        searches.values().removeIf(s -> s.expires().isBefore(now));
        List<Object> products = products(now);
        String id = Long.toString(searchSeq.incrementAndGet());
        searches.put(id, new Search(products, now.plus(CURSOR_LIFETIME)));
        return Response.json(200, obj("total", products.size(), "cursor", cursor(id, 0)));
    }

    private Response paginate(Request req) {
        String raw = req.param("cursor");
        if (raw == null || raw.isEmpty()) {
            throw new BadRequest("cursor is required");
        }
        int size = intParam(req.param("pageSize"), 50, 1, MAX_PRODUCT_PAGE, "pageSize");
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            throw new BadRequest("cursor is not valid");
        }
        Search search = parts.length == 3 && parts[0].equals("search") ? searches.get(parts[1]) : null;
        if (search == null || search.expires().isBefore(world.clock().instant())) {
            throw new BadRequest("cursor is not valid or has expired");
        }
        int pos;
        try {
            pos = Integer.parseInt(parts[2].substring("pos=".length()));
        } catch (RuntimeException e) {
            throw new BadRequest("cursor is not valid");
        }
        List<Object> all = search.products();
        int end = Math.min(all.size(), pos + size);
        List<Object> data = new ArrayList<>(all.subList(Math.min(pos, all.size()), end));
        return Response.json(200, obj("data", data, "total", all.size(),
                "next_cursor", end < all.size() ? cursor(parts[1], end) : null));
    }

    private static String cursor(String searchId, int pos) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("search:" + searchId + ":pos=" + pos).getBytes(StandardCharsets.UTF_8));
    }

    /** One product per ShipMonk code, each with a location per warehouse that stocks it. */
    private List<Object> products(Instant now) {
        Map<String, List<PartnerCell>> byCode = new LinkedHashMap<>();
        for (PartnerCell c : world.partners().cells(Provider.SHIPMONK, now)) {
            byCode.computeIfAbsent(c.providerSku(), k -> new ArrayList<>()).add(c);
        }
        List<Object> out = new ArrayList<>();
        for (List<PartnerCell> cells : byCode.values()) {
            SimSku sku = cells.getFirst().sku();
            List<Object> locations = new ArrayList<>();
            int onHand = 0;
            int available = 0;
            int quarantined = 0;
            int unavailable = 0;
            for (PartnerCell c : cells) {
                int physical = c.truth().onHand() + c.truth().qcHold();
                onHand += physical;
                available += c.truth().available();
                quarantined += c.truth().qcHold();
                unavailable += c.truth().frozen();
                locations.add(obj("quantity_final", c.truth().available(), "quantity_available", c.truth().available(),
                        "quantity_on_hand", physical, "quarantined_quantity", c.truth().qcHold(),
                        "quantity_unavailable", c.truth().frozen(),
                        "quantity_by_lot", List.of(obj("lot", null, "quantity_on_hand", physical)),
                        "warehouse", warehouseRef(c.warehouse())));
            }
            out.add(obj("id", productId(sku), "sku", cells.getFirst().providerSku(), "name", sku.name(),
                    "created_at", "2025-01-06T15:02:11+00:00", "updated_at", "2025-03-17T09:41:52+00:00",
                    "inventory_on_hand_last_updated_at", null, "is_active", true, "type", "pick_and_pack",
                    "inventory", obj("quantity_total_final", available, "quantity_total_available", available,
                            "quantity_total_on_hand", onHand, "quantity_total_quarantined", quarantined,
                            "quantity_total_unavailable", unavailable, "locations", locations),
                    "barcodes", sku.barcode() == null ? List.of() : List.of(sku.barcode()),
                    "hs_codes", List.of(), "country_code", "CN", "custom_data", List.of(),
                    "product_bundles", List.of(), "product_handling_units", List.of()));
        }
        return out;
    }

    private static Map<String, Object> warehouseRef(PartnerWarehouse w) {
        return obj("id", Integer.parseInt(w.id()), "name", w.name(), "identifier", w.code());
    }

    private static int productId(SimSku sku) {
        return PRODUCT_ID_BASE + sku.index();
    }

    private static Map<String, Object> productRef(PartnerCell c) {
        return obj("id", productId(c.sku()), "sku", c.providerSku(), "name", c.sku().name());
    }

    // --- receivings and returns ----------------------------------------------------------------

    private Response receivings(Request req) {
        int page = intParam(req.param("page"), 1, 1, Integer.MAX_VALUE, "page");
        int size = intParam(req.param("pageSize"), MAX_LIST_PAGE, 1, MAX_LIST_PAGE, "pageSize");
        String only = req.param("warehouseId");
        List<Object> all = new ArrayList<>();
        for (PartnerCell c : world.partners().cells(Provider.SHIPMONK, world.clock().instant())) {
            if (only != null && !only.equals(c.warehouse().code())) {
                continue;
            }
            int open = c.truth().inTransit();
            int index = c.sku().index();
            if (open > 0) {
                // Odd SKUs: nothing arrived yet; even ones: arrived, 5 units counted so far.
                boolean started = index % 2 == 0;
                all.add(receiving(c, 700_000 + index, started ? "in_progress" : "awaiting",
                        started ? open + 5 : open, started ? 5 : 0));
            } else if (index % 5 == 0) {
                all.add(receiving(c, 600_000 + index, "received", 24, 24));
            }
        }
        return listPage(all, page, size, null);
    }

    private Object receiving(PartnerCell c, int id, String status, int expected, int received) {
        return obj("id", id, "warehouse", c.warehouse().code(), "receiving_key", "PO-" + id, "asn", "ASN-" + id,
                "status", status, "estimated_delivery", null, "arrived_at", null, "received_at", null,
                "items", List.of(obj("product", productRef(c), "expected_quantity", expected,
                        "received_quantity", received, "receiving_details", List.of())));
    }

    private Response returns(Request req) {
        int page = intParam(req.param("page"), 1, 1, Integer.MAX_VALUE, "page");
        int size = intParam(req.param("page_size"), MAX_LIST_PAGE, 1, MAX_LIST_PAGE, "page_size");
        List<Object> all = new ArrayList<>();
        for (PartnerCell c : world.partners().cells(Provider.SHIPMONK, world.clock().instant())) {
            int pending = c.truth().returnPendingQc();
            int index = c.sku().index();
            if (pending > 0) {
                List<Object> details = new ArrayList<>();
                details.add(detail(index * 10 + 1, pending, null));
                boolean partlyGraded = index % 2 == 0;
                if (partlyGraded) {
                    details.add(detail(index * 10 + 2, 1, "returned_to_inventory"));
                }
                all.add(returnOf(c, 800_000 + index, partlyGraded ? "in_progress" : "arrived",
                        pending + (partlyGraded ? 1 : 0), details));
            } else if (index % 7 == 0) {
                all.add(returnOf(c, 900_000 + index, "grading_completed", 1,
                        List.of(detail(index * 10 + 3, 1, "dispose"))));
            }
        }
        return listPage(all, page, size, "returns_list");
    }

    private static Object detail(int id, int received, String disposition) {
        return obj("lot", null, "expected_quantity", received, "received_quantity", received,
                "received_at", "2026-03-01T10:00:00+00:00", "type_scoped_id", id, "type", "receive",
                "final_disposition", disposition);
    }

    private Object returnOf(PartnerCell c, int id, String status, int received, List<Object> details) {
        return obj("id", id, "warehouse", c.warehouse().code(), "order_key", null, "store_id", 123456,
                "rma", "RMA-" + id, "tracking_number", null, "tracking_numbers", List.of(), "status", status,
                "return_reason", "reason_changed_mind", "note", null, "created_at", "2026-02-27T10:00:00+00:00",
                "updated_at", "2026-03-01T10:00:00+00:00", "received_at", "2026-03-01T10:00:00+00:00",
                "items", List.of(obj("product", productRef(c), "expected_quantity", received,
                        "received_quantity", received, "receiving_details", details,
                        "desired_action", "received_back_into_inventory")),
                "custom_data", List.of(), "source", "shipmonk");
    }

    /** A {@code {paginator, status, data}} page; {@code wrap} puts the list under that key of {@code data}. */
    private static Response listPage(List<Object> all, int page, int size, String wrap) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int from = Math.min(all.size(), (page - 1) * size);
        List<Object> data = new ArrayList<>(all.subList(from, Math.min(all.size(), from + size)));
        return Response.json(200, obj("paginator", obj("total", all.size(), "pages", pages, "page", page),
                "status", 200, "data", wrap == null ? data : obj(wrap, data)));
    }

    private static int intParam(String raw, int fallback, int min, int max, String name) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw new BadRequest(name + " must be between " + min + " and " + max);
    }

    /** A 400 raised while reading parameters. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
