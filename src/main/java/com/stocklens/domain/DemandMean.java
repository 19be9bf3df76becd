package com.stocklens.domain;

/**
 * d̄ (docs/DOMAIN.md "Demand and stock cover"): the mean units sold a day over the days that were not stock-out
 * days, with how many days that is, so a figure resting on two days of history can say so. Unknown demand (no day
 * to average) is no value at all, never a mean of 0.
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
}
