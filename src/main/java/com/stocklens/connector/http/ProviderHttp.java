package com.stocklens.connector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>What stays in the dialect: its endpoints and DTOs, signing, envelopes, paging and buckets.
 */
public final class ProviderHttp {
    /** The content type of every JSON request body. */
    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final String label;
    private final HttpUrl base;
    private final Map<String, String> headers;
    private final ObjectMapper mapper;
    private final RequestCounter counter;
    private final HttpFailures failures;
    private final boolean causes;
    private final OkHttpClient http;

    private ProviderHttp(Builder b, HttpClientFactory factory, HttpPolicy policy) {
        this.label = b.label;
        this.base = b.base;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.mapper = b.mapper;
        this.counter = b.counter == null ? new RequestCounter() : b.counter;
        this.failures = b.failures.apply(factory.failures());
        this.causes = b.causes;
        this.http = factory.create(policy, counter, b.perAttempt);
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

    /** Reads unknown fields leniently (providers add fields without notice). */
    public static ObjectMapper lenientMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** {@link #lenientMapper()} for APIs that spell fields in snake case ({@code on_hand_quantity}). */
    public static ObjectMapper snakeCaseMapper() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
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
     * Sends {@code request} and decodes a 2xx body as {@code type}, with the answer's headers (some
     * providers page in headers); any other status is a mapped failure.
     */
    public <T> Decoded<T> decode(Request request, TypeReference<T> type) throws SourceException {
        String what = label + " " + request.method() + " " + request.url().encodedPath();
        HttpAnswer answer = exchange(request, what);
        if (!answer.successful()) {
            throw failure(what, answer);
        }
        T body;
        try {
            body = mapper.readValue(answer.body(), type);
        } catch (IOException e) {
            throw unreadable(what, e);
        }
        if (body == null) {
            throw new MalformedResponseException(what + ": empty body");
        }
        return new Decoded<>(body, answer.headers());
    }

    /** A decoded body with the headers it came with. */
    public record Decoded<T>(T body, Headers headers) {
    }

    /**
     * Sends {@code request} and reads the whole answer, whatever its status.
     *
     * @param what the call in a person's words, at the start of any message
     * @throws TransientSourceException when the network failed (after the shared retries)
     */
    public HttpAnswer exchange(Request request, String what) throws TransientSourceException {
        try (Response response = http.newCall(request).execute()) {
            ResponseBody rb = response.body();
            return new HttpAnswer(response.code(), response.headers(), rb == null ? new byte[0] : rb.bytes());
        } catch (IOException e) {
            if (!causes) {
                // The I/O exception's own text may quote the URL, which holds a secret here.
                throw new TransientSourceException(what + ": " + TransientSourceException.plainReason(e));
            }
            throw TransientSourceException.network(what, e);
        }
    }

    /** A 2xx body that must be a JSON object (an envelope). */
    public JsonNode object(String what, HttpAnswer answer) throws MalformedResponseException {
        JsonNode root;
        try {
            root = mapper.readTree(answer.body());
        } catch (IOException e) {
            throw unreadable(what, e);
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
        String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new MalformedResponseException(what + ": unreadable body: " + ProblemText.clean(reason), e);
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
