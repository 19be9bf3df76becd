package com.stocklens.domain;

/**
 * What a figure rests on (docs/DOMAIN.md §8): days of history out of the days it is about, and for a
 * share of units, the units whose figure is known out of all of them. A part that does not apply is null.
 *
 * @param days       complete Beijing days of history the figure rests on
 * @param ofDays     complete Beijing days the figure is about (the period, the trailing window …)
 * @param knownUnits units whose figure is known (e.g. units of known age)
 * @param ofUnits    all units the figure speaks of
 */
public record Coverage(Integer days, Integer ofDays, Long knownUnits, Long ofUnits) {
    public Coverage {
        if ((days == null) != (ofDays == null) || (knownUnits == null) != (ofUnits == null)) {
            throw new IllegalArgumentException("a coverage part needs both its figures");
        }
    }

    /** Rests on {@code days} of {@code ofDays} days. */
    public static Coverage ofDays(int days, int ofDays) {
        return new Coverage(days, ofDays, null, null);
    }

    /** Known for {@code known} of {@code all} units. */
    public static Coverage ofUnits(long known, long all) {
        return new Coverage(null, null, known, all);
    }

    /** Percent of the days covered, null when days do not apply or the period is empty. */
    public Double dayPercent() {
        return days == null || ofDays == 0 ? null : 100.0 * days / ofDays;
    }

    /** Percent of the units known, null when units do not apply or there is none. */
    public Double unitPercent() {
        return knownUnits == null || ofUnits == 0 ? null : 100.0 * knownUnits / ofUnits;
    }

    /**
     * True when the days covered are fewer than {@code minPercent} of the period (exact: 33 of 66 days is
     * 50 %, not below 50 %); a figure without days, or a period of no complete day, is judged by its units.
     */
    public boolean thin(double minPercent) {
        if (days == null) {
            return false;
        }
        return ofDays == 0 || days * 100.0 < minPercent * ofDays - 1e-9;
    }
}
