package com.stocklens.connector.http;

import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.Headers;

/**
 * The one mapping of a failed HTTP answer onto the {@link SourceException} kinds, shared by every connector:
 * <ul>
 * <li>401 and 403 (a dialect may name others, e.g. Flexport's 423 "account locked") → the dialect's
 *     {@link AuthenticationException}, which says what the seller must check;</li>
 * <li>429 → {@link RateLimitedException} with the server's {@code x-retry-after} / {@code Retry-After};</li>
 * <li>5xx and 408 → {@link TransientSourceException};</li>
 * <li>anything else → {@link ApiErrorException} with the status as its code, unless the dialect says otherwise.</li>
 * </ul>
 * The retry hint is read against one clock: the {@link HttpClientFactory}'s, which its retries read it
 * against too, so "wait 20 s" means the same before and after the retries ran out. Immutable: the
 * {@code refusedAs}/{@code otherwise} variants are copies.
 */
public final class HttpFailures {
    private static final Set<Integer> CREDENTIAL_STATUSES = Set.of(401, 403);

    private final Clock clock;
    private final Set<Integer> refusedStatuses;
    private final Function<HttpFailure, ? extends AuthenticationException> refusal;
    private final Function<HttpFailure, ? extends SourceException> otherwise;

    /** @param clock what an HTTP-date {@code Retry-After} is read against */
    public HttpFailures(Clock clock) {
        this(clock, CREDENTIAL_STATUSES, f -> new AuthenticationException(f.message()), HttpFailures::apiError);
    }

    private HttpFailures(Clock clock, Set<Integer> refusedStatuses,
                         Function<HttpFailure, ? extends AuthenticationException> refusal,
                         Function<HttpFailure, ? extends SourceException> otherwise) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refusedStatuses = refusedStatuses;
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
    }

    /**
     * The dialect's words for refused credentials.
     *
     * @param statuses the statuses that mean a person must act; none given: 401 and 403
     */
    public HttpFailures refusedAs(Function<HttpFailure, ? extends AuthenticationException> value, int... statuses) {
        Set<Integer> refused = statuses.length == 0 ? CREDENTIAL_STATUSES
                : Arrays.stream(statuses).boxed().collect(Collectors.toUnmodifiableSet());
        return new HttpFailures(clock, refused, value, otherwise);
    }

    /** What a status that is neither refused, throttled nor transient becomes (default: {@link ApiErrorException}). */
    public HttpFailures otherwise(Function<HttpFailure, ? extends SourceException> value) {
        return new HttpFailures(clock, refusedStatuses, refusal, value);
    }

    /** The exception {@code failure} stands for. */
    public SourceException map(HttpFailure failure) {
        int status = failure.status();
        if (refusedStatuses.contains(status)) {
            return refusal.apply(failure);
        }
        if (status == 429) {
            return rateLimited(failure.message(), failure.headers());
        }
        if (isTransient(status)) {
            return new TransientSourceException(failure.message());
        }
        return otherwise.apply(failure);
    }

    /** A rate limit that outlasted the retries, carrying the server's hint (for a throttle said in the body too). */
    public RateLimitedException rateLimited(String message, Headers headers) {
        return new RateLimitedException(message, retryAfter(headers).orElse(null));
    }

    /** The server's "wait this long" in {@code headers}, read against this mapping's clock. */
    public Optional<Duration> retryAfter(Headers headers) {
        return RetryAfter.parse(headers, clock);
    }

    /** 5xx and 408: the same call may succeed later. */
    public static boolean isTransient(int status) {
        return status >= 500 || status == 408;
    }

    /** The status as the code; the provider's words, else the whole message. */
    private static ApiErrorException apiError(HttpFailure f) {
        return new ApiErrorException(Integer.toString(f.status()), f.detail().isEmpty() ? f.message() : f.detail(),
                null);
    }
}
