package com.stocklens.connector.flexport;

import static com.stocklens.connector.Routes.body;
import static com.stocklens.connector.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.AuthenticationException;
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
import com.stocklens.domain.SourceProbe;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlexportSourceTest {
    private static final String TOKEN = "fxp-canary-token";
    private static final Instant NOW = Instant.parse("2025-03-18T09:00:00Z");
    private static final String V = "/logistics/api/2025-03/";

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

    private FlexportSource source() {
        FlexportConfig config = FlexportConfig.of(server.url("/").toString(), TOKEN).withOverrides(new WarehouseOverrides(
                Map.of("network", "7301234567890123401"), Map.of("network", "US-West"), Map.of("network", Market.US)));
        return new FlexportSource(new SourceInfo("flexport:main", SourceKind.WAREHOUSE, Provider.FLEXPORT, "Flexport"),
                config, time.factory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MockResponse fixture(String name) {
        return json(200, "flexport/" + name);
    }

    private void routeHappyPath() {
        routes.on(V + "products?limit=100&offset=0", fixture("products.page1.json"));
        routes.on(V + "products?limit=100&offset=2", fixture("products.empty-page.json"));
        routes.on(V + "products/inventory/all?limit=100&offset=0", fixture("inventory-all.page1.json"));
        routes.on(V + "products/inventory/all?limit=100&offset=2", fixture("inventory-all.empty-page.json"));
    }

    private static Map<String, StockLevel> byKey(Reading reading) {
        return reading.stock().stream()
                .collect(Collectors.toMap(r -> r.sellerSku() + "@" + r.warehouseId(), StockRow::level));
    }

    @Test
    void pagesUntilAnEmptyArrayAndReportsNetworkTotals() throws Exception {
        routeHappyPath();

        Reading reading = source().fetch();

        assertThat(reading.requests()).isEqualTo(4);
        Map<String, StockLevel> rows = byKey(reading);
        // reserved derived: 412 − 371 − 6 = 35; in transit, QC hold and returns are not exposed: unknown
        assertThat(rows.get("TTS-PS-BLK@flexport:network")).isEqualTo(new StockLevel(412, 371, 35, null, null, 6, null));
        assertThat(rows.get("TTS-PS-WHT@flexport:network")).isEqualTo(new StockLevel(96, 60, 36, null, null, 0, null));
        assertThat(reading.stock()).extracting(StockRow::wmsId).containsExactly("DQ7Z3K1PLMX", "DR2HB8WQ0VA");
        assertThat(reading.skus()).extracting(s -> s.codes().barcode()).containsExactly("0810012345678", null);
        assertThat(reading.warehouses()).containsExactly(new Warehouse("flexport:network", Provider.FLEXPORT, "network",
                "Flexport network", Market.US, "US-West", ZoneOffset.UTC, "7301234567890123401"));
        assertThat(routes.seen).allSatisfy(r ->
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void anEmptyAccountHasNoRows() throws Exception {
        routes.on(V + "products?limit=100&offset=0", fixture("products.empty-page.json"));
        routes.on(V + "products/inventory/all?limit=100&offset=0", fixture("inventory-all.empty-page.json"));

        Reading reading = source().fetch();

        assertThat(reading.stock()).isEmpty();
        assertThat(reading.warehouses()).hasSize(1);
        assertThat(reading.requests()).isEqualTo(2);
    }

    @Test
    void aDskuWithoutProductKeepsItsDskuAsSku() throws Exception {
        routeHappyPath();
        routes.replace("GET", V + "products?limit=100&offset=0", fixture("products.empty-page.json"));

        Reading reading = source().fetch();

        assertThat(reading.stock()).extracting(StockRow::sellerSku).containsExactly("DQ7Z3K1PLMX", "DR2HB8WQ0VA");
    }

    @Test
    void probeNamesTheWarehousesBehindTheNetwork() throws Exception {
        routeHappyPath();
        routes.on("POST", V + "products/warehouse", fixture("warehouse-details.response.json"));

        SourceProbe probe = source().probe();

        assertThat(probe.warehouses()).containsExactly("Flexport network (EWR3, LAX1)");
        assertThat(probe.skuCount()).isEqualTo(2);
        assertThat(probe.requests()).isEqualTo(5);
        assertThat(routes.seen.getLast().getBody().utf8()).isEqualTo("{\"logisticsSKUs\":[\"DQ7Z3K1PLMX\",\"DR2HB8WQ0VA\"]}");
    }

    @Test
    void availableByWarehouseIsTheOnlyPerWarehouseFigure() throws Exception {
        routes.on("POST", V + "products/warehouse", fixture("warehouse-details.response.json"));

        Map<String, Map<String, Integer>> split = source().availableByWarehouse(List.of("DQ7Z3K1PLMX"));

        assertThat(split).isEqualTo(Map.of("DQ7Z3K1PLMX", Map.of("LAX1", 240, "EWR3", 131)));
    }

    @Test
    void invalidTokenIsAnAuthenticationErrorWithTheProblemDetail() {
        routes.on(V + "products?limit=100&offset=0", json(401, "flexport/error.401.problem.json"));
        assertThatThrownBy(() -> source().fetch())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("The access token is invalid.")
                .hasMessageNotContaining(TOKEN);
        assertThat(routes.seen).hasSize(1);
    }

    @Test
    void missingScopeNamesTheScope() {
        routes.on(V + "products?limit=100&offset=0", body(403, "{\"type\":\"about:blank\",\"title\":\"Forbidden\","
                + "\"detail\":\"405004 invalid scopes\"}"));
        assertThatThrownBy(() -> source().fetch())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("read_logistics_products")
                .hasMessageContaining("405004");
    }

    @Test
    void lockedAccountNeedsAPerson() {
        routes.on(V + "products?limit=100&offset=0", body(423, "{\"title\":\"Locked\"}"));
        assertThatThrownBy(() -> source().fetch()).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("locked");
    }

    @Test
    void retryAfterSecondsIsHonoured() throws Exception {
        routeHappyPath();
        routes.first("GET", V + "products/inventory/all?limit=100&offset=0",
                body(429, "{\"title\":\"Too Many Requests\"}").newBuilder().addHeader("Retry-After", "3").build());

        Reading reading = source().fetch();

        assertThat(reading.stock()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterHttpDateIsHonouredToo() throws Exception {
        routeHappyPath();
        routes.first("GET", V + "products?limit=100&offset=0", body(429, "{}").newBuilder()
                .addHeader("Retry-After", "Wed, 01 Jan 2025 00:00:12 GMT").build());

        source().fetch();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void rateLimitedForeverCarriesTheHint() {
        routes.on(V + "products?limit=100&offset=0", body(429, "{\"title\":\"Too Many Requests\"}").newBuilder()
                .addHeader("Retry-After", "9").build());
        assertThatThrownBy(() -> source().fetch()).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("Too Many Requests")
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(9)));
    }

    @Test
    void mistypedQuantitiesAreMalformedButNumericStringsAreFine() throws Exception {
        routeHappyPath();
        routes.replace("GET", V + "products/inventory/all?limit=100&offset=0", body(200,
                "[{\"logisticsSku\":\"DQ7Z3K1PLMX\",\"onHand\":\"412\",\"available\":371.0}]"));
        routes.replace("GET", V + "products/inventory/all?limit=100&offset=1", fixture("inventory-all.empty-page.json"));

        StockLevel level = byKey(source().fetch()).get("TTS-PS-BLK@flexport:network");
        // unavailable missing: frozen unknown, reserved cannot be derived
        assertThat(level).isEqualTo(new StockLevel(412, 371, null, null, null, null, null));

        routes.replace("GET", V + "products/inventory/all?limit=100&offset=0", body(200,
                "[{\"logisticsSku\":\"DQ7Z3K1PLMX\",\"onHand\":\"many\",\"available\":1,\"unavailable\":0}]"));
        assertThatThrownBy(() -> source().fetch()).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("onHand");
    }

    @Test
    void configBuildsTheVersionedRootAndHidesTheToken() {
        FlexportConfig c = FlexportConfig.of("https://logistics-api.flexport.com/", TOKEN).withApiVersion(null);
        assertThat(c.apiRoot()).isEqualTo("https://logistics-api.flexport.com/logistics/api/2025-03");
        assertThat(c.toString()).doesNotContain(TOKEN);
    }
}
