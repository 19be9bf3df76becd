package com.stocklens.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.ReauthorizationRequiredException;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.AuthorizedShop;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.Reading;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.service.InMemorySecretStore;
import com.stocklens.service.ShopAuthorizer.AuthorizationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole desktop authorization on loopback: page → approve → paste the redirect URL → exchange →
 * shops → sync with the new token → the token expires → automatic renewal → sync still works; and the
 * dead ends (used code, expired code, rotated-away refresh token).
 */
class TikTokAuthorizationEndToEndTest {
    private static final Pattern APPROVE = Pattern.compile("id=\"approve\" href=\"([^\"]+)\"");
    private static final String REFRESH_PATH = "/api/v2/token/refresh";

    private SandboxClock clock;
    private SandboxServer sandbox;
    private final InMemorySecretStore store = new InMemorySecretStore();
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final HttpClient browser = HttpClient.newHttpClient();
    private final HttpClientFactory http = new HttpClientFactory();
    private Connection connection;
    private TikTokShopAuthorizer authorizer;

    @BeforeEach
    void start() {
        clock = new SandboxClock(Instant.parse("2026-03-02T15:00:00Z"));
        SimulatedWorld world = new SimulatedWorld(11, 60, clock);
        clock.advance(Duration.ofHours(2));
        sandbox = SandboxServer.start(world);
        sandbox.setRateLimiting(false);
        sandbox.setTikTokAccessTokenLifetime(Duration.ofHours(1));
        connection = new Connection("tiktok:main", ConnectionKind.TIKTOK_SHOP, "TikTok Shop", true, null, Map.of(
                "api_base", sandbox.tiktokBaseUrl(), "auth_base", sandbox.tiktokAuthBaseUrl(),
                "authorize_url", sandbox.tiktokAuthorizeUrl(), "service_id", SandboxCredentials.TIKTOK_SERVICE_ID,
                "app_key", SandboxCredentials.TIKTOK_APP_KEY));
        store.put(connection.secretKey("app_secret"), SandboxCredentials.TIKTOK_APP_SECRET);
        authorizer = new TikTokShopAuthorizer(store, http, clock, (c, s) -> settings.putAll(s), null);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** What the seller's browser does: open the page, click Authorize, land on the redirect URL. */
    private String approveInBrowser(URI page) throws Exception {
        HttpResponse<String> html = browser.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).isEqualTo(200);
        Matcher m = APPROVE.matcher(html.body());
        assertThat(m.find()).as("the page has an Authorize link").isTrue();
        String redirect = sandbox.baseUrl() + m.group(1);
        HttpResponse<String> landing = browser.send(HttpRequest.newBuilder(URI.create(redirect)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("code=");
        return redirect;
    }

    private Function<String, String> secretsOf(Connection c) {
        return field -> store.get(c.secretKey(field)).orElse(null);
    }

    private Connection withSettings(Map<String, String> extra) {
        Map<String, String> all = new TreeMap<>(connection.settings());
        all.putAll(extra);
        return connection.withSettings(all);
    }

    @Test
    void pasteExchangeChooseSyncExpireRenewSync() throws Exception {
        URI page = authorizer.authorizationPage(connection);
        assertThat(page.toString()).startsWith(sandbox.tiktokAuthorizeUrl() + "?service_id=");
        String redirect = approveInBrowser(page);

        List<AuthorizedShop> shops = authorizer.completeAuthorization(connection, redirect);
        assertThat(shops).isNotEmpty().allSatisfy(s -> assertThat(s.cipher()).isNotBlank());
        String access1 = store.get(connection.secretKey("access_token")).orElseThrow();
        String refresh1 = store.get(connection.secretKey("refresh_token")).orElseThrow();
        assertThat(access1).isNotEqualTo(SandboxCredentials.TIKTOK_ACCESS_TOKEN);
        assertThat(Instant.parse(settings.get("access_token_expires_at"))).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(Instant.parse(settings.get("refresh_token_expires_at"))).isAfter(clock.instant().plus(Duration.ofDays(300)));

        // The seller chooses a shop; the connection keeps its cipher and the expiry settings.
        Map<String, String> chosen = new TreeMap<>(settings);
        chosen.put("shop_cipher", shops.get(0).cipher());
        Connection authorized = withSettings(chosen);
        SourceFactory factory = new SourceFactory(http, clock, (c, t) -> TikTokTokenStorage.persister(c, store,
                (cc, s) -> settings.putAll(s)).accept(t));
        StockSource source = factory.create(authorized, secretsOf(authorized));
        Reading first = source.fetch();
        assertThat(first.skus()).isNotEmpty();
        // Loaded from storage, the token's age is unknown: it is taken for a 7-day token, so with less
        // than a day left (this sandbox issues 1-hour tokens) it is renewed at its first use.
        assertThat(sandbox.requestCount(REFRESH_PATH)).isEqualTo(1);
        String access2 = store.get(connection.secretKey("access_token")).orElseThrow();
        String refresh2 = store.get(connection.secretKey("refresh_token")).orElseThrow();
        assertThat(access2).isNotEqualTo(access1);
        assertThat(refresh2).as("refresh tokens rotate").isNotEqualTo(refresh1);
        assertThat(Instant.parse(settings.get("access_token_expires_at")))
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));

        // Now its lifetime is known: not renewed in its first half, renewed in its second.
        clock.advance(Duration.ofMinutes(20));
        assertThat(source.fetch().skus()).hasSameSizeAs(first.skus());
        assertThat(sandbox.requestCount(REFRESH_PATH)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(15));
        assertThat(source.fetch().skus()).hasSameSizeAs(first.skus());
        assertThat(sandbox.requestCount(REFRESH_PATH)).isEqualTo(2);
        assertThat(store.get(connection.secretKey("access_token")).orElseThrow()).isNotEqualTo(access2);

        // Long past expiry (the PC slept): renewed, the sync works.
        clock.advance(Duration.ofHours(3));
        assertThat(source.fetch().skus()).hasSameSizeAs(first.skus());
        assertThat(sandbox.requestCount(REFRESH_PATH)).isEqualTo(3);

        // A source whose expiry times were lost learns of the expiry from 105002 and renews once.
        clock.advance(Duration.ofHours(2));
        Connection noExpiry = withSettings(Map.of("shop_cipher", shops.get(0).cipher()));
        SourceFactory other = new SourceFactory(http, clock, (c, t) -> TikTokTokenStorage.persister(c, store,
                null).accept(t));
        int expiredAnswersBefore = sandbox.requestCount("/authorization/202309/shops");
        assertThat(other.create(noExpiry, secretsOf(noExpiry)).fetch().skus()).hasSameSizeAs(first.skus());
        assertThat(sandbox.requestCount(REFRESH_PATH)).isEqualTo(4);
        assertThat(sandbox.requestCount("/authorization/202309/shops") - expiredAnswersBefore)
                .as("one refused call, one retry").isEqualTo(2);

        // An old refresh token was rotated away: only a new authorization helps.
        clock.advance(Duration.ofHours(2));
        Map<String, String> stale = Map.of("access_token", access1, "refresh_token", refresh1,
                "app_secret", SandboxCredentials.TIKTOK_APP_SECRET);
        StockSource dead = new SourceFactory(http, clock).create(noExpiry, stale::get);
        assertThatThrownBy(dead::fetch).isInstanceOf(ReauthorizationRequiredException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(refresh1).doesNotContain(access1)
                        .doesNotContain(SandboxCredentials.TIKTOK_APP_SECRET));
    }

    @Test
    void activityAndStockShareOneRenewal() throws Exception {
        authorizer.authorizationPage(connection);
        String code = sandbox.issueTikTokAuthCode();
        authorizer.completeAuthorization(connection, code);
        Connection authorized = withSettings(settings);
        SourceFactory factory = new SourceFactory(http, clock);
        StockSource stock = factory.create(authorized, secretsOf(authorized));
        var activity = factory.tiktokActivity(authorized, secretsOf(authorized));
        clock.advance(Duration.ofMinutes(40));
        stock.fetch();
        activity.fetchActivity(clock.instant().minus(Duration.ofHours(1)), clock.instant());
        assertThat(sandbox.requestCount(REFRESH_PATH)).as("one renewal for both clients").isEqualTo(1);
    }

    @Test
    void expiryAnsweredAsDurationWorksToo() throws Exception {
        sandbox.setTikTokExpiryAsDuration(true);
        authorizer.authorizationPage(connection);
        authorizer.completeAuthorization(connection, sandbox.issueTikTokAuthCode());
        assertThat(Instant.parse(settings.get("access_token_expires_at")))
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void aCodeWorksOnceAndForThirtyMinutes() throws Exception {
        URI page = authorizer.authorizationPage(connection);
        String redirect = approveInBrowser(page);
        authorizer.completeAuthorization(connection, redirect);

        String code = URI.create(redirect).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        assertThatThrownBy(() -> authorizer.completeAuthorization(connection, code))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("30 minutes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(code)
                        .doesNotContain(SandboxCredentials.TIKTOK_APP_SECRET));

        String late = sandbox.issueTikTokAuthCode();
        clock.advance(Duration.ofMinutes(30));
        assertThatThrownBy(() -> authorizer.completeAuthorization(connection, late))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("30 minutes");
    }

    @Test
    void aDeclinedAuthorizationLandsOnTheDeclinedMessage() throws Exception {
        URI page = authorizer.authorizationPage(connection);
        String html = browser.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("id=\"deny\" href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        assertThatThrownBy(() -> authorizer.completeAuthorization(connection, sandbox.baseUrl() + m.group(1)))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("declined");
    }

    @Test
    void aWrongAppSecretIsRefusedWithoutShowingIt() {
        store.put(connection.secretKey("app_secret"), "wrong_secret_canary_123");
        authorizer.authorizationPage(connection);
        String code = sandbox.issueTikTokAuthCode();
        assertThatThrownBy(() -> authorizer.completeAuthorization(connection, code))
                .isInstanceOf(AuthorizationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong_secret_canary_123")
                        .doesNotContain(code));
        assertThat(store.get(connection.secretKey("access_token"))).isEmpty();
    }

    @Test
    void theFixedDemoTokenStillWorks() throws Exception {
        Connection demo = withSettings(Map.of());
        Map<String, String> secrets = Map.of("app_secret", SandboxCredentials.TIKTOK_APP_SECRET,
                "access_token", SandboxCredentials.TIKTOK_ACCESS_TOKEN);
        clock.advance(Duration.ofHours(3));
        assertThat(new SourceFactory(http, clock).create(demo, secrets::get).fetch().skus()).isNotEmpty();
        assertThat(sandbox.requestCount(REFRESH_PATH)).isZero();
    }
}
