package com.stocklens.sandbox;

import static com.stocklens.sandbox.Exchange.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.domain.Provider;
import com.stocklens.sandbox.Exchange.Request;
import com.stocklens.sandbox.Exchange.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GoodCang's open API on loopback (docs/api/warehouses.md §6): {@code app-key} / {@code app-token} headers on
 * every POST (HTTP 401 otherwise, as a calibration note reports), {@code /public_open/base_data/get_warehouse}
 * (all of GoodCang's system warehouses, not only the seller's) and
 * {@code /public_open/inventory/get_product_inventory} paged by {@code page}/{@code pageSize} with a string
 * {@code count}, answering "没有数据" past the last page. Throttling answers HTTP 403. Reports what the
 * real call exposes: no pending returns.
 */
final class GoodCangDialect implements Exchange.Dialect {
    static final String PREFIX = "/public_open";
    static final int MAX_PAGE_SIZE = 200;
    static final String CUSTOMER_CODE = "G15056";

    /** GoodCang warehouses the demo seller does not use; get_warehouse lists them all the same. */
    private static final List<Object> OTHER_WAREHOUSES = List.of(
            obj("warehouse_code", "USWE", "warehouse_name", "美西仓库", "country_code", "US",
                    "wp_list", List.of(obj("code", "USWE_1", "name", "美西物理仓1"))),
            obj("warehouse_code", "UKGF", "warehouse_name", "英国仓库", "country_code", "GB",
                    "wp_list", List.of(obj("code", "UKGF_1", "name", "英国物理仓1"))),
            obj("warehouse_code", "DEBR", "warehouse_name", "德国仓库", "country_code", "DE",
                    "wp_list", List.of(obj("code", "DEBR_1", "name", "德国物理仓1"))));

    private final SimulatedWorld world;
    private final PartnerPace pace;
    private final AtomicLong errorIds = new AtomicLong(0x5B0000);

    GoodCangDialect(SimulatedWorld world) {
        this.world = world;
        this.pace = new PartnerPace(world, Provider.GOODCANG);
    }

    static boolean owns(String path) {
        return path.startsWith(PREFIX + "/");
    }

    @Override
    public Response handle(Request req) {
        Optional<Response> failure = pace.pace();
        if (failure.isPresent()) {
            return failure.get();
        }
        if (!SandboxCredentials.GOODCANG_APP_KEY.equals(req.header("app-key"))
                || !SandboxCredentials.GOODCANG_APP_TOKEN.equals(req.header("app-token"))) {
            return authFailure();
        }
        if (!"POST".equals(req.method())) {
            return Response.text(405, "Method Not Allowed");
        }
        JsonNode body;
        try {
            body = req.body().length == 0 ? Exchange.JSON.createObjectNode() : Exchange.JSON.readTree(req.body());
        } catch (IOException e) {
            return failure("400", "参数格式错误 / malformed JSON");
        }
        return switch (req.path().substring(PREFIX.length())) {
            case "/base_data/get_warehouse" -> Response.json(200, obj("ask", "Success", "message", "success",
                    "data", warehouses()));
            case "/inventory/get_product_inventory" -> inventory(body);
            default -> Response.json(404, obj("ask", "Failure", "message", "接口不存在 / no such API",
                    "Error", obj("errCode", "404", "errMessage", "接口不存在 / no such API")));
        };
    }

    @Override
    public Response fault(Request req, Fault fault) {
        return switch (fault.kind()) {
            case HTTP_500 -> Response.text(500, "Internal Server Error");
            case HTTP_429 -> Response.json(403, obj("ask", "Failure", "message", "请求过于频繁 / too many requests",
                    "Error", obj("errCode", "403", "errMessage", "请求过于频繁 / too many requests")));
            case TOKEN_EXPIRED -> authFailure();
            case API_ERROR -> Response.json(200, obj("ask", "Failure", "message", "系统错误 / system error",
                    "Error", obj("errCode", "50001", "errMessage", "系统错误 / system error")));
            default -> throw new IllegalArgumentException("Not a response fault: " + fault);
        };
    }

    private static Response authFailure() {
        return Response.json(401, obj("ask", "Failure", "message", "app-token or app-key invalid",
                "Error", obj("errCode", "401", "errMessage", "app-token or app-key invalid")));
    }

    private Response failure(String code, String message) {
        return Response.json(200, obj("ask", "Failure", "message", message, "Error", obj("errCode", code,
                "errMessage", message)));
    }

    private List<Object> warehouses() {
        List<Object> out = new ArrayList<>();
        for (PartnerWarehouse w : world.partners().warehouses(Provider.GOODCANG)) {
            out.add(obj("warehouse_code", w.code(), "warehouse_name", w.name(), "country_code", w.market().name(),
                    "wp_list", List.of(obj("code", w.code() + "_1", "name", w.name(),
                            "address", obj("state", w.region(), "city", "", "postcode", "")))));
        }
        out.addAll(OTHER_WAREHOUSES);
        return out;
    }

    private Response inventory(JsonNode body) {
        int page = body.path("page").asInt(0);
        int pageSize = body.path("pageSize").asInt(0);
        if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return failure("400", "page 和 pageSize 必填, pageSize 最大 " + MAX_PAGE_SIZE);
        }
        List<PartnerCell> cells = world.partners().cells(Provider.GOODCANG, world.clock().instant());
        long from = (long) (page - 1) * pageSize;
        if (from >= cells.size()) {
            String msg = "没有数据(ERROR ID 99-" + Long.toString(errorIds.incrementAndGet(), 36).toUpperCase(Locale.ROOT) + ")";
            return failure("400", msg);
        }
        List<Object> data = new ArrayList<>();
        for (PartnerCell c : cells.subList((int) from, (int) Math.min(cells.size(), from + pageSize))) {
            data.add(row(c));
        }
        return Response.json(200, obj("ask", "Success", "message", "Success", "count", Integer.toString(cells.size()),
                "data", data));
    }

    /** One row in GoodCang's spelling, counts mostly strings as the fixture has them. */
    private static Object row(PartnerCell c) {
        var t = c.truth();
        int unsellable = t.frozen() / 2;
        String barcode = c.sku().barcode() != null ? c.sku().barcode() : CUSTOMER_CODE + "-" + c.providerSku();
        return obj("product_barcode", barcode, "product_sku", c.providerSku(), "warehouse_code", c.warehouse().code(),
                "onway", Integer.toString(t.inTransit()), "pending", Integer.toString(t.qcHold()),
                "sellable", Integer.toString(t.available()), "unsellable", Integer.toString(unsellable),
                "reserved", Integer.toString(t.reserved()), "shipped", "0", "sold_shared", "0", "tune_out", 0,
                "tune_in", 0, "product_sales_value", "0.00", "warehouse_desc", c.warehouse().name(), "stocking", 0,
                "pi_no_stock", 0, "pi_freeze", t.frozen() - unsellable);
    }
}
