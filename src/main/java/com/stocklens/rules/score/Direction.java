package com.stocklens.rules.score;

/** Which way a criterion's value is better. */
public enum Direction {
    /** More is better (markets served, routes). */
    HIGHER,
    /** Less is better (hours, shares, fees). */
    LOWER,
    /** Yes (1) is better than no (0). */
    YES
}
