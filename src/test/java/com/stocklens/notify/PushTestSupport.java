package com.stocklens.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.RequestCounter;
import com.stocklens.connector.http.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/** Shared bits of the push tests; the signature helpers re-implement the recipes without RobotSigner. */
final class PushTestSupport {
    static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String WECOM_KEY = "CANARY-wecom-key-7d1f";
    static final String DING_TOKEN = "CANARY-ding-token-55ab";
    static final String DING_SECRET = "SECcanary0123456789abcdef";
    static final String FEISHU_HOOK = "CANARY-feishu-hook-e0c2";
    static final String FEISHU_SECRET = "feishuCanarySecret42";
    static final ObjectMapper JSON = new ObjectMapper();

    private PushTestSupport() {
    }

    /** One attempt, short timeouts: the timeout test must not wait long. */
    static HttpPolicy policy() {
        return HttpPolicy.defaults("team-push-test")
                .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(1))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(3));
    }

    static OkHttpClient client() {
        return new FakeTime().factory().create(policy(), new RequestCounter());
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    static JsonNode body(RecordedRequest r) throws IOException {
        return JSON.readTree(r.getBody().utf8());
    }

    static String hmacBase64(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
