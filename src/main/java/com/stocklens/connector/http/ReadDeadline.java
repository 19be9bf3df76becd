package com.stocklens.connector.http;

import com.stocklens.connector.TransientSourceException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The deadline of one read of a source ({@link ReadLimits#DEFAULT_DEADLINE} or the connection's
 * {@value ReadLimits#DEADLINE_SETTING}), measured on a monotonic clock (the {@link HttpClientFactory}'s, so tests
 * move it instead of waiting).
 */
public final class ReadDeadline {
    private static final ReadDeadline NONE = new ReadDeadline(() -> 0L, null);

    private final LongSupplier nanoTime;
    private final Duration limit;
    private final long start;

    /** Starts now. */
    public ReadDeadline(LongSupplier nanoTime, Duration limit) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.limit = limit;
        this.start = nanoTime.getAsLong();
    }

    /** No deadline (a list read outside a source's fetch). */
    public static ReadDeadline none() {
        return NONE;
    }

    /**
     * Fails when the deadline has passed.
     *
     * @param what  the list being read, e.g. {@code ShipBob inventory}
     * @param pages the pages of it read so far
     */
    public void check(String what, int pages) throws TransientSourceException {
        if (limit != null && nanoTime.getAsLong() - start >= limit.toNanos()) {
            throw new TransientSourceException(what + ": the read did not end within its deadline of "
                    + minutes(limit) + " (" + pages + (pages == 1 ? " page" : " pages")
                    + " read); it stopped there and nothing of it was stored");
        }
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m >= 1 && d.equals(Duration.ofMinutes(m)) ? m + (m == 1 ? " minute" : " minutes")
                : d.toSeconds() + " seconds";
    }
}
