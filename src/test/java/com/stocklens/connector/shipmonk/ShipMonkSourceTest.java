package com.stocklens.connector.shipmonk;

import static com.stocklens.connector.Routes.body;
import static com.stocklens.connector.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.Routes;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipMonkSourceTest {
    private static final String KEY = "sm-canary-api-key";
    private static final Instant NOW = Instant.parse("2025-03-18T09:00:00Z");
    private static final String P = "/v1/integrations/";
    private static final String CURSOR1 = "c2VhcmNoOjlmMWUyYjQ0LTc3YjAtNGMxZS1hMzZkLTJkYTFjNWI5ZTQ0Mjpwb3M9MA";
    private static final String CURSOR2 = "c2VhcmNoOjlmMWUyYjQ0LTc3YjAtNGMxZS1hMzZkLTJkYTFjNWI5ZTQ0Mjpwb3M9Mg";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final Routes routes = new Routes();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(routes);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ShipMonkSource source() {
        ShipMonkConfig config = ShipMonkConfig.of(server.url("/").toString(), KEY).withOverrides(
                new WarehouseOverrides(Map.of("CA1", "7301234567890123401"), Map.of("CA1", "US-West"), Map.of()));
        return new ShipMonkSource(new SourceInfo("shipmonk:main", SourceKind.WAREHOUSE, Provider.SHIPMONK, "ShipMonk"),
                config, time.factory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MockResponse fixture(String name) {
        return json(200, "shipmonk/" + name);
    }

    private void routeHappyPath() {
        routes.on(P + "warehouses?page=1&pageSize=1000", fixture("warehouses.page1.json"));
        routes.on("POST", P + "products/search", fixture("products-search.response.json"));
        routes.on(P + "products/search/paginate?cursor=" + CURSOR1 + "&pageSize=500",
                fixture("products-search-paginate.page1.json"));
        routes.on(P + "products/search/paginate?cursor=" + CURSOR2 + "&pageSize=500",
                fixture("products-search-paginate.last-page.json"));
        routes.on(P + "receivings-list?page=1&pageSize=100", fixture("receivings-list.page1.json"));
        routes.on(P + "receivings-list?page=2&pageSize=100", fixture("receivings-list.page2.json"));
        routes.on(P + "returns-list?page=1&page_size=100", fixture("returns-list.page1.json"));
    }

    private static Map<String, StockLevel> byKey(Reading reading) {
        return reading.stock().stream()
                .collect(Collectors.toMap(r -> r.sellerSku() + "@" + r.warehouseId(), StockRow::level));
    }

    @Test
    void followsTheCursorToTheEndAndMapsEveryBucket() throws Exception {
        routeHappyPath();

        Reading reading = source().fetch();

        assertThat(reading.takenAt()).isEqualTo(NOW);
        assertThat(reading.requests()).isEqualTo(7);
        Map<String, StockLevel> rows = byKey(reading);
        assertThat(rows).hasSize(4);
        // on hand 190 includes 6 quarantined: on_hand 184, qc 6; reserved = 190 − 164 − 6 − 2 = 18 (derived);
        // inbound: awaiting 100; returns: arrived, 2 received without disposition
        assertThat(rows.get("TTS-PS-BLK@shipmonk:CA1")).isEqualTo(new StockLevel(184, 164, 18, 100, 6, 2, 2));
        // in_progress receiving: 50 expected − 20 received; the graded return at PA2 is ignored
        assertThat(rows.get("TTS-PS-BLK@shipmonk:PA2")).isEqualTo(new StockLevel(106, 92, 12, 30, 4, 2, 0));
        // everything quarantined; the received receiving is ignored; one of two return units still ungraded
        assertThat(rows.get("TTS-PS-WHT@shipmonk:CA1")).isEqualTo(new StockLevel(0, 0, 0, 0, 18, 0, 1));
        // no location yet, but 300 (sent as a string) on the way
        assertThat(rows.get("TTS-LED-5M@shipmonk:CA1")).isEqualTo(new StockLevel(0, 0, 0, 300, 0, 0, 0));

        assertThat(reading.skus()).extracting(s -> s.sellerSku()).containsExactly("TTS-PS-BLK", "TTS-PS-WHT", "TTS-LED-5M");
        assertThat(reading.skus()).extracting(s -> s.codes().barcode()).containsExactly("0810012345678", "0810012345685", null);
        assertThat(reading.skus().get(0).codes().wmsId()).isEqualTo("481920");
        Map<String, Warehouse> warehouses = reading.warehouses().stream()
                .collect(Collectors.toMap(Warehouse::id, Function.identity()));
        assertThat(warehouses.get("shipmonk:CA1")).isEqualTo(new Warehouse("shipmonk:CA1", Provider.SHIPMONK, "CA1",
                "Ontario, CA", Market.US, "US-West", ZoneId.of("America/Los_Angeles"), "7301234567890123401"));
        assertThat(warehouses.get("shipmonk:PA2").zone()).isEqualTo(ZoneId.of("America/New_York"));

        assertThat(routes.seen).allSatisfy(r -> assertThat(r.getHeaders().get("Api-Key")).isEqualTo(KEY));
        assertThat(routes.seen.get(1).getBody().utf8()).contains("\"sort_by\":\"id\"");
    }

    @Test
    void anEmptyStoreHasNoRowsAndNeverPaginates() throws Exception {
        routes.on(P + "warehouses?page=1&pageSize=1000", fixture("warehouses.page1.json"));
        routes.on("POST", P + "products/search", body(200, "{\"total\":0,\"cursor\":null}"));
        routes.on(P + "receivings-list?page=1&pageSize=100",
                body(200, "{\"paginator\":{\"total\":0,\"pages\":0,\"page\":1},\"status\":200,\"data\":[]}"));
        routes.on(P + "returns-list?page=1&page_size=100",
                body(200, "{\"paginator\":{\"total\":0,\"pages\":0,\"page\":1},\"status\":200,\"data\":{\"returns_list\":[]}}"));

        Reading reading = source().fetch();

        assertThat(reading.stock()).isEmpty();
        assertThat(reading.skus()).isEmpty();
        assertThat(reading.warehouses()).hasSize(2);
        assertThat(reading.requests()).isEqualTo(4);
    }

    @Test
    void aRefusedKeyIsAnAuthenticationErrorInPlainWords() {
        routes.on(P + "warehouses?page=1&pageSize=1000", body(401, "{\"message\":\"Unauthorized\"}"));
        assertThatThrownBy(() -> source().fetch())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("refused the API key")
                .hasMessageContaining("Integration API Keys")
                .hasMessageNotContaining(KEY);
        assertThat(routes.seen).hasSize(1);
    }

    @Test
    void forbiddenIsAnAuthenticationErrorToo() {
        routes.on(P + "warehouses?page=1&pageSize=1000", new MockResponse.Builder().code(403).build());
        assertThatThrownBy(() -> source().fetch()).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void retryAfterInSecondsIsHonoured() throws Exception {
        routeHappyPath();
        routes.first("GET", P + "warehouses?page=1&pageSize=1000",
                json(429, "shipmonk/error.429.assumed.json").newBuilder().addHeader("Retry-After", "5").build());

        Reading reading = source().fetch();

        assertThat(reading.stock()).hasSize(4);
        assertThat(reading.requests()).isEqualTo(8);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        routeHappyPath();
        // FakeTime's wall clock stands at 2025-01-01T00:00:00Z.
        routes.first("POST", P + "products/search", json(429, "shipmonk/error.429.assumed.json").newBuilder()
                .addHeader("Retry-After", "Wed, 01 Jan 2025 00:00:30 GMT").build());

        Reading reading = source().fetch();

        assertThat(reading.stock()).hasSize(4);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void rateLimitedForeverEndsInRateLimitedWithTheHint() {
        routes.on(P + "warehouses?page=1&pageSize=1000", json(429, "shipmonk/error.429.assumed.json").newBuilder()
                .addHeader("Retry-After", "Wed, 01 Jan 2025 00:00:20 GMT").build());
        assertThatThrownBy(() -> source().fetch())
                .isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(20)));
        assertThat(routes.seen).hasSize(4);
    }

    @Test
    void aQuantityThatIsNotANumberIsMalformed() {
        routeHappyPath();
        String broken = Fixtures.read("shipmonk/products-search-paginate.page1.json")
                .replace("\"quantity_on_hand\": 190", "\"quantity_on_hand\": \"lots\"");
        routes.replace("GET", P + "products/search/paginate?cursor=" + CURSOR1 + "&pageSize=500", body(200, broken));
        assertThatThrownBy(() -> source().fetch()).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("quantity_on_hand");
    }

    @Test
    void numericStringsAndMissingFieldsAreReadLeniently() throws Exception {
        routeHappyPath();
        String lenient = Fixtures.read("shipmonk/products-search-paginate.page1.json")
                .replace("\"quantity_on_hand\": 190", "\"quantity_on_hand\": \"190\"")
                .replace("\"quantity_unavailable\": 2,\n            \"quantity_by_lot\": [\n              {\n"
                        + "                \"lot\": null,\n                \"quantity_on_hand\": 110",
                        "\"quantity_by_lot\": [\n              {\n"
                        + "                \"lot\": null,\n                \"quantity_on_hand\": 110");
        routes.replace("GET", P + "products/search/paginate?cursor=" + CURSOR1 + "&pageSize=500", body(200, lenient));

        Map<String, StockLevel> rows = byKey(source().fetch());

        assertThat(rows.get("TTS-PS-BLK@shipmonk:CA1").onHand()).isEqualTo(184);
        // PA2 lost quantity_unavailable: frozen unknown, and reserved cannot be derived
        StockLevel pa2 = rows.get("TTS-PS-BLK@shipmonk:PA2");
        assertThat(pa2.frozen()).isNull();
        assertThat(pa2.reserved()).isNull();
        assertThat(pa2.onHand()).isEqualTo(106);
    }

    @Test
    void aRepeatedCursorIsMalformedNotAnEndlessLoop() {
        routeHappyPath();
        routes.replace("GET", P + "products/search/paginate?cursor=" + CURSOR1 + "&pageSize=500",
                body(200, "{\"data\":[],\"total\":3,\"next_cursor\":\"" + CURSOR1 + "\"}"));
        assertThatThrownBy(() -> source().fetch()).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("repeated");
    }

    @Test
    void configToStringHidesTheKey() {
        assertThat(ShipMonkConfig.of("https://api.shipmonk.com", KEY).toString()).doesNotContain(KEY).contains("REDACTED");
    }
}
