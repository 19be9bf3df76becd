package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.TransientSourceException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One provider's HTTP: headers, decoding, the shared failure mapping, network failures in plain words. */
class ProviderHttpTest {
    private static final TypeReference<Map<String, Integer>> STOCK = new TypeReference<>() { };

    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();

    record Item(String sellerSku, Integer onHand) {
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ProviderHttp http(int attempts) {
        return ProviderHttp.to("Acme", server.url("/api/").toString()).bearer("acme-secret-token")
                .failures(f -> f.refusedAs(r -> new AuthenticationException(r.message() + ". Check the Acme token.")))
                .build(time.factory(),
                        HttpPolicy.defaults("acme").withRetry(RetryPolicy.DEFAULT.withMaxAttempts(attempts)));
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void decodesABodyWithTheProvidersHeadersAndCountsTheAttempts() throws Exception {
        server.enqueue(json(503, "{}"));
        server.enqueue(json(200, "[{\"seller_sku\":\"TTS-1\",\"on_hand\":4,\"unknown\":true}]"));
        ProviderHttp http = ProviderHttp.to("Acme", server.url("/api/").toString()).bearer("t").snakeCase()
                .header("Api-Key", "k").build(time.factory(), HttpPolicy.defaults("acme"));

        List<Item> items = http.get(http.url("/v1/stock").addQueryParameter("page", "1").build(),
                new TypeReference<List<Item>>() { });

        assertThat(items).containsExactly(new Item("TTS-1", 4));
        assertThat(http.requestCount()).isEqualTo(2);
        server.takeRequest();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/stock");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t");
        assertThat(r.getHeaders().get("Api-Key")).isEqualTo("k");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void postsJsonAndKeepsTheAnswersHeaders() throws Exception {
        server.enqueue(json(200, "{\"a\":1}").newBuilder().addHeader("Total-Pages", "3").build());
        ProviderHttp http = http(1);

        ProviderHttp.Decoded<Map<String, Integer>> d = http.decode(http.request(http.url("search").build())
                .post(RequestBody.create(http.json(Map.of("q", "x")), ProviderHttp.JSON)).build(), STOCK);

        assertThat(d.body()).containsEntry("a", 1);
        assertThat(d.headers().get("Total-Pages")).isEqualTo("3");
        assertThat(server.takeRequest().getBody().utf8()).isEqualTo("{\"q\":\"x\"}");
    }

    @Test
    void aFailedStatusIsMappedWithTheProvidersWords() {
        server.enqueue(json(401, "{\"title\":\"Unauthorized\",\"detail\":\"The token is invalid\"}"));
        server.enqueue(json(404, "{\"message\":\"no such resource\"}"));
        server.enqueue(json(429, "{}").newBuilder().addHeader("Retry-After", "90").build());
        ProviderHttp http = http(1);
        HttpUrl url = http.url("stock").build();

        assertThatThrownBy(() -> http.get(url, STOCK)).isInstanceOf(AuthenticationException.class)
                .hasMessage("Acme GET /api/stock answered HTTP 401: Unauthorized — The token is invalid. Check the "
                        + "Acme token.");
        assertThatThrownBy(() -> http.get(url, STOCK)).isInstanceOf(ApiErrorException.class)
                .hasMessageContaining("no such resource");
        assertThatThrownBy(() -> http.get(url, STOCK)).isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(90)));
    }

    @Test
    void theRetriesAndTheFailureReadAnHttpDateAgainstTheFactorysClock() {
        String in40s = "Sun, 01 Jun 2025 08:00:40 GMT";
        HttpClientFactory factory = new HttpClientFactory(time, time, () -> 0.5,
                Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(429, "{}").newBuilder().addHeader("Retry-After", in40s).build());
        }
        ProviderHttp http =
                ProviderHttp.to("Acme", server.url("/").toString()).build(factory, HttpPolicy.defaults("acme"));

        assertThatThrownBy(() -> http.get(http.url("stock").build(), STOCK)).isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isEqualTo(Duration.ofSeconds(40)));
        // Each retry waited what the exception reports: 40 s by the factory's clock, not by this PC's.
        assertThat(time.sleeps())
                .containsExactly(Duration.ofSeconds(40), Duration.ofSeconds(40), Duration.ofSeconds(40));
        assertThat(factory.failures().retryAfter(Headers.of("Retry-After", in40s))).contains(Duration.ofSeconds(40));
    }

    @Test
    void anUnreadableBodyIsMalformedInPlainWords() {
        server.enqueue(json(200, "{\"a\":\"many\"}"));
        server.enqueue(json(200, "null"));
        ProviderHttp http = http(1);
        HttpUrl url = http.url("stock").build();

        assertThatThrownBy(() -> http.get(url, STOCK)).isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("Acme GET /api/stock: unreadable body: ")
                .hasMessageNotContaining("java.").hasMessageNotContaining("Exception");
        assertThatThrownBy(() -> http.get(url, STOCK)).isInstanceOf(MalformedResponseException.class)
                .hasMessage("Acme GET /api/stock: empty body");
    }

    @Test
    void aNetworkFailureIsTransientAndKeepsASecretUrlOutOfTheCause() throws Exception {
        String base = server.url("/api/").toString();
        server.close();
        ProviderHttp plain = ProviderHttp.to("Acme", base).build(time.factory(),
                HttpPolicy.defaults("acme").withRetry(RetryPolicy.DEFAULT.withMaxAttempts(1)));
        ProviderHttp secret = ProviderHttp.to("Acme", base).secretsInUrl().build(time.factory(),
                HttpPolicy.defaults("acme").withRetry(RetryPolicy.DEFAULT.withMaxAttempts(1)));
        HttpUrl url = plain.url("token").addQueryParameter("app_secret", "s3cr3t-value").build();

        assertThatThrownBy(() -> plain.exchange(plain.request(url).build(), "Acme token"))
                .isInstanceOf(TransientSourceException.class)
                .hasMessage("Acme token: could not connect to the server").hasCauseInstanceOf(IOException.class);
        assertThatThrownBy(() -> secret.exchange(secret.request(url).build(), "Acme token"))
                .isInstanceOf(TransientSourceException.class)
                .hasMessage("Acme token: could not connect to the server").hasNoCause();
    }

    @Test
    void theBaseUrlMustBeHttpAndLosesItsTrailingSlashes() {
        assertThatThrownBy(() -> ProviderHttp.to("Acme", "ftp//nowhere")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an http(s) URL: ftp//nowhere");
        assertThat(ProviderHttp.baseUrl("https://api.acme.com//", "baseUrl")).isEqualTo("https://api.acme.com");
        assertThatThrownBy(() -> ProviderHttp.baseUrl(null, "baseUrl")).isInstanceOf(NullPointerException.class)
                .hasMessage("baseUrl");
    }

    /** Issue 18 item 4: credentials only to the configured origin (main followed the 302 with every header). */
    @Test
    void aRedirectIsFollowedWithinTheOriginOnlyAndNothingGoesElsewhere() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/api/moved").build());
            server.enqueue(json(200, "{\"a\":1}"));
            server.enqueue(new MockResponse.Builder().code(307)
                    .addHeader("Location", elsewhere.url("/api/stock").toString()).build());
            ProviderHttp http = ProviderHttp.to("Acme", server.url("/api/").toString()).bearer("acme-secret-token")
                    .header("x-acme-key", "key-123").build(time.factory(), HttpPolicy.defaults("acme"));

            assertThat(http.get(http.url("stock").build(), STOCK)).containsEntry("a", 1);
            assertThat(http.requestCount()).isEqualTo(2);
            assertThatThrownBy(() -> http.get(http.url("stock").build(), STOCK))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessage("Acme GET /api/stock was redirected to another server (http://" + elsewhere.getHostName()
                            + ":" + elsewhere.getPort() + "); StockLens sends this connection's credentials only to "
                            + "http://" + server.getHostName() + ":" + server.getPort() + ", so the read stopped");
            HttpUrl foreign = elsewhere.url("/api/next-page");
            assertThatThrownBy(() -> http.get(foreign, STOCK)).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("the answer pointed to another server");
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    void endlessRedirectsWithinTheOriginEnd() {
        for (int i = 0; i <= ProviderHttp.MAX_REDIRECTS; i++) {
            server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/api/again" + i).build());
        }
        ProviderHttp http = http(1);

        assertThatThrownBy(() -> http.get(http.url("stock").build(), STOCK))
                .isInstanceOf(MalformedResponseException.class).hasMessage("Acme GET /api/stock was redirected more "
                        + "than 5 times");
        assertThat(http.requestCount()).isEqualTo(ProviderHttp.MAX_REDIRECTS + 1);
    }

    /** Issue 18 item 7: a body past the cap fails the call, read as a stream (main read every byte into memory). */
    @Test
    void aBodyPastItsCapIsRefusedInPlainWords() {
        StringBuilder big = new StringBuilder("[");
        while (big.length() < ReadLimits.bodyCap(1) + 10) {
            big.append("{\"seller_sku\":\"A\",\"on_hand\":1},");
        }
        big.append("{\"seller_sku\":\"A\",\"on_hand\":1}]");
        server.enqueue(json(200, big.toString()));
        ProviderHttp http = ProviderHttp.to("Acme", server.url("/").toString()).snakeCase().pageSize(1)
                .build(time.factory(), HttpPolicy.defaults("acme"));

        assertThatThrownBy(() -> http.get(http.url("stock").build(), new TypeReference<List<Item>>() { }))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessage("Acme GET /stock: the answer is larger than 16 MB, the most one page may hold; the read "
                        + "stopped");
        assertThat(ReadLimits.bodyCap(250)).isEqualTo((16L << 20) + 250 * (64L << 10));
    }

    /** Issue 18 item 10: Jackson's words never reach a message (main: "Cannot deserialize value of type `java…"). */
    @Test
    void jacksonsMessagesBecomePlainReasonsAndFractionsAreNotWholeNumbers() {
        server.enqueue(json(200, "[{\"seller_sku\":\"A\",\"on_hand\":12.7}]"));
        server.enqueue(json(200, "[{\"seller_sku\":\"A\",\"on_hand\":\"n/a\"}]"));
        server.enqueue(json(200, "[{\"seller_sku\":\"A\",\"on_hand\":2147483648}]"));
        server.enqueue(json(200, "{\"seller_sku\":\"A\"}"));
        server.enqueue(json(200, "[{\"seller_sku\":\"A\",\"on_hand\":"));
        ProviderHttp http = ProviderHttp.to("Acme", server.url("/").toString()).snakeCase()
                .build(time.factory(), HttpPolicy.defaults("acme"));
        HttpUrl url = http.url("stock").build();
        TypeReference<List<Item>> items = new TypeReference<>() { };

        assertThatThrownBy(() -> http.get(url, items))
                .hasMessage("Acme GET /stock: unreadable body: field [0].on_hand is not a whole number");
        assertThatThrownBy(() -> http.get(url, items))
                .hasMessage("Acme GET /stock: unreadable body: field [0].on_hand is not a whole number");
        assertThatThrownBy(() -> http.get(url, items))
                .hasMessage("Acme GET /stock: unreadable body: field [0].on_hand is beyond the range of a count");
        assertThatThrownBy(() -> http.get(url, items))
                .hasMessage("Acme GET /stock: unreadable body: a list is not a list");
        assertThatThrownBy(() -> http.get(url, items))
                .hasMessage("Acme GET /stock: unreadable body: the answer ended before its JSON was complete");
    }
}
