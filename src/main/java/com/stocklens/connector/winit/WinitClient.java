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
import com.stocklens.connector.SourceException;
import com.stocklens.connector.http.HttpAnswer;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpFailure;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.ProblemText;
import com.stocklens.connector.http.ProviderHttp;
import com.stocklens.connector.http.RequestCounter;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Calls one action on WINIT's gateway (docs/api/warehouses.md §3.3, §3.4): a signed JSON envelope POSTed to the
 * single service URL. {@code data} is serialized once (compact, keys sorted) and that same text goes
 * into the body and into both signatures. Network failures and HTTP 5xx / 429 are retried by the
 * shared HTTP policy; what is left is mapped to a typed {@link SourceException}.
 */
public final class WinitClient {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final WinitConfig config;
    private final Clock clock;
    private final ProviderHttp http;

    /**
     * @param counter counts every attempt, retries included
     * @param clock   source of the signed {@code timestamp}
     */
    public WinitClient(WinitConfig config, HttpClientFactory factory, RequestCounter counter, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = ProviderHttp.to("WINIT", config.apiBase())
                .mapper(MAPPER)
                .pageSize(config.pageSize())
                .counter(counter)
                .failures(f -> f.refusedAs(WinitClient::refused))
                .build(factory, HttpPolicy.defaults("winit"));
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
        Request request = http.request(http.base())
                .post(RequestBody.create(envelope(action, data), ProviderHttp.JSON))
                .build();
        String what = "WINIT " + action;
        HttpAnswer answer = http.exchange(request, what);
        if (!answer.successful()) {
            throw http.failure(what, answer);
        }
        JsonNode root = http.object(what, answer);
        JsonNode code = root.get("code");
        String msg = root.path("msg").asText("");
        if (!isSuccess(code, msg)) {
            throw apiFailure(what, code == null ? "" : code.asText(""), ProblemText.clean(msg));
        }
        return root.path("data");
    }

    /** {@code code} 0 or "0" (docs/api/warehouses.md §3.5); a missing code with WINIT's "操作成功" also counts. */
    static boolean isSuccess(JsonNode code, String msg) {
        if (code == null || code.isNull()) {
            return "操作成功".equals(msg);
        }
        if (code.isIntegralNumber()) {
            return code.asLong() == 0;
        }
        return code.isTextual() && code.textValue().strip().equals("0");
    }

    private static AuthenticationException refused(HttpFailure f) {
        return new AuthenticationException(f.message() + ". WINIT refused the credentials: check the app key, API "
                + "token, client id and client secret of this connection in Settings.");
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
