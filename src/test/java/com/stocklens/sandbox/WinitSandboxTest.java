package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.winit.WinitConfig;
import com.stocklens.connector.winit.WinitSource;
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

/** The real WINIT connector against the sandbox's WINIT dialect. */
class WinitSandboxTest extends RunningSandbox {
    WinitSandboxTest() {
        super(2024, Duration.ofHours(30));
    }

    private WinitConfig config() {
        return WinitConfig.of(server.winitServiceUrl(), SandboxCredentials.WINIT_APP_KEY, SandboxCredentials.WINIT_TOKEN,
                SandboxCredentials.WINIT_CLIENT_ID, SandboxCredentials.WINIT_CLIENT_SECRET,
                SandboxCredentials.WINIT_PLATFORM);
    }

    private Reading fetch(WinitConfig config) throws Exception {
        return new WinitSource(new SourceInfo("winit:main", SourceKind.WAREHOUSE, Provider.WINIT, "WINIT"), config,
                new FakeTime().factory(), clock).fetch();
    }

    private static Map<String, StockLevel> byKey(Reading reading) {
        return reading.stock().stream()
                .collect(Collectors.toMap(r -> r.sellerSku() + "@" + r.warehouseId(), StockRow::level));
    }

    @Test
    void reportedBucketsEqualTheWorldsTruthAndTheOthersAreUnknown() throws Exception {
        Reading reading = fetch(config());

        List<PartnerCell> truth = world.partners().cells(Provider.WINIT, now());
        assertThat(truth).isNotEmpty();
        Map<String, StockLevel> rows = byKey(reading);
        assertThat(rows).hasSize(truth.size());
        for (PartnerCell c : truth) {
            StockLevel got = rows.get(c.providerSku() + "@" + Warehouse.idOf(Provider.WINIT, c.warehouse().id()));
            StockLevel want = c.truth();
            assertThat(got).as(c.providerSku()).isNotNull();
            assertThat(got.onHand()).isEqualTo(want.onHand());
            assertThat(got.available()).isEqualTo(want.available());
            assertThat(got.reserved()).isEqualTo(want.reserved());
            assertThat(got.inTransit()).isEqualTo(want.inTransit());
            assertThat(got.frozen()).isEqualTo(want.frozen());
            // WINIT's stock action exposes neither: unknown, not 0
            assertThat(got.qcHold()).isNull();
            assertThat(got.returnPendingQc()).isNull();
        }
        assertThat(truth).anySatisfy(c -> assertThat(c.truth().qcHold()).isPositive());
        assertThat(reading.warehouses()).extracting(Warehouse::id).containsExactly("winit:1000069", "winit:1000201");
        // no overrides: the market comes from the warehouse code (UKBH, MYKL)
        assertThat(reading.warehouses()).extracting(Warehouse::market).containsExactly(Market.GB, Market.MY);
        // one queryWarehouse, one page per warehouse at 200 per page
        assertThat(reading.requests()).isEqualTo(3);
    }

    @Test
    void smallPagesEndingInASingleObjectReadTheSameRows() throws Exception {
        int inUk = world.partners().cells(world.partners().warehouses(Provider.WINIT).get(0), now()).size();
        Map<String, StockLevel> full = byKey(fetch(config()));

        Reading paged = fetch(config().withPageSize(inUk - 1));

        assertThat(byKey(paged)).isEqualTo(full);
        assertThat(paged.requests()).isGreaterThan(3);
    }

    @Test
    void aWrongTokenOrClientSecretIsRefusedAsASignError() {
        WinitConfig good = config();
        WinitConfig badToken = new WinitConfig(good.apiBase(), good.appKey(), "WRONG", good.clientId(),
                good.clientSecret(), good.platform(), good.timestampZone(), good.pageSize(), good.overrides());
        WinitConfig badClient = new WinitConfig(good.apiBase(), good.appKey(), good.token(), good.clientId(),
                "WRONG", good.platform(), good.timestampZone(), good.pageSize(), good.overrides());

        for (WinitConfig c : List.of(badToken, badClient)) {
            assertThatThrownBy(() -> fetch(c)).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("sign verification failed");
        }
    }

    @Test
    void aServerErrorIsRetried() throws Exception {
        server.faults().next(WinitDialect.PATH, 1, Fault.HTTP_503);

        assertThat(fetch(config()).requests()).isEqualTo(4);
    }
}
