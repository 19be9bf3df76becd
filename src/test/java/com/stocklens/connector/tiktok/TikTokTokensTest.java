package com.stocklens.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.Fixtures;
import com.stocklens.connector.ReauthorizationRequiredException;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.support.NamedThreads;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token lifecycle: when it renews, 105002 renew-and-retry shared by concurrent callers, dead authorizations. */
class TikTokTokensTest {
    private static final String SECRET = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";
    private static final String OLD = "TTP_old_access_canary";
    private static final String NEW = "TTP_new_access_canary";
    private static final String REFRESH = "TTP_refresh_canary_1";
    private static final String REFRESH2 = "TTP_refresh_canary_2";
    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final AtomicInteger refreshes = new AtomicInteger();
    private final List<String> tokensSeen = new CopyOnWriteArrayList<>();
    private final List<TokenSet> stored = new CopyOnWriteArrayList<>();
    private volatile String refreshAnswer;
    private volatile long refreshDelayMillis;

    @BeforeEach
    void start() throws IOException {
        refreshAnswer = "{\"code\":0,\"message\":\"success\",\"data\":{\"access_token\":\"" + NEW + "\","
                + "\"access_token_expire_in\":" + NOW.plus(Duration.ofDays(7)).getEpochSecond() + ","
                + "\"refresh_token\":\"" + REFRESH2 + "\",\"refresh_token_expire_in\":"
                + NOW.plus(Duration.ofDays(300)).getEpochSecond() + "}}";
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                String path = r.getUrl().encodedPath();
                if (path.equals("/api/v2/token/refresh")) {
                    refreshes.incrementAndGet();
                    Thread.sleep(refreshDelayMillis);
                    return json(200, refreshAnswer);
                }
                String token = r.getHeaders().get("x-tts-access-token");
                tokensSeen.add(token);
                if (NEW.equals(token)) {
                    return json(200, Fixtures.read("tiktok/shops-authorized.json"));
                }
                if (OLD.equals(token)) {
                    return json(200, "{\"code\":105002,\"message\":\"Expired credentials\",\"data\":null}");
                }
                return json(200, "{\"code\":105001,\"message\":\"invalid token\",\"data\":null}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }

    private TikTokTokens managed(TokenSet initial) {
        TikTokAuthClient auth = new TikTokAuthClient(server.url("/").toString(), "6abc123xyz", SECRET,
                new FakeTime().factory(), clock);
        return TikTokTokens.managed(initial, auth, stored::add, clock);
    }

    private TikTokClient client(TikTokTokens tokens) {
        return new TikTokClient(TikTokConfig.of(server.url("/").toString(), "6abc123xyz", SECRET, OLD), tokens,
                new FakeTime().factory(), clock);
    }

    private static TokenSet tokens(String access, Instant accessExp, Instant refreshExp, Instant obtained) {
        return new TokenSet(access, REFRESH, accessExp, refreshExp, obtained, null, null, null, List.of());
    }

    // --- when renewal is due -------------------------------------------------------------------

    @Test
    void sevenDayTokenIsRenewedFromOneDayBeforeExpiry() {
        Instant exp = NOW.plus(Duration.ofDays(7));
        TokenSet t = tokens(OLD, exp, null, NOW);
        assertThat(TikTokTokens.renewalDue(t, exp.minus(Duration.ofDays(1)).minusSeconds(1))).isFalse();
        assertThat(TikTokTokens.renewalDue(t, exp.minus(Duration.ofDays(1)))).isTrue();
        assertThat(TikTokTokens.renewalDue(t, exp)).isTrue();
    }

    @Test
    void shortLivedTokenIsRenewedInItsSecondHalfOnly() {
        Instant exp = NOW.plus(Duration.ofHours(1));
        TokenSet t = tokens(OLD, exp, null, NOW);
        assertThat(TikTokTokens.renewalDue(t, exp.minus(Duration.ofMinutes(30)).minusSeconds(1))).isFalse();
        assertThat(TikTokTokens.renewalDue(t, exp.minus(Duration.ofMinutes(30)))).isTrue();
    }

    @Test
    void longLivedTokenIsRenewedInItsLastTenPercent() {
        Instant exp = NOW.plus(Duration.ofDays(30));
        TokenSet t = tokens(OLD, exp, null, NOW);
        assertThat(TikTokTokens.renewalDue(t, exp.minus(Duration.ofDays(3)).minusSeconds(1))).isFalse();
        assertThat(TikTokTokens.renewalDue(t, exp.minus(Duration.ofDays(3)))).isTrue();
    }

    @Test
    void storedTokenOfUnknownAgeAssumesSevenDays() {
        Instant exp = NOW.plus(Duration.ofHours(30));
        TokenSet t = TokenSet.stored(OLD, REFRESH, exp, null);
        assertThat(TikTokTokens.renewalDue(t, NOW)).isFalse();
        assertThat(TikTokTokens.renewalDue(t, exp.minus(Duration.ofDays(1)))).isTrue();
        assertThat(TikTokTokens.renewalDue(TokenSet.stored(OLD, REFRESH, null, null), NOW))
                .as("unknown expiry: only 105002 renews").isFalse();
    }

    @Test
    void renewsBeforeExpiryAndHandsTheNewTokensOn() throws Exception {
        TikTokTokens tokens = managed(tokens(OLD, NOW.plus(Duration.ofHours(12)), NOW.plus(Duration.ofDays(300)),
                NOW.minus(Duration.ofDays(6))));
        JsonNode data = client(tokens).get("/authorization/202309/shops", null, Map.of());
        assertThat(data.path("shops")).hasSize(1);
        assertThat(refreshes.get()).isEqualTo(1);
        assertThat(tokensSeen).as("the old token was never sent").containsExactly(NEW);
        assertThat(stored).singleElement().satisfies(t -> {
            assertThat(t.accessToken()).isEqualTo(NEW);
            assertThat(t.refreshToken()).isEqualTo(REFRESH2);
        });
        assertThat(tokens.current().refreshToken()).isEqualTo(REFRESH2);
    }

    @Test
    void noRenewalWhileFarFromExpiry() throws Exception {
        TikTokTokens tokens = managed(tokens(NEW, NOW.plus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(300)),
                NOW.minus(Duration.ofDays(2))));
        client(tokens).get("/authorization/202309/shops", null, Map.of());
        assertThat(refreshes.get()).isZero();
        assertThat(stored).isEmpty();
    }

    @Test
    void failedEarlyRenewalKeepsUsingTheValidToken() throws Exception {
        refreshAnswer = "{\"code\":36009003,\"message\":\"Internal error\",\"data\":null}";
        TikTokTokens tokens = managed(tokens(NEW, NOW.plus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(300)),
                NOW.minus(Duration.ofDays(7))));
        client(tokens).get("/authorization/202309/shops", null, Map.of());
        assertThat(tokensSeen).containsExactly(NEW);
    }

    // --- 105002: one renewal, one retry, shared -------------------------------------------------

    @Test
    void expiredAnswerRenewsOnceAndRetriesOnce() throws Exception {
        TikTokTokens tokens = managed(TokenSet.stored(OLD, REFRESH, null, null));
        JsonNode data = client(tokens).get("/authorization/202309/shops", null, Map.of());
        assertThat(data.path("shops")).hasSize(1);
        assertThat(refreshes.get()).isEqualTo(1);
        assertThat(tokensSeen).containsExactly(OLD, NEW);
        assertThat(stored).hasSize(1);
    }

    @Test
    void concurrentCallersShareOneRenewal() throws Exception {
        refreshDelayMillis = 300;
        TikTokTokens tokens = managed(TokenSet.stored(OLD, REFRESH, null, null));
        TikTokClient client = client(tokens);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads, NamedThreads.numbered("tiktok-tokens-test-"));
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<JsonNode>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return client.get("/authorization/202309/shops", null, Map.of());
                }));
            }
            go.countDown();
            for (Future<JsonNode> f : results) {
                assertThat(f.get(20, TimeUnit.SECONDS).path("shops")).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refreshes.get()).as("exactly one refresh request").isEqualTo(1);
        assertThat(stored).hasSize(1);
        assertThat(tokensSeen.stream().filter(NEW::equals).count()).isEqualTo(threads);
        assertThat(tokensSeen.stream().filter(OLD::equals).count()).as("each caller tried at most once with OLD")
                .isBetween(1L, (long) threads);
    }

    @Test
    void fixedTokenCannotRenew() {
        TikTokClient client = client(TikTokTokens.fixed(OLD));
        assertThatThrownBy(() -> client.get("/authorization/202309/shops", null, Map.of()))
                .isInstanceOf(AuthenticationException.class)
                .isNotInstanceOf(ReauthorizationRequiredException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(OLD));
        assertThat(refreshes.get()).isZero();
    }

    // --- dead authorizations ------------------------------------------------------------------

    @Test
    void expiredRefreshTokenNeedsReauthorizationWithoutAsking() {
        TikTokTokens tokens = managed(tokens(OLD, NOW.minusSeconds(10), NOW, NOW.minus(Duration.ofDays(7))));
        assertThatThrownBy(() -> client(tokens).get("/authorization/202309/shops", null, Map.of()))
                .isInstanceOf(ReauthorizationRequiredException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(OLD).doesNotContain(REFRESH));
        assertThat(refreshes.get()).isZero();
        assertThat(tokensSeen).isEmpty();
    }

    @Test
    void refusedRefreshNeedsReauthorizationAndIsRemembered() {
        refreshAnswer = "{\"code\":36004004,\"message\":\"invalid refresh token\",\"data\":null}";
        TikTokTokens tokens = managed(TokenSet.stored(OLD, REFRESH, null, null));
        TikTokClient client = client(tokens);
        assertThatThrownBy(() -> client.get("/authorization/202309/shops", null, Map.of()))
                .isInstanceOf(ReauthorizationRequiredException.class);
        assertThatThrownBy(() -> client.get("/authorization/202309/shops", null, Map.of()))
                .isInstanceOf(ReauthorizationRequiredException.class);
        assertThat(refreshes.get()).as("a dead refresh token is not tried again").isEqualTo(1);
        assertThat(stored).isEmpty();

        tokens.replace(tokens(NEW, NOW.plus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(300)), NOW));
        assertThat(tokens.current().toString()).doesNotContain(NEW);
    }

    @Test
    void deauthorizedTokenNeedsReauthorization() {
        TikTokTokens tokens = managed(TokenSet.stored("TTP_revoked_canary", REFRESH, null, null));
        assertThatThrownBy(() -> client(tokens).get("/authorization/202309/shops", null, Map.of()))
                .isInstanceOf(ReauthorizationRequiredException.class).hasMessageContaining("105001")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TTP_revoked_canary"));
        assertThat(refreshes.get()).isZero();
    }

    @Test
    void toStringsHoldNoToken() {
        TikTokTokens tokens = managed(tokens(OLD, NOW.plus(Duration.ofDays(7)), NOW.plus(Duration.ofDays(300)), NOW));
        assertThat(tokens.toString()).doesNotContain(OLD).doesNotContain(REFRESH);
        assertThat(client(tokens).config().toString()).doesNotContain(OLD).doesNotContain(SECRET);
    }
}
