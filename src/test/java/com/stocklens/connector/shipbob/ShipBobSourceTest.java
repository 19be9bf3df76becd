package com.stocklens.connector.shipbob;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.domain.Lot;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipBobSourceTest {
    private static final String TOKEN = "pat-canary-token";
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final String V = "/2025-07";

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final Routes routes = new Routes();

    /** Serves queued responses per "path?query"; the last one of a route repeats. */
    private static final class Routes extends Dispatcher {
        final Map<String, Deque<MockResponse>> byTarget = new ConcurrentHashMap<>();
        final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();

        void on(String target, MockResponse... responses) {
            byTarget.computeIfAbsent(target, t -> new ArrayDeque<>()).addAll(List.of(responses));
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            seen.add(request);
            String q = request.getUrl().encodedQuery();
            String target = request.getUrl().encodedPath() + (q == null ? "" : "?" + q);
            Deque<MockResponse> queue = byTarget.get(target);
            if (queue == null || queue.isEmpty()) {
                return new MockResponse.Builder().code(404).body("{\"title\":\"no route " + target + "\"}").build();
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

    private ShipBobConfig config() {
        return ShipBobConfig.of(server.url("/").toString(), TOKEN)
                .withLinks(Map.of("228", "7301234567890123401"), Map.of("228", "US-West"));
    }

    private ShipBobSource source(ShipBobConfig config) {
        return new ShipBobSource(new SourceInfo("shipbob:main", SourceKind.WAREHOUSE, Provider.SHIPBOB, "ShipBob"),
                config, time.factory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MockResponse json(String fixture) {
        return json(200, fixture);
    }

    private static MockResponse json(int code, String fixture) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(Fixtures.read("shipbob/" + fixture)).build();
    }

    private static MockResponse receiving(String fixture, int page, int pages) {
        return json(fixture).newBuilder().addHeader("Page-Number", page).addHeader("Total-Pages", pages).build();
    }

    private void routeHappyPath() {
        routes.on(V + "/fulfillment-center", json("fulfillment-center.json"));
        routes.on(V + "/inventory-level/locations?PageSize=250", json("inventory-level-locations.page1.json"));
        routes.on(V + "/inventory-level/locations?PageSize=2&Cursor=eyJwIjoyLCJzIjoyfQ",
                json("inventory-level-locations.last-page.json"));
        routes.on(V + "/inventory-level/lots?PageSize=250", json("inventory-level-lots.page1.json"));
        routes.on(V + "/inventory-level/lots?PageSize=2&Cursor=eyJwIjoyLCJzIjoyfQ",
                json("inventory-level-lots.last-page.json"));
        routes.on(V + "/receiving?Page=1&Limit=250", receiving("receiving.page1.json", 1, 2));
        routes.on(V + "/receiving?Page=2&Limit=250", receiving("receiving.page2.json", 2, 2));
        routes.on(V + "/return?Limit=250", json("return.page1.json"));
        routes.on(V + "/return?Limit=2&Cursor=2", json("return.last-page.json"));
        routes.on(V + "/inventory?PageSize=250", json("inventory.page1.json"));
    }

    private static Map<String, StockLevel> byKey(Reading reading) {
        return reading.stock().stream()
                .collect(Collectors.toMap(r -> r.sellerSku() + "@" + r.warehouseId(), StockRow::level));
    }

    @Test
    void readsEveryPageAndDerivesQcHoldAndReturns() throws Exception {
        routeHappyPath();

        Reading reading = source(config()).fetch();

        assertThat(reading.takenAt()).isEqualTo(NOW);
        assertThat(reading.requests()).isEqualTo(10);
        Map<String, StockLevel> rows = byKey(reading);
        assertThat(rows).hasSize(4);
        // received − stowed of the Arrived (60) and Processing (5) WROs; the Completed one is ignored
        assertThat(rows.get("TTS-PS-BLK@shipbob:228")).isEqualTo(new StockLevel(340, 320, 20, 1200, 65, null, 0));
        // returns: Arrived 3 − 1 processed, Processing 2; the Completed return is ignored
        assertThat(rows.get("TTS-PS-BLK@shipbob:156")).isEqualTo(new StockLevel(200, 184, 16, 0, 0, null, 4));
        // internal transfer (24) is not inbound stock: inTransit stays awaiting only
        assertThat(rows.get("TTS-PS-WHT@shipbob:228")).isEqualTo(new StockLevel(87, 72, 15, 0, 12, null, 0));
        assertThat(rows.get("TTS-LED-5M@shipbob:156")).isEqualTo(new StockLevel(0, 0, 0, 300, 0, null, 0));
        assertThat(reading.stock()).allSatisfy(r -> assertThat(r.level().frozen()).isNull());
        assertThat(reading.stock()).filteredOn(r -> r.sellerSku().equals("TTS-PS-BLK"))
                .extracting(StockRow::wmsId).containsOnly("20481734");

        assertThat(reading.skus()).extracting(s -> s.sellerSku()).containsExactly("TTS-PS-BLK", "TTS-PS-WHT", "TTS-LED-5M");
        assertThat(reading.skus().get(0).codes().wmsId()).isEqualTo("20481734");
        // Barcodes come from the item master; blank or missing ones stay unknown.
        assertThat(reading.skus()).extracting(s -> s.codes().barcode())
                .containsExactly("5012345678900", null, null);
        assertThat(reading.skus().get(0).name()).isEqualTo("Silicone Phone Stand - Black");

        Map<String, Warehouse> warehouses = reading.warehouses().stream()
                .collect(Collectors.toMap(Warehouse::id, Function.identity()));
        assertThat(warehouses.get("shipbob:228")).isEqualTo(new Warehouse("shipbob:228", Provider.SHIPBOB, "228",
                "Moreno Valley (CA)", Market.US, "US-West", ZoneId.of("America/Los_Angeles"), "7301234567890123401"));
        assertThat(warehouses.get("shipbob:156")).isEqualTo(new Warehouse("shipbob:156", Provider.SHIPBOB, "156",
                "Bethlehem (PA)", Market.US, "PA", ZoneId.of("America/New_York"), null));

        assertThat(routes.seen).allSatisfy(r ->
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void lotsAreReadAcrossPagesAndDatedInTheFcsZone() throws Exception {
        routeHappyPath();

        Reading reading = source(config()).fetch();

        // 2024-01-15T00:00Z is still the 14th in Moreno Valley and in Bethlehem; no offset = the date as written;
        // the undated lot and the SKU without lots give nothing.
        assertThat(reading.lots()).containsExactlyInAnyOrder(
                new Lot("TTS-PS-BLK", "shipbob:228", LocalDate.of(2024, 1, 14), 300, Lot.LotSource.PROVIDER),
                new Lot("TTS-PS-BLK", "shipbob:156", LocalDate.of(2024, 1, 14), 200, Lot.LotSource.PROVIDER),
                new Lot("TTS-PS-BLK", "shipbob:228", LocalDate.of(2025, 2, 20), 40, Lot.LotSource.PROVIDER),
                new Lot("TTS-PS-WHT", "shipbob:228", LocalDate.of(2025, 1, 5), 37, Lot.LotSource.PROVIDER));
    }

    @Test
    void anAccountWithoutTheLotsEndpointHasNoLots() throws Exception {
        routeHappyPath();
        routes.byTarget.remove(V + "/inventory-level/lots?PageSize=250");

        Reading reading = source(config()).fetch();

        assertThat(reading.lots()).isEmpty();
        assertThat(reading.stock()).hasSize(4);
    }

    @Test
    void lotDatesReadWithOrWithoutOffset() {
        ZoneId la = ZoneId.of("America/Los_Angeles");
        assertThat(ShipBobSource.receivedOn("2025-03-01T07:59:00Z", la)).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(ShipBobSource.receivedOn("2025-03-01T08:00:00Z", la)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(ShipBobSource.receivedOn("2025-03-01T00:00:00", la)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(ShipBobSource.receivedOn("2025-03-01", la)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(ShipBobSource.receivedOn(null, la)).isNull();
        assertThat(ShipBobSource.receivedOn("soon", la)).isNull();
    }

    @Test
    void rateLimitWaitsForXRetryAfterThenSucceeds() throws Exception {
        routeHappyPath();
        routes.byTarget.get(V + "/fulfillment-center").addFirst(json(429, "error.429.json").newBuilder()
                .addHeader("x-retry-after", "25").addHeader("x-remaining-calls", "0").build());

        Reading reading = source(config()).fetch();

        assertThat(reading.stock()).hasSize(4);
        assertThat(reading.requests()).isEqualTo(11);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(25));
    }

    @Test
    void rateLimitForeverEndsInRateLimitedWithTheHint() {
        routes.on(V + "/fulfillment-center", json(429, "error.429.json").newBuilder()
                .addHeader("x-retry-after", "25").build());
        assertThatThrownBy(() -> source(config()).fetch())
                .isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("Rate limit is exceeded")
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(25)));
        assertThat(routes.seen).hasSize(4);
    }

    @Test
    void unauthorizedProblemDetailsIsAnAuthenticationError() {
        routes.on(V + "/fulfillment-center", new MockResponse.Builder().code(401)
                .addHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"The token is invalid\"}").build());
        assertThatThrownBy(() -> source(config()).fetch())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Unauthorized")
                .hasMessageContaining("The token is invalid")
                .hasMessageNotContaining(TOKEN);
        assertThat(routes.seen).hasSize(1);
    }

    @Test
    void receivingFollowsTheNextPageHeader() throws Exception {
        routeHappyPath();
        routes.byTarget.remove(V + "/receiving?Page=1&Limit=250");
        routes.on(V + "/receiving?Page=1&Limit=250", json("receiving.page1.json").newBuilder()
                .addHeader("Next-Page", "/2025-07/receiving?Page=2&Limit=250").build());
        routes.byTarget.remove(V + "/receiving?Page=2&Limit=250");
        routes.on(V + "/receiving?Page=2&Limit=250", json("receiving.page2.json"));

        Reading reading = source(config()).fetch();

        assertThat(byKey(reading).get("TTS-PS-BLK@shipbob:228").qcHold()).isEqualTo(65);
    }

    @Test
    void legacyVersionReadsTheBareArrayAndMapsToTheSameLevels() throws Exception {
        routes.on("/1.0/fulfillmentCenter", json("fulfillment-center.json"));
        routes.on("/1.0/inventory?Page=1&Limit=250", json("inventory-1.0.page1.json"));
        routes.on("/1.0/receiving?Page=1&Limit=250", new MockResponse.Builder().code(200).body("[]").build());

        Reading reading = source(config().withApiVersion("1.0")).fetch();

        Map<String, StockLevel> rows = byKey(reading);
        assertThat(rows.get("TTS-PS-BLK@shipbob:228")).isEqualTo(new StockLevel(340, 320, 20, 1200, 0, null, null));
        assertThat(rows.get("TTS-PS-BLK@shipbob:156")).isEqualTo(new StockLevel(200, 184, 16, 0, 0, null, null));
        assertThat(reading.requests()).isEqualTo(3);
    }

    @Test
    void legacyPagesUntilAShortPage() throws Exception {
        routes.on("/1.0/fulfillmentCenter", json("fulfillment-center.json"));
        routes.on("/1.0/inventory?Page=1&Limit=1", json("inventory-1.0.page1.json"));
        routes.on("/1.0/inventory?Page=2&Limit=1", new MockResponse.Builder().code(200).body("[]").build());
        routes.on("/1.0/receiving?Page=1&Limit=1", new MockResponse.Builder().code(200).body("[]").build());

        Reading reading = source(config().withApiVersion("1.0").withPageSize(1)).fetch();

        assertThat(reading.stock()).hasSize(2);
        assertThat(reading.requests()).isEqualTo(4);
    }

    @Test
    void bothVersionSpellingsGiveTheSameLevel() throws Exception {
        StockLevel current = ShipBobSource.levelOf(new ShipBobDtos.Location("228", "MV", n(340), n(20), n(320),
                n(1200), n(7)), "TTS-1");
        StockLevel legacy = ShipBobSource.levelOf(
                new ShipBobLegacyInventory.FcQuantity("228", "MV", n(320), n(340), n(20), n(1200), n(7)), "TTS-1");
        assertThat(legacy).isEqualTo(current).isEqualTo(new StockLevel(340, 320, 20, 1200, null, null, null));
        assertThat(current.frozen()).isNull();
    }

    private static JsonNode n(int value) {
        return IntNode.valueOf(value);
    }

    @Test
    void pagingLinksResolveAgainstHostOrVersion() {
        ShipBobSource s = source(ShipBobConfig.of("https://api.shipbob.com", TOKEN));
        assertThat(s.resolve("/inventory-level?PageSize=2&Cursor=abc").toString())
                .isEqualTo("https://api.shipbob.com/2025-07/inventory-level?PageSize=2&Cursor=abc");
        assertThat(s.resolve("/2026-01/inventory-level?Cursor=x").toString())
                .isEqualTo("https://api.shipbob.com/2026-01/inventory-level?Cursor=x");
        assertThat(s.resolve("/1.0/inventory?Page=2").toString()).isEqualTo("https://api.shipbob.com/1.0/inventory?Page=2");
        assertThat(s.resolve("https://other.example/2025-07/return?Cursor=3").toString())
                .isEqualTo("https://other.example/2025-07/return?Cursor=3");
        assertThat(s.resolve("return?Cursor=3").toString()).isEqualTo("https://api.shipbob.com/2025-07/return?Cursor=3");
    }

    @Test
    void timezonesAcceptIanaAndWindowsNamesWithUtcFallback() {
        assertThat(ShipBobZones.zoneOf("America/Chicago")).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(ShipBobZones.zoneOf("Pacific Standard Time")).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(ShipBobZones.zoneOf("Eastern Daylight Time")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(ShipBobZones.zoneOf("Mars/Olympus")).isEqualTo(ZoneOffset.UTC);
        assertThat(ShipBobZones.zoneOf(null)).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void configToStringHidesTheToken() {
        assertThat(ShipBobConfig.of("https://api.shipbob.com", TOKEN).toString()).doesNotContain(TOKEN);
    }
}
