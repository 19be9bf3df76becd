package com.stocklens.connector.tiktok;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.connector.http.HttpAnswer;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpFailure;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.JsonProblems;
import com.stocklens.connector.http.ProblemText;
import com.stocklens.connector.http.ProviderHttp;
import com.stocklens.connector.http.RateLimit;
import com.stocklens.connector.tiktok.TikTokDtos.Shop;
import com.stocklens.connector.tiktok.TikTokDtos.ShopsData;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the TikTok Shop API (docs/api/tiktok-shop.md §2–3, §6): adds {@code app_key}, {@code shop_cipher}
 * where the endpoint is shop-scoped, the {@code x-tts-access-token} and {@code content-type}
 * headers, signs every attempt, and turns the envelope into {@code data} or a typed
 * {@link SourceException}.
 */
public final class TikTokClient {
    private static final Logger LOG = LoggerFactory.getLogger(TikTokClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    /** TikTok's documented limit: requests per second per API and shop (docs/api/tiktok-shop.md §6). */
    public static final int DOCUMENTED_PER_SECOND = 50;

    /** Far below {@link #DOCUMENTED_PER_SECOND}: a live shop's app may share the limit with other tools. */
    public static final RateLimit DEFAULT_RATE_LIMIT = RateLimit.perSecond(5);

    static final ObjectMapper MAPPER = ProviderHttp.snakeCaseMapper();

    static final String SHOPS_PATH = "/authorization/202309/shops";

    private final TikTokConfig config;
    private final ProviderHttp http;
    private final Clock clock;
    private final TikTokTokens tokens;
    private final LongSupplier ticker;
    /** Server time minus this PC's time, learnt from TikTok's Date header after an "invalid timestamp" refusal. */
    private final AtomicLong clockOffsetMillis = new AtomicLong();

    /** A client with {@link HttpPolicy#defaults} and {@link #DEFAULT_RATE_LIMIT}. */
    public TikTokClient(TikTokConfig config, HttpClientFactory factory, Clock clock) {
        this(config, factory, HttpPolicy.defaults("tiktok").withRateLimit(DEFAULT_RATE_LIMIT), clock);
    }

    /**
     * @param clock source of the {@code timestamp} parameter, read right before each attempt
     */
    public TikTokClient(TikTokConfig config, HttpClientFactory factory, HttpPolicy policy, Clock clock) {
        this(config, TikTokTokens.fixed(config.accessToken()), factory, policy, clock);
    }

    /** A client whose access token comes from {@code tokens} (renewed before expiry and after 105002). */
    public TikTokClient(TikTokConfig config, TikTokTokens tokens, HttpClientFactory factory, Clock clock) {
        this(config, tokens, factory, HttpPolicy.defaults("tiktok").withRateLimit(DEFAULT_RATE_LIMIT), clock);
    }

    /**
     * @param tokens where the access token comes from; {@link TikTokConfig#accessToken()} is then unused
     * @param clock  source of the {@code timestamp} parameter, read right before each attempt
     */
    public TikTokClient(TikTokConfig config, TikTokTokens tokens, HttpClientFactory factory, HttpPolicy policy,
                        Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = factory.ticker();
        this.http = ProviderHttp.to("TikTok", config.apiBaseUrl())
                .header("content-type", "application/json")
                .mapper(MAPPER)
                .pageSize(Math.max(config.pageSize(), config.inventoryBatch()))
                .perAttempt(new TikTokSigningInterceptor(config.appSecret(), new OffsetClock(clock, clockOffsetMillis)))
                .failures(f -> f.refusedAs(r -> new AuthenticationException(
                        r.message() + ": check app key, secret and access token")))
                .build(factory, policy);
    }

    public TikTokConfig config() {
        return config;
    }

    /** Where this client's access token comes from. */
    public TikTokTokens tokens() {
        return tokens;
    }

    /** HTTP attempts made by this client so far, retries included. */
    public int requestCount() {
        return http.requestCount();
    }

    /** The monotonic clock of the client's HTTP factory, for a read's deadline. */
    public LongSupplier ticker() {
        return ticker;
    }

    /** Every authorized shop, each with the id and cipher its shop-scoped calls need. */
    public List<Shop> shops() throws SourceException {
        ShopsData data = convert(get(SHOPS_PATH, null, Map.of()), ShopsData.class, "shops");
        List<Shop> out = new ArrayList<>();
        for (Shop shop : data.shops() == null ? List.<Shop>of() : data.shops()) {
            if (shop.id() == null || shop.id().isBlank() || shop.cipher() == null || shop.cipher().isBlank()) {
                throw new MalformedResponseException("TikTok shop without id or cipher: " + shop.id());
            }
            out.add(shop);
        }
        return out;
    }

    /**
     * GET an endpoint.
     *
     * @param path       API path, e.g. {@code /logistics/202309/warehouses}
     * @param shopCipher the shop's cipher, or null for endpoints that must not get one ({@code /authorization/*})
     * @param query      endpoint parameters; empty values are dropped
     * @return the envelope's {@code data} (an empty object when {@code data} is null)
     */
    public JsonNode get(String path, String shopCipher, Map<String, String> query) throws SourceException {
        return call("GET", path, shopCipher, query, null, false);
    }

    /** POST an endpoint with a JSON body, serialized once; those bytes are signed and sent. */
    public JsonNode post(String path, String shopCipher, Map<String, String> query, Object body)
            throws SourceException {
        return call("POST", path, shopCipher, query, http.json(body), false);
    }

    /**
     * POST a write whose answer may report per-item failures inside a {@code code: 0} envelope
     * ({@code data.errors[]}, docs/api/tiktok-shop.md §5.5): the {@code data} comes back with them for the
     * caller to read, instead of the whole call failing as a read would.
     */
    public JsonNode postWrite(String path, String shopCipher, Map<String, String> query, Object body)
            throws SourceException {
        return call("POST", path, shopCipher, query, http.json(body), true);
    }

    /** Maps {@code data} onto a DTO, lenient about unknown fields and numeric strings. */
    static <T> T convert(JsonNode data, Class<T> type, String what) throws MalformedResponseException {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException("TikTok " + what + ": unexpected data shape: "
                    + JsonProblems.plain(e), e);
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException("TikTok " + what + ": unexpected data shape", e);
        }
    }

    /**
     * One call with the current access token; after {@code 105002} the token is renewed (once, shared
     * with concurrent callers) and the call is repeated once.
     */
    private JsonNode call(String method, String path, String shopCipher, Map<String, String> query, byte[] body,
                          boolean itemErrors) throws SourceException {
        String token = tokens.accessToken();
        try {
            return attemptOnServerTime(method, path, shopCipher, query, body, token, itemErrors);
        } catch (AccessTokenExpiredException e) {
            if (!tokens.renewable()) {
                throw new AuthenticationException(e.getMessage());
            }
            String renewed = tokens.renewAfterRejection(token);
            try {
                return attemptOnServerTime(method, path, shopCipher, query, body, renewed, itemErrors);
            } catch (AccessTokenExpiredException again) {
                throw new AuthenticationException("TikTok refused the renewed access token as expired (105002): "
                        + "check that this PC's clock is right. " + again.detail);
            }
        } catch (DeauthorizedException e) {
            throw tokens.deauthorized(e.detail);
        }
    }

    /**
     * One attempt; when TikTok refuses the timestamp (36009004 "invalid timestamp") and says its own time
     * in the {@code Date} header, the offset to this PC's clock is kept for every later call and the
     * attempt is repeated once with corrected timestamps.
     */
    private JsonNode attemptOnServerTime(String method, String path, String shopCipher, Map<String, String> query,
                                         byte[] body, String accessToken, boolean itemErrors) throws SourceException {
        try {
            return attempt(method, path, shopCipher, query, body, accessToken, itemErrors);
        } catch (TimestampRefusedException e) {
            if (e.serverTime == null) {
                throw e.plain();
            }
            long offset = e.serverTime.toEpochMilli() - clock.millis();
            long before = clockOffsetMillis.getAndSet(offset);
            LOG.info("TikTok refused the timestamp: this PC's clock is {} s off TikTok's; correcting and retrying once",
                    Math.round(-offset / 1000.0));
            try {
                return attempt(method, path, shopCipher, query, body, accessToken, itemErrors);
            } catch (TimestampRefusedException again) {
                // The correction did not help: keep what was known before, not a wrong offset.
                clockOffsetMillis.compareAndSet(offset, before);
                throw again.plain();
            }
        }
    }

    /** Milliseconds added to this PC's clock when signing (0 until TikTok refused a timestamp). */
    public long clockOffsetMillis() {
        return clockOffsetMillis.get();
    }

    private JsonNode attempt(String method, String path, String shopCipher, Map<String, String> query, byte[] body,
                             String accessToken, boolean itemErrors) throws SourceException {
        if (shopCipher != null && (path.startsWith("/authorization/") || path.startsWith("/seller/"))) {
            throw new IllegalArgumentException("shop_cipher must not be sent to " + path);
        }
        HttpUrl.Builder url = http.url(path).addQueryParameter("app_key", config.appKey());
        if (shopCipher != null) {
            url.addQueryParameter("shop_cipher", shopCipher);
        }
        query.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                url.addQueryParameter(k, v);
            }
        });
        Request request = http.request(url.build())
                .method(method, body == null ? null : RequestBody.create(body, JSON))
                .header("x-tts-access-token", accessToken)
                .tag(TikTokSigningInterceptor.Signable.class, new TikTokSigningInterceptor.Signable(path, body))
                .build();
        return interpret(path, http.exchange(request, "TikTok " + path), itemErrors);
    }

    private JsonNode interpret(String path, HttpAnswer answer, boolean itemErrors) throws SourceException {
        int status = answer.status();
        JsonNode root = parseEnvelope(answer);
        if (root == null) {
            throw byStatus(path, answer, "HTTP " + status + " with a body that is not a TikTok envelope", true);
        }
        long code = root.path("code").asLong(-1);
        String message = ProblemText.clean(root.path("message").asText(""));
        String requestId = root.hasNonNull("request_id") ? root.get("request_id").asText() : null;
        if (code == 0) {
            if (status != 200) {
                throw byStatus(path, answer, "HTTP " + status + " with code 0", false);
            }
            JsonNode data = root.get("data");
            if (data == null || data.isNull()) {
                data = MAPPER.createObjectNode();
            }
            JsonNode errors = data.get("errors");
            if (!itemErrors && errors != null && errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                // A 0 envelope with per-item errors is a partial result; a snapshot must be whole.
                throw new ApiErrorException(first.path("code").asText("?"),
                        path + " reported " + errors.size() + " item error(s), first: "
                                + first.path("message").asText(""), requestId);
            }
            return data;
        }
        LOG.debug("TikTok {} answered HTTP {} code {} (request {})", path, status, code, requestId);
        String detail = message + (requestId == null ? "" : " (request " + requestId + ")");
        switch ((int) code) {
            case 106001 -> throw new AuthenticationException("TikTok refused the request signature (106001): "
                    + "check the app secret in Settings; if it is right, report a signing bug. " + detail);
            case 105001 -> throw new DeauthorizedException(detail);
            case 105002 -> throw new AccessTokenExpiredException(detail);
            case 105005 -> throw new ScopeMissingException("The TikTok app lacks an API scope (105005): "
                    + "enable the scopes in Partner Center and authorize the shop again. " + detail);
            case 36009004 -> {
                if (message.toLowerCase(Locale.ROOT).contains("timestamp")) {
                    throw new TimestampRefusedException(serverTime(answer), detail);
                }
                throw new AuthenticationException("TikTok refused the credentials (36009004): "
                    + "check app key and access token, and that this PC's clock is right "
                    + "(TikTok accepts −5 min … +30 s). " + detail);
            }
            case 36009002 -> throw http.failures().rateLimited("TikTok rate limit (36009002) outlasted the retries: "
                    + detail, answer.headers());
            case 36009003, 36009007 -> throw new TransientSourceException("TikTok temporary failure ("
                    + code + "): " + detail);
            default -> {
                if (status == 429) {
                    throw http.failures().rateLimited("TikTok HTTP 429 (code " + code + "): " + detail,
                            answer.headers());
                }
                throw new ApiErrorException(Long.toString(code), message, requestId);
            }
        }
    }

    /** An answer without a usable envelope, judged by its status (the shared mapping). */
    private SourceException byStatus(String path, HttpAnswer answer, String what, boolean malformedOtherwise) {
        HttpFailure failure = new HttpFailure(answer.status(), answer.headers(), "TikTok " + path + ": " + what, "");
        return http.failures().otherwise(f -> malformedOtherwise ? new MalformedResponseException(f.message())
                : new ApiErrorException("HTTP " + f.status(), f.message(), null)).map(failure);
    }

    /** The answer's TikTok envelope, or null when it has none. */
    static JsonNode parseEnvelope(HttpAnswer answer) {
        JsonNode root = answer.json();
        if (root == null && answer.body().length > 0) {
            try {
                root = MAPPER.readTree(answer.body());
            } catch (IOException e) {
                return null;
            }
        }
        return root != null && root.isObject() && root.has("code") ? root : null;
    }

    /** The server's time from its {@code Date} header, or null when absent or unreadable. */
    private static Instant serverTime(HttpAnswer answer) {
        Date date = answer.headers().getDate("Date");
        return date == null ? null : date.toInstant();
    }

    /** 36009004 "invalid timestamp" inside the client: corrected and retried once by {@link #attemptOnServerTime}. */
    private static final class TimestampRefusedException extends AuthenticationException {
        private static final long serialVersionUID = 1L;
        private final transient Instant serverTime;
        private final String detail;

        TimestampRefusedException(Instant serverTime, String detail) {
            super("TikTok refused the request time (36009004): " + detail);
            this.serverTime = serverTime;
            this.detail = detail;
        }

        AuthenticationException plain() {
            return new AuthenticationException("TikTok refused the request time (36009004) even after correcting for "
                    + "its clock: check that this PC's clock and time zone are right. " + detail);
        }
    }

    /** A clock running {@code offset} milliseconds ahead of {@code base}; the offset can change at any time. */
    static final class OffsetClock extends Clock {
        private final Clock base;
        private final AtomicLong offset;

        OffsetClock(Clock base, AtomicLong offset) {
            this.base = base;
            this.offset = offset;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new OffsetClock(base.withZone(zone), offset);
        }

        @Override
        public Instant instant() {
            return base.instant().plusMillis(offset.get());
        }
    }

    /** 105002 inside the client: renewed and retried by {@link #call}, never seen by callers. */
    private static final class AccessTokenExpiredException extends AuthenticationException {
        private static final long serialVersionUID = 1L;
        private final String detail;

        AccessTokenExpiredException(String detail) {
            super("TikTok access token expired (105002) and StockLens cannot refresh it: authorize StockLens for "
                    + "the shop again, or enter a new access token. " + detail);
            this.detail = detail;
        }
    }

    /** 105001 inside the client: turned into a {@code ReauthorizationRequiredException} by {@link #call}. */
    private static final class DeauthorizedException extends AuthenticationException {
        private static final long serialVersionUID = 1L;
        private final String detail;

        DeauthorizedException(String detail) {
            super("105001 " + detail);
            this.detail = detail;
        }
    }
}
