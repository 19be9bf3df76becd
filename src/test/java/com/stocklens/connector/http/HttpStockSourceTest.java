package com.stocklens.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.MalformedResponseException;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The skeleton: one complete read becomes one reading, stamped with when it ended and what it cost. */
class HttpStockSourceTest {
    private static final SourceInfo INFO = new SourceInfo("acme:main", SourceKind.WAREHOUSE, Provider.SHIPBOB, "Acme");
    private static final Instant END = Instant.parse("2025-03-18T09:00:00Z");

    /** A source whose read costs three attempts, or fails half way when told to. */
    private static final class Acme extends HttpStockSource {
        private final AtomicInteger attempts;
        private boolean fail;

        Acme(AtomicInteger attempts) {
            super(INFO, Clock.fixed(END, ZoneOffset.UTC), attempts::get);
            this.attempts = attempts;
        }

        @Override
        protected Found read() throws MalformedResponseException {
            attempts.addAndGet(2);
            if (fail) {
                throw new MalformedResponseException("Acme stock paging repeated page 2");
            }
            attempts.incrementAndGet();
            return (takenAt, requests) -> Reading.ofWarehouse(takenAt, List.of(), List.of(), List.of(), requests);
        }
    }

    @Test
    void aReadIsStampedWithItsEndAndItsOwnAttempts() throws Exception {
        AtomicInteger attempts = new AtomicInteger(10);
        Acme source = new Acme(attempts);

        Reading reading = source.fetch();

        assertThat(reading.takenAt()).isEqualTo(END);
        assertThat(reading.requests()).isEqualTo(3);
        assertThat(source.fetch().requests()).isEqualTo(3);
        assertThat(source.requestCount()).isEqualTo(16);
        assertThat(source.info()).isEqualTo(INFO);
    }

    @Test
    void aFailedReadGivesNoReading() {
        Acme source = new Acme(new AtomicInteger());
        source.fail = true;

        assertThatThrownBy(source::fetch).isInstanceOf(MalformedResponseException.class);
        assertThat(source.requestCount()).isEqualTo(2);
    }

    @Test
    void aSourceWithItsOwnHttpCountsIntoItsCounter() throws Exception {
        HttpStockSource source = new HttpStockSource(INFO, Clock.fixed(END, ZoneOffset.UTC)) {
            @Override
            protected Found read() {
                counter().increment();
                return (takenAt, requests) -> Reading.ofWarehouse(takenAt, List.of(), List.of(), List.of(), requests);
            }
        };

        assertThat(source.fetch().requests()).isEqualTo(1);
        assertThat(source.requestCount()).isEqualTo(1);
    }
}
