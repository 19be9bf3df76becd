package com.stocklens.rules;

import com.stocklens.domain.DemandMean;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Units of one SKU sold on one day (in one warehouse, or over all of them), and whether it was out of stock
 * that day (such days are skipped). Units are fractional only where a sale of unknown warehouse was split
 * ({@link WarehouseDemand}).
 */
public record DemandDay(LocalDate day, double units, boolean stockOut) {
    public DemandDay {
        Objects.requireNonNull(day, "day");
        if (units < 0 || Double.isNaN(units)) {
            throw new IllegalArgumentException("units must not be negative: " + units);
        }
    }

    /** d̄ over {@code days}, stock-out days skipped, with the days it rests on; null when none counts (unknown). */
    public static DemandMean mean(List<DemandDay> days) {
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

    /** {@link #mean}'s units a day; null when unknown. */
    public static Double perDayOf(List<DemandDay> days) {
        DemandMean m = mean(days);
        return m == null ? null : m.perDay();
    }
}
