package com.stocklens.sandbox;

import static com.stocklens.sandbox.Exchange.obj;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.winit.WinitSigner;
import com.stocklens.domain.Provider;
import com.stocklens.sandbox.Exchange.Request;
import com.stocklens.sandbox.Exchange.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * WINIT's open-API gateway on loopback (docs/api/warehouses.md §3): one POST URL, a signed JSON envelope whose
 * {@code sign} and {@code client_sign} are checked against the raw {@code data} text received, the
 * actions {@code queryWarehouse} and {@code queryWarehouseStorage} with WINIT's field names, counts as
 * strings where WINIT sends strings, and {@code pageNum}/{@code pageSize} paging (a page of one row comes
 * back as a single object, WINIT's quirk). Only what WINIT's stock action exposes is reported: no QC
 * hold, no pending returns.
 */
final class WinitDialect implements Exchange.Dialect {
    static final String PATH = "/openapi/service";
    static final int MAX_PAGE_SIZE = 200;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final String SIGN_ERROR_MSG = "签名验证失败 / sign verification failed";

    private final SimulatedWorld world;
    private final PartnerPace pace;

    WinitDialect(SimulatedWorld world) {
        this.world = world;
        this.pace = new PartnerPace(world, Provider.WINIT);
    }

    static boolean owns(String path) {
        return PATH.equals(path);
    }

    @Override
    public Response handle(Request req) {
        Optional<Response> failure = pace.pace();
        if (failure.isPresent()) {
            return failure.get();
        }
        if (!"POST".equals(req.method())) {
            return Response.text(405, "Method Not Allowed");
        }
        String text = new String(req.body(), StandardCharsets.UTF_8);
        JsonNode root;
        String dataText;
        try {
            root = Exchange.JSON.readTree(text);
            dataText = rawField(text, "data");
        } catch (IOException e) {
            return envelope("400", "请求格式错误 / malformed request", null);
        }
        if (root == null || !root.isObject()) {
            return envelope("400", "请求格式错误 / malformed request", null);
        }
        Map<String, String> signed = new LinkedHashMap<>();
        for (String key : WinitSigner.SIGNED_KEYS) {
            signed.put(key, key.equals("data") ? dataText : root.path(key).asText(""));
        }
        boolean ok = SandboxCredentials.WINIT_APP_KEY.equals(signed.get("app_key"))
                && WinitSigner.sign(SandboxCredentials.WINIT_TOKEN, signed).equals(root.path("sign").asText())
                && SandboxCredentials.WINIT_CLIENT_ID.equals(root.path("client_id").asText())
                && WinitSigner.sign(SandboxCredentials.WINIT_CLIENT_SECRET, signed)
                        .equals(root.path("client_sign").asText());
        if (!ok) {
            return Response.json(200, obj("code", 1, "msg", SIGN_ERROR_MSG, "data", null));
        }
        JsonNode data = root.path("data");
        return switch (signed.get("action")) {
            case "queryWarehouse" -> envelope("0", "操作成功", warehouses());
            case "queryWarehouseStorage" -> storage(data);
            default -> envelope("2", "接口不存在 / unknown action " + signed.get("action"), null);
        };
    }

    @Override
    public Response fault(Request req, Fault fault) {
        return switch (fault.kind()) {
            case HTTP_500 -> Response.text(500, "Internal Server Error");
            case HTTP_429 -> Response.json(429, obj("code", "429", "msg", "请求过于频繁 / too many requests", "data", null),
                    Map.of("Retry-After", "1"));
            case TOKEN_EXPIRED -> Response.json(200, obj("code", 1, "msg", "token已失效 / token expired", "data", null));
            case API_ERROR -> Response.json(200, obj("code", "-1", "msg", "系统异常 / system error", "data", null));
            default -> throw new IllegalArgumentException("Not a response fault: " + fault);
        };
    }

    /** {@code code} as WINIT's newer actions send it, a string; queryWarehouseStorage sends a number. */
    private static Response envelope(String code, String msg, Object data) {
        return Response.json(200, obj("code", code, "msg", msg, "data", data));
    }

    private List<Object> warehouses() {
        List<Object> out = new ArrayList<>();
        for (PartnerWarehouse w : world.partners().warehouses(Provider.WINIT)) {
            out.add(obj("warehouseID", w.id(), "warehouseCode", w.code(), "warehouseName", w.name(),
                    "warehouseAddress", w.region() + ", " + Locale.of("", w.market().name()).getDisplayCountry(Locale.ENGLISH)));
        }
        return out;
    }

    private Response storage(JsonNode data) {
        String warehouseId = data.path("warehouseID").asText("");
        PartnerWarehouse warehouse = world.partners().warehouses(Provider.WINIT).stream()
                .filter(w -> w.id().equals(warehouseId)).findFirst().orElse(null);
        if (warehouse == null) {
            return envelope("3", "仓库不存在 / no such warehouse: " + warehouseId, null);
        }
        int pageNum = Math.max(1, data.path("pageNum").asInt(1));
        int pageSize = data.path("pageSize").asInt(DEFAULT_PAGE_SIZE);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            return envelope("4", "pageSize 超出范围 / pageSize must be 1.." + MAX_PAGE_SIZE, null);
        }
        List<PartnerCell> cells = world.partners().cells(warehouse, world.clock().instant());
        int from = (int) Math.min(cells.size(), (long) (pageNum - 1) * pageSize);
        int to = Math.min(cells.size(), from + pageSize);
        List<Object> list = new ArrayList<>();
        for (PartnerCell c : cells.subList(from, to)) {
            list.add(row(c));
        }
        Object listValue = list.size() == 1 ? list.get(0) : list;
        return Response.json(200, obj("code", 0, "msg", "操作成功", "data", obj("currentPageSize", list.size(),
                "total", cells.size(), "currentPageNum", pageNum, "list", listValue)));
    }

    /** One row in WINIT's spelling: strings and numbers as the fixtures have them. */
    private static Object row(PartnerCell c) {
        var t = c.truth();
        int frozen = t.frozen();
        int lostConfirming = frozen / 3;
        String name = c.sku().name();
        int dash = name.lastIndexOf(" - ");
        String spec = dash < 0 ? "" : name.substring(dash + 3).toUpperCase(Locale.ROOT);
        return obj("warehouseID", Long.parseLong(c.warehouse().id()), "warehouseCode", c.warehouse().code(),
                "warehouseName", c.warehouse().name(), "customerCode", "C0012345",
                "productCode", c.providerSku(), "productName", dash < 0 ? name : name.substring(0, dash),
                "specification", spec, "merchandiseSerno", c.sku().barcode(),
                "isActive", "Y", "isReturnInventory", "N",
                "qtyAvailable", Integer.toString(t.available()), "qtyWaitOut", Integer.toString(t.reserved()),
                "preSaleWaitOutQty", 0, "qtyLostConfirming", lostConfirming, "qtyFrozen", frozen - lostConfirming,
                "qtyDestruction", 0, "prohibitFrozenQty", "0", "prohibitUsableQty", 0,
                "inStockQty", Integer.toString(t.onHand()), "pipelineInventory", Integer.toString(t.inTransit()),
                "inventory", Integer.toString(t.onHand()), "reservedInventory", "0", "qtySw", "0",
                "qtyShareStorage", "0", "qtySellHisOut", "0");
    }

    /** The exact text of a top-level field's value as received (what WINIT signs), or "" when absent. */
    static String rawField(String json, String field) throws IOException {
        try (JsonParser p = Exchange.JSON.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(name)) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                    int end = (int) p.currentLocation().getCharOffset();
                    return json.substring(start, end);
                }
                p.skipChildren();
            }
            return "";
        }
    }
}
