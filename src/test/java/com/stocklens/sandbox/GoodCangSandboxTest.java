package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.goodcang.GoodCangConfig;
import com.stocklens.connector.goodcang.GoodCangSource;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real GoodCang connector against the sandbox's GoodCang dialect. */
class GoodCangSandboxTest extends RunningSandbox {
    GoodCangSandboxTest() {
        super(2024, Duration.ofHours(30));
    }

    private GoodCangConfig config() {
        return GoodCangConfig.of(server.goodcangBaseUrl(), SandboxCredentials.GOODCANG_APP_KEY,
                SandboxCredentials.GOODCANG_APP_TOKEN);
    }

    private Reading fetch(GoodCangConfig config) throws Exception {
        return new GoodCangSource(new SourceInfo("goodcang:main", SourceKind.WAREHOUSE, Provider.GOODCANG, "GoodCang"),
                config, new FakeTime().factory(), clock).fetch();
    }

    private static Map<String, StockLevel> byKey(Reading reading) {
        return reading.stock().stream()
                .collect(Collectors.toMap(r -> r.sellerSku() + "@" + r.warehouseId(), StockRow::level));
    }

    @Test
    void reportedBucketsEqualTheWorldsTruthAndReturnsAreUnknown() throws Exception {
        Reading reading = fetch(config());

        List<PartnerCell> truth = world.partners().cells(Provider.GOODCANG, now());
        assertThat(truth).isNotEmpty();
        Map<String, StockLevel> rows = byKey(reading);
        assertThat(rows).hasSize(truth.size());
        for (PartnerCell c : truth) {
            StockLevel got = rows.get(c.providerSku() + "@" + Warehouse.idOf(Provider.GOODCANG, c.warehouse().code()));
            StockLevel want = c.truth();
            assertThat(got).as(c.providerSku()).isNotNull();
            assertThat(got.onHand()).isEqualTo(want.onHand());
            assertThat(got.available()).isEqualTo(want.available());
            assertThat(got.reserved()).isEqualTo(want.reserved());
            assertThat(got.inTransit()).isEqualTo(want.inTransit());
            assertThat(got.qcHold()).isEqualTo(want.qcHold());
            assertThat(got.frozen()).isEqualTo(want.frozen());
            // not in GoodCang's inventory call: unknown, not 0
            assertThat(got.returnPendingQc()).isNull();
        }
        // get_warehouse lists GoodCang's other warehouses too; only the one holding stock is kept
        assertThat(reading.warehouses()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("goodcang:USEA");
            assertThat(w.market()).isEqualTo(Market.US);
        });
        // barcodes that are GTIN-shaped arrive; GoodCang's own codes do not
        assertThat(reading.skus()).allSatisfy(s -> {
            if (s.codes().barcode() != null) {
                assertThat(s.codes().barcode()).matches("\\d{13}");
            }
        });
        assertThat(reading.requests()).isEqualTo(2);
    }

    @Test
    void pagingEndsByCountWithoutAskingPastTheLastPage() throws Exception {
        int cells = world.partners().cells(Provider.GOODCANG, now()).size();
        Map<String, StockLevel> full = byKey(fetch(config()));

        Reading paged = fetch(config().withPageSize(7));

        assertThat(byKey(paged)).isEqualTo(full);
        assertThat(paged.requests()).isEqualTo(1 + (cells + 6) / 7);
    }

    @Test
    void wrongTokenIsAnAuthenticationError() {
        GoodCangConfig bad = GoodCangConfig.of(server.goodcangBaseUrl(), SandboxCredentials.GOODCANG_APP_KEY, "WRONG");

        assertThatThrownBy(() -> fetch(bad)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void throttlingIsSatOutAndRetried() throws Exception {
        server.faults().next(GoodCangDialect.PREFIX + "/inventory", 2, Fault.HTTP_429);

        Reading reading = fetch(config());

        assertThat(reading.stock()).isNotEmpty();
        assertThat(reading.requests()).isEqualTo(4);
        assertThat(server.requestCount(GoodCangDialect.PREFIX + "/inventory/get_product_inventory")).isEqualTo(3);
    }
}
