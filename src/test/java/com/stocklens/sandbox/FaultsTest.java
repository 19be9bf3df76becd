package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.sandbox.SandboxHttp.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final String FC = "/2025-07/fulfillment-center";
    private static final String SHOPS = "/authorization/202309/shops";

    private SandboxClock clock;
    private SandboxServer server;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        clock = new SandboxClock(Instant.parse("2026-03-02T15:00:00Z"));
        server = SandboxServer.start(new SimulatedWorld(1, 60, clock));
        http = new SandboxHttp(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void queuedFaultsHitTheNextRequestsThenStop() throws Exception {
        server.faults().next("/2025-07/", 2, Fault.HTTP_500);
        assertThat(http.shipbob(FC).status()).isEqualTo(500);
        assertThat(http.shipbob(FC).status()).isEqualTo(500);
        assertThat(http.shipbob(FC).status()).isEqualTo(200);
        assertThat(server.faults().pending()).isZero();
        assertThat(server.requestCount(FC)).isEqualTo(3);
    }

    @Test
    void faultsOnlyHitTheirPrefixAndSpeakTheDialect() throws Exception {
        server.faults().next("/authorization/", 1, Fault.HTTP_429);
        assertThat(http.shipbob(FC).status()).isEqualTo(200);
        Answer tt = http.tiktok("GET", SHOPS, Map.of(), null, clock.instant());
        assertThat(tt.status()).isEqualTo(429);
        assertThat(tt.code()).isEqualTo(36009002);
        server.faults().next("/2025-07/", 1, Fault.HTTP_429);
        Answer sb = http.shipbob(FC);
        assertThat(sb.status()).isEqualTo(429);
        assertThat(sb.raw().headers().firstValue("x-retry-after")).hasValue("25");
        server.faults().next(SHOPS, 1, Fault.TOKEN_EXPIRED);
        assertThat(http.tiktok("GET", SHOPS, Map.of(), null, clock.instant()).code()).isEqualTo(105002);
    }

    @Test
    void slowAnswerArrivesLate() throws Exception {
        server.faults().next(FC, 1, Fault.slow(400));
        long t0 = System.nanoTime();
        assertThat(http.shipbob(FC).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void malformedJsonIs200WithAnUnparsableBody() throws Exception {
        server.faults().next(FC, 1, Fault.MALFORMED_JSON);
        HttpResponse<String> r = http.http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + FC))
                .header("Authorization", "Bearer " + SandboxCredentials.SHIPBOB_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SandboxHttp.JSON.readTree(r.body())).isInstanceOf(IOException.class);
    }

    @Test
    void truncatedBodyEndsTheConnectionMidBody() {
        server.faults().next(FC, 1, Fault.TRUNCATED_BODY);
        assertThatThrownBy(() -> http.shipbob(FC)).isInstanceOf(IOException.class);
    }

    @Test
    void silencedSourceNeverAnswersUntilUnsilenced() throws Exception {
        server.faults().silence("/2025-07/");
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.baseUrl() + FC))
                .header("Authorization", "Bearer " + SandboxCredentials.SHIPBOB_TOKEN)
                .timeout(Duration.ofMillis(500)).build();
        assertThatThrownBy(() -> http.http.send(req, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        // The other dialect keeps answering while one source is silent.
        assertThat(http.tiktok("GET", SHOPS, Map.of(), null, clock.instant()).code()).isZero();
        server.faults().unsilence("/2025-07/");
        assertThat(http.shipbob(FC).status()).isEqualTo(200);
    }
}
