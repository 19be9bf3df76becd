package com.stocklens.rules;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * How pressing a countdown is, by the share of its window left: &gt; 50 % CALM, ≤ 50 % NOTICE,
 * ≤ 25 % WARNING, ≤ 10 % CRITICAL, ≤ 0 OVERDUE. The UI maps each level to a pseudo-class.
 */
public enum Urgency {
    CALM,
    NOTICE,
    WARNING,
    CRITICAL,
    OVERDUE;

    /**
     * @param start    when the window opened (a task's detectedAt)
     * @param deadline when it closes
     */
    public static Urgency of(Instant start, Instant deadline, Instant now) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return OVERDUE;
        }
        Duration window = Duration.between(start, deadline);
        if (window.isNegative() || window.isZero()) {
            return OVERDUE;
        }
        // Compare left / window with each boundary in integer nanoseconds: no rounding at the edges.
        BigInteger l = BigInteger.valueOf(left.getSeconds()).multiply(BILLION)
                .add(BigInteger.valueOf(left.getNano())).multiply(HUNDRED);
        BigInteger w = BigInteger.valueOf(window.getSeconds()).multiply(BILLION)
                .add(BigInteger.valueOf(window.getNano()));
        if (l.compareTo(w.multiply(TEN)) <= 0) {
            return CRITICAL;
        }
        if (l.compareTo(w.multiply(TWENTY_FIVE)) <= 0) {
            return WARNING;
        }
        if (l.compareTo(w.multiply(FIFTY)) <= 0) {
            return NOTICE;
        }
        return CALM;
    }

    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    private static final BigInteger TEN = BigInteger.TEN;
    private static final BigInteger TWENTY_FIVE = BigInteger.valueOf(25);
    private static final BigInteger FIFTY = BigInteger.valueOf(50);
}
