package com.stocklens.sandbox;

import static com.stocklens.sandbox.Exchange.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.domain.Provider;
import com.stocklens.sandbox.Exchange.Request;
import com.stocklens.sandbox.Exchange.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Flexport Logistics API (docs/api/warehouses.md §5) on loopback under {@code /logistics/api/<version>/}: bearer
 * token, the product list, network inventory and per-warehouse available, paged by
 * {@code limit}/{@code offset} (limit capped at 100) with an empty array after the last page, answered
 * from {@link PartnerStock} cells of {@link Provider#FLEXPORT}.
 *
 * <p>What it reports, as Flexport does: per DSKU {@code onHand} (truth on hand), {@code available},
 * {@code unavailable} (frozen), network-wide only; per warehouse only {@code available}. Nothing about QC
 * hold, returns awaiting QC or allocation, and no listing of inbound shipments. Errors are
 * {@code application/problem+json}; a 429 carries {@code Retry-After} in seconds.
 */
final class FlexportDialect implements Exchange.Dialect {
    static final String PREFIX = "/logistics/api/";
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 20;
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}|unstable");

    private final SimulatedWorld world;
    private final PartnerPacing pacing;

    FlexportDialect(SimulatedWorld world) {
        this.world = world;
        this.pacing = PartnerPacing.of(world, Provider.FLEXPORT);
    }

    static boolean owns(String path) {
        return path.startsWith(PREFIX);
    }

    /** The DSKU Flexport gave a SKU: "D" and ten letters or digits, stable per SKU index. */
    static String logisticsSku(SimSku sku) {
        long x = (sku.index() + 1L) * 0x9E3779B97F4A7C15L;
        String s = Long.toString(Math.abs(x % 3_656_158_440_062_976L), 36).toUpperCase(Locale.ROOT);
        return "D" + "0".repeat(Math.max(0, 10 - s.length())) + s;
    }

    @Override
    public Response handle(Request req) {
        String rest = req.path().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || !VERSION.matcher(rest.substring(0, slash)).matches()) {
            return problem(404, "Not Found", "No such API version.", req.path());
        }
        String auth = req.header("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()).trim() : null;
        if (!SandboxCredentials.FLEXPORT_TOKEN.equals(token)) {
            return problem(401, "Unauthorized", "The access token is invalid.", req.path());
        }
        if (pacing.failsThisOne()) {
            return Response.text(503, "Service Unavailable");
        }
        String resource = rest.substring(slash + 1);
        try {
            return switch (req.method() + " " + resource) {
                case "GET products" -> products(req);
                case "GET products/inventory/all" -> inventory(req);
                case "POST products/warehouse" -> warehouseDetails(req);
                default -> problem(404, "Not Found", "No such resource: " + resource, req.path());
            };
        } catch (BadRequest e) {
            return problem(400, "Bad Request", e.getMessage(), req.path());
        }
    }

    @Override
    public Response fault(Request req, Fault fault) {
        return switch (fault.kind()) {
            case HTTP_500 -> problem(500, "Internal Server Error", "Something went wrong.", req.path());
            case HTTP_429 -> rateLimited(2, req.path());
            case TOKEN_EXPIRED -> problem(401, "Unauthorized", "The access token is invalid.", req.path());
            case API_ERROR -> problem(400, "Bad Request", "The request could not be processed.", req.path());
            default -> throw new IllegalArgumentException("Not a response fault: " + fault);
        };
    }

    static Response rateLimited(int seconds, String instance) {
        Response r = problem(429, "Too Many Requests", "Rate limit exceeded; retry later.", instance);
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.put("Retry-After", Integer.toString(seconds));
        return new Response(429, headers, r.body());
    }

    private List<PartnerCell> cells() {
        return world.partners().cells(Provider.FLEXPORT, world.clock().instant());
    }

    private Response products(Request req) {
        List<Object> all = new ArrayList<>();
        for (PartnerCell c : cells()) {
            all.add(obj("logisticsSku", logisticsSku(c.sku()), "merchantSku", c.providerSku(), "name", c.sku().name(),
                    "barcodes", c.sku().barcode() == null ? List.of() : List.of(c.sku().barcode()),
                    "dimsLocked", true));
        }
        return Response.json(200, slice(all, req));
    }

    private Response inventory(Request req) {
        String pool = req.param("poolName");
        List<Object> all = new ArrayList<>();
        if (pool == null || pool.equals("DEFAULT")) {
            for (PartnerCell c : cells()) {
                all.add(obj("logisticsSku", logisticsSku(c.sku()), "onHand", c.truth().onHand(),
                        "available", c.truth().available(), "unavailable", c.truth().frozen()));
            }
        }
        return Response.json(200, slice(all, req));
    }

    private Response warehouseDetails(Request req) {
        JsonNode body;
        try {
            body = Exchange.JSON.readTree(req.body());
        } catch (IOException e) {
            throw new BadRequest("The body is not JSON.");
        }
        JsonNode skus = body == null ? null : body.get("logisticsSKUs");
        if (skus == null || !skus.isArray()) {
            throw new BadRequest("logisticsSKUs must be an array.");
        }
        Map<String, List<Object>> byDsku = new LinkedHashMap<>();
        for (PartnerCell c : cells()) {
            byDsku.computeIfAbsent(logisticsSku(c.sku()), k -> new ArrayList<>())
                    .add(obj("available", c.truth().available(), "warehouseId", c.warehouse().code()));
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode s : skus) {
            List<Object> details = byDsku.get(s.asText());
            if (details != null) {
                out.add(obj("logisticsSku", s.asText(), "warehouseDetails", details));
            }
        }
        return Response.json(200, out);
    }

    /** limit/offset over a list; past the end an empty array, as Flexport answers. */
    private static List<Object> slice(List<Object> all, Request req) {
        int limit = Math.min(MAX_LIMIT, number(req.param("limit"), DEFAULT_LIMIT, 1, "limit"));
        int offset = number(req.param("offset"), 0, 0, "offset");
        int from = Math.min(all.size(), offset);
        return new ArrayList<>(all.subList(from, Math.min(all.size(), from + limit)));
    }

    private static int number(String raw, int fallback, int min, String name) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(raw);
            if (v >= min && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw new BadRequest(name + " must be a number of at least " + min + ".");
    }

    private static Response problem(int status, String title, String detail, String instance) {
        Response r = Response.json(status, obj("type", "https://logistics-api.flexport.com/logistics/api/2025-03/"
                + "documentation/spec#section/Errors", "title", title, "detail", detail, "instance", instance));
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.put("Content-Type", "application/problem+json");
        headers.put("x-correlation-id", Long.toHexString(Instant.now().toEpochMilli()));
        return new Response(status, headers, r.body());
    }

    /** A 400 raised while reading parameters. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
