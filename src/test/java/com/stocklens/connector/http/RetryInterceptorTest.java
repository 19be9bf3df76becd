package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeTime time = new FakeTime();
    private final RequestCounter counter = new RequestCounter();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OkHttpClient client(int maxAttempts) {
        RetryPolicy retry = new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(8),
                Duration.ofSeconds(60));
        return time.factory().create(HttpPolicy.defaults("test").withRetry(retry), counter);
    }

    private int get(OkHttpClient client) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
            return r.code();
        }
    }

    @Test
    void serverErrorThenSuccessIsRetriedAndCounted() throws IOException {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(502).build());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());

        assertThat(get(client(4))).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(counter.count()).isEqualTo(3);
        // jitter 0.5 → 3/4 of the exponential delay: 1 s then 2 s
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500));
    }

    @Test
    void retryAfterSecondsIsHonoured() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        assertThat(get(client(4))).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void shipBobHeaderWinsOverRetryAfter() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .addHeader("x-retry-after", "25").build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        assertThat(get(client(4))).isEqualTo(200);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(25));
    }

    @Test
    void attemptsAreBoundedAndTheLastResponseIsReturned() throws IOException {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }
        assertThat(get(client(3))).isEqualTo(500);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(counter.count()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void retryAfterLongerThanTheCapEndsRetriesAtOnce() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        assertThat(get(client(4))).isEqualTo(429);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void clientErrorsAreNotRetried() throws IOException {
        server.enqueue(new MockResponse.Builder().code(400).build());
        assertThat(get(client(4))).isEqualTo(400);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void droppedConnectionIsRetried() throws IOException {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().code(200).build());

        assertThat(get(client(3))).isEqualTo(200);
        assertThat(counter.count()).isEqualTo(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void ioFailureOutlastingAttemptsIsThrown() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }
        assertThatThrownBy(() -> get(client(2))).isInstanceOf(IOException.class);
        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void backoffIsExponentialCappedAndJitterStaysWithinBounds() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        RetryInterceptor low = new RetryInterceptor(policy, time, () -> 0.0, clock);
        RetryInterceptor high = new RetryInterceptor(policy, time, () -> 0.999_999, clock);
        long[] expected = {500, 1000, 2000, 4000, 8000, 8000, 8000};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            long cap = expected[attempt - 1];
            assertThat(low.backoff(attempt).toMillis()).isEqualTo(cap / 2);
            assertThat(high.backoff(attempt).toMillis()).isBetween(cap / 2, cap);
            RetryInterceptor random = new RetryInterceptor(policy, time, Math::random, clock);
            for (int i = 0; i < 50; i++) {
                assertThat(random.backoff(attempt).toMillis()).isBetween(cap / 2, cap);
            }
        }
        assertThat(high.backoff(64).toMillis()).isLessThanOrEqualTo(8000);
    }

    @Test
    void retryAfterHttpDateIsRelativeToTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parseValue("Wed, 01 Jan 2025 00:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parseValue("soon", clock)).isEmpty();
        assertThat(RetryAfter.parseValue("-5", clock)).contains(Duration.ZERO);
    }
}
