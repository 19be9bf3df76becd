package com.stocklens.connector.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.ReauthorizationRequiredException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.http.HttpAnswer;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpFailure;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.ProblemText;
import com.stocklens.connector.http.ProviderHttp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TikTok's token host (docs/api/tiktok-shop.md §4): trades an authorization code for tokens
 * ({@code /api/v2/token/get}) and a refresh token for new ones ({@code /api/v2/token/refresh}).
 * These calls are not signed; the app secret travels as a query parameter, which the HTTP log masks.
 * No exception message ever holds a code, token or secret.
 */
public final class TikTokAuthClient {
    private static final Logger LOG = LoggerFactory.getLogger(TikTokAuthClient.class);
    static final String TOKEN_GET = "/api/v2/token/get";
    static final String TOKEN_REFRESH = "/api/v2/token/refresh";

    private final String appKey;
    private final String appSecret;
    private final ProviderHttp http;
    private final Clock clock;

    /**
     * @param authBase token host, e.g. {@code https://auth.tiktok-shops.com}
     */
    public TikTokAuthClient(String authBase, String appKey, String appSecret, HttpClientFactory factory, Clock clock) {
        this.appKey = Objects.requireNonNull(appKey, "appKey");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = ProviderHttp.to("TikTok", authBase)
                .header("content-type", "application/json")
                .mapper(TikTokClient.MAPPER)
                .secretsInUrl()
                .build(factory, HttpPolicy.defaults("tiktok-auth"));
    }

    /** HTTP attempts so far, retries included. */
    public int requestCount() {
        return http.requestCount();
    }

    /**
     * Exchanges an authorization code (single use, valid 30 minutes).
     *
     * @throws AuthenticationException when TikTok refuses the code (used, expired, wrong app)
     */
    public TokenSet exchange(String authCode) throws SourceException {
        if (authCode == null || authCode.isBlank()) {
            throw new IllegalArgumentException("authorization code is empty");
        }
        HttpUrl url = url(TOKEN_GET).addQueryParameter("auth_code", authCode.strip())
                .addQueryParameter("grant_type", "authorized_code").build();
        return call(url, false, authCode);
    }

    /**
     * Trades the refresh token for a new token set.
     *
     * @throws ReauthorizationRequiredException when TikTok refuses the refresh token: only a new
     *                                          authorization helps
     */
    public TokenSet refresh(String refreshToken) throws SourceException {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new ReauthorizationRequiredException("No TikTok refresh token is stored: authorize StockLens "
                    + "for the shop again.");
        }
        HttpUrl url = url(TOKEN_REFRESH).addQueryParameter("refresh_token", refreshToken)
                .addQueryParameter("grant_type", "refresh_token").build();
        return call(url, true, refreshToken);
    }

    private HttpUrl.Builder url(String path) {
        return http.url(path)
                .addQueryParameter("app_key", appKey)
                .addQueryParameter("app_secret", appSecret);
    }

    private TokenSet call(HttpUrl url, boolean refreshing, String credential) throws SourceException {
        String what = refreshing ? "token refresh" : "token exchange";
        // The URL holds the secret: a network failure keeps only its plain reason (secretsInUrl).
        HttpAnswer answer = http.exchange(http.request(url).get().build(), "TikTok " + what + " failed");
        return interpret(what, refreshing, answer, credential);
    }

    private TokenSet interpret(String what, boolean refreshing, HttpAnswer answer, String credential)
            throws SourceException {
        int status = answer.status();
        JsonNode root = TikTokClient.parseEnvelope(answer);
        if (status == 429) {
            throw http.failures().rateLimited("TikTok " + what + ": rate limited (HTTP 429)", answer.headers());
        }
        if (root == null) {
            // No envelope: the shared mapping judges the status, in the words of this call.
            HttpFailure failure = new HttpFailure(status, answer.headers(), "TikTok " + what + ": HTTP " + status, "");
            throw http.failures()
                    .refusedAs(f -> refused(refreshing, "HTTP " + f.status()))
                    .otherwise(f -> new MalformedResponseException(f.message() + " with a body that is not a TikTok "
                            + "envelope"))
                    .map(failure);
        }
        long code = root.path("code").asLong(-1);
        String requestId = root.hasNonNull("request_id") ? root.get("request_id").asText() : null;
        if (code == 0 && status == 200) {
            return parse(root.get("data"), clock.instant());
        }
        String message = ProblemText.clean(scrub(root.path("message").asText(""), credential, appSecret));
        LOG.debug("TikTok {} answered HTTP {} code {} (request {})", what, status, code, requestId);
        String detail = "code " + code + (message.isEmpty() ? "" : ": " + message)
                + (requestId == null ? "" : " (request " + requestId + ")");
        if (code == 36009003 || code == 36009007 || status >= 500) {
            throw new TransientSourceException("TikTok " + what + " failed for now (" + detail + ")");
        }
        if (code == 36009002) {
            throw new RateLimitedException("TikTok " + what + ": rate limited (" + detail + ")", null);
        }
        throw refused(refreshing, detail);
    }

    private static AuthenticationException refused(boolean refreshing, String detail) {
        if (refreshing) {
            return new ReauthorizationRequiredException("TikTok no longer accepts this shop's refresh token ("
                    + detail + "): authorize StockLens for the shop again.");
        }
        return new AuthenticationException("TikTok refused the authorization code (" + detail + "). A code "
                + "works once and only for 30 minutes: open the authorization page again and paste the new code.");
    }

    /** The token envelope's {@code data}, expiry values read both ways ({@link TokenExpiry}). */
    static TokenSet parse(JsonNode data, Instant now) throws MalformedResponseException {
        if (data == null || !data.isObject()) {
            throw new MalformedResponseException("TikTok token response without data");
        }
        String access = text(data, "access_token");
        if (access == null) {
            throw new MalformedResponseException("TikTok token response without access_token");
        }
        List<String> scopes = new ArrayList<>();
        JsonNode granted = data.has("granted_scopes") ? data.get("granted_scopes") : data.get("granted_permissions");
        if (granted != null && granted.isArray()) {
            granted.forEach(s -> scopes.add(s.asText()));
        }
        return new TokenSet(access, text(data, "refresh_token"),
                expiry(data, "access_token_expire_in", now), expiry(data, "refresh_token_expire_in", now), now,
                text(data, "open_id"), text(data, "seller_name"), text(data, "seller_base_region"), scopes);
    }

    private static Instant expiry(JsonNode data, String field, Instant now) throws MalformedResponseException {
        JsonNode n = data.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            return null;
        }
        long value;
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            value = n.longValue();
        } else if (n.isTextual()) {
            try {
                value = Long.parseLong(n.asText().strip());
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("TikTok " + field + " is not a number");
            }
        } else {
            throw new MalformedResponseException("TikTok " + field + " is not a number");
        }
        try {
            return TokenExpiry.read(value, now);
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("TikTok " + field + " is negative");
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    /** Removes any echo of a credential from a server message. */
    static String scrub(String message, String... secrets) {
        String out = message;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, "REDACTED");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "TikTokAuthClient[" + http.base() + ", appKey=" + appKey + ", appSecret=REDACTED]";
    }
}
