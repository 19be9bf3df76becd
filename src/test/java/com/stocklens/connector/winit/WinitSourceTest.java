package com.stocklens.connector.winit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.http.RequestCounter;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WinitSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = WinitSignerTest.TOKEN;
    private static final String CLIENT_SECRET = WinitSignerTest.CLIENT_SECRET;
    /** 10:15:30 in Beijing. */
    private static final Instant NOW = Instant.parse("2025-03-18T02:15:30Z");
    private static final String WAREHOUSES = "{\"code\":0,\"msg\":\"操作成功\",\"data\":[{\"warehouseID\":\"1000069\","
            + "\"warehouseCode\":\"UK0001\",\"warehouseName\":\"英国仓\",\"warehouseAddress\":\"Birmingham\"}]}";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final Routes routes = new Routes();

    /** Serves queued answers per "action" or "action#pageNum"; the last one of a route repeats. */
    private static final class Routes extends Dispatcher {
        final Map<String, Deque<MockResponse>> byKey = new ConcurrentHashMap<>();
        final List<String> bodies = new CopyOnWriteArrayList<>();
        final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();

        void on(String key, MockResponse... responses) {
            byKey.computeIfAbsent(key, t -> new ArrayDeque<>()).addAll(List.of(responses));
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            seen.add(request);
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            bodies.add(body);
            String key;
            try {
                JsonNode root = JSON.readTree(body);
                key = root.path("action").asText();
                if (root.path("data").has("pageNum")) {
                    key += "#" + root.path("data").path("pageNum").asInt();
                }
            } catch (IOException e) {
                key = "?";
            }
            Deque<MockResponse> queue = byKey.get(key);
            if (queue == null || queue.isEmpty()) {
                return new MockResponse.Builder().code(404).body("no route " + key).build();
            }
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(routes);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WinitConfig config() {
        return WinitConfig.of(server.url("/openapi/service").toString(), "seller.demo@example.com", TOKEN,
                "DEMOCLIENTID", CLIENT_SECRET, "SELLERERP").withPageSize(2);
    }

    private WinitSource source(WinitConfig config) {
        return new WinitSource(new SourceInfo("winit:main", SourceKind.WAREHOUSE, Provider.WINIT, "WINIT"), config,
                time.factory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MockResponse body(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
    }

    private static MockResponse fixture(String name) {
        return body(Fixtures.read("winit/" + name));
    }

    private static Map<String, StockLevel> byKey(Reading reading) {
        return reading.stock().stream()
                .collect(Collectors.toMap(r -> r.sellerSku() + "@" + r.warehouseId(), StockRow::level));
    }

    @Test
    void readsBothPagesAndKeepsReturnedStockOutOfTheBuckets() throws Exception {
        routes.on("queryWarehouse", body(WAREHOUSES));
        routes.on("queryWarehouseStorage#1", fixture("queryWarehouseStorage.page1.json"));
        routes.on("queryWarehouseStorage#2", fixture("queryWarehouseStorage.page2.json"));

        Reading reading = source(config()).fetch();

        assertThat(reading.takenAt()).isEqualTo(NOW);
        assertThat(reading.requests()).isEqualTo(3);
        Map<String, StockLevel> rows = byKey(reading);
        assertThat(rows).hasSize(2);
        // on hand, available, reserved, in transit, qc hold unknown, frozen = qtyFrozen 5, returns unknown;
        // the isReturnInventory=Y row of page 2 (8 in stock) is not added
        assertThat(rows.get("TTS-PS-BLK@winit:1000069")).isEqualTo(new StockLevel(460, 420, 35, 600, null, 5, null));
        // frozen = lost-confirming 1 + destruction 3
        assertThat(rows.get("TTS-PS-WHT@winit:1000069")).isEqualTo(new StockLevel(104, 88, 12, 0, null, 4, null));
        StockRow blk = reading.stock().stream().filter(r -> r.sellerSku().equals("TTS-PS-BLK")).findFirst().orElseThrow();
        assertThat(blk.wmsId()).isEqualTo("TTS-PS-BLK");
        Sku sku = reading.skus().stream().filter(s -> s.sellerSku().equals("TTS-PS-BLK")).findFirst().orElseThrow();
        assertThat(sku.codes().barcode()).isEqualTo("290000012345");
        assertThat(sku.codes().wmsId()).isEqualTo("TTS-PS-BLK");
        assertThat(sku.name()).isEqualTo("Silicone Phone Stand - BLACK");
        Warehouse w = reading.warehouses().get(0);
        assertThat(w.id()).isEqualTo("winit:1000069");
        assertThat(w.market()).isEqualTo(Market.GB);
        assertThat(w.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(w.name()).isEqualTo("英国仓");
    }

    @Test
    void everyPageIsSignedOverTheExactDataTextInTheBody() throws Exception {
        routes.on("queryWarehouse", body(WAREHOUSES));
        routes.on("queryWarehouseStorage#1", fixture("queryWarehouseStorage.page1.json"));
        routes.on("queryWarehouseStorage#2", fixture("queryWarehouseStorage.page2.json"));

        source(config()).fetch();

        assertThat(routes.bodies).hasSize(3);
        for (String b : routes.bodies) {
            assertThat(b).doesNotContain("\n").doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET);
            JsonNode root = JSON.readTree(b);
            String dataText = rawData(b);
            Map<String, String> signed = new LinkedHashMap<>();
            for (String k : WinitSigner.SIGNED_KEYS) {
                signed.put(k, k.equals("data") ? dataText : root.path(k).asText());
            }
            assertThat(root.path("timestamp").asText()).isEqualTo("2025-03-18 10:15:30");
            assertThat(root.path("sign").asText()).isEqualTo(WinitSigner.sign(TOKEN, signed));
            assertThat(root.path("client_sign").asText()).isEqualTo(WinitSigner.sign(CLIENT_SECRET, signed));
            assertThat(root.path("client_id").asText()).isEqualTo("DEMOCLIENTID");
        }
        assertThat(rawData(routes.bodies.get(0))).isEqualTo("{}");
        assertThat(rawData(routes.bodies.get(2))).isEqualTo("{\"pageNum\":2,\"pageSize\":2,\"warehouseID\":\"1000069\"}");
        assertThat(routes.seen.get(0).getMethod()).isEqualTo("POST");
        assertThat(routes.seen.get(0).getUrl().encodedPath()).isEqualTo("/openapi/service");
    }

    @Test
    void envelopeMatchesTheReferenceRequest() throws Exception {
        WinitClient client = new WinitClient(WinitConfig.of(server.url("/openapi/service").toString(),
                "seller.demo@example.com", TOKEN, "DEMOCLIENTID0000000000000000000000000000000000", CLIENT_SECRET,
                "SELLERERP"), time.factory(), new RequestCounter(), Clock.fixed(NOW, ZoneOffset.UTC));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("warehouseID", "1000069");
        data.put("pageSize", 100);
        data.put("isActive", "Y");
        data.put("pageNum", 1);

        JsonNode sent = JSON.readTree(client.envelope("queryWarehouseStorage", data));
        JsonNode reference = JSON.readTree(Fixtures.read("winit/queryWarehouseStorage.request.json"));

        assertThat(sent).isEqualTo(reference);
    }

    @Test
    void timestampZoneIsConfigurable() throws Exception {
        WinitClient client = new WinitClient(config().withTimestampZone(ZoneId.of("Europe/London")), time.factory(),
                new RequestCounter(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(JSON.readTree(client.envelope("queryWarehouse", Map.of())).path("timestamp").asText())
                .isEqualTo("2025-03-18 02:15:30");
    }

    @Test
    void signErrorIsAnAuthenticationErrorWithoutSecrets() {
        routes.on("queryWarehouse", fixture("error.sign.json"));

        assertThatThrownBy(() -> source(config()).fetch())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("sign verification failed")
                .hasMessageContaining("Settings")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining(CLIENT_SECRET);
    }

    @Test
    void otherErrorCodesAreApiErrorsWithWinitsMessage() {
        routes.on("queryWarehouse", body(WAREHOUSES));
        routes.on("queryWarehouseStorage#1", body("{\"code\":\"500012\",\"msg\":\"仓库未开通 / warehouse not enabled\",\"data\":null}"));

        assertThatThrownBy(() -> source(config()).fetch())
                .isInstanceOfSatisfying(ApiErrorException.class, e -> assertThat(e.code()).isEqualTo("500012"))
                .hasMessageContaining("warehouse not enabled");
    }

    @Test
    void codeMayBeTheStringZeroAndListASingleObject() throws Exception {
        routes.on("queryWarehouse", body(WAREHOUSES.replace("\"code\":0", "\"code\":\"0\"")));
        routes.on("queryWarehouseStorage#1", body("{\"code\":\"0\",\"msg\":\"操作成功\",\"data\":{\"currentPageSize\":1,"
                + "\"total\":\"1\",\"currentPageNum\":\"1\",\"list\":{\"warehouseID\":\"1000069\",\"productCode\":\"SKU-1\","
                + "\"specification\":\"\",\"merchandiseSerno\":\"\",\"isReturnInventory\":\"N\",\"qtyAvailable\":7,"
                + "\"qtyWaitOut\":\"2\",\"preSaleWaitOutQty\":\"1\",\"inStockQty\":\"9\",\"pipelineInventory\":null,"
                + "\"qtyFrozen\":\"0\"}}}"));

        Reading reading = source(config()).fetch();

        assertThat(reading.requests()).isEqualTo(2);
        // reserved = waiting out 2 + pre-sale 1; in transit null stays unknown; frozen from the one known part
        assertThat(byKey(reading).get("SKU-1@winit:1000069")).isEqualTo(new StockLevel(9, 7, 3, null, null, 0, null));
        assertThat(reading.skus().get(0).codes().barcode()).isNull();
    }

    @Test
    void emptyListEndsPagingAndAnEmptyWarehouseIsLeftOut() throws Exception {
        routes.on("queryWarehouse", body(WAREHOUSES));
        routes.on("queryWarehouseStorage#1", body("{\"code\":0,\"msg\":\"操作成功\",\"data\":{\"currentPageSize\":0,"
                + "\"total\":0,\"currentPageNum\":1,\"list\":[]}}"));

        Reading reading = source(config()).fetch();

        assertThat(reading.stock()).isEmpty();
        assertThat(reading.warehouses()).isEmpty();
        assertThat(reading.requests()).isEqualTo(2);
    }

    @Test
    void aWarehouseNamedInTheSettingsStaysEvenWhenEmpty() throws Exception {
        routes.on("queryWarehouse", body(WAREHOUSES));
        routes.on("queryWarehouseStorage#1", body("{\"code\":0,\"msg\":\"操作成功\",\"data\":{\"total\":0,\"list\":[]}}"));

        Reading reading = source(config().withOverrides(new WarehouseOverrides(Map.of("1000069", "TT-WH-1"),
                Map.of("1000069", "GB-Midlands"), Map.of("1000069", Market.GB)))).fetch();

        assertThat(reading.warehouses()).singleElement().satisfies(w -> {
            assertThat(w.region()).isEqualTo("GB-Midlands");
            assertThat(w.tiktokWarehouseId()).isEqualTo("TT-WH-1");
        });
    }

    @Test
    void oneProductCodeWithSeveralSpecificationsKeepsThemApart() throws Exception {
        routes.on("queryWarehouse", body(WAREHOUSES));
        routes.on("queryWarehouseStorage#1", body("{\"code\":0,\"msg\":\"ok\",\"data\":{\"total\":2,\"currentPageNum\":1,"
                + "\"list\":[{\"productCode\":\"CASE\",\"specification\":\"RED\",\"inStockQty\":\"3\",\"qtyAvailable\":\"3\","
                + "\"qtyWaitOut\":\"0\"},{\"productCode\":\"CASE\",\"specification\":\"BLUE\",\"inStockQty\":\"5\","
                + "\"qtyAvailable\":\"5\",\"qtyWaitOut\":\"0\"}]}}"));

        Map<String, StockLevel> rows = byKey(source(config()).fetch());

        assertThat(rows.keySet()).containsExactlyInAnyOrder("CASE/RED@winit:1000069", "CASE/BLUE@winit:1000069");
        assertThat(rows.get("CASE/BLUE@winit:1000069").onHand()).isEqualTo(5);
    }

    @Test
    void aCountThatIsNotANumberIsMalformed() {
        routes.on("queryWarehouse", body(WAREHOUSES));
        routes.on("queryWarehouseStorage#1", body("{\"code\":0,\"msg\":\"ok\",\"data\":{\"total\":1,\"currentPageNum\":1,"
                + "\"list\":[{\"productCode\":\"X\",\"inStockQty\":\"12a\"}]}}"));

        assertThatThrownBy(() -> source(config()).fetch())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("inStockQty").hasMessageContaining("X");
    }

    @Test
    void serverErrorsAreRetriedByTheSharedPolicy() throws Exception {
        routes.on("queryWarehouse", new MockResponse.Builder().code(503).build(), body(WAREHOUSES));
        routes.on("queryWarehouseStorage#1", fixture("queryWarehouseStorage.page1.json"));
        routes.on("queryWarehouseStorage#2", fixture("queryWarehouseStorage.page2.json"));

        Reading reading = source(config()).fetch();

        assertThat(reading.requests()).isEqualTo(4);
        assertThat(reading.stock()).hasSize(2);
    }

    @Test
    void persistentServerErrorsAreTransient() {
        routes.on("queryWarehouse", new MockResponse.Builder().code(502).build());

        assertThatThrownBy(() -> source(config()).fetch()).isInstanceOf(TransientSourceException.class);
    }

    @Test
    void rateLimitAfterRetriesIsRateLimited() {
        routes.on("queryWarehouse", new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());

        assertThatThrownBy(() -> source(config()).fetch()).isInstanceOf(RateLimitedException.class);
        assertThat(time.sleeps()).isNotEmpty();
    }

    @Test
    void configToStringHidesSecrets() {
        assertThat(config().toString()).doesNotContain(TOKEN).doesNotContain(CLIENT_SECRET).contains("REDACTED");
    }

    /** The raw text of the envelope's top-level {@code data} value. */
    private static String rawData(String body) throws IOException {
        try (var p = JSON.getFactory().createParser(body)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("data")) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    return body.substring(start, (int) p.currentLocation().getCharOffset());
                }
                p.skipChildren();
            }
        }
        throw new AssertionError("no data in " + body);
    }
}
