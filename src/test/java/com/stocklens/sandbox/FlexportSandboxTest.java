package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.flexport.FlexportConfig;
import com.stocklens.connector.flexport.FlexportSource;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.SourceProbe;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.sandbox.PartnerCalls.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Flexport dialect, and the real connector against it: the network totals equal the world, and the
 * buckets Flexport does not expose arrive as unknown, not 0.
 */
class FlexportSandboxTest extends RunningSandbox {
    private static final String V = "/logistics/api/2025-03/";

    FlexportSandboxTest() {
        super(2024, Duration.ofHours(50));
    }

    private FlexportSource connector(FakeTime time) {
        FlexportConfig config = FlexportConfig.of(server.baseUrl(), SandboxCredentials.FLEXPORT_TOKEN)
                .withOverrides(new WarehouseOverrides(Map.of(), Map.of(), Map.of("network", Market.US)));
        return new FlexportSource(new SourceInfo("flexport:main", SourceKind.WAREHOUSE, Provider.FLEXPORT, "Flexport"),
                config, time.factory(), Clock.fixed(now(), ZoneOffset.UTC));
    }

    @Test
    void networkTotalsEqualTheWorldAndUnexposedBucketsAreUnknown() throws Exception {
        List<PartnerCell> cells = world.partners().cells(Provider.FLEXPORT, now());
        assertThat(cells).hasSizeGreaterThan(50);
        assertThat(cells).anyMatch(c -> c.truth().reserved() > 0).anyMatch(c -> c.truth().frozen() > 0)
                .anyMatch(c -> c.truth().inTransit() > 0);
        FakeTime time = new FakeTime();

        Reading reading = connector(time).fetch();

        Map<String, StockLevel> rows = reading.stock().stream()
                .collect(Collectors.toMap(StockRow::sellerSku, StockRow::level));
        assertThat(rows).hasSize(cells.size());
        for (PartnerCell c : cells) {
            StockLevel t = c.truth();
            assertThat(rows.get(c.providerSku())).as(c.providerSku())
                    .isEqualTo(new StockLevel(t.onHand(), t.available(), t.reserved(), null, null, t.frozen(), null));
        }
        assertThat(reading.stock()).allSatisfy(r -> {
            assertThat(r.warehouseId()).isEqualTo("flexport:network");
            assertThat(r.level().inTransit()).isNull();
            assertThat(r.level().qcHold()).isNull();
            assertThat(r.level().returnPendingQc()).isNull();
        });
        Map<String, Sku> skus = reading.skus().stream().collect(Collectors.toMap(Sku::sellerSku, Function.identity()));
        for (PartnerCell c : cells) {
            assertThat(skus.get(c.providerSku()).codes().barcode()).isEqualTo(c.sku().barcode());
        }
        assertThat(reading.warehouses()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("Flexport network");
            assertThat(w.market()).isEqualTo(Market.US);
        });
        assertThat(reading.requests()).isEqualTo(4);
        assertThat(time.sleeps()).isEmpty();
        // RNO1 refuses every 7th request with 503 (the 3rd of the second read): a retry makes the read whole.
        Reading again = connector(time).fetch();
        assertThat(again.requests()).isEqualTo(5);
        assertThat(time.sleeps()).hasSize(1);
        assertThat(again.stock()).isEqualTo(reading.stock());
    }

    @Test
    void probeFindsTheRealWarehouse() throws Exception {
        SourceProbe probe = connector(new FakeTime()).probe();
        assertThat(probe.warehouses()).containsExactly("Flexport network (RNO1)");
    }

    @Test
    void pagesEndWithAnEmptyArrayAndLimitIsCappedAt100() throws Exception {
        PartnerCalls calls = new PartnerCalls(server);
        int total = world.partners().cells(Provider.FLEXPORT, now()).size();
        Answer capped = retryOn503(calls, V + "products/inventory/all?limit=500&offset=0");
        assertThat(capped.json()).hasSize(Math.min(100, total));
        Answer past = retryOn503(calls, V + "products/inventory/all?limit=100&offset=" + total);
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().isArray()).isTrue();
        assertThat(past.json()).isEmpty();
        JsonNode first = retryOn503(calls, V + "products?limit=1&offset=0").json().get(0);
        assertThat(first.path("logisticsSku").asText()).matches("D[0-9A-Z]{10}");
        assertThat(first.has("merchantSku")).isTrue();
    }

    @Test
    void badTokenIsProblemJsonAndTikTokKeepsItsLogisticsPaths() throws Exception {
        PartnerCalls calls = new PartnerCalls(server);
        Answer a = calls.call("GET", V + "products", Map.of("Authorization", "Bearer nope"), null);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.json().path("title").asText()).isEqualTo("Unauthorized");
        assertThat(a.json().has("detail")).isTrue();
        // /logistics/202309/warehouses is TikTok's: it answers with TikTok's envelope, not Flexport's problem
        Answer tiktok = calls.call("GET", "/logistics/202309/warehouses", Map.of(), null);
        assertThat(tiktok.json().has("code")).isTrue();
    }

    @Test
    void a429CarriesRetryAfterSeconds() throws Exception {
        server.faults().next(V + "products", 1, Fault.HTTP_429);
        Answer a = new PartnerCalls(server).flexport("GET", V + "products", null);
        assertThat(a.status()).isEqualTo(429);
        assertThat(Integer.parseInt(a.header("Retry-After"))).isPositive();
    }

    private static Answer retryOn503(PartnerCalls calls, String path) throws Exception {
        Answer a = calls.flexport("GET", path, null);
        return a.status() == 503 ? calls.flexport("GET", path, null) : a;
    }
}
