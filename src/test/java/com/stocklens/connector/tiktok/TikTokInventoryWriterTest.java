package com.stocklens.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.ItemError;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.LiveSku;
import com.stocklens.connector.tiktok.TikTokInventoryWriter.SkuUpdate;
import com.stocklens.domain.PushRefusal;
import java.io.IOException;
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

/** Update Inventory on the wire (docs/api/tiktok-shop.md §5.5) against MockWebServer and the fixtures. */
class TikTokInventoryWriterTest {
    private static final String SECRET = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";
    private static final String SHOP = "7495123456789012345";
    private static final String CIPHER = "ROW_k3JxZAAAAAB7c1q9uXbN0pQe4TzL";
    private static final String W1 = "7301234567890123401";
    private static final String W2 = "7301234567890123402";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private TikTokInventoryWriter writer;

    @BeforeEach
    void start() throws IOException {
        server.start();
        TikTokClient client = new TikTokClient(TikTokConfig.of(server.url("/").toString(), "6abc123xyz", SECRET,
                "TTP_token"), time.factory(), Clock.fixed(NOW, ZoneOffset.UTC));
        writer = new TikTokInventoryWriter(client);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void enqueueFixture(int code, String fixture) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(Fixtures.read("tiktok/" + fixture)).build());
    }

    private void enqueueJson(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(json).build());
    }

    private void enqueueOk() {
        enqueueJson(200, "{\"code\":0,\"message\":\"Success\",\"request_id\":\"r\",\"data\":{}}");
    }

    private List<RecordedRequest> recorded() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }

    private static SkuUpdate update(String product, String sku, int w1, int w2) {
        Map<String, Integer> q = new LinkedHashMap<>();
        q.put(W1, w1);
        q.put(W2, w2);
        return new SkuUpdate(product, sku, q);
    }

    @Test
    void readsEveryAssignedWarehouseAndTheProductOfEachSku() throws Exception {
        enqueueFixture(200, "shops-authorized.json");
        enqueueFixture(200, "inventory-search.json");

        Map<String, LiveSku> live = writer.current(SHOP, List.of("1729501234567890111", "1729501234567890112"));

        LiveSku socks = live.get("1729501234567890111");
        assertThat(socks.productId()).isEqualTo("1729501234567890101");
        assertThat(socks.sellerSku()).isEqualTo("SOCK-MER-GRY-M");
        assertThat(socks.warehouses()).containsExactly(Map.entry(W1, 120), Map.entry(W2, 30));
        List<RecordedRequest> requests = recorded();
        assertThat(requests.get(1).getUrl().encodedPath()).isEqualTo("/product/202309/inventory/search");
        assertThat(requests.get(1).getUrl().queryParameter("shop_cipher")).isEqualTo(CIPHER);
        assertThat(TikTokClient.MAPPER.readTree(requests.get(1).getBody().utf8()).get("sku_ids")).hasSize(2);
    }

    @Test
    void batchesAreOneProductAndAtMostAHundredSkusEach() {
        List<SkuUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            updates.add(update("P1", "S" + i, i, 1));
        }
        updates.add(3, update("P2", "T0", 5, 5));
        List<List<SkuUpdate>> batches = TikTokInventoryWriter.batches(updates);
        assertThat(batches).extracting(List::size).containsExactly(100, 100, 30, 1);
        assertThat(batches.get(0)).allMatch(u -> u.productId().equals("P1"));
        assertThat(batches.get(3).getFirst().productId()).isEqualTo("P2");
        assertThat(batches.get(2).getLast().skuId()).isEqualTo("S229");
    }

    @Test
    void aWriteListsEveryWarehouseOfEverySkuWithAbsoluteQuantitiesAndIsSigned() throws Exception {
        enqueueFixture(200, "shops-authorized.json");
        enqueueOk();

        List<ItemError> errors = writer.send(SHOP, List.of(update("1729501234567890101", "1729501234567890111", 118, 30),
                update("1729501234567890101", "1729501234567890112", 4, 0)));

        assertThat(errors).isEmpty();
        RecordedRequest write = recorded().get(1);
        assertThat(write.getMethod()).isEqualTo("POST");
        assertThat(write.getUrl().encodedPath()).isEqualTo("/product/202309/products/1729501234567890101/inventory/update");
        assertThat(write.getUrl().queryParameter("shop_cipher")).isEqualTo(CIPHER);
        assertThat(write.getBody().utf8()).isEqualTo("{\"skus\":["
                + "{\"id\":\"1729501234567890111\",\"inventory\":[{\"warehouse_id\":\"" + W1 + "\",\"quantity\":118},"
                + "{\"warehouse_id\":\"" + W2 + "\",\"quantity\":30}]},"
                + "{\"id\":\"1729501234567890112\",\"inventory\":[{\"warehouse_id\":\"" + W1 + "\",\"quantity\":4},"
                + "{\"warehouse_id\":\"" + W2 + "\",\"quantity\":0}]}]}");
        HttpUrl url = write.getUrl();
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            query.put(name, url.queryParameter(name));
        }
        String sign = query.remove("sign");
        assertThat(sign).isEqualTo(TikTokSigner.sign(SECRET, url.encodedPath(), query, write.getBody().toByteArray()));
    }

    @Test
    void partialFailuresInsideACodeZeroAnswerAreReadPerSkuAndWarehouse() throws Exception {
        enqueueFixture(200, "shops-authorized.json");
        enqueueFixture(200, "inventory-update-partial.json");

        List<ItemError> errors = writer.send(SHOP, List.of(update("P", "1729501234567890111", 1, 1),
                update("P", "1729501234567890112", 2, 2), update("P", "1729501234567890113", 3, 3)));

        assertThat(errors).containsExactly(
                new ItemError("1729501234567890112", W1, "12052393",
                        "The inventory is locked by an ongoing promotion and cannot be reduced below 10.",
                        PushRefusal.PROMOTION_LOCKED),
                new ItemError("1729501234567890113", null, "12052901",
                        "The product status does not allow inventory edits.", PushRefusal.PRODUCT_NOT_ACTIVE));
    }

    @Test
    void aServerErrorIsRetriedWithTheSameBytes() throws Exception {
        enqueueFixture(200, "shops-authorized.json");
        enqueueJson(500, "{\"code\":36009003,\"message\":\"Internal error\",\"data\":null}");
        enqueueOk();

        assertThat(writer.send(SHOP, List.of(update("P", "S1", 7, 8)))).isEmpty();

        List<RecordedRequest> writes = recorded().subList(1, 3);
        assertThat(writes.get(0).getBody().utf8()).isEqualTo(writes.get(1).getBody().utf8());
        assertThat(time.sleeps()).isNotEmpty();
    }

    @Test
    void aTemporaryFailureInsideA200IsSentOnceMoreThenGivenUp() throws Exception {
        enqueueFixture(200, "shops-authorized.json");
        enqueueJson(200, "{\"code\":36009003,\"message\":\"Internal error\",\"data\":null}");
        enqueueOk();
        assertThat(writer.send(SHOP, List.of(update("P", "S1", 7, 8)))).isEmpty();

        enqueueJson(200, "{\"code\":36009003,\"message\":\"Internal error\",\"data\":null}");
        enqueueJson(200, "{\"code\":36009003,\"message\":\"Internal error\",\"data\":null}");
        assertThatThrownBy(() -> writer.send(SHOP, List.of(update("P", "S1", 7, 8))))
                .isInstanceOf(TransientSourceException.class);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void theShopsRateLimitIsHonouredByWaitingAndSendingAgain() throws Exception {
        enqueueFixture(200, "shops-authorized.json");
        enqueueFixture(429, "error-rate-limit.json");
        enqueueOk();

        assertThat(writer.send(SHOP, List.of(update("P", "S1", 7, 8)))).isEmpty();

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(time.sleeps()).as("waited before sending again").isNotEmpty();
    }

    @Test
    void aRevokedScopeIsItsOwnFailure() {
        enqueueFixture(200, "shops-authorized.json");
        enqueueJson(200, "{\"code\":105005,\"message\":\"Access denied: the app is missing the required scope.\","
                + "\"data\":null}");
        assertThatThrownBy(() -> writer.send(SHOP, List.of(update("P", "S1", 7, 8))))
                .isInstanceOf(ScopeMissingException.class)
                .hasMessageContaining("105005");
        assertThat(TikTokInventoryWriter.refusalOf("105005")).isEqualTo(PushRefusal.SCOPE_MISSING);
    }

    @Test
    void aQuantityOutOfRangeIsRecognisedByItsWords() {
        assertThat(TikTokInventoryWriter.isQuantityRange(new ItemError("S", W1, "12052006",
                "Invalid quantity: quantity must be between 1 and 99999.", PushRefusal.TIKTOK_REFUSED))).isTrue();
        assertThat(TikTokInventoryWriter.isQuantityRange(new ItemError("S", W1, "12052393",
                "quantity locked by promotion", PushRefusal.PROMOTION_LOCKED))).isFalse();
    }

    @Test
    void moreThanAHundredSkusOrTwoProductsInOneCallIsAProgrammingError() {
        List<SkuUpdate> two = List.of(update("P1", "S1", 1, 1), update("P2", "S2", 1, 1));
        assertThatThrownBy(() -> writer.send(SHOP, two)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsWithoutAnArrayAreNone() throws Exception {
        JsonNode data = TikTokClient.MAPPER.readTree("{}");
        assertThat(TikTokInventoryWriter.errors(data)).isEmpty();
    }
}
