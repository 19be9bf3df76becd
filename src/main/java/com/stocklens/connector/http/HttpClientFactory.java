package com.stocklens.connector.http;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The one place OkHttp clients are made. All clients share one connection pool and dispatcher;
 * each gets its own timeouts, retry policy, rate limiter, request counter and redacting log.
 *
 * <p>Interceptor order, outermost first: retry → rate limit → count → per-attempt interceptors
 * (e.g. TikTok signing, so a retry gets a fresh timestamp) → redacting log. Every retry therefore
 * waits for a permit, is counted, is re-signed and is logged.
 */
public final class HttpClientFactory {
    /** Made on the first {@link #create}: see {@link #base()}. */
    private volatile OkHttpClient base;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final DoubleSupplier random;
    private final HttpFailures failures;

    /** Real time, real sleeping, random jitter. */
    public HttpClientFactory() {
        this(Sleeper.SYSTEM, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
    }

    /**
     * @param sleeper  how backoff and rate-limit waits are spent
     * @param nanoTime monotonic time for the rate limiter
     * @param random   jitter source in [0, 1)
     * @param clock    wall clock, only to read HTTP-date {@code Retry-After}: in the retries and in
     *                 {@link #failures()}, so both read the server's hint the same way
     */
    public HttpClientFactory(Sleeper sleeper, LongSupplier nanoTime, DoubleSupplier random, Clock clock) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.random = Objects.requireNonNull(random, "random");
        this.failures = new HttpFailures(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The client every source's client is made from, made once on first use: making it loads OkHttp and the
     * platform's trusted certificates (about 0.3 s of one core, cold), which the window's start must not pay
     * before the cached board is on screen (issue 20). Our retry interceptor is the single retry policy, so
     * attempts stay bounded and counted. Redirects are ProviderHttp's: OkHttp would follow them to any host with
     * every custom credential header.
     */
    private OkHttpClient base() {
        OkHttpClient b = base;
        if (b == null) {
            synchronized (this) {
                b = base;
                if (b == null) {
                    b = new OkHttpClient.Builder().retryOnConnectionFailure(false)
                            .followRedirects(false).followSslRedirects(false).build();
                    base = b;
                }
            }
        }
        return b;
    }

    /** A client for one source. */
    public OkHttpClient create(HttpPolicy policy, RequestCounter counter) {
        return create(policy, counter, List.of());
    }

    /**
     * A client for one source.
     *
     * @param perAttempt interceptors run on every attempt, after the counter and before the log
     */
    public OkHttpClient create(HttpPolicy policy, RequestCounter counter, List<Interceptor> perAttempt) {
        OkHttpClient.Builder b = base().newBuilder()
                .connectTimeout(policy.connectTimeout())
                .readTimeout(policy.readTimeout())
                .writeTimeout(policy.readTimeout())
                .callTimeout(policy.callTimeout());
        b.interceptors().clear();
        b.networkInterceptors().clear();
        b.addInterceptor(new RetryInterceptor(policy.retry(), sleeper, random, failures));
        if (policy.rateLimit() != null) {
            b.addInterceptor(new RateLimitInterceptor(policy.rateLimit(), sleeper, nanoTime));
        }
        b.addInterceptor(new CountingInterceptor(counter));
        perAttempt.forEach(b::addInterceptor);
        b.addInterceptor(new RedactingLoggingInterceptor(policy.name()));
        return b.build();
    }

    /**
     * As {@link #create(HttpPolicy, RequestCounter, List)}, made on the first {@code get()} and the same client
     * after: a connection assembled (or a notice service started) with the window sends nothing yet, and the
     * window's start does not pay for OkHttp and the trusted certificates ({@link #base()}).
     */
    public Supplier<OkHttpClient> onFirstUse(HttpPolicy policy, RequestCounter counter, List<Interceptor> perAttempt) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(counter, "counter");
        List<Interceptor> attempts = List.copyOf(perAttempt);
        return new Supplier<>() {
            private OkHttpClient client;

            @Override
            public synchronized OkHttpClient get() {
                if (client == null) {
                    client = create(policy, counter, attempts);
                }
                return client;
            }
        };
    }

    /** The monotonic clock of this factory's waits, which read deadlines ({@link ReadDeadline}) run on too. */
    public LongSupplier ticker() {
        return nanoTime;
    }

    /**
     * The mapping of failed answers onto {@code SourceException}s, reading {@code Retry-After} against the
     * same clock as this factory's retries; a connector adds its own words with {@link HttpFailures#refusedAs}.
     */
    public HttpFailures failures() {
        return failures;
    }
}
