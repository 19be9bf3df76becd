package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitInterceptorTest {
    private final FakeTime time = new FakeTime();

    @Test
    void permitsWithinTheWindowPassThenTheNextWaitsForTheOldestToLeave() throws InterruptedException {
        RateLimitInterceptor limiter = new RateLimitInterceptor(new RateLimit(3, Duration.ofMinutes(1)), time, time);
        limiter.acquire();
        time.sleep(Duration.ofSeconds(10));
        limiter.acquire();
        limiter.acquire();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));

        limiter.acquire();
        // the first permit was taken at t=0 and leaves the window at t=60 s; we are at t=10 s
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(50));
    }

    @Test
    void aSteadyStreamNeverExceedsTheBudgetInAnyWindow() throws InterruptedException {
        RateLimitInterceptor limiter = new RateLimitInterceptor(RateLimit.perMinute(120), time, time);
        long[] starts = new long[500];
        for (int i = 0; i < starts.length; i++) {
            limiter.acquire();
            starts[i] = time.getAsLong();
        }
        for (int i = 120; i < starts.length; i++) {
            assertThat(starts[i] - starts[i - 120]).isGreaterThanOrEqualTo(Duration.ofMinutes(1).toNanos());
        }
    }
}
