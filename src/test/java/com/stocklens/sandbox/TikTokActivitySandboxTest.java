package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.sandbox.SandboxHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sandbox's TikTok order and return searches (docs/api/tiktok-shop.md §5.7, §5.8) and the world behind them. */
class TikTokActivitySandboxTest extends RunningSandbox {
    private static final String SHOPS = "/authorization/202309/shops";
    private static final String ORDERS = "/order/202309/orders/search";
    private static final String RETURNS = "/return_refund/202309/returns/search";

    TikTokActivitySandboxTest() {
        super(99, Duration.ofMinutes(20));
    }

    private SimShop shop(String region) {
        return world.shops().stream().filter(s -> s.region().equals(region)).findFirst().orElseThrow();
    }

    private Answer search(String path, SimShop shop, int pageSize, String token, String body) throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("shop_cipher", shop.cipher());
        q.put("page_size", Integer.toString(pageSize));
        q.put("sort_field", "update_time");
        q.put("sort_order", "ASC");
        if (token != null) {
            q.put("page_token", token);
        }
        return http.tiktok("POST", path, q, body, now());
    }

    /** Every id of every page of one search, in page order. */
    private List<String> allIds(String path, SimShop shop, int pageSize, String body, String list, String idField)
            throws Exception {
        // Paging is under test here, not the rate limit: a busy machine must not turn a page into a 429.
        server.setRateLimiting(false);
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            Answer a = search(path, shop, pageSize, token, body);
            assertThat(a.status()).as(a.json().toString()).isEqualTo(200);
            for (JsonNode o : a.json().path("data").path(list)) {
                ids.add(o.path(idField).asText());
            }
            token = a.json().path("data").path("next_page_token").asText("");
        } while (!token.isEmpty());
        return ids;
    }

    @Test
    void pagingCoversEveryOrderExactlyOnce() throws Exception {
        SimShop us = shop("US");
        List<String> ids = allIds(ORDERS, us, 97, "{}", "orders", "id");
        WorldView view = world.view();
        List<String> expected = view.tiktokOrders().stream().filter(o -> o.shopId().equals(us.id()))
                .map(SimOrder::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids).hasSizeGreaterThan(500);
    }

    @Test
    void theUpdateTimeWindowIsHalfOpen() throws Exception {
        SimShop gb = shop("GB");
        long ge = now().minus(Duration.ofDays(5)).getEpochSecond();
        long lt = now().minus(Duration.ofDays(2)).getEpochSecond();
        String body = "{\"update_time_ge\":" + ge + ",\"update_time_lt\":" + lt + "}";
        List<String> ids = allIds(ORDERS, gb, 100, body, "orders", "id");
        WorldView view = world.view();
        List<String> expected = view.tiktokOrders().stream().filter(o -> o.shopId().equals(gb.id()))
                .filter(o -> {
                    long u = o.updateTime(view.now()).getEpochSecond();
                    return u >= ge && u < lt;
                }).map(SimOrder::id).toList();
        assertThat(expected).isNotEmpty();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);

        Answer first = search(ORDERS, gb, 100, null, body);
        for (JsonNode o : first.json().path("data").path("orders")) {
            assertThat(o.path("update_time").asLong()).isBetween(ge, lt - 1);
            assertThat(o.path("line_items").size()).isPositive();
            // ShipBob Manchester, or WINIT Birmingham: partner warehouses ship the UK shop's orders too.
            assertThat(o.path("warehouse_id").asText()).isIn("7301234567890123411", "7301234567890123413");
        }
    }

    @Test
    void ordersHaveOneLineItemPerUnitForTheShopsSkuAndWarehouse() throws Exception {
        SimShop us = shop("US");
        Answer a = search(ORDERS, us, 100, null, "{}");
        // The two ShipBob centres, and the US partner warehouses (ShipMonk, Flexport, GoodCang) that ship orders too.
        Set<String> usWarehouses = Set.of("7301234567890123401", "7301234567890123402", "7301234567890123403",
                "7301234567890123404", "7301234567890123405");
        Map<String, SimOrder> byId = new LinkedHashMap<>();
        world.view().tiktokOrders().forEach(o -> byId.put(o.id(), o));
        for (JsonNode o : a.json().path("data").path("orders")) {
            SimOrder sim = byId.get(o.path("id").asText());
            assertThat(o.path("line_items").size()).isEqualTo(sim.units());
            assertThat(usWarehouses).contains(o.path("warehouse_id").asText());
            JsonNode line = o.path("line_items").get(0);
            SimSku sku = world.skus().get(sim.skuIndex());
            assertThat(line.path("sku_id").asText()).isEqualTo(sku.tiktokSkuIdUs());
            assertThat(line.path("seller_sku").asText()).isEqualTo(sku.sellerSku());
            assertThat(o.path("status").asText()).isIn("AWAITING_SHIPMENT", "IN_TRANSIT", "DELIVERED", "COMPLETED",
                    "CANCELLED");
        }
    }

    @Test
    void pageSizeLimitsSignatureAndCipherAreChecked() throws Exception {
        SimShop us = shop("US");
        assertThat(search(ORDERS, us, 0, null, "{}").status()).isEqualTo(400);
        assertThat(search(ORDERS, us, 101, null, "{}").status()).isEqualTo(400);
        assertThat(search(ORDERS, us, 100, null, "{}").status()).isEqualTo(200);
        assertThat(search(RETURNS, us, 9, null, "{}").code()).isEqualTo(25001001);
        assertThat(search(RETURNS, us, 51, null, "{}").status()).isEqualTo(400);
        assertThat(search(RETURNS, us, 10, null, "{}").status()).isEqualTo(200);

        Map<String, String> q = new LinkedHashMap<>();
        q.put("app_key", SandboxCredentials.TIKTOK_APP_KEY);
        q.put("timestamp", Long.toString(now().getEpochSecond()));
        q.put("shop_cipher", us.cipher());
        q.put("page_size", "10");
        q.put("sign", "0".repeat(64));
        assertThat(http.tiktokRaw("POST", ORDERS, q, "{}", SandboxCredentials.TIKTOK_ACCESS_TOKEN).code())
                .isEqualTo(106001);
        assertThat(http.tiktok("POST", RETURNS, Map.of("page_size", "10"), "{}", now()).code()).isEqualTo(106013);
        assertThat(http.tiktok("GET", SHOPS, Map.of(), null, now()).status()).isEqualTo(200);
    }

    @Test
    void twentyEightDaysOfHistoryCoverMostSkusAndAreRepeatable() {
        WorldView view = world.view();
        List<SimOrder> orders = view.tiktokOrders();
        Instant first = orders.stream().map(SimOrder::createdAt).min(Instant::compareTo).orElseThrow();
        assertThat(first).isBefore(world.epoch().minus(Duration.ofDays(27)));
        long listed = world.skus().stream().filter(SimSku::onTikTok).count();
        long sold = orders.stream().map(SimOrder::skuIndex).distinct().count();
        assertThat(sold).isGreaterThan(listed * 8 / 10);
        assertThat(orders).anyMatch(SimOrder::cancelled);
        // Fast movers sell more than the rest.
        double fast = orders.stream().filter(o -> world.skus().get(o.skuIndex()).fastMover()).count();
        assertThat(fast / orders.size()).isGreaterThan(0.1);

        // Same seed and same start: the same past.
        SimulatedWorld twin = new SimulatedWorld(99, 300, new SandboxClock(world.epoch()));
        assertThat(twin.view().tiktokOrders().subList(0, 200)).isEqualTo(orders.subList(0, 200));
    }

    @Test
    void returnsMirrorTheWarehouseReturnsThroughReceiptAndInspection() throws Exception {
        clock.advance(Duration.ofHours(2));
        WorldView view = world.view();
        Map<Long, SimReturn> shipbob = new LinkedHashMap<>();
        view.returns().forEach(r -> shipbob.put(r.id(), r));
        Set<String> statuses = new HashSet<>();
        for (SimTikTokReturn r : view.tiktokReturns()) {
            String status = r.status(view.now());
            statuses.add(status);
            SimReturn sb = shipbob.get(r.shipbobId());
            if (sb != null) {
                switch (sb.status()) {
                    case "Awaiting Arrival" -> assertThat(status).isIn("AWAITING_BUYER_SHIP", "BUYER_SHIPPED_ITEM");
                    case "Arrived", "Processing" -> assertThat(status).isEqualTo("RETURN_OR_REFUND_REQUEST_SUCCESS");
                    default -> assertThat(status).isIn("RETURN_OR_REFUND_REQUEST_COMPLETE", "REJECT_RECEIVE_PACKAGE");
                }
            }
        }
        assertThat(statuses).contains("BUYER_SHIPPED_ITEM", "RETURN_OR_REFUND_REQUEST_SUCCESS",
                "RETURN_OR_REFUND_REQUEST_COMPLETE");

        SimShop us = shop("US");
        List<String> ids = allIds(RETURNS, us, 10, "{}", "return_orders", "return_id");
        List<String> expected = view.tiktokReturns().stream()
                .filter(r -> r.shopId().equals(us.id()) && !r.lines().isEmpty()).map(SimTikTokReturn::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }
}
