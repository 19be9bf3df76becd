package com.stocklens.connector.winit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.RequestCounter;
import com.stocklens.connector.http.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Calls one action on WINIT's gateway (warehouses.md §3.3, §3.4): a signed JSON envelope POSTed to the
 * single service URL. {@code data} is serialized once (compact, keys sorted) and that same text goes
 * into the body and into both signatures. Network failures and HTTP 5xx / 429 are retried by the
 * shared HTTP policy; what is left is mapped to a typed {@link SourceException}.
 */
public final class WinitClient {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final WinitConfig config;
    private final Clock clock;
    private final OkHttpClient http;

    public WinitClient(WinitConfig config, HttpClientFactory factory, RequestCounter counter, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (HttpUrl.parse(config.apiBase()) == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + config.apiBase());
        }
        this.http = factory.create(HttpPolicy.defaults("winit"), counter);
    }

    /** {@code data} as WINIT signs it: compact JSON, keys sorted at every level. */
    static String dataText(Map<String, ?> data) {
        try {
            return MAPPER.writeValueAsString(data == null ? Map.of() : new TreeMap<>(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("WINIT data cannot be serialized", e);
        }
    }

    /** The envelope for {@code action}, signed at the config's local time now. */
    String envelope(String action, Map<String, ?> data) {
        String dataText = dataText(data);
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("action", action);
        signed.put("app_key", config.appKey());
        signed.put("data", dataText);
        signed.put("format", "json");
        signed.put("platform", config.platform());
        signed.put("sign_method", "md5");
        signed.put("timestamp", LocalDateTime.now(clock.withZone(config.timestampZone())).format(TIMESTAMP));
        signed.put("version", "1.0");
        ObjectNode body = MAPPER.createObjectNode();
        body.put("action", action);
        body.put("app_key", config.appKey());
        if (config.hasClient()) {
            body.put("client_id", config.clientId());
            body.put("client_sign", WinitSigner.sign(config.clientSecret(), signed));
        }
        // The exact text that was signed, not a re-serialization of it.
        body.putRawValue("data", new RawValue(dataText));
        body.put("format", "json");
        body.put("language", "zh_CN");
        body.put("platform", config.platform());
        body.put("sign", WinitSigner.sign(config.token(), signed));
        body.put("sign_method", "md5");
        body.put("timestamp", signed.get("timestamp"));
        body.put("version", "1.0");
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("WINIT envelope cannot be serialized", e);
        }
    }

    /**
     * Calls {@code action} and returns the response's {@code data} (possibly JSON null).
     *
     * @throws AuthenticationException when WINIT refuses the signature or the credentials
     * @throws ApiErrorException       for any other non-zero {@code code}
     */
    public JsonNode call(String action, Map<String, ?> data) throws SourceException {
        Request request = new Request.Builder().url(config.apiBase())
                .header("Accept", "application/json")
                .post(RequestBody.create(envelope(action, data), JSON))
                .build();
        String what = "WINIT " + action;
        try (Response response = http.newCall(request).execute()) {
            ResponseBody rb = response.body();
            byte[] bytes = rb == null ? new byte[0] : rb.bytes();
            if (!response.isSuccessful()) {
                throw httpFailure(what, response);
            }
            JsonNode root;
            try {
                root = MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new MalformedResponseException(what + ": unreadable body: " + e.getMessage(), e);
            }
            if (root == null || !root.isObject()) {
                throw new MalformedResponseException(what + ": the answer is not a JSON object");
            }
            JsonNode code = root.get("code");
            String msg = root.path("msg").asText("");
            if (!isSuccess(code, msg)) {
                throw apiFailure(what, code == null ? "" : code.asText(""), msg);
            }
            return root.path("data");
        } catch (IOException e) {
            throw TransientSourceException.network(what, e);
        }
    }

    /** {@code code} 0 or "0" (warehouses.md §3.5); a missing code with WINIT's "操作成功" also counts. */
    static boolean isSuccess(JsonNode code, String msg) {
        if (code == null || code.isNull()) {
            return "操作成功".equals(msg);
        }
        if (code.isIntegralNumber()) {
            return code.asLong() == 0;
        }
        return code.isTextual() && code.textValue().strip().equals("0");
    }

    private SourceException httpFailure(String what, Response response) {
        int status = response.code();
        String msg = what + " answered HTTP " + status;
        if (status == 401 || status == 403) {
            return new AuthenticationException(msg + ". WINIT refused the credentials: check the app key, API token, "
                    + "client id and client secret of this connection in Settings.");
        }
        if (status == 429) {
            return new RateLimitedException(msg, RetryAfter.parse(response.headers(), clock).orElse(null));
        }
        if (status >= 500 || status == 408) {
            return new TransientSourceException(msg);
        }
        return new ApiErrorException(Integer.toString(status), msg, null);
    }

    /** Words WINIT uses when the signature or the credentials are wrong (no error-code list is published). */
    private static final String[] AUTH_WORDS = {"sign", "token", "app_key", "appkey", "client_id", "签名", "授权",
            "认证", "鉴权", "令牌", "密钥", "unauthori"};

    static SourceException apiFailure(String what, String code, String msg) {
        String lower = msg.toLowerCase(Locale.ROOT);
        for (String w : AUTH_WORDS) {
            if (lower.contains(w)) {
                return new AuthenticationException(what + " was refused (code " + code + ": " + msg + "). The "
                        + "signature or the credentials are wrong: check the app key, API token, client id and "
                        + "client secret in Settings, and that this computer's clock is right.");
            }
        }
        return new ApiErrorException(code, msg.isBlank() ? what + " failed" : msg, null);
    }
}
