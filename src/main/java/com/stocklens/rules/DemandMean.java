package com.stocklens.rules;

import java.util.List;

/**
 * d̄ (docs/DOMAIN.md "Demand and stock cover"): the mean units sold a day over the days that were not stock-out
 * days, with how many days that is, so a figure resting on two days of history can say so.
 *
 * @param perDay units a day
 * @param days   the days it averages (at least 1)
 */
public record DemandMean(double perDay, int days) {
    public DemandMean {
        if (days < 1 || perDay < 0 || Double.isNaN(perDay)) {
            throw new IllegalArgumentException("a mean of " + perDay + " over " + days + " days");
        }
    }

    /** d̄ over {@code days}, stock-out days skipped; null when none counts (unknown, not 0). */
    public static DemandMean of(List<DemandDay> days) {
        double units = 0;
        int n = 0;
        for (DemandDay d : days) {
            if (!d.stockOut()) {
                units += d.units();
                n++;
            }
        }
        return n == 0 ? null : new DemandMean(units / n, n);
    }

    /** {@link #of}'s units a day; null when unknown. */
    public static Double perDayOf(List<DemandDay> days) {
        DemandMean m = of(days);
        return m == null ? null : m.perDay();
    }
}
