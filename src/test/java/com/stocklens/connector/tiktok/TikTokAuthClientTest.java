package com.stocklens.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.ReauthorizationRequiredException;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.http.FakeTime;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TikTokAuthClientTest {
    static final String SECRET = "app_secret_canary_9f8e7d6c5b4a";
    private static final String CODE = "auth_code_canary_ABCDEF123456";
    private static final String REFRESH = "refresh_token_canary_ZYXWVU98765";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private TikTokAuthClient auth;

    @BeforeEach
    void start() throws IOException {
        server.start();
        auth = new TikTokAuthClient(server.url("/").toString(), "6abc123xyz", SECRET, new FakeTime().factory(), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void enqueue(int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
                .body(body).build());
    }

    @Test
    void exchangesACodeAndReadsTheFixture() throws Exception {
        enqueue(200, Fixtures.read("tiktok/token-get.json"));
        TokenSet t = auth.exchange(CODE);

        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/token/get");
        assertThat(r.getUrl().queryParameter("app_key")).isEqualTo("6abc123xyz");
        assertThat(r.getUrl().queryParameter("app_secret")).isEqualTo(SECRET);
        assertThat(r.getUrl().queryParameter("auth_code")).isEqualTo(CODE);
        assertThat(r.getUrl().queryParameter("grant_type")).isEqualTo("authorized_code");
        assertThat(r.getUrl().queryParameter("sign")).as("token calls are not signed").isNull();

        assertThat(t.accessToken()).isEqualTo("TTP_q0Yx9gAAAADr3hV8kZ1fN4bW7mPcLs2tEoRuJ5aGiHd6yKwXnMvBzQ1p");
        assertThat(t.refreshToken()).isEqualTo("TTP_Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3Bx");
        assertThat(t.accessExpiresAt()).isEqualTo(Instant.parse("2025-01-08T00:00:00Z"));
        assertThat(t.refreshExpiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(t.obtainedAt()).isEqualTo(NOW);
        assertThat(t.openId()).isEqualTo("7010736057180325999");
        assertThat(t.sellerName()).isEqualTo("Nordlicht Home Goods");
        assertThat(t.region()).isEqualTo("GB");
        assertThat(t.scopes()).hasSize(6).contains("seller.product.basic");
        assertThat(t.toString()).doesNotContain(t.accessToken()).doesNotContain(t.refreshToken())
                .contains("REDACTED");
    }

    @Test
    void refreshSendsTheRefreshTokenAndReadsDurations() throws Exception {
        enqueue(200, "{\"code\":0,\"message\":\"success\",\"data\":{\"access_token\":\"A2\","
                + "\"access_token_expire_in\":604800,\"refresh_token\":\"R2\",\"refresh_token_expire_in\":\"31536000\","
                + "\"granted_permissions\":[\"seller.order.info\"]}}");
        TokenSet t = auth.refresh(REFRESH);
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/token/refresh");
        assertThat(r.getUrl().queryParameter("refresh_token")).isEqualTo(REFRESH);
        assertThat(r.getUrl().queryParameter("grant_type")).isEqualTo("refresh_token");
        assertThat(t.accessExpiresAt()).isEqualTo(NOW.plusSeconds(604_800));
        assertThat(t.refreshExpiresAt()).isEqualTo(NOW.plusSeconds(31_536_000));
        assertThat(t.scopes()).containsExactly("seller.order.info");
    }

    @Test
    void missingExpiryIsUnknown() throws Exception {
        enqueue(200, "{\"code\":0,\"data\":{\"access_token\":\"A2\"}}");
        TokenSet t = auth.refresh(REFRESH);
        assertThat(t.accessExpiresAt()).isNull();
        assertThat(t.refreshExpiresAt()).isNull();
        assertThat(t.refreshToken()).isNull();
    }

    @Test
    void aRefusedCodeSaysWhatToDoWithoutEchoingIt() {
        enqueue(400, "{\"code\":36004004,\"message\":\"invalid auth_code " + CODE + "\",\"data\":null}");
        assertThatThrownBy(() -> auth.exchange(CODE))
                .isInstanceOf(AuthenticationException.class)
                .isNotInstanceOf(ReauthorizationRequiredException.class)
                .hasMessageContaining("30 minutes").hasMessageContaining("36004004")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CODE).doesNotContain(SECRET));
    }

    @Test
    void aRefusedRefreshTokenNeedsReauthorization() {
        enqueue(200, "{\"code\":105001,\"message\":\"refresh token " + REFRESH + " is invalid\",\"data\":null}");
        assertThatThrownBy(() -> auth.refresh(REFRESH))
                .isInstanceOf(ReauthorizationRequiredException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(REFRESH).doesNotContain(SECRET));
    }

    @Test
    void http401OnRefreshNeedsReauthorization() {
        enqueue(401, "<html>no</html>");
        assertThatThrownBy(() -> auth.refresh(REFRESH)).isInstanceOf(ReauthorizationRequiredException.class);
    }

    @Test
    void serverTroubleIsTransientNotAReauthorization() {
        for (int i = 0; i < 5; i++) {
            enqueue(500, "{\"code\":36009003,\"message\":\"Internal error\",\"data\":null}");
        }
        assertThatThrownBy(() -> auth.refresh(REFRESH)).isInstanceOf(TransientSourceException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(REFRESH).doesNotContain(SECRET));
    }

    @Test
    void networkFailureMessageHoldsNoSecret() throws IOException {
        server.close();
        assertThatThrownBy(() -> auth.refresh(REFRESH)).isInstanceOf(TransientSourceException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(REFRESH).doesNotContain(SECRET));
    }

    @Test
    void clientToStringHoldsNoSecret() {
        assertThat(auth.toString()).doesNotContain(SECRET);
        assertThat(List.of(auth).toString()).doesNotContain(SECRET);
    }
}
