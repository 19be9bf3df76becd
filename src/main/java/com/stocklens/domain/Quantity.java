package com.stocklens.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one rule for a quantity StockLens stores, whoever sends it — a provider's answer (every connector), a
 * CSV or XLSX stock file, a snapshot file: a whole number from 0 to {@value #MAX}. Negative counts are
 * refused (no warehouse holds −5 units), fractions are refused (12.7 is not 12, and rounding would invent or
 * lose units), larger numbers are refused (a bucket is a 32-bit column). Unknown (null) stays unknown; it is
 * never 0. What is summed over many rows is summed in 64 bits ({@code long}) wherever it is shown.
 */
public final class Quantity {
    /** The largest count a bucket holds. */
    public static final int MAX = Integer.MAX_VALUE;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** Why a value is not a quantity, in words that follow "a quantity that …". */
    public enum Problem {
        NEGATIVE("is negative"),
        FRACTION("is not a whole number"),
        TOO_LARGE("is larger than 2,147,483,647"),
        NOT_A_NUMBER("is not a number");

        private final String phrase;

        Problem(String phrase) {
            this.phrase = phrase;
        }

        /** E.g. "is not a whole number". */
        public String phrase() {
            return phrase;
        }
    }

    /**
     * A value judged as a quantity: a count ({@code value}), unknown (both null), or refused ({@code problem}).
     */
    public record Checked(Integer value, Problem problem) {
        static final Checked UNKNOWN = new Checked(null, null);

        /** True unless refused. */
        public boolean ok() {
            return problem == null;
        }
    }

    private Quantity() {
    }

    /** An exact number. */
    public static Checked of(BigDecimal value) {
        if (value == null) {
            return Checked.UNKNOWN;
        }
        if (value.signum() < 0) {
            return new Checked(null, Problem.NEGATIVE);
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            return new Checked(null, Problem.FRACTION);
        }
        if (value.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            return new Checked(null, Problem.TOO_LARGE);
        }
        return new Checked(value.intValue(), null);
    }

    /** A whole number. */
    public static Checked of(long value) {
        if (value < 0) {
            return new Checked(null, Problem.NEGATIVE);
        }
        return value > MAX ? new Checked(null, Problem.TOO_LARGE) : new Checked((int) value, null);
    }

    /** A spreadsheet's number; NaN and infinities are no number. */
    public static Checked of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return new Checked(null, Problem.NOT_A_NUMBER);
        }
        return of(BigDecimal.valueOf(value));
    }

    /**
     * A number written as text: digits with an optional sign and decimal part ("12", "+3", "12.0", "12.7");
     * blank is unknown. Thousands separators, dashes for "none" and the like are a file's conventions: the
     * caller removes them first.
     */
    public static Checked parse(String text) {
        if (text == null || text.isBlank()) {
            return Checked.UNKNOWN;
        }
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            return new Checked(null, Problem.NOT_A_NUMBER);
        }
        return of(new BigDecimal(t.startsWith("+") ? t.substring(1) : t));
    }

    /**
     * {@code a + b} of two counts in one bucket (units of one SKU merged from two lines), refused past {@link #MAX}.
     *
     * @throws ArithmeticException when the sum does not fit a bucket
     */
    public static int add(int a, int b) {
        long sum = (long) a + b;
        if (sum > MAX || sum < 0) {
            throw new ArithmeticException("the units add up to more than 2,147,483,647");
        }
        return (int) sum;
    }
}
