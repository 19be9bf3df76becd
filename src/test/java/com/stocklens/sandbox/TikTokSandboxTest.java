package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.sandbox.SandboxHttp.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TikTokSandboxTest extends RunningSandbox {
    private static final String SHOPS = "/authorization/202309/shops";
    private static final String WAREHOUSES = "/logistics/202309/warehouses";
    private static final String PRODUCTS = "/product/202309/products/search";
    private static final String INVENTORY = "/product/202309/inventory/search";

    TikTokSandboxTest() {
        super(99, Duration.ofMinutes(20));
    }

    private String cipher(String region) throws Exception {
        Answer a = http.tiktok("GET", SHOPS, Map.of(), null, now());
        for (JsonNode s : a.json().path("data").path("shops")) {
            if (s.path("region").asText().equals(region)) {
                return s.path("cipher").asText();
            }
        }
        throw new AssertionError("no shop in " + region);
    }

    @Test
    void correctlySignedRequestSucceedsWithTheEnvelope() throws Exception {
        Answer a = http.tiktok("GET", SHOPS, Map.of(), null, now());
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.code()).isZero();
        assertThat(a.json().path("message").asText()).isEqualTo("Success");
        assertThat(a.json().path("request_id").asText()).isNotEmpty();
        JsonNode shops = a.json().path("data").path("shops");
        assertThat(shops).as("US, UK, and PH (the Manila partner warehouse's)").hasSize(3);
        assertThat(shops.get(0).path("region").asText()).isEqualTo("US");
        assertThat(shops.get(0).path("seller_type").asText()).isEqualTo("CROSS_BORDER");
        assertThat(shops.get(0).has("cipher")).isTrue();
        assertThat(shops.get(0).has("code")).isTrue();
        assertThat(server.requestCount(SHOPS)).isEqualTo(1);
    }

    @Test
    void wrongSignIs401With106001() throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("app_key", SandboxCredentials.TIKTOK_APP_KEY);
        q.put("timestamp", Long.toString(now().getEpochSecond()));
        q.put("sign", "0".repeat(64));
        Answer a = http.tiktokRaw("GET", SHOPS, q, null, SandboxCredentials.TIKTOK_ACCESS_TOKEN);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.code()).isEqualTo(106001);
        assertThat(a.json().path("message").asText())
                .isEqualTo("Invalid credentials. The 'sign' query parameter is invalid.");
        assertThat(a.json().get("data").isNull()).isTrue();
        assertThat(a.json().path("request_id").asText()).isNotEmpty();
    }

    @Test
    void bodyIsPartOfTheSignature() throws Exception {
        String cipher = cipher("US");
        Map<String, String> q = new LinkedHashMap<>();
        q.put("app_key", SandboxCredentials.TIKTOK_APP_KEY);
        q.put("timestamp", Long.toString(now().getEpochSecond()));
        q.put("shop_cipher", cipher);
        q.put("page_size", "10");
        q.put("sign", com.stocklens.connector.tiktok.TikTokSigner.sign(SandboxCredentials.TIKTOK_APP_SECRET,
                PRODUCTS, q, "{}".getBytes()));
        // Signed "{}" but sends a re-serialised body: the classic 106001 bug of docs/api/tiktok-shop.md §3.
        Answer a = http.tiktokRaw("POST", PRODUCTS, q, "{ }", SandboxCredentials.TIKTOK_ACCESS_TOKEN);
        assertThat(a.code()).isEqualTo(106001);
    }

    @Test
    void staleOrFutureTimestampIs36009004() throws Exception {
        Answer stale = http.tiktok("GET", SHOPS, Map.of(), null, now().minus(Duration.ofMinutes(6)));
        assertThat(stale.code()).isEqualTo(36009004);
        assertThat(stale.json().path("message").asText()).contains("Invalid timestamp");
        Answer future = http.tiktok("GET", SHOPS, Map.of(), null, now().plusSeconds(31));
        assertThat(future.code()).isEqualTo(36009004);
        assertThat(http.tiktok("GET", SHOPS, Map.of(), null, now().minus(Duration.ofMinutes(4))).code()).isZero();
    }

    @Test
    void accessTokenAndAppKeyAreChecked() throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("app_key", SandboxCredentials.TIKTOK_APP_KEY);
        q.put("timestamp", Long.toString(now().getEpochSecond()));
        q.put("sign", com.stocklens.connector.tiktok.TikTokSigner.sign(SandboxCredentials.TIKTOK_APP_SECRET,
                SHOPS, q, null));
        Answer noToken = http.tiktokRaw("GET", SHOPS, q, null, null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo(36009004);
        assertThat(noToken.json().path("message").asText()).contains("invalid access token");
        assertThat(http.tiktokRaw("GET", SHOPS, q, null, "wrong").code()).isEqualTo(36009004);
        q.put("app_key", "other");
        assertThat(http.tiktokRaw("GET", SHOPS, q, null, SandboxCredentials.TIKTOK_ACCESS_TOKEN).code())
                .isEqualTo(36009004);
    }

    @Test
    void shopCipherRequiredOnShopCallsAndForbiddenOnAuthorization() throws Exception {
        Answer missing = http.tiktok("GET", WAREHOUSES, Map.of(), null, now());
        assertThat(missing.code()).isEqualTo(106013);
        Answer unexpected = http.tiktok("GET", SHOPS, Map.of("shop_cipher", cipher("US")), null, now());
        assertThat(unexpected.code()).isEqualTo(36009004);
        assertThat(unexpected.json().path("message").asText()).contains("Unexpected identifier");
    }

    @Test
    void warehousesLinkToTheFulfilmentCentres() throws Exception {
        Answer us = http.tiktok("GET", WAREHOUSES, Map.of("shop_cipher", cipher("US")), null, now());
        assertThat(us.code()).isZero();
        List<String> ids = new ArrayList<>();
        us.json().path("data").path("warehouses").forEach(w -> {
            ids.add(w.path("id").asText());
            assertThat(w.path("address").path("region_code").asText()).isEqualTo("US");
            assertThat(w.path("type").asText()).isEqualTo("SALES_WAREHOUSE");
        });
        assertThat(ids).containsExactly("7301234567890123401", "7301234567890123402");
        Answer gb = http.tiktok("GET", WAREHOUSES, Map.of("shop_cipher", cipher("GB")), null, now());
        assertThat(gb.json().path("data").path("warehouses")).extracting(w -> w.path("type").asText())
                .containsExactly("SALES_WAREHOUSE", "RETURN_WAREHOUSE");
        assertThat(gb.json().path("data").path("warehouses").get(0).path("address").path("region_code").asText())
                .isEqualTo("GB");
    }

    @Test
    void productPagingWalksEveryListedSkuExactlyOnce() throws Exception {
        for (String region : List.of("US", "GB")) {
            String cipher = cipher(region);
            Map<String, Integer> seen = new HashMap<>();
            String token = null;
            int pages = 0;
            int total = -1;
            do {
                Map<String, String> q = new LinkedHashMap<>();
                q.put("shop_cipher", cipher);
                q.put("page_size", "100");
                if (token != null) {
                    q.put("page_token", token);
                }
                Answer a = http.tiktok("POST", PRODUCTS, q, "{}", now());
                assertThat(a.code()).as(a.raw().body()).isZero();
                JsonNode data = a.json().path("data");
                total = data.path("total_count").asInt();
                for (JsonNode p : data.path("products")) {
                    for (JsonNode s : p.path("skus")) {
                        seen.merge(s.path("seller_sku").asText(), 1, Integer::sum);
                        assertThat(s.path("inventory")).hasSize(region.equals("US") ? 2 : 1);
                        assertThat(s.path("price").path("currency").asText())
                                .isEqualTo(region.equals("US") ? "USD" : "GBP");
                    }
                }
                token = data.path("next_page_token").asText();
                pages++;
            } while (!token.isEmpty());
            Set<String> listed = world.skus().stream().filter(SimSku::onTikTok).map(SimSku::sellerSku)
                    .collect(Collectors.toSet());
            assertThat(seen.keySet()).isEqualTo(listed);
            assertThat(seen.values()).containsOnly(1);
            assertThat(pages).isEqualTo((total + 99) / 100).isGreaterThan(1);
        }
    }

    @Test
    void productInventoryQuantityIsTikTokAvailable() throws Exception {
        String cipher = cipher("US");
        Answer a = http.tiktok("POST", PRODUCTS, Map.of("shop_cipher", cipher, "page_size", "5"),
                "{\"status\":\"ACTIVATE\"}", now());
        WorldView v = world.view();
        for (JsonNode p : a.json().path("data").path("products")) {
            assertThat(p.path("status").asText()).isEqualTo("ACTIVATE");
            for (JsonNode s : p.path("skus")) {
                SimSku sku = bySellerSku(s.path("seller_sku").asText());
                assertThat(s.path("id").asText()).isEqualTo(sku.tiktokSkuIdUs());
                assertThat(s.path("inventory").get(0).path("quantity").asInt())
                        .isEqualTo(v.tiktokStock(sku.index(), 228).available());
            }
        }
    }

    @Test
    void pageSizeOutOfRangeIs12019109() throws Exception {
        String cipher = cipher("US");
        assertThat(http.tiktok("POST", PRODUCTS, Map.of("shop_cipher", cipher, "page_size", "101"), "{}", now()).code())
                .isEqualTo(12019109);
        assertThat(http.tiktok("POST", PRODUCTS, Map.of("shop_cipher", cipher, "page_size", "0"), "{}", now()).code())
                .isEqualTo(12019109);
        assertThat(http.tiktok("POST", PRODUCTS, Map.of("shop_cipher", cipher), "{}", now()).code())
                .isEqualTo(12019109);
    }

    @Test
    void inventorySearchMatchesTheWorldIncludingDrift() throws Exception {
        String cipher = cipher("US");
        WorldView v = world.view();
        List<SimSku> listed = world.skus().stream().filter(SimSku::onTikTok).toList();
        String body = SandboxHttp.JSON.writeValueAsString(
                Map.of("sku_ids", listed.stream().map(SimSku::tiktokSkuIdUs).toList()));
        Answer a = http.tiktok("POST", INVENTORY, Map.of("shop_cipher", cipher), body, now());
        assertThat(a.code()).isZero();
        int skus = 0;
        for (JsonNode product : a.json().path("data").path("inventory")) {
            for (JsonNode s : product.path("skus")) {
                skus++;
                SimSku sku = bySellerSku(s.path("seller_sku").asText());
                int total = 0;
                for (JsonNode wi : s.path("warehouse_inventory")) {
                    int fc = wi.path("warehouse_id").asText().endsWith("401") ? 228 : 156;
                    TikTokStock expected = v.tiktokStock(sku.index(), fc);
                    assertThat(wi.path("available_quantity").asInt()).isEqualTo(expected.available());
                    assertThat(wi.path("committed_quantity").asInt()).isEqualTo(expected.committed());
                    total += expected.available();
                }
                assertThat(s.path("total_available_quantity").asInt()).isEqualTo(total);
            }
        }
        assertThat(skus).isEqualTo(listed.size());
        SimProduct p = world.products().get(0);
        Answer byProduct = http.tiktok("POST", INVENTORY, Map.of("shop_cipher", cipher),
                "{\"product_ids\":[\"" + p.productIdUs() + "\"]}", now());
        assertThat(byProduct.json().path("data").path("inventory").get(0).path("product_id").asText())
                .isEqualTo(p.productIdUs());
    }

    @Test
    void inventorySearchOf601SkuIdsIs12019015() throws Exception {
        String ids = IntStream.range(0, 601).mapToObj(i -> "\"" + (1729501234500000000L + i) + "\"")
                .collect(Collectors.joining(",", "{\"sku_ids\":[", "]}"));
        Answer a = http.tiktok("POST", INVENTORY, Map.of("shop_cipher", cipher("US")), ids, now());
        assertThat(a.code()).isEqualTo(12019015);
    }

    @Test
    void moreThan50RequestsASecondOnOnePathAre429() throws Exception {
        int limited = 0;
        for (int i = 0; i < 70; i++) {
            // Unsigned on purpose: the limiter answers before the credential checks, and it is faster.
            Answer a = http.tiktokRaw("GET", SHOPS, Map.of(), null, null);
            if (a.status() == 429) {
                assertThat(a.code()).isEqualTo(36009002);
                limited++;
            }
        }
        assertThat(limited).isPositive();
    }

    private SimSku bySellerSku(String sellerSku) {
        return world.skus().stream().filter(s -> s.sellerSku().equals(sellerSku)).findFirst().orElseThrow();
    }
}
