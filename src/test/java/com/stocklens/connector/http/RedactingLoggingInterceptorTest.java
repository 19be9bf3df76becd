package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RedactingLoggingInterceptorTest {
    private static final String SECRET = "CANARY-s3cr3t-9f8e7d";

    @Test
    void redactsSensitiveQueryValues() {
        HttpUrl url = HttpUrl.get("https://h/p?app_key=k1&sign=" + SECRET + "&access_token=" + SECRET
                + "&app_secret=" + SECRET + "&token=" + SECRET + "&page_size=10");
        String s = RedactingLoggingInterceptor.redact(url);
        assertThat(s).doesNotContain(SECRET).contains("app_key=k1").contains("page_size=10");
    }

    @Test
    void redactsSensitiveHeaders() {
        Headers h = Headers.of("Authorization", "Bearer " + SECRET, "x-tts-access-token", SECRET,
                "Content-Type", "application/json");
        assertThat(RedactingLoggingInterceptor.redact(h)).doesNotContain(SECRET).contains("application/json");
    }

    @Test
    void redactsWinitAndGoodCangCredentials() {
        HttpUrl url = HttpUrl.get("https://h/openapi/service?sign=" + SECRET + "&client_sign=" + SECRET
                + "&token=" + SECRET + "&client_secret=" + SECRET + "&action=queryWarehouse");
        assertThat(RedactingLoggingInterceptor.redact(url)).doesNotContain(SECRET).contains("action=queryWarehouse");
        Headers h = Headers.of("app-key", SECRET, "app-token", SECRET, "Content-Type", "application/json");
        assertThat(RedactingLoggingInterceptor.redact(h)).doesNotContain(SECRET).contains("application/json");
    }

    @Test
    void wireLogNeverContainsTheSecret() throws IOException {
        Logger wire = (Logger) LoggerFactory.getLogger("com.stocklens.connector.http.wire");
        Level previous = wire.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        wire.addAppender(appender);
        wire.setLevel(Level.DEBUG);
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Set-Cookie", "s=" + SECRET).build());
            OkHttpClient client = new FakeTime().factory().create(HttpPolicy.defaults("test"), new RequestCounter());
            Request request = new Request.Builder()
                    .url(server.url("/x").newBuilder().addQueryParameter("sign", SECRET)
                            .addQueryParameter("access_token", SECRET).build())
                    .header("Authorization", "Bearer " + SECRET)
                    .header("x-tts-access-token", SECRET)
                    .build();
            try (Response r = client.newCall(request).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
        } finally {
            wire.detachAppender(appender);
            wire.setLevel(previous);
        }
        String logged = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.joining("\n"));
        assertThat(appender.list).hasSizeGreaterThanOrEqualTo(2);
        assertThat(logged).contains("x-tts-access-token").doesNotContain(SECRET);
    }
}
