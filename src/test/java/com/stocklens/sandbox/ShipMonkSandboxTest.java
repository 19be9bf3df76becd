package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.shipmonk.ShipMonkConfig;
import com.stocklens.connector.shipmonk.ShipMonkSource;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import com.stocklens.sandbox.PartnerCalls.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ShipMonk dialect, and the real connector against it: every bucket ShipMonk exposes equals the world. */
class ShipMonkSandboxTest extends RunningSandbox {
    ShipMonkSandboxTest() {
        super(2024, Duration.ofHours(50));
    }

    private ShipMonkSource connector(int pageSize) {
        ShipMonkConfig config = ShipMonkConfig.of(server.baseUrl(), SandboxCredentials.SHIPMONK_API_KEY)
                .withPageSize(pageSize)
                .withOverrides(new WarehouseOverrides(Map.of(), Map.of("CA1", "US-West"), Map.of()));
        return new ShipMonkSource(new SourceInfo("shipmonk:main", SourceKind.WAREHOUSE, Provider.SHIPMONK, "ShipMonk"),
                config, new FakeTime().factory(), Clock.fixed(now(), java.time.ZoneOffset.UTC));
    }

    @Test
    void theConnectorReportsTheWorldsTruthForEveryBucket() throws Exception {
        List<PartnerCell> cells = world.partners().cells(Provider.SHIPMONK, now());
        assertThat(cells).hasSizeGreaterThan(50);
        // the world must exercise every derived bucket
        assertThat(cells).anyMatch(c -> c.truth().inTransit() > 0).anyMatch(c -> c.truth().returnPendingQc() > 0)
                .anyMatch(c -> c.truth().qcHold() > 0).anyMatch(c -> c.truth().reserved() > 0)
                .anyMatch(c -> c.truth().frozen() > 0).anyMatch(c -> !c.providerSku().equals(c.sku().sellerSku()));

        Reading reading = connector(7).fetch();

        Map<String, StockLevel> rows = reading.stock().stream()
                .collect(Collectors.toMap(r -> r.sellerSku() + "@" + r.warehouseId(), StockRow::level));
        assertThat(rows).hasSize(cells.size());
        for (PartnerCell c : cells) {
            assertThat(rows.get(c.providerSku() + "@shipmonk:CA1")).as(c.providerSku()).isEqualTo(c.truth());
        }
        Map<String, Sku> skus = reading.skus().stream().collect(Collectors.toMap(Sku::sellerSku, Function.identity()));
        for (PartnerCell c : cells) {
            assertThat(skus.get(c.providerSku()).codes().barcode()).isEqualTo(c.sku().barcode());
        }
        assertThat(reading.warehouses()).containsExactly(new Warehouse("shipmonk:CA1", Provider.SHIPMONK, "CA1",
                "ShipMonk Los Angeles (CA1)", Market.US, "US-West", ZoneId.of("America/Los_Angeles"), null));
        // 1 warehouses + 1 search + ceil(cells / 7) pages + receivings + returns
        assertThat(reading.requests()).isEqualTo(4 + (cells.size() + 6) / 7);
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        PartnerCalls calls = new PartnerCalls(server);
        assertThat(calls.call("GET", "/v1/integrations/warehouses", Map.of("Api-Key", "nope"), null).status())
                .isEqualTo(401);
        assertThat(calls.call("GET", "/v1/integrations/warehouses", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void theSearchCursorWalksAFrozenResultSetToANullNextCursor() throws Exception {
        PartnerCalls calls = new PartnerCalls(server);
        Answer started = calls.shipmonk("POST", "/v1/integrations/products/search", "{}");
        assertThat(started.status()).isEqualTo(200);
        int total = started.json().path("total").asInt();
        String cursor = started.json().path("cursor").asText();
        String firstCursor = cursor;
        clock.advance(Duration.ofMinutes(45));
        Set<Integer> ids = new HashSet<>();
        int pages = 0;
        while (cursor != null) {
            Answer page = calls.shipmonk("GET", "/v1/integrations/products/search/paginate?cursor=" + cursor
                    + "&pageSize=10", null);
            assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
            for (JsonNode p : page.json().path("data")) {
                assertThat(ids.add(p.path("id").asInt())).isTrue();
                JsonNode loc = p.path("inventory").path("locations").get(0);
                assertThat(loc.has("quarantined_quantity")).isTrue();
                assertThat(loc.path("warehouse").path("identifier").asText()).isEqualTo("CA1");
            }
            assertThat(page.json().has("next_cursor")).isTrue();
            cursor = page.json().path("next_cursor").isNull() ? null : page.json().path("next_cursor").asText();
            pages++;
        }
        assertThat(ids).hasSize(total);
        assertThat(pages).isEqualTo((total + 9) / 10);
        clock.advance(Duration.ofMinutes(20));
        assertThat(calls.shipmonk("GET", "/v1/integrations/products/search/paginate?cursor=" + firstCursor, null)
                .status()).as("a cursor lives one hour").isEqualTo(400);
        assertThat(calls.shipmonk("GET", "/v1/integrations/products/search/paginate?cursor=x&pageSize=501", null)
                .status()).isEqualTo(400);
    }

    @Test
    void listsPageWithTheirPaginatorAndRefuseOversizedPages() throws Exception {
        PartnerCalls calls = new PartnerCalls(server);
        Answer first = calls.shipmonk("GET", "/v1/integrations/receivings-list?page=1&pageSize=2", null);
        assertThat(first.json().path("paginator").path("page").asInt()).isEqualTo(1);
        assertThat(first.json().path("paginator").path("pages").asInt()).isGreaterThan(1);
        assertThat(first.json().path("data")).hasSize(2);
        Answer returns = calls.shipmonk("GET", "/v1/integrations/returns-list?page=1&page_size=100", null);
        assertThat(returns.json().path("data").path("returns_list").isArray()).isTrue();
        assertThat(calls.shipmonk("GET", "/v1/integrations/receivings-list?pageSize=101", null).status()).isEqualTo(400);
    }

    @Test
    void a429CarriesRetryAfterAsAnHttpDate() throws Exception {
        server.faults().next("/v1/integrations/warehouses", 1, Fault.HTTP_429);
        Answer a = new PartnerCalls(server).shipmonk("GET", "/v1/integrations/warehouses", null);
        assertThat(a.status()).isEqualTo(429);
        assertThat(ZonedDateTime.parse(a.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull();
    }
}
