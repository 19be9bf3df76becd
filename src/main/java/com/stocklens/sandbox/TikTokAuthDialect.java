package com.stocklens.sandbox;

import static com.stocklens.sandbox.Exchange.obj;

import com.stocklens.sandbox.Exchange.Request;
import com.stocklens.sandbox.Exchange.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TikTok's authorization side on loopback (docs/api/tiktok-shop.md §4): the seller authorization page
 * ({@code /open/authorize?service_id=..&state=..}, and the legacy {@code /oauth/authorize?app_key=..}),
 * a redirect target that shows the URL to paste back ({@code /sandbox/tiktok/callback}), and the token
 * host ({@code /api/v2/token/get}, {@code /api/v2/token/refresh}).
 *
 * <p>As documented: auth codes are single use and expire 30 minutes after the page issued them;
 * {@code *_expire_in} are absolute Unix seconds (or, when {@link #setExpiryAsDuration} asks for it, the
 * other reading, seconds from now). Refresh tokens rotate: each works once. Access-token lifetime is
 * settable so that expiry can be exercised; an issued token past its expiry is answered with
 * {@code 105002} by the shop API. Time is the simulated world's clock.
 */
final class TikTokAuthDialect implements Exchange.Dialect {
    static final String TOKEN_GET = "/api/v2/token/get";
    static final String TOKEN_REFRESH = "/api/v2/token/refresh";
    static final String AUTHORIZE = "/open/authorize";
    static final String LEGACY_AUTHORIZE = "/oauth/authorize";
    static final String CALLBACK = "/sandbox/tiktok/callback";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(30);
    static final List<String> SCOPES = List.of("seller.authorization.info", "seller.product.basic",
            "seller.product.write", "seller.logistics", "seller.order.info", "seller.return_refund.basic");

    /** What the shop API makes of an access token. */
    enum Validity { VALID, EXPIRED, UNKNOWN }

    private record Code(Instant expiresAt) {
    }

    private record Issued(Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Issued> refreshTokens = new ConcurrentHashMap<>();
    private volatile Duration accessLifetime = Duration.ofDays(7);
    private volatile Duration refreshLifetime = Duration.ofDays(365);
    private volatile boolean expiryAsDuration;
    private volatile String baseUrl = "";

    TikTokAuthDialect(Clock clock) {
        this.clock = clock;
    }

    static boolean owns(String path) {
        return path.startsWith("/api/v2/token/") || path.equals(AUTHORIZE) || path.equals(LEGACY_AUTHORIZE)
                || path.equals(CALLBACK);
    }

    void setBaseUrl(String base) {
        this.baseUrl = base;
    }

    void setAccessTokenLifetime(Duration lifetime) {
        this.accessLifetime = lifetime;
    }

    void setRefreshTokenLifetime(Duration lifetime) {
        this.refreshLifetime = lifetime;
    }

    void setExpiryAsDuration(boolean asDuration) {
        this.expiryAsDuration = asDuration;
    }

    /** Issues an authorization code as the page does when the seller approves (for tests). */
    String issueCode() {
        String code = "sbxcode_" + seq.incrementAndGet() + "_" + hex(8);
        codes.put(code, new Code(clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** The shop API's view of an access token issued here. */
    Validity check(String accessToken) {
        Issued issued = accessToken == null ? null : accessTokens.get(accessToken);
        if (issued == null) {
            return Validity.UNKNOWN;
        }
        return clock.instant().isBefore(issued.expiresAt()) ? Validity.VALID : Validity.EXPIRED;
    }

    @Override
    public Response handle(Request req) {
        if (!"GET".equals(req.method())) {
            return error(405, 36009010, "Invalid method " + req.method() + " for " + req.path());
        }
        return switch (req.path()) {
            case AUTHORIZE -> authorizePage(req, SandboxCredentials.TIKTOK_SERVICE_ID.equals(req.param("service_id")));
            case LEGACY_AUTHORIZE -> authorizePage(req, SandboxCredentials.TIKTOK_APP_KEY.equals(req.param("app_key")));
            case CALLBACK -> callbackPage(req);
            case TOKEN_GET -> tokenGet(req);
            case TOKEN_REFRESH -> tokenRefresh(req);
            default -> error(404, 36009009, "Invalid path: " + req.path());
        };
    }

    @Override
    public Response fault(Request req, Fault fault) {
        return switch (fault.kind()) {
            case HTTP_500 -> error(500, 36009003, "Internal error. Please try again later.");
            case HTTP_429 -> error(429, 36009002, "Too many requests.");
            case TOKEN_EXPIRED -> error(401, 105002, "Expired credentials. The access token has expired.");
            case API_ERROR -> error(200, 36009010, "Internal error.");
            default -> throw new IllegalArgumentException("Not a response fault: " + fault);
        };
    }

    private Response authorizePage(Request req, boolean knownApp) {
        if (!knownApp) {
            return html(404, "<h1>App not found</h1><p>The service id or app key is not a sandbox app.</p>");
        }
        String state = req.param("state") == null ? "" : req.param("state");
        String code = issueCode();
        String approve = CALLBACK + "?code=" + enc(code) + "&state=" + enc(state) + "&locale=en&shop_region=GB";
        String deny = CALLBACK + "?code=null&error=auth_denied&state=" + enc(state);
        return html(200, "<h1>Authorize StockLens (sandbox)</h1>"
                + "<p>StockLens asks to read your shop's products, stock, warehouses, orders and returns.</p>"
                + "<p><a id=\"approve\" href=\"" + approve + "\">Authorize</a> &nbsp; "
                + "<a id=\"deny\" href=\"" + deny + "\">Cancel</a></p>");
    }

    private Response callbackPage(Request req) {
        String url = baseUrl + CALLBACK + (req.rawQuery() == null ? "" : "?" + req.rawQuery());
        String escaped = url.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        String title = req.param("error") != null ? "Authorization declined" : "Authorization complete";
        return html(200, "<h1>" + title + "</h1><p>Copy this address and paste it into StockLens:</p>"
                + "<p><input id=\"redirect\" size=\"100\" readonly value=\"" + escaped + "\"></p>");
    }

    private Response tokenGet(Request req) {
        Response denied = checkApp(req);
        if (denied != null) {
            return denied;
        }
        if (!"authorized_code".equals(req.param("grant_type"))) {
            return error(400, 36009004, "Invalid grant_type.");
        }
        String code = req.param("auth_code");
        Code c = code == null ? null : codes.remove(code);
        if (c == null) {
            return error(400, 36009004, "Invalid auth_code: unknown or already used.");
        }
        if (!clock.instant().isBefore(c.expiresAt())) {
            return error(400, 36009004, "Invalid auth_code: expired.");
        }
        return ok(issueTokens(clock.instant().plus(refreshLifetime)));
    }

    private Response tokenRefresh(Request req) {
        Response denied = checkApp(req);
        if (denied != null) {
            return denied;
        }
        if (!"refresh_token".equals(req.param("grant_type"))) {
            return error(400, 36009004, "Invalid grant_type.");
        }
        String token = req.param("refresh_token");
        Issued r = token == null ? null : refreshTokens.remove(token);
        if (r == null) {
            return error(400, 36009004, "Invalid refresh_token: unknown or already used.");
        }
        if (!clock.instant().isBefore(r.expiresAt())) {
            return error(400, 36009004, "Invalid refresh_token: the authorization has expired.");
        }
        // The authorization period does not grow with a refresh.
        return ok(issueTokens(r.expiresAt()));
    }

    private Response checkApp(Request req) {
        if (!SandboxCredentials.TIKTOK_APP_KEY.equals(req.param("app_key"))
                || !SandboxCredentials.TIKTOK_APP_SECRET.equals(req.param("app_secret"))) {
            return error(401, 36009004, "Invalid credentials. app_key or app_secret is invalid.");
        }
        return null;
    }

    private Map<String, Object> issueTokens(Instant refreshExpires) {
        Instant now = clock.instant();
        long n = seq.incrementAndGet();
        String access = "TTP_sbxA" + n + hex(16);
        String refresh = "TTP_sbxR" + n + hex(16);
        Instant accessExpires = now.plus(accessLifetime);
        accessTokens.put(access, new Issued(accessExpires));
        refreshTokens.put(refresh, new Issued(refreshExpires));
        return obj("access_token", access, "access_token_expire_in", expireIn(accessExpires, now),
                "refresh_token", refresh, "refresh_token_expire_in", expireIn(refreshExpires, now),
                "open_id", "7010736057180325999", "seller_name", "StockLens Sandbox Seller",
                "seller_base_region", "GB", "user_type", 0, "granted_scopes", SCOPES);
    }

    private long expireIn(Instant at, Instant now) {
        return expiryAsDuration ? Math.max(0, Duration.between(now, at).getSeconds()) : at.getEpochSecond();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Response ok(Object data) {
        return Response.json(200, obj("code", 0, "message", "success", "request_id", "sbxauth" + seq.incrementAndGet(),
                "data", data));
    }

    private Response error(int status, int code, String message) {
        return Response.json(status, obj("code", code, "message", message,
                "request_id", "sbxauth" + seq.incrementAndGet(), "data", null));
    }

    private static Response html(int status, String body) {
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>TikTok Shop sandbox</title></head>"
                + "<body style=\"font-family:sans-serif;margin:2em\">" + body + "</body></html>";
        return new Response(status, Map.of("Content-Type", "text/html; charset=utf-8"),
                page.getBytes(StandardCharsets.UTF_8));
    }
}
