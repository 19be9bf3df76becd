package com.stocklens.rules;

import java.time.Duration;
import java.time.Instant;

/** docs/DOMAIN.md §3: a number is only as good as its age; a source past the window is a red flag. */
public final class Staleness {
    /** Default sync window from the seller-education article (a setting). */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    private Staleness() {
    }

    /** Age of a reading at {@code now}; never negative (a clock behind the reading counts as fresh). */
    public static Duration age(Instant readingAt, Instant now) {
        Duration d = Duration.between(readingAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** True when there is no reading, or it is strictly older than the window. */
    public static boolean isStale(Instant readingAt, Instant now, Duration window) {
        return readingAt == null || age(readingAt, now).compareTo(window) > 0;
    }
}
