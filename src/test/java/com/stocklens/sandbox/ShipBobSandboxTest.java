package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.sandbox.SandboxHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShipBobSandboxTest extends RunningSandbox {
    private static final String V = "/2025-07";

    ShipBobSandboxTest() {
        super(2024, Duration.ofMinutes(45));
    }

    @Test
    void badOrMissingTokenIs401ProblemDetails() throws Exception {
        for (String token : new String[] {"nope", null}) {
            Answer a = http.shipbob(V + "/fulfillment-center", token);
            assertThat(a.status()).isEqualTo(401);
            assertThat(a.json().path("status").asInt()).isEqualTo(401);
            assertThat(a.json().has("type")).isTrue();
            assertThat(a.json().has("title")).isTrue();
            assertThat(a.json().has("detail")).isTrue();
        }
    }

    @Test
    void fulfilmentCentresCarryIanaZones() throws Exception {
        Answer a = http.shipbob(V + "/fulfillment-center");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).extracting(fc -> fc.path("id").asInt()).containsExactly(228, 156, 310);
        assertThat(a.json()).extracting(fc -> fc.path("timezone").asText())
                .containsExactly("America/Los_Angeles", "America/New_York", "Europe/London");
        assertThat(a.json().get(2).path("country").asText()).isEqualTo("GB");
        assertThat(a.json().get(0).has("zip_code")).isTrue();
    }

    @Test
    void locationPagingCoversEveryItemAndLocationOnceWithTheTrueNumbers() throws Exception {
        WorldView v = world.view();
        Map<String, Integer> seen = new HashMap<>();
        String next = "/inventory-level/locations?PageSize=250";
        int pages = 0;
        while (next != null) {
            Answer a = http.shipbob(V + next);
            assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
            for (JsonNode item : a.json().path("items")) {
                SimSku sku = world.skus().get((int) (item.path("inventory_id").asLong() - world.skus().get(0).inventoryId()));
                assertThat(item.path("sku").asText()).isEqualTo(sku.sellerSku());
                for (JsonNode loc : item.path("locations")) {
                    int fc = loc.path("location_id").asInt();
                    seen.merge(sku.sellerSku() + "@" + fc, 1, Integer::sum);
                    CellState c = v.cell(sku.index(), fc);
                    assertThat(loc.path("on_hand_quantity").asInt()).isEqualTo(c.onHand());
                    assertThat(loc.path("fulfillable_quantity").asInt()).isEqualTo(c.available());
                    assertThat(loc.path("committed_quantity").asInt()).isEqualTo(c.reserved());
                    assertThat(loc.path("awaiting_quantity").asInt()).isEqualTo(c.inTransit());
                }
            }
            JsonNode n = a.json().path("next");
            next = n.isNull() ? null : n.asText();
            if (pages == 0) {
                assertThat(a.json().get("first").isNull()).isTrue();
                assertThat(a.json().get("prev").isNull()).isTrue();
                assertThat(next).startsWith("/inventory-level/locations?PageSize=250&Cursor=");
            }
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(900);
        assertThat(seen.values()).containsOnly(1);
    }

    @Test
    void lotPagingSplitsEveryCellsOnHandIntoDatedLots() throws Exception {
        WorldView v = world.view();
        Map<String, Integer> lotUnits = new HashMap<>();
        Map<String, Integer> lotCommitted = new HashMap<>();
        String next = "/inventory-level/lots?PageSize=100";
        int pages = 0;
        while (next != null) {
            Answer a = http.shipbob(V + next);
            assertThat(a.status()).as(a.raw().body()).isEqualTo(200);
            for (JsonNode item : a.json().path("items")) {
                String sku = item.path("sku").asText();
                for (JsonNode lot : item.path("lots")) {
                    assertThat(lot.path("lot_number").asText()).isNotBlank();
                    assertThat(Instant.parse(lot.path("lot_date").asText())).isBefore(v.now().plusSeconds(1));
                    int sum = 0;
                    for (JsonNode loc : lot.path("locations")) {
                        String key = sku + "@" + loc.path("location_id").asInt();
                        lotUnits.merge(key, loc.path("on_hand_quantity").asInt(), Integer::sum);
                        lotCommitted.merge(key, loc.path("committed_quantity").asInt(), Integer::sum);
                        sum += loc.path("on_hand_quantity").asInt();
                    }
                    assertThat(lot.path("on_hand_quantity").asInt()).isEqualTo(sum);
                }
            }
            JsonNode n = a.json().path("next");
            next = n.isNull() ? null : n.asText();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        for (CellState c : v.cells()) {
            String key = c.sellerSku() + "@" + c.fcId();
            assertThat(lotUnits.getOrDefault(key, 0)).as(key).isEqualTo(c.onHand());
            assertThat(lotCommitted.getOrDefault(key, 0)).as(key).isEqualTo(c.reserved());
        }
        assertThat(http.shipbob("/2026-01/inventory-level/lots?PageSize=5").status()).isEqualTo(200);
    }

    @Test
    void smallPagesAndTotalsAgree() throws Exception {
        Set<Long> ids = new HashSet<>();
        String next = "/inventory-level?PageSize=7";
        WorldView v = world.view();
        while (next != null) {
            Answer a = http.shipbob(V + next);
            for (JsonNode item : a.json().path("items")) {
                assertThat(ids.add(item.path("inventory_id").asLong())).isTrue();
                int index = (int) (item.path("inventory_id").asLong() - world.skus().get(0).inventoryId());
                int onHand = List.of(228, 156, 310).stream().mapToInt(fc -> v.cell(index, fc).onHand()).sum();
                assertThat(item.path("total_on_hand_quantity").asInt()).isEqualTo(onHand);
            }
            next = a.json().path("next").isNull() ? null : a.json().path("next").asText();
        }
        assertThat(ids).hasSize(300);
    }

    @Test
    void pageSizeAbove250Is400() throws Exception {
        Answer a = http.shipbob(V + "/inventory-level/locations?PageSize=251");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("status").asInt()).isEqualTo(400);
        assertThat(http.shipbob(V + "/inventory-level/locations?PageSize=2&Cursor=bm90LWpzb24").status()).isEqualTo(400);
    }

    @Test
    void receivingPagesByHeadersAndExplainsQcHoldAndInTransit() throws Exception {
        WorldView v = world.view();
        int expectedTotal = v.wros().size();
        assertThat(expectedTotal).isGreaterThan(4);
        Set<Long> ids = new HashSet<>();
        Map<String, Integer> qc = new HashMap<>();
        String next = "/receiving?Page=1&Limit=3";
        int pages = 0;
        while (next != null) {
            Answer a = http.shipbob(V + next);
            var h = a.raw().headers();
            assertThat(h.firstValue("Page-Number")).hasValue(Integer.toString(pages + 1));
            assertThat(h.firstValue("Page-Size")).hasValue("3");
            assertThat(h.firstValue("Total-Count")).hasValue(Integer.toString(expectedTotal));
            assertThat(h.firstValue("Total-Pages")).hasValue(Integer.toString((expectedTotal + 2) / 3));
            for (JsonNode w : a.json()) {
                assertThat(ids.add(w.path("id").asLong())).isTrue();
                String status = w.path("status").asText();
                assertThat(status).isIn("Awaiting", "Arrived", "PartiallyArrived", "Processing", "Completed");
                for (JsonNode l : w.path("inventory_quantities")) {
                    if (List.of("Arrived", "PartiallyArrived", "Processing").contains(status)) {
                        qc.merge(l.path("sku").asText() + "@" + w.path("fulfillment_center").path("id").asInt(),
                                l.path("received_quantity").asInt() - l.path("stowed_quantity").asInt(),
                                Integer::sum);
                    }
                }
            }
            next = h.firstValue("Next-Page").orElse(null);
            pages++;
        }
        assertThat(ids).hasSize(expectedTotal);
        for (CellState c : v.cells()) {
            assertThat(qc.getOrDefault(c.sellerSku() + "@" + c.fcId(), 0)).isEqualTo(c.qcHold());
        }
    }

    @Test
    void returnsPageByBodyLinksAndExplainReturnsPendingQc() throws Exception {
        clock.advance(Duration.ofMinutes(30));
        WorldView v = world.view();
        Map<String, Integer> pending = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        String next = "/return?Limit=4";
        while (next != null) {
            Answer a = http.shipbob(V + next);
            assertThat(a.status()).isEqualTo(200);
            for (JsonNode r : a.json().path("items")) {
                assertThat(ids.add(r.path("id").asLong())).isTrue();
                String status = r.path("status").asText();
                for (JsonNode l : r.path("inventory")) {
                    int processed = 0;
                    for (JsonNode act : l.path("action_taken")) {
                        processed += act.path("quantity_processed").asInt();
                    }
                    if (status.equals("Arrived") || status.equals("Processing")) {
                        pending.merge(l.path("sku").asText() + "@" + r.path("fulfillment_center").path("id").asInt(),
                                l.path("quantity").asInt() - processed, Integer::sum);
                    }
                }
            }
            next = a.json().path("next").isNull() ? null : a.json().path("next").asText();
        }
        assertThat(ids).hasSize(v.returns().size()).isNotEmpty();
        for (CellState c : v.cells()) {
            assertThat(pending.getOrDefault(c.sellerSku() + "@" + c.fcId(), 0)).isEqualTo(c.returnPendingQc());
        }
    }

    @Test
    void rateLimitIs150CallsPerMinutePerToken() throws Exception {
        for (int i = 0; i < 150; i++) {
            assertThat(http.shipbob(V + "/fulfillment-center").status()).isEqualTo(200);
        }
        Answer limited = http.shipbob(V + "/fulfillment-center");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("statusCode").asInt()).isEqualTo(429);
        String retry = limited.raw().headers().firstValue("x-retry-after").orElseThrow();
        assertThat(Integer.parseInt(retry)).isBetween(1, 60);
        assertThat(limited.json().path("message").asText())
                .isEqualTo("Rate limit is exceeded. Try again in " + retry + " seconds.");
        assertThat(limited.raw().headers().firstValue("x-remaining-calls")).hasValue("0");
        server.setRateLimiting(false);
        assertThat(http.shipbob(V + "/fulfillment-center").status()).isEqualTo(200);
    }
}
