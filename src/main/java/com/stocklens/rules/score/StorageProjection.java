package com.stocklens.rules.score;

import com.stocklens.domain.AgeBucket;
import java.util.Map;

/**
 * Storage cost next month from today's age structure and a fee table with three age tiers (per unit per
 * month: 0–90, 91–180, 181+ days). Next month every unit is 30 days older; units are assumed spread evenly
 * within their bucket, so part of a bucket can cross into the next tier. Units of unknown age
 * ({@code unaged}: older than our history) are charged at the 181+ tier, the conservative reading.
 * Assumes no sales and no receipts: it is what the stock on hand would cost if it stayed.
 */
public final class StorageProjection {
    private static final int SHIFT = 30;
    /** The age an open-ended bucket is taken to span for the spread (365+ → 366..730). */
    private static final int OPEN_END = 730;

    private StorageProjection() {
    }

    /** The projected cost, or null when any tier fee is unknown. */
    public static Double nextMonth(Map<AgeBucket, Long> units, long unaged, Double fee0to90, Double fee91to180,
                                   Double fee181plus) {
        if (fee0to90 == null || fee91to180 == null || fee181plus == null) {
            return null;
        }
        double cost = 0;
        for (Map.Entry<AgeBucket, Long> e : units.entrySet()) {
            long n = e.getValue() == null ? 0 : e.getValue();
            if (n == 0) {
                continue;
            }
            int from = Math.max(1, e.getKey().fromDay()) + SHIFT;
            int to = (e.getKey().toDay() == Integer.MAX_VALUE ? OPEN_END : e.getKey().toDay()) + SHIFT;
            double span = to - from + 1;
            double in0 = overlap(from, to, 1, 90) / span;
            double in1 = overlap(from, to, 91, 180) / span;
            double in2 = 1 - in0 - in1;
            cost += n * (in0 * fee0to90 + in1 * fee91to180 + in2 * fee181plus);
        }
        cost += unaged * fee181plus;
        return cost;
    }

    private static double overlap(int a1, int a2, int b1, int b2) {
        return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1) + 1);
    }
}
