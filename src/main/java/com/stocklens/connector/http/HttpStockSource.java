package com.stocklens.connector.http;

import com.stocklens.connector.SourceException;
import com.stocklens.connector.StockSource;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The skeleton every connector's {@link StockSource} shares: it knows its {@link SourceInfo}, counts the
 * HTTP attempts it makes, and turns one complete {@link #read()} (warehouses, then every page, then rows)
 * into one whole {@link Reading}, stamped with the time the read ended and the attempts it took, retries
 * included. A read that fails throws and no reading exists: a partial one is never returned.
 *
 * <p>A dialect implements {@link #read()} with its endpoints, paging and bucket mapping, and calls its
 * provider through a {@link ProviderHttp} that counts into {@link #counter()}.
 */
public abstract class HttpStockSource implements StockSource {
    private final SourceInfo info;
    private final Clock clock;
    private final RequestCounter counter = new RequestCounter();
    private final IntSupplier requests;

    /** A source whose HTTP counts into {@link #counter()}. */
    protected HttpStockSource(SourceInfo info, Clock clock) {
        this.info = Objects.requireNonNull(info, "info");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requests = counter::count;
    }

    /** A source reading through a client that counts its own attempts (e.g. a TikTok client it is handed). */
    protected HttpStockSource(SourceInfo info, Clock clock, IntSupplier requests) {
        this.info = Objects.requireNonNull(info, "info");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public final SourceInfo info() {
        return info;
    }

    /** HTTP attempts made by this source so far, retries included. */
    @Override
    public final int requestCount() {
        return requests.getAsInt();
    }

    @Override
    public final Reading fetch() throws SourceException {
        int before = requestCount();
        Found found = read();
        return found.reading(clock.instant(), requestCount() - before);
    }

    /** Reads everything the source holds, paging to the end, or throws. */
    protected abstract Found read() throws SourceException;

    /** The counter a dialect's HTTP counts into. */
    protected final RequestCounter counter() {
        return counter;
    }

    /** A provider's HTTP that counts into {@link #counter()}; see {@link ProviderHttp#to}. */
    protected final ProviderHttp.Builder provider(String label, String baseUrl) {
        return ProviderHttp.to(label, baseUrl).counter(counter);
    }

    /**
     * What one complete read found, waiting for the time it ended and what it cost, e.g.
     * {@code (takenAt, requests) -> Reading.ofWarehouse(takenAt, warehouses, skus, rows, requests)}.
     */
    @FunctionalInterface
    protected interface Found {
        Reading reading(Instant takenAt, int requests);
    }
}
