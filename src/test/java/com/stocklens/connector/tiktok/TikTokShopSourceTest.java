package com.stocklens.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.domain.ChannelStock;
import com.stocklens.domain.ChannelWarehouse;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TikTokShopSourceTest {
    private static final String SECRET = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";
    private static final String TOKEN = "TTP_access_token_canary";
    private static final String CIPHER = "ROW_k3JxZAAAAAB7c1q9uXbN0pQe4TzL";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private TikTokShopSource source;

    @BeforeEach
    void start() throws IOException {
        server.start();
        source = source(TikTokConfig.of(server.url("/").toString(), "6abc123xyz", SECRET, TOKEN));
    }

    private TikTokShopSource source(TikTokConfig config) {
        TikTokClient client = new TikTokClient(config, time.factory(), clock);
        return new TikTokShopSource(new SourceInfo("tiktok:main", SourceKind.SHOP, null, "TikTok Shop"), client, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void enqueue(int code, String fixture) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(Fixtures.read("tiktok/" + fixture)).build());
    }

    private void enqueueJson(String json) {
        server.enqueue(new MockResponse.Builder().code(200).body(json).build());
    }

    private List<RecordedRequest> recorded() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }

    private void enqueueHappyPath() {
        enqueue(200, "shops-authorized.json");
        enqueue(200, "warehouses.json");
        enqueue(200, "products-search-page1.json");
        enqueue(200, "products-search-page2.json");
        enqueue(200, "inventory-search.json");
    }

    @Test
    void readsShopsWarehousesAllProductPagesAndInventory() throws Exception {
        enqueueHappyPath();

        Reading reading = source.fetch();

        assertThat(reading.takenAt()).isEqualTo(NOW);
        assertThat(reading.requests()).isEqualTo(5);
        assertThat(reading.channelWarehouses()).containsExactly(
                new ChannelWarehouse("7495123456789012345", "7301234567890123401", "Manchester DC", "GB", true, false),
                new ChannelWarehouse("7495123456789012345", "7301234567890123402", "Leeds Overflow", "GB", false, false),
                new ChannelWarehouse("7495123456789012345", "7301234567890123403", "Manchester DC Returns", "GB", false, true));
        assertThat(reading.skus()).extracting(s -> s.sellerSku())
                .containsExactly("SOCK-MER-GRY-M", "SOCK-MER-GRY-L", "TOWEL-LIN-3PK", "MUG-ENA-WHT", "MUG-ENA-BLK");
        assertThat(reading.skus().get(0).codes().tiktokSkuId()).isEqualTo("1729501234567890111");
        assertThat(reading.skus().get(0).name()).isEqualTo("Merino Wool Crew Socks");
        assertThat(reading.channelStock()).containsExactly(
                new ChannelStock("7495123456789012345", "SOCK-MER-GRY-M", "1729501234567890111", "7301234567890123401", 120, 5),
                new ChannelStock("7495123456789012345", "SOCK-MER-GRY-M", "1729501234567890111", "7301234567890123402", 30, 1),
                new ChannelStock("7495123456789012345", "SOCK-MER-GRY-L", "1729501234567890112", "7301234567890123401", 4, 2));

        List<RecordedRequest> requests = recorded();
        assertThat(requests).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath()).containsExactly(
                "GET /authorization/202309/shops",
                "GET /logistics/202309/warehouses",
                "POST /product/202309/products/search",
                "POST /product/202309/products/search",
                "POST /product/202309/inventory/search");
        assertThat(requests.get(0).getUrl().queryParameter("shop_cipher")).isNull();
        for (RecordedRequest r : requests.subList(1, 5)) {
            assertThat(r.getUrl().queryParameter("shop_cipher")).isEqualTo(CIPHER);
        }
        for (RecordedRequest r : requests) {
            assertThat(r.getHeaders().get("x-tts-access-token")).isEqualTo(TOKEN);
            assertThat(r.getHeaders().get("content-type")).startsWith("application/json");
            assertThat(r.getUrl().queryParameter("app_key")).isEqualTo("6abc123xyz");
            assertThat(r.getUrl().queryParameter("access_token")).isNull();
        }
        assertThat(requests.get(2).getUrl().queryParameter("page_size")).isEqualTo("100");
        assertThat(requests.get(2).getUrl().queryParameter("page_token")).isNull();
        assertThat(requests.get(2).getBody().utf8()).isEqualTo("{}");
        assertThat(requests.get(3).getUrl().queryParameter("page_token")).isEqualTo("b2Zmc2V0PTI=");
        JsonNode inventoryBody = TikTokClient.MAPPER.readTree(requests.get(4).getBody().utf8());
        assertThat(inventoryBody.get("sku_ids")).hasSize(5);
        assertThat(inventoryBody.get("sku_ids").get(0).asText()).isEqualTo("1729501234567890111");
    }

    @Test
    void everyRequestIsSignedOverItsPathQueryAndExactBody() throws Exception {
        enqueueHappyPath();
        source.fetch();

        for (RecordedRequest r : recorded()) {
            HttpUrl url = r.getUrl();
            Map<String, String> query = new LinkedHashMap<>();
            for (String name : url.queryParameterNames()) {
                query.put(name, url.queryParameter(name));
            }
            assertThat(query.get("timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
            String sent = query.remove("sign");
            byte[] body = r.getBody() == null || r.getBody().size() == 0 ? null : r.getBody().toByteArray();
            assertThat(sent).as(url.encodedPath())
                    .isEqualTo(TikTokSigner.sign(SECRET, url.encodedPath(), query, body))
                    .hasSize(64);
        }
    }

    @Test
    void pageTokenIsSignedDecodedAndSentEncoded() throws Exception {
        enqueue(200, "shops-authorized.json");
        enqueue(200, "warehouses.json");
        enqueueJson("{\"code\":0,\"message\":\"Success\",\"data\":{\"next_page_token\":\"aDU2dHIz/MlFh+ME5C==\","
                + "\"products\":[{\"id\":\"1\",\"title\":\"T\",\"skus\":[{\"id\":\"11\",\"seller_sku\":\"A\"}]}]}}");
        enqueueJson("{\"code\":0,\"message\":\"Success\",\"data\":{\"products\":[]}}");
        enqueueJson("{\"code\":0,\"message\":\"Success\",\"data\":{\"inventory\":[]}}");
        source.fetch();

        RecordedRequest second = recorded().get(3);
        assertThat(second.getTarget()).contains("page_token=aDU2dHIz%2FMlFh%2BME5C%3D%3D");
        assertThat(second.getUrl().queryParameter("page_token")).isEqualTo("aDU2dHIz/MlFh+ME5C==");
    }

    @Test
    void invalidSignatureIsAnAuthenticationErrorAndNotRetried() {
        enqueue(401, "error-invalid-sign.json");
        assertThatThrownBy(() -> source.fetch())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("106001")
                .hasMessageContaining("app secret");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void rateLimitIsRetriedThenSucceeds() throws Exception {
        enqueue(429, "error-rate-limit.json");
        enqueueHappyPath();

        Reading reading = source.fetch();

        assertThat(reading.channelStock()).hasSize(3);
        assertThat(reading.requests()).isEqualTo(6);
        assertThat(time.sleeps()).isNotEmpty();
    }

    @Test
    void rateLimitForeverBecomesRateLimitedAfterBoundedAttempts() {
        for (int i = 0; i < 10; i++) {
            enqueue(429, "error-rate-limit.json");
        }
        assertThatThrownBy(() -> source.fetch()).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("36009002");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void nonJson429IsRateLimitedToo() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
                    .body("<html>Too Many Requests</html>").build());
        }
        assertThatThrownBy(() -> source.fetch()).isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).hasSeconds(2));
    }

    @Test
    void nonJsonSuccessBodyIsMalformed() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>gateway</html>").build());
        assertThatThrownBy(() -> source.fetch()).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void internalErrorCodeIsTransient() {
        enqueueJson("{\"code\":36009003,\"message\":\"Internal error\",\"data\":null,\"request_id\":\"r1\"}");
        assertThatThrownBy(() -> source.fetch()).isInstanceOf(TransientSourceException.class);
    }

    @Test
    void expiredTokenSaysWhatToDo() {
        enqueueJson("{\"code\":105002,\"message\":\"Expired credentials\",\"data\":null}");
        assertThatThrownBy(() -> source.fetch()).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("refresh");
    }

    @Test
    void otherCodesAreApiErrors() {
        enqueueJson("{\"code\":12019109,\"message\":\"bad page size\",\"data\":null,\"request_id\":\"rq\"}");
        assertThatThrownBy(() -> source.fetch()).isInstanceOf(ApiErrorException.class)
                .satisfies(e -> {
                    assertThat(((ApiErrorException) e).code()).isEqualTo("12019109");
                    assertThat(((ApiErrorException) e).requestId()).isEqualTo("rq");
                });
    }

    @Test
    void itemErrorsUnderCodeZeroFailTheWholeRead() {
        enqueue(200, "shops-authorized.json");
        enqueue(200, "warehouses.json");
        enqueue(200, "products-search-page2.json");
        enqueueJson("{\"code\":0,\"message\":\"Success\",\"data\":{\"inventory\":[],\"errors\":[{\"code\":12019022,"
                + "\"message\":\"SKU without valid warehouse\"}]}}");
        assertThatThrownBy(() -> source.fetch()).isInstanceOf(ApiErrorException.class)
                .satisfies(e -> assertThat(((ApiErrorException) e).code()).isEqualTo("12019022"));
    }

    @Test
    void inventoryIsBatchedBy600AndSkusWithoutSellerSkuAreSkipped() throws Exception {
        StringBuilder skus = new StringBuilder();
        for (int i = 0; i < 1300; i++) {
            skus.append(i == 0 ? "" : ",").append("{\"id\":\"").append(900000 + i)
                    .append("\",\"seller_sku\":\"SKU-").append(i).append("\"}");
        }
        skus.append(",{\"id\":\"1\",\"seller_sku\":\"\"}");
        enqueue(200, "shops-authorized.json");
        enqueue(200, "warehouses.json");
        enqueueJson("{\"code\":0,\"message\":\"Success\",\"data\":{\"products\":[{\"id\":\"7\",\"title\":\"Big\","
                + "\"skus\":[" + skus + "]}]}}");
        String inv = "{\"code\":0,\"message\":\"Success\",\"data\":{\"inventory\":[{\"product_id\":\"7\",\"skus\":"
                + "[{\"id\":\"900000\",\"seller_sku\":\"SKU-0\",\"warehouse_inventory\":[{\"warehouse_id\":"
                + "7301234567890123401,\"available_quantity\":\"12\",\"committed_quantity\":3}]}]}]}}";
        enqueueJson(inv);
        enqueueJson("{\"code\":0,\"message\":\"Success\",\"data\":{\"inventory\":[]}}");
        enqueueJson("{\"code\":0,\"message\":\"Success\",\"data\":{\"inventory\":[]}}");

        Reading reading = source.fetch();

        assertThat(reading.skus()).hasSize(1300);
        assertThat(reading.requests()).isEqualTo(6);
        // numbers leniently: a numeric-string quantity and a bare-number warehouse id
        assertThat(reading.channelStock()).containsExactly(
                new ChannelStock("7495123456789012345", "SKU-0", "900000", "7301234567890123401", 12, 3));
        List<RecordedRequest> requests = recorded();
        List<Integer> batchSizes = new ArrayList<>();
        for (RecordedRequest r : requests.subList(3, 6)) {
            assertThat(r.getUrl().encodedPath()).isEqualTo("/product/202309/inventory/search");
            batchSizes.add(TikTokClient.MAPPER.readTree(r.getBody().utf8()).get("sku_ids").size());
        }
        assertThat(batchSizes).containsExactly(600, 600, 100);
    }

    @Test
    void configToStringHidesSecrets() {
        assertThat(TikTokConfig.of("https://h", "k", SECRET, TOKEN).toString())
                .doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void bodyBytesAreSignedAsSent() {
        byte[] body = "{\"sku_ids\":[\"1\"]}".getBytes(StandardCharsets.UTF_8);
        assertThat(TikTokSigner.sign(SECRET, "/p", Map.of("a", "1"), body))
                .isNotEqualTo(TikTokSigner.sign(SECRET, "/p", Map.of("a", "1"), "{}".getBytes(StandardCharsets.UTF_8)));
    }
}
