package com.stocklens.connector.goodcang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
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

class GoodCangSourceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "gc-canary-key-51a7";
    private static final String TOKEN = "gc-canary-token-9e2c";
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final String WAREHOUSES = "{\"ask\":\"Success\",\"message\":\"success\",\"data\":["
            + "{\"warehouse_code\":\"USWE\",\"warehouse_name\":\"美西仓库\",\"country_code\":\"US\",\"wp_list\":[]},"
            + "{\"warehouse_code\":\"DEBR\",\"warehouse_name\":\"德国仓库\",\"country_code\":\"DE\",\"wp_list\":[]}]}";
    private static final String PAGE2 = "{\"ask\":\"Success\",\"message\":\"Success\",\"count\":3,\"data\":[{"
            + "\"product_barcode\":\"5012345678900\",\"product_sku\":\"TTS-MUG-01\",\"warehouse_code\":\"USWE\","
            + "\"onway\":0,\"pending\":\"2\",\"sellable\":\"9\",\"unsellable\":null,\"reserved\":1,\"pi_freeze\":\"0\"}]}";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final Routes routes = new Routes();

    /** Serves queued answers per "path" or "path#page"; the last one of a route repeats. */
    private static final class Routes extends Dispatcher {
        final Map<String, Deque<MockResponse>> byKey = new ConcurrentHashMap<>();
        final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();

        void on(String key, MockResponse... responses) {
            byKey.computeIfAbsent(key, t -> new ArrayDeque<>()).addAll(List.of(responses));
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            seen.add(request);
            String key = request.getUrl().encodedPath();
            try {
                JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
                if (body.has("page")) {
                    key += "#" + body.path("page").asInt();
                }
            } catch (IOException e) {
                key += "?";
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

    private GoodCangConfig config() {
        return GoodCangConfig.of(server.url("/public_open").toString(), KEY, TOKEN).withPageSize(2);
    }

    private GoodCangSource source() {
        return new GoodCangSource(new SourceInfo("goodcang:main", SourceKind.WAREHOUSE, Provider.GOODCANG, "GoodCang"),
                config(), time.factory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MockResponse body(int code, String json) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build();
    }

    private static MockResponse fixture(String name) {
        return body(200, Fixtures.read("goodcang/" + name));
    }

    private static final String INV = "/public_open/inventory/get_product_inventory";
    private static final String WH = "/public_open/base_data/get_warehouse";

    private static Map<String, StockLevel> byKey(Reading reading) {
        return reading.stock().stream()
                .collect(Collectors.toMap(r -> r.sellerSku() + "@" + r.warehouseId(), StockRow::level));
    }

    @Test
    void readsPagesUntilCountIsReached() throws Exception {
        routes.on(WH, body(200, WAREHOUSES));
        routes.on(INV + "#1", fixture("get_product_inventory.page1.json"));
        routes.on(INV + "#2", body(200, PAGE2));

        Reading reading = source().fetch();

        // warehouses, page 1, page 2; 2 * 2 >= 3 ends it without asking for page 3
        assertThat(reading.requests()).isEqualTo(3);
        Map<String, StockLevel> rows = byKey(reading);
        assertThat(rows).hasSize(3);
        // on hand derived 1260 + 55 + 7 + 12; frozen 12 + 7; qc hold = pending; returns unknown
        assertThat(rows.get("TTS-PS-BLK@goodcang:USWE")).isEqualTo(new StockLevel(1334, 1260, 55, 800, 40, 19, null));
        assertThat(rows.get("TTS-PS-WHT@goodcang:USWE")).isEqualTo(new StockLevel(3, 0, 3, 0, 0, 0, null));
        // unsellable missing: frozen from pi_freeze alone, on hand from the known parts
        assertThat(rows.get("TTS-MUG-01@goodcang:USWE")).isEqualTo(new StockLevel(10, 9, 1, 0, 2, 0, null));
        assertThat(reading.warehouses()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("goodcang:USWE");
            assertThat(w.name()).isEqualTo("美西仓库");
            assertThat(w.market()).isEqualTo(Market.US);
        });
        StockRow blk = reading.stock().stream().filter(r -> r.sellerSku().equals("TTS-PS-BLK")).findFirst().orElseThrow();
        assertThat(blk.wmsId()).isEqualTo("TTS-PS-BLK");
        Map<String, String> barcodes = reading.skus().stream().filter(s -> s.codes().barcode() != null)
                .collect(Collectors.toMap(s -> s.sellerSku(), s -> s.codes().barcode()));
        // G15056-TTS-PS-BLK is GoodCang's own code, not a barcode
        assertThat(barcodes).containsExactly(Map.entry("TTS-MUG-01", "5012345678900"));
    }

    @Test
    void everyCallCarriesTheKeyAndTokenHeadersAndPagesInTheBody() throws Exception {
        routes.on(WH, body(200, WAREHOUSES));
        routes.on(INV + "#1", fixture("get_product_inventory.page1.json"));
        routes.on(INV + "#2", body(200, PAGE2));

        source().fetch();

        assertThat(routes.seen).hasSize(3).allSatisfy(r -> {
            assertThat(r.getMethod()).isEqualTo("POST");
            assertThat(r.getHeaders().get("app-key")).isEqualTo(KEY);
            assertThat(r.getHeaders().get("app-token")).isEqualTo(TOKEN);
        });
        assertThat(JSON.readTree(routes.seen.get(2).getBody().utf8()))
                .isEqualTo(JSON.readTree("{\"page\":2,\"pageSize\":2}"));
    }

    @Test
    void noDataOnTheNextPageEndsPaging() throws Exception {
        routes.on(WH, body(200, WAREHOUSES));
        routes.on(INV + "#1", fixture("get_product_inventory.page1.json").newBuilder()
                .body(Fixtures.read("goodcang/get_product_inventory.page1.json").replace("\"count\": \"3\"", "\"count\": \"9\""))
                .build());
        routes.on(INV + "#2", fixture("get_product_inventory.no-data.json"));

        Reading reading = source().fetch();

        assertThat(reading.stock()).hasSize(2);
        assertThat(reading.requests()).isEqualTo(3);
    }

    @Test
    void noDataOnPageOneIsAnEmptyReading() throws Exception {
        routes.on(WH, body(200, WAREHOUSES));
        routes.on(INV + "#1", fixture("get_product_inventory.no-data.json"));

        Reading reading = source().fetch();

        assertThat(reading.stock()).isEmpty();
        assertThat(reading.warehouses()).isEmpty();
    }

    @Test
    void http401IsAnAuthenticationErrorWithoutSecrets() {
        routes.on(WH, body(401, Fixtures.read("goodcang/error.auth.json")));

        assertThatThrownBy(() -> source().fetch())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("app key and app token")
                .hasMessageNotContaining(KEY).hasMessageNotContaining(TOKEN);
    }

    @Test
    void anAuthFailureInA200BodyIsAnAuthenticationError() {
        routes.on(WH, fixture("error.auth.json"));

        assertThatThrownBy(() -> source().fetch()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void otherFailuresAreApiErrors() {
        routes.on(WH, body(200, WAREHOUSES));
        routes.on(INV + "#1", body(200, "{\"ask\":\"Failure\",\"message\":\"pageSize 超出范围\","
                + "\"Error\":{\"errCode\":10021,\"errMessage\":\"pageSize 超出范围\"}}"));

        assertThatThrownBy(() -> source().fetch())
                .isInstanceOfSatisfying(ApiErrorException.class, e -> assertThat(e.code()).isEqualTo("10021"))
                .hasMessageContaining("pageSize 超出范围");
    }

    @Test
    void throttling403IsRetriedWithBackoff() throws Exception {
        routes.on(WH, body(403, "{\"ask\":\"Failure\",\"message\":\"too many requests\"}"), body(200, WAREHOUSES));
        routes.on(INV + "#1", fixture("get_product_inventory.no-data.json"));

        Reading reading = source().fetch();

        assertThat(reading.requests()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void persistentThrottlingIsRateLimited() {
        routes.on(WH, body(403, "{\"ask\":\"Failure\",\"message\":\"too many requests\"}"));

        assertThatThrownBy(() -> source().fetch())
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("403");
        assertThat(routes.seen).hasSize(4);
    }

    @Test
    void http429IsRateLimitedAfterRetries() {
        routes.on(WH, new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());

        assertThatThrownBy(() -> source().fetch()).isInstanceOf(RateLimitedException.class);
        assertThat(time.sleeps()).isNotEmpty();
    }

    @Test
    void aCountThatIsNotANumberIsMalformed() {
        routes.on(WH, body(200, WAREHOUSES));
        routes.on(INV + "#1", body(200, "{\"ask\":\"Success\",\"count\":\"1\",\"data\":[{\"product_sku\":\"A\","
                + "\"warehouse_code\":\"USWE\",\"sellable\":\"lots\"}]}"));

        assertThatThrownBy(() -> source().fetch())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("sellable");
    }

    @Test
    void barcodeOnlyWhenShapedLikeAGtin() {
        assertThat(GoodCangSource.barcodeOf("G15056-TTS-PS-BLK")).isNull();
        assertThat(GoodCangSource.barcodeOf("12345678")).isEqualTo("12345678");
        assertThat(GoodCangSource.barcodeOf("012345678905")).isEqualTo("012345678905");
        assertThat(GoodCangSource.barcodeOf("5012345678901")).isEqualTo("5012345678901");
        assertThat(GoodCangSource.barcodeOf("123456789")).isNull();
        assertThat(GoodCangSource.barcodeOf(null)).isNull();
    }

    @Test
    void configToStringHidesSecrets() {
        assertThat(config().toString()).doesNotContain(KEY).doesNotContain(TOKEN);
    }
}
