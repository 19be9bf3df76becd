package com.stocklens.connector.goodcang;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * POSTs JSON to GoodCang's open API with {@code app-key} / {@code app-token} headers (warehouses.md §6).
 * Success is {@code ask: "Success"} (V1) or {@code code: 0} (V2). GoodCang reports an empty result as a
 * failure whose message starts with "没有数据" (no data): that is returned as {@link Optional#empty()},
 * not thrown. HTTP 401 and credential failures become {@link AuthenticationException}; HTTP 429 and the
 * 403 GoodCang throttles with (see {@link ThrottledAs429}) are retried by the shared policy and, when
 * the retries run out, become {@link RateLimitedException}.
 */
public final class GoodCangClient {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String NO_DATA = "没有数据";
    private static final String[] AUTH_WORDS = {"app-token", "app-key", "app_token", "app_key", "apptoken", "appkey",
            "token", "unauthori", "授权", "认证", "鉴权", "令牌", "密钥"};

    private final GoodCangConfig config;
    private final Clock clock;
    private final OkHttpClient http;

    public GoodCangClient(GoodCangConfig config, HttpClientFactory factory, RequestCounter counter, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (HttpUrl.parse(config.apiBase()) == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + config.apiBase());
        }
        this.http = factory.create(HttpPolicy.defaults("goodcang"), counter, List.of(new ThrottledAs429()));
    }

    /**
     * POSTs {@code body} to {@code path} (relative to the base, e.g. {@code /inventory/get_product_inventory}).
     *
     * @return the whole answer, or empty when GoodCang says "没有数据" (no data)
     */
    public Optional<JsonNode> post(String path, Map<String, ?> body) throws SourceException {
        String json;
        try {
            json = MAPPER.writeValueAsString(body == null ? Map.of() : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GoodCang body cannot be serialized", e);
        }
        Request request = new Request.Builder().url(config.apiBase() + path)
                .header("app-key", config.appKey())
                .header("app-token", config.appToken())
                .header("Accept", "application/json")
                .post(RequestBody.create(json, JSON))
                .build();
        String what = "GoodCang " + path;
        try (Response response = http.newCall(request).execute()) {
            ResponseBody rb = response.body();
            byte[] bytes = rb == null ? new byte[0] : rb.bytes();
            JsonNode root = null;
            try {
                root = bytes.length == 0 ? null : MAPPER.readTree(bytes);
            } catch (IOException e) {
                if (response.isSuccessful()) {
                    throw new MalformedResponseException(what + ": unreadable body: " + e.getMessage(), e);
                }
            }
            if (!response.isSuccessful()) {
                throw httpFailure(what, response, root);
            }
            if (root == null || !root.isObject()) {
                throw new MalformedResponseException(what + ": the answer is not a JSON object");
            }
            if (isSuccess(root)) {
                return Optional.of(root);
            }
            String message = messageOf(root);
            if (message.contains(NO_DATA)) {
                return Optional.empty();
            }
            throw failure(what, errorCode(root), message);
        } catch (IOException e) {
            throw TransientSourceException.network(what, e);
        }
    }

    static boolean isSuccess(JsonNode root) {
        JsonNode ask = root.get("ask");
        if (ask != null && !ask.isNull()) {
            return "Success".equalsIgnoreCase(ask.asText().strip());
        }
        JsonNode code = root.get("code");
        return code != null && code.asText().strip().equals("0");
    }

    private static String messageOf(JsonNode root) {
        String m = root.path("message").asText("");
        String err = root.path("Error").path("errMessage").asText("");
        return m.isBlank() ? err : m;
    }

    private static String errorCode(JsonNode root) {
        String c = root.path("Error").path("errCode").asText("");
        return c.isBlank() ? root.path("code").asText(root.path("ask").asText("")) : c;
    }

    private SourceException httpFailure(String what, Response response, JsonNode root) {
        int status = response.code();
        String detail = root == null ? "" : messageOf(root);
        String msg = what + " answered HTTP " + status + (detail.isBlank() ? "" : ": " + detail);
        if (status == 401) {
            return auth(what, msg);
        }
        if (status == 429) {
            boolean throttled403 = "403".equals(response.header(ThrottledAs429.ORIGINAL_STATUS));
            return new RateLimitedException((throttled403 ? what + " answered HTTP 403 (GoodCang's throttling)"
                    + (detail.isBlank() ? "" : ": " + detail) : msg) + "; retries used up, the next sync tries again.",
                    RetryAfter.parse(response.headers(), clock).orElse(null));
        }
        if (status >= 500 || status == 408) {
            return new TransientSourceException(msg);
        }
        return new ApiErrorException(Integer.toString(status), msg, null);
    }

    static SourceException failure(String what, String code, String message) {
        if ("401".equals(code)) {
            return auth(what, what + " was refused (" + message + ")");
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String w : AUTH_WORDS) {
            if (lower.contains(w)) {
                return auth(what, what + " was refused (" + message + ")");
            }
        }
        return new ApiErrorException(code.isBlank() ? "Failure" : code, message.isBlank() ? what + " failed" : message,
                null);
    }

    private static AuthenticationException auth(String what, String msg) {
        return new AuthenticationException(msg + ". GoodCang did not accept the app key and app token: check them "
                + "in Settings (GoodCang OMS → API settings).");
    }
}
