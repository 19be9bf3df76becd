package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one status → exception mapping, and the one clock its {@code Retry-After} is read against. */
class HttpFailuresTest {
    private static final Instant NOW = Instant.parse("2025-03-18T10:16:00Z");
    private final HttpFailures failures = new HttpFailures(Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpFailure failure(int status, Headers headers, String detail) {
        return HttpFailure.of("Acme GET /stock", new HttpAnswer(status, headers, new byte[0]), detail);
    }

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({
            "401, AuthenticationException",
            "403, AuthenticationException",
            "400, ApiErrorException",
            "404, ApiErrorException",
            "422, ApiErrorException",
            "423, ApiErrorException",
            "408, TransientSourceException",
            "500, TransientSourceException",
            "502, TransientSourceException",
            "503, TransientSourceException",
            "504, TransientSourceException",
            "429, RateLimitedException"})
    void everyStatusHasOneKind(int status, String kind) {
        SourceException e = failures.map(failure(status, Headers.of(), ""));

        assertThat(e.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(e.getMessage()).contains("Acme GET /stock answered HTTP " + status);
        assertThat(e.isTransient()).isEqualTo(status == 429 || status == 408 || status >= 500);
    }

    @Test
    void anOtherStatusIsAnApiErrorCodedByTheStatusInTheProvidersWords() {
        SourceException e = failures.map(failure(404, Headers.of(), "No such inventory"));

        assertThat(e).isInstanceOf(ApiErrorException.class);
        assertThat(((ApiErrorException) e).code()).isEqualTo("404");
        assertThat(e.getMessage()).isEqualTo("API error 404: No such inventory");
        assertThat(failure(404, Headers.of(), "No such inventory").message())
                .isEqualTo("Acme GET /stock answered HTTP 404: No such inventory");
    }

    @Test
    void aDialectSaysWhatARefusalMeansAndWhichStatusesRefuse() {
        HttpFailures dialect = failures.refusedAs(
                f -> new AuthenticationException("check the token (" + f.status() + ")"), 401, 403, 423);

        assertThat(dialect.map(failure(423, Headers.of(), ""))).isInstanceOf(AuthenticationException.class)
                .hasMessage("check the token (423)");
        assertThat(dialect.map(failure(401, Headers.of(), ""))).hasMessage("check the token (401)");
        // The rest of the mapping is untouched, and the original is unchanged.
        assertThat(dialect.map(failure(503, Headers.of(), ""))).isInstanceOf(TransientSourceException.class);
        assertThat(failures.map(failure(423, Headers.of(), ""))).isInstanceOf(ApiErrorException.class);
    }

    @Test
    void aDialectMaySayWhatTheRestIs() {
        HttpFailures dialect = failures.otherwise(f -> new MalformedResponseException(f.message()));

        assertThat(dialect.map(failure(418, Headers.of(), ""))).isInstanceOf(MalformedResponseException.class);
        assertThat(dialect.map(failure(429, Headers.of(), ""))).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void retryAfterInSecondsIsTheHint() {
        RateLimitedException e = (RateLimitedException) failures.map(failure(429, Headers.of("Retry-After", "7"), ""));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsReadAgainstTheInjectedClock() {
        Headers at = Headers.of("Retry-After", "Tue, 18 Mar 2025 10:16:30 GMT");

        assertThat(((RateLimitedException) failures.map(failure(429, at, ""))).retryAfter())
                .isEqualTo(Duration.ofSeconds(30));
        // The same header against another clock is another wait: the clock is the one injected, not the PC's.
        HttpFailures later = new HttpFailures(Clock.fixed(NOW.plusSeconds(20), ZoneOffset.UTC));
        assertThat(later.retryAfter(at)).contains(Duration.ofSeconds(10));
        assertThat(new HttpFailures(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC)).retryAfter(at))
                .contains(Duration.ZERO);
    }

    @Test
    void shipBobsOwnHeaderWinsAndNoHintIsNull() {
        Headers both = Headers.of(Map.of("x-retry-after", "25", "Retry-After", "7"));

        assertThat(failures.retryAfter(both)).contains(Duration.ofSeconds(25));
        assertThat(((RateLimitedException) failures.map(failure(429, Headers.of(), ""))).retryAfter()).isNull();
        assertThat(failures.rateLimited("throttled in the body", Headers.of("Retry-After", "3")).retryAfter())
                .isEqualTo(Duration.ofSeconds(3));
    }
}
