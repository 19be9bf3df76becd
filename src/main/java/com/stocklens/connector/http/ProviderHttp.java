package com.stocklens.connector.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * One provider's HTTP, the way every connector calls it: a client from {@link HttpClientFactory} (retries,
 * rate limit, counting, redacted log), a base URL, the headers every request carries ({@code Accept:
 * application/json} and the dialect's credentials), one JSON mapper,
 * and the shared failure mapping ({@link HttpFailures}) in the dialect's words. A call gives the whole
 * answer ({@link #exchange}) or, for plain JSON APIs, the decoded body ({@link #get}, {@link #post}):
 * a network failure becomes a {@link TransientSourceException} in plain words, a failed status the
 * mapped {@link SourceException}, an unreadable body a {@link MalformedResponseException}.
 *
 * <p>Hostile answers ({@link ReadLimits}): credentials go only to the base URL's origin (scheme, host and
 * port) — a redirect is followed only within it (at most {@value #MAX_REDIRECTS} times), and a request for
 * another origin (a paging link, a redirect) fails the read before anything is sent there. A body is parsed as
 * it streams in, capped at {@link ReadLimits#bodyCap} for the dialect's page size; a failed answer's first
 * {@link ReadLimits#ERROR_BODY_BYTES} bytes are read for its words.
 *
 * <p>What stays in the dialect: its endpoints and DTOs, signing, envelopes, paging and buckets.
 */
public final class ProviderHttp {
    /** The content type of every JSON request body. */
    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Redirects followed within the provider's origin before the call fails. */
    public static final int MAX_REDIRECTS = 5;
    /** The longest text value a provider's answer may hold (a name, an id), far beyond any real one. */
    static final int MAX_STRING_CHARS = 1_000_000;
    private static final Set<Integer> REDIRECTS = Set.of(300, 301, 302, 303, 307, 308);

    private final String label;
    private final HttpUrl base;
    private final Map<String, String> headers;
    private final ObjectMapper mapper;
    private final RequestCounter counter;
    private final HttpFailures failures;
    private final boolean causes;
    private final long bodyCap;
    /** Made on the first request ({@link HttpClientFactory#onFirstUse}). */
    private final Supplier<OkHttpClient> http;

    private ProviderHttp(Builder b, HttpClientFactory factory, HttpPolicy policy) {
        this.label = b.label;
        this.base = b.base;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.mapper = b.mapper;
        this.counter = b.counter == null ? new RequestCounter() : b.counter;
        this.failures = b.failures.apply(factory.failures());
        this.causes = b.causes;
        this.bodyCap = b.bodyCap;
        this.http = factory.onFirstUse(policy, counter, b.perAttempt);
    }

    /**
     * A configured base URL as every connector keeps it: without trailing slashes, so paths join with one.
     *
     * @param name the setting's name, for the exception when it is missing
     */
    public static String baseUrl(String url, String name) {
        String u = Objects.requireNonNull(url, name);
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /**
     * Reads unknown fields leniently (providers add fields without notice), but never a fraction as a whole
     * number (12.7 is not 12) and no text value longer than {@value #MAX_STRING_CHARS} characters.
     */
    public static ObjectMapper lenientMapper() {
        return strictNumbers().build();
    }

    /** {@link #lenientMapper()} for APIs that spell fields in snake case ({@code on_hand_quantity}). */
    public static ObjectMapper snakeCaseMapper() {
        return strictNumbers().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    }

    private static JsonMapper.Builder strictNumbers() {
        JsonFactory json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
                .build();
        return JsonMapper.builder(json).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /**
     * Starts a provider's HTTP.
     *
     * @param label   the provider's name at the start of every message, e.g. {@code ShipBob}
     * @param baseUrl where its paths start
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public static Builder to(String label, String baseUrl) {
        return new Builder(label, baseUrl);
    }

    /** HTTP attempts made so far, retries included. */
    public int requestCount() {
        return counter.count();
    }

    /** The base URL itself. */
    public HttpUrl base() {
        return base;
    }

    /** {@code path} below the base URL ({@code a/b} or {@code /a/b}), to add query parameters to. */
    public HttpUrl.Builder url(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return Objects.requireNonNull(HttpUrl.parse(stripSlash(base.toString()) + "/" + p), path).newBuilder();
    }

    /** A request to {@code url} with the headers every request of this provider carries. */
    public Request.Builder request(HttpUrl url) {
        Request.Builder b = new Request.Builder().url(url);
        headers.forEach(b::header);
        return b;
    }

    /** The failure mapping in this provider's words, for answers the dialect reads itself. */
    public HttpFailures failures() {
        return failures;
    }

    /** {@code body} as JSON bytes with this provider's mapper. */
    public byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body == null ? Map.of() : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(label + " request body cannot be serialized", e);
        }
    }

    /** GETs {@code url} and decodes the body. */
    public <T> T get(HttpUrl url, TypeReference<T> type) throws SourceException {
        return decode(request(url).get().build(), type).body();
    }

    /** POSTs {@code body} as JSON to {@code url} and decodes the answer. */
    public <T> T post(HttpUrl url, Object body, TypeReference<T> type) throws SourceException {
        return decode(request(url).post(RequestBody.create(json(body), JSON)).build(), type).body();
    }

    /**
     * Sends {@code request} and decodes a 2xx body as {@code type} while it streams in, with the answer's
     * headers (some providers page in headers); any other status is a mapped failure.
     */
    public <T> Decoded<T> decode(Request request, TypeReference<T> type) throws SourceException {
        String what = label + " " + request.method() + " " + request.url().encodedPath();
        return send(request, what, (response, in) -> {
            if (!response.isSuccessful()) {
                throw failure(what, new HttpAnswer(response.code(), response.headers(),
                        CappedBody.head(in, ReadLimits.ERROR_BODY_BYTES)));
            }
            T body;
            try {
                PushbackInputStream content = new PushbackInputStream(in);
                int first = content.read();
                if (first < 0) {
                    throw new MalformedResponseException(what + ": empty body");
                }
                content.unread(first);
                body = mapper.readValue(content, type);
            } catch (JsonProcessingException e) {
                throw unreadable(what, streamFailure(e));
            }
            if (body == null) {
                throw new MalformedResponseException(what + ": empty body");
            }
            return new Decoded<>(body, response.headers());
        });
    }

    /** A decoded body with the headers it came with. */
    public record Decoded<T>(T body, Headers headers) {
    }

    /**
     * Sends {@code request} and reads the whole answer, whatever its status: a 2xx body parsed as JSON while
     * it streams in ({@link HttpAnswer#json}), any other body's first bytes.
     *
     * @param what the call in a person's words, at the start of any message
     * @throws TransientSourceException   when the network failed (after the shared retries)
     * @throws MalformedResponseException when a 2xx body is not JSON or too large, or the call would send
     *                                    the credentials to another origin
     */
    public HttpAnswer exchange(Request request, String what) throws SourceException {
        return send(request, what, (response, in) -> {
            if (!response.isSuccessful()) {
                return new HttpAnswer(response.code(), response.headers(),
                        CappedBody.head(in, ReadLimits.ERROR_BODY_BYTES));
            }
            JsonNode tree;
            try {
                tree = mapper.readTree(in);
            } catch (JsonProcessingException e) {
                throw unreadable(what, streamFailure(e));
            }
            return new HttpAnswer(response.code(), response.headers(), new byte[0],
                    tree == null || tree.isMissingNode() ? null : tree);
        });
    }

    /** Reads one answer's body; an {@link IOException} of the stream is a network failure (or the cap). */
    private interface BodyReader<R> {
        R read(Response response, InputStream body) throws SourceException, IOException;
    }

    /**
     * Sends {@code request}, following redirects within the base URL's origin, and hands the final answer's
     * body, capped at {@link #bodyCap}, to {@code reader}. Nothing is sent to another origin.
     */
    private <R> R send(Request request, String what, BodyReader<R> reader) throws SourceException {
        Request current = request;
        for (int hops = 0; ; hops++) {
            if (!sameOrigin(current.url(), base)) {
                throw new MalformedResponseException(what + ": the answer pointed to another server ("
                        + origin(current.url()) + "); StockLens sends this connection's credentials only to "
                        + origin(base) + ", so the read stopped");
            }
            try (Response response = http.get().newCall(current).execute()) {
                HttpUrl target = redirectTarget(response, current.url());
                if (target != null) {
                    if (!sameOrigin(target, base)) {
                        throw new MalformedResponseException(what + " was redirected to another server ("
                                + origin(target) + "); StockLens sends this connection's credentials only to "
                                + origin(base) + ", so the read stopped");
                    }
                    if (hops >= MAX_REDIRECTS) {
                        throw new MalformedResponseException(what + " was redirected more than " + MAX_REDIRECTS
                                + " times");
                    }
                    current = redirected(current, response.code(), target);
                    continue;
                }
                ResponseBody rb = response.body();
                InputStream in = rb == null ? InputStream.nullInputStream() : rb.byteStream();
                return reader.read(response, new CappedBody(in, bodyCap));
            } catch (CappedBody.TooLarge e) {
                throw new MalformedResponseException(what + ": the answer is larger than "
                        + ReadLimits.size(e.cap()) + ", the most one page may hold; the read stopped", e);
            } catch (IOException e) {
                if (!causes) {
                    // The I/O exception's own text may quote the URL, which holds a secret here.
                    throw new TransientSourceException(what + ": " + TransientSourceException.plainReason(e));
                }
                throw TransientSourceException.network(what, e);
            }
        }
    }

    /**
     * {@code e} itself, unless the stream under the parser failed (the cap, the connection): the databind
     * wraps that failure with the path it was reading, and it is thrown as what it is.
     */
    private static JsonProcessingException streamFailure(JsonProcessingException e) throws IOException {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof JsonProcessingException)) {
                throw io;
            }
        }
        return e;
    }

    /** Where a 3xx answer sends the caller, or null when it is no redirect. */
    private static HttpUrl redirectTarget(Response response, HttpUrl from) {
        String location = response.header("Location");
        if (!REDIRECTS.contains(response.code()) || location == null || location.isBlank()) {
            return null;
        }
        HttpUrl target = from.resolve(location.strip());
        // A Location that is no http(s) URL at all counts as another server's.
        return target == null ? HttpUrl.get("http://unreadable-location.invalid/") : target;
    }

    /** The request again at {@code target}; 303 turns it into a GET as HTTP says. */
    private static Request redirected(Request request, int status, HttpUrl target) {
        Request.Builder b = request.newBuilder().url(target);
        if (status == 303 && !"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            b.method("GET", null);
        }
        return b.build();
    }

    /** Scheme, host and port equal: the same origin, to which the credentials may go. */
    public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }

    /** {@code https://api.shipbob.com} or {@code http://127.0.0.1:8080}: an origin, never a path or query. */
    static String origin(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + (defaultPort ? "" : ":" + url.port());
    }

    /** A 2xx body that must be a JSON object (an envelope). */
    public JsonNode object(String what, HttpAnswer answer) throws MalformedResponseException {
        JsonNode root = answer.json();
        if (root == null && answer.body().length > 0) {
            try {
                root = mapper.readTree(answer.body());
            } catch (IOException e) {
                throw unreadable(what, e);
            }
        }
        if (root == null || !root.isObject()) {
            throw new MalformedResponseException(what + ": the answer is not a JSON object");
        }
        return root;
    }

    /** The failure a non-2xx {@code answer} stands for, with the provider's words from its body. */
    public SourceException failure(String what, HttpAnswer answer) {
        return failures.map(describe(what, answer));
    }

    /** A non-2xx {@code answer} told as {@code <what> answered HTTP <status>: <the provider's words>}. */
    public HttpFailure describe(String what, HttpAnswer answer) {
        return HttpFailure.of(what, answer, ProblemText.of(answer.body()));
    }

    private static MalformedResponseException unreadable(String what, IOException e) {
        String reason = e instanceof JsonProcessingException j ? JsonProblems.plain(j)
                : "the connection was cut off before the answer was complete";
        return new MalformedResponseException(what + ": unreadable body: " + reason, e);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** What a dialect states once about its HTTP. */
    public static final class Builder {
        private final String label;
        private final HttpUrl base;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Interceptor> perAttempt = new ArrayList<>();
        private ObjectMapper mapper = lenientMapper();
        private RequestCounter counter;
        private UnaryOperator<HttpFailures> failures = UnaryOperator.identity();
        private boolean causes = true;
        private long bodyCap = ReadLimits.bodyCap(100);

        private Builder(String label, String baseUrl) {
            this.label = Objects.requireNonNull(label, "label");
            this.base = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
            if (base == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
            }
            headers.put("Accept", "application/json");
        }

        /** A header every request carries (credentials, a content type). */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** {@code Authorization: Bearer <token>} on every request. */
        public Builder bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** The mapper for bodies both ways; default: {@link #lenientMapper()}. */
        public Builder mapper(ObjectMapper value) {
            this.mapper = Objects.requireNonNull(value, "mapper");
            return this;
        }

        /** Fields spelled in snake case ({@link #snakeCaseMapper()}). */
        public Builder snakeCase() {
            return mapper(snakeCaseMapper());
        }

        /** An interceptor run on every attempt (signing, a provider's own status quirks). */
        public Builder perAttempt(Interceptor value) {
            perAttempt.add(value);
            return this;
        }

        /** The most items one page of this provider asks for: it sets the body cap ({@link ReadLimits#bodyCap}). */
        public Builder pageSize(int value) {
            this.bodyCap = ReadLimits.bodyCap(value);
            return this;
        }

        /** Counts into {@code value} instead of a counter of its own. */
        public Builder counter(RequestCounter value) {
            this.counter = value;
            return this;
        }

        /** The dialect's words for failures, e.g. {@code f -> f.refusedAs(…)}. */
        public Builder failures(UnaryOperator<HttpFailures> value) {
            this.failures = Objects.requireNonNull(value, "failures");
            return this;
        }

        /**
         * The URL carries a secret (a query parameter): a network failure then keeps only its plain
         * reason, not the I/O exception, whose text may quote the URL.
         */
        public Builder secretsInUrl() {
            this.causes = false;
            return this;
        }

        /** The client, made by {@code factory} with {@code policy}. */
        public ProviderHttp build(HttpClientFactory factory, HttpPolicy policy) {
            return new ProviderHttp(this, factory, policy);
        }
    }
}
