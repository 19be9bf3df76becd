package com.stocklens.domain;

/** A plain verdict on an indicator against its band. */
public enum Verdict {
    HEALTHY,
    UNHEALTHY,
    /** No band applies (e.g. a count shown for information). */
    INFO,
    /** Not enough data to judge. */
    UNKNOWN
}
