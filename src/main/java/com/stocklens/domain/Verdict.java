package com.stocklens.domain;

/** A plain verdict on an indicator against its band. */
public enum Verdict {
    HEALTHY,
    UNHEALTHY,
    /** No band applies (e.g. a count shown for information). */
    INFO,
    /** Not enough data to judge: nothing measured (e.g. no unit of known age, no sale: turnover undefined). */
    UNKNOWN,
    /**
     * A figure resting on fewer days of history than the coverage the seller asks for (default: half the
     * period, {@code health.minHistoryPercent}): the value is shown, not judged (docs/DOMAIN.md §8).
     */
    INSUFFICIENT_HISTORY
}
