package com.stocklens.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.ActivityPage;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.SaleLine;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TikTokActivitySourceTest {
    private static final String SECRET = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    private static final Instant SINCE = NOW.minusSeconds(86_400);

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private TikTokActivitySource source;

    @BeforeEach
    void start() throws IOException {
        server.start();
        TikTokClient client = new TikTokClient(
                TikTokConfig.of(server.url("/").toString(), "6abc123xyz", SECRET, "TTP_token"), time.factory(), clock);
        source = new TikTokActivitySource("tiktok:main", client);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void enqueue(String fixture) {
        enqueueJson(200, Fixtures.read("tiktok/" + fixture));
    }

    private void enqueueJson(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(json).build());
    }

    private List<RecordedRequest> recorded() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }

    @Test
    void everyLineItemIsOneUnitAndEveryReturnLineOneItem() throws Exception {
        enqueue("shops-authorized.json");
        enqueue("orders-search.json");
        enqueue("returns-search.json");

        ActivityPage page = source.fetchActivity(SINCE, NOW);

        assertThat(page.sales()).hasSize(4);
        assertThat(page.sales()).filteredOn(s -> s.sellerSku().equals("SOCK-MER-GRY-M")).hasSize(2);
        SaleLine first = page.sales().get(0);
        assertThat(first.shopId()).isEqualTo("7495123456789012345");
        assertThat(first.orderId()).isEqualTo("578123456789012345");
        assertThat(first.lineId()).isEqualTo("578123456789112001");
        assertThat(first.tiktokSkuId()).isEqualTo("1729501234567890111");
        assertThat(first.tiktokWarehouseId()).isEqualTo("7301234567890123401");
        assertThat(first.status()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(first.createdAt()).isEqualTo(Instant.ofEpochSecond(1735682400));
        assertThat(first.updatedAt()).isEqualTo(Instant.ofEpochSecond(1735682460));
        assertThat(page.sales()).filteredOn(SaleLine::isCancelled).extracting(SaleLine::lineId)
                .containsExactly("578123456789112099");

        assertThat(page.returns()).extracting(ReturnItem::lineId, ReturnItem::stage).containsExactly(
                tuple("4035227657962161001", ReturnStage.IN_TRANSIT_BACK),
                tuple("4035227657962161002", ReturnStage.NO_UNIT));
        ReturnItem r = page.returns().get(0);
        assertThat(r.returnId()).isEqualTo("4035318504086601001");
        assertThat(r.orderId()).isEqualTo("577999888777666555");
        assertThat(r.sellerSku()).isEqualTo("SOCK-MER-GRY-M");
        assertThat(r.returnType()).isEqualTo("RETURN_AND_REFUND");
        assertThat(page.requests()).isEqualTo(3);

        List<RecordedRequest> requests = recorded();
        RecordedRequest orders = requests.get(1);
        assertThat(orders.getUrl().encodedPath()).isEqualTo("/order/202309/orders/search");
        assertThat(orders.getUrl().queryParameter("page_size")).isEqualTo("100");
        assertThat(orders.getUrl().queryParameter("sort_field")).isEqualTo("update_time");
        assertThat(orders.getUrl().queryParameter("shop_cipher")).isEqualTo("ROW_k3JxZAAAAAB7c1q9uXbN0pQe4TzL");
        assertThat(orders.getUrl().queryParameter("sign")).isNotBlank();
        JsonNode body = TikTokClient.MAPPER.readTree(orders.getBody().utf8());
        assertThat(body.get("update_time_ge").asLong()).isEqualTo(SINCE.getEpochSecond());
        assertThat(body.get("update_time_lt").asLong()).isEqualTo(NOW.getEpochSecond());
        RecordedRequest returns = requests.get(2);
        assertThat(returns.getUrl().encodedPath()).isEqualTo("/return_refund/202309/returns/search");
        assertThat(returns.getUrl().queryParameter("page_size")).isEqualTo("50");
        assertThat(TikTokClient.MAPPER.readTree(returns.getBody().utf8()).get("update_time_ge").asLong())
                .isEqualTo(SINCE.getEpochSecond());
    }

    @Test
    void pagesToTheEnd() throws Exception {
        enqueue("shops-authorized.json");
        String orders = Fixtures.read("tiktok/orders-search.json");
        enqueueJson(200, orders.replace("\"next_page_token\": \"\"", "\"next_page_token\": \"b3JkZXJzLTI=\""));
        // The last page leaves the token out altogether: both spellings of "the end" are accepted.
        enqueueJson(200, orders.replace("\"next_page_token\": \"\",", "")
                .replace("578123456789112", "578123456789113"));
        enqueue("returns-search.json");

        ActivityPage page = source.fetchActivity(SINCE, NOW);

        assertThat(page.sales()).hasSize(8).extracting(SaleLine::lineId).doesNotHaveDuplicates();
        List<RecordedRequest> requests = recorded();
        assertThat(requests).hasSize(4);
        assertThat(requests.get(2).getUrl().queryParameter("page_token")).isEqualTo("b3JkZXJzLTI=");
    }

    @Test
    void anErrorOnAnyPageFailsTheWholeWindow() {
        enqueue("shops-authorized.json");
        enqueue("orders-search.json");
        enqueueJson(200, "{\"code\":25001001,\"message\":\"Invalid parameter\",\"request_id\":\"r1\",\"data\":null}");

        assertThatThrownBy(() -> source.fetchActivity(SINCE, NOW))
                .isInstanceOf(ApiErrorException.class)
                .satisfies(e -> assertThat(((ApiErrorException) e).code()).isEqualTo("25001001"));
    }

    @Test
    void aRepeatedPageTokenIsMalformed() {
        enqueue("shops-authorized.json");
        String orders = Fixtures.read("tiktok/orders-search.json")
                .replace("\"next_page_token\": \"\"", "\"next_page_token\": \"same\"");
        enqueueJson(200, orders);
        enqueueJson(200, orders);

        assertThatThrownBy(() -> source.fetchActivity(SINCE, NOW)).isInstanceOf(MalformedResponseException.class);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "REFUND, RETURN_OR_REFUND_REQUEST_PENDING, NO_UNIT",
        "REFUND, RETURN_OR_REFUND_REQUEST_COMPLETE, NO_UNIT",
        "RETURN_AND_REFUND, RETURN_OR_REFUND_REQUEST_PENDING, REQUESTED",
        "RETURN_AND_REFUND, AWAITING_BUYER_SHIP, REQUESTED",
        "RETURN_AND_REFUND, AWAITING_BUYER_RESPONSE, REQUESTED",
        "RETURN_AND_REFUND, BUYER_SHIPPED_ITEM, IN_TRANSIT_BACK",
        "RETURN_AND_REFUND, RETURN_OR_REFUND_REQUEST_SUCCESS, AWAITING_QC",
        "RETURN_AND_REFUND, RETURN_OR_REFUND_REQUEST_COMPLETE, QC_PASSED",
        "RETURN_AND_REFUND, REJECT_RECEIVE_PACKAGE, QC_FAILED",
        "RETURN_AND_REFUND, REFUND_OR_RETURN_REQUEST_REJECT, NO_UNIT",
        "RETURN_AND_REFUND, RETURN_OR_REFUND_REQUEST_CANCEL, NO_UNIT",
        "REPLACEMENT, REPLACEMENT_REQUEST_PENDING, REQUESTED",
        "REPLACEMENT, BUYER_SHIPPED_ITEM, IN_TRANSIT_BACK",
        "REPLACEMENT, REPLACEMENT_REQUEST_REFUND_SUCCESS, AWAITING_QC",
        "REPLACEMENT, REPLACEMENT_REQUEST_COMPLETE, QC_PASSED",
        "REPLACEMENT, REPLACEMENT_REQUEST_REJECT, NO_UNIT",
        "REPLACEMENT, REPLACEMENT_REQUEST_CANCEL, NO_UNIT",
        "RETURN_AND_REFUND, SOMETHING_NEW, REQUESTED",
    })
    void returnStageTable(String type, String status, ReturnStage expected) {
        assertThat(ReturnStages.of(type, status)).isEqualTo(expected);
    }
}
