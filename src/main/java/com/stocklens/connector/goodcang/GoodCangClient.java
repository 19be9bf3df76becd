package com.stocklens.connector.goodcang;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.http.HttpAnswer;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpFailure;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.ProblemText;
import com.stocklens.connector.http.ProviderHttp;
import com.stocklens.connector.http.RequestCounter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * POSTs JSON to GoodCang's open API with {@code app-key} / {@code app-token} headers (docs/api/warehouses.md §6).
 * Success is {@code ask: "Success"} (V1) or {@code code: 0} (V2). GoodCang reports an empty result as a
 * failure whose message starts with "没有数据" (no data): that is returned as {@link Optional#empty()},
 * not thrown. HTTP 401 and credential failures become {@link AuthenticationException}; HTTP 429 and the
 * 403 GoodCang throttles with (see {@link ThrottledAs429}) are retried by the shared policy and, when
 * the retries run out, become {@link RateLimitedException}.
 */
public final class GoodCangClient {
    private static final String NO_DATA = "没有数据";
    private static final String[] AUTH_WORDS = {"app-token", "app-key", "app_token", "app_key", "apptoken", "appkey",
            "token", "unauthori", "授权", "认证", "鉴权", "令牌", "密钥"};

    private final ProviderHttp http;

    /** @param counter counts every attempt, retries included */
    public GoodCangClient(GoodCangConfig config, HttpClientFactory factory, RequestCounter counter) {
        this.http = ProviderHttp.to("GoodCang", config.apiBase())
                .header("app-key", config.appKey())
                .header("app-token", config.appToken())
                .pageSize(config.pageSize())
                .perAttempt(new ThrottledAs429())
                .counter(counter)
                // 403 never gets here: ThrottledAs429 presents it as 429.
                .failures(f -> f.refusedAs(GoodCangClient::refused, 401))
                .build(factory, HttpPolicy.defaults("goodcang"));
    }

    /**
     * POSTs {@code body} to {@code path} (relative to the base, e.g. {@code /inventory/get_product_inventory}).
     *
     * @return the whole answer, or empty when GoodCang says "没有数据" (no data)
     */
    public Optional<JsonNode> post(String path, Map<String, ?> body) throws SourceException {
        Request request = http.request(http.url(path).build())
                .post(RequestBody.create(http.json(body), ProviderHttp.JSON))
                .build();
        String what = "GoodCang " + path;
        HttpAnswer answer = http.exchange(request, what);
        if (!answer.successful()) {
            throw httpFailure(what, answer);
        }
        JsonNode root = http.object(what, answer);
        if (isSuccess(root)) {
            return Optional.of(root);
        }
        String message = messageOf(root);
        if (message.contains(NO_DATA)) {
            return Optional.empty();
        }
        throw failure(what, errorCode(root), message);
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
        return ProblemText.clean(m.isBlank() ? err : m);
    }

    private static String errorCode(JsonNode root) {
        String c = root.path("Error").path("errCode").asText("");
        return c.isBlank() ? root.path("code").asText(root.path("ask").asText("")) : c;
    }

    /** The shared mapping; a throttle that outlasted the retries says so, and which status GoodCang sent. */
    private SourceException httpFailure(String what, HttpAnswer answer) {
        HttpFailure f = http.describe(what, answer);
        if (answer.status() == 429) {
            boolean throttled403 = "403".equals(answer.headers().get(ThrottledAs429.ORIGINAL_STATUS));
            f = f.withMessage((throttled403 ? what + " answered HTTP 403 (GoodCang's throttling)"
                    + (f.detail().isEmpty() ? "" : ": " + f.detail()) : f.message())
                    + "; retries used up, the next sync tries again.");
        }
        return http.failures().map(f);
    }

    static SourceException failure(String what, String code, String message) {
        if ("401".equals(code)) {
            return auth(what + " was refused (" + message + ")");
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String w : AUTH_WORDS) {
            if (lower.contains(w)) {
                return auth(what + " was refused (" + message + ")");
            }
        }
        return new ApiErrorException(code.isBlank() ? "Failure" : code, message.isBlank() ? what + " failed" : message,
                null);
    }

    private static AuthenticationException refused(HttpFailure f) {
        return auth(f.message());
    }

    private static AuthenticationException auth(String msg) {
        return new AuthenticationException(msg + ". GoodCang did not accept the app key and app token: check them "
                + "in Settings (GoodCang OMS → API settings).");
    }
}
