package com.stocklens.connector.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownServiceException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries 429, 500, 502, 503, 504 and I/O failures with bounded, jittered exponential backoff,
 * honouring the server's {@code x-retry-after} / {@code Retry-After}. When the attempts run out the
 * last response is returned as is (or the last exception thrown), so the dialect can map it to a
 * typed exception with the server's hint.
 */
public final class RetryInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RetryInterceptor.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final HttpFailures failures;

    /**
     * @param random source of jitter in [0, 1)
     * @param clock  only to read HTTP-date {@code Retry-After} values
     */
    public RetryInterceptor(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random, Clock clock) {
        this(policy, sleeper, random, new HttpFailures(clock));
    }

    /** @param failures reads the server's hint, against the same clock the connectors' failure mapping reads it */
    RetryInterceptor(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random, HttpFailures failures) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /** True for the statuses worth another attempt. */
    public static boolean isRetryableStatus(int code) {
        return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts() || !isRetryable(e) || chain.call().isCanceled()) {
                    throw e;
                }
                Duration wait = backoff(attempt);
                LOG.debug("{} {} failed ({}), attempt {}/{}, retrying in {} ms", request.method(),
                        RedactingLoggingInterceptor.redact(request.url()), e.toString(), attempt,
                        policy.maxAttempts(), wait.toMillis());
                pause(wait);
                continue;
            }
            if (!isRetryableStatus(response.code()) || attempt >= policy.maxAttempts()) {
                return response;
            }
            Optional<Duration> hint = failures.retryAfter(response.headers());
            if (hint.isPresent() && hint.get().compareTo(policy.maxRetryAfter()) > 0) {
                // Sitting out a long server-requested pause would block the sync thread; the caller
                // reports it (RateLimitedException carries the hint) and the scheduler comes back later.
                return response;
            }
            Duration wait = hint.isPresent() ? hint.get() : backoff(attempt);
            LOG.debug("{} {} answered {}, attempt {}/{}, retrying in {} ms", request.method(),
                    RedactingLoggingInterceptor.redact(request.url()), response.code(), attempt,
                    policy.maxAttempts(), wait.toMillis());
            response.close();
            pause(wait);
            if (chain.call().isCanceled()) {
                throw new IOException("Canceled");
            }
        }
    }

    /**
     * Backoff before retry number {@code attempt} (1 = the first retry): the exponential delay
     * {@code base * 2^(attempt-1)} capped at {@code maxDelay}, then "equal jitter", i.e. uniformly in
     * [delay/2, delay], so synchronized clients spread out and no wait exceeds the cap.
     */
    public Duration backoff(int attempt) {
        long base = policy.baseDelay().toMillis();
        long cap = policy.maxDelay().toMillis();
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long delay = Math.min(cap, base << shift);
        if (delay < 0) {
            delay = cap;
        }
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        long half = delay / 2;
        return Duration.ofMillis(half + Math.round((delay - half) * r));
    }

    private void pause(Duration wait) throws IOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    private static boolean isRetryable(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return true;
        }
        // A bare InterruptedIOException is a cancelled call or a call timeout: the caller gave up.
        if (e instanceof InterruptedIOException) {
            return false;
        }
        // Certificate mismatch or cleartext refused: retrying cannot change the outcome.
        return !(e instanceof SSLPeerUnverifiedException) && !(e instanceof UnknownServiceException);
    }
}
