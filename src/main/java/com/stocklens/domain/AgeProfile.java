package com.stocklens.domain;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How old the units of one SKU in one warehouse are (FIFO), on one day.
 *
 * @param units      units per bucket (every bucket present, 0 when empty)
 * @param oldestDays age of the oldest unit of known age, null when none has a known age
 * @param unaged     units on hand no receipt explains (history shorter than the stock): no age is assumed
 *                   for them; they are reported apart and left out of every share
 * @param byAge      units of known age per exact age in days (receipt day = day 1); empty when only the
 *                   buckets are known (then {@link #olderThan(int)} is bucket-exact)
 */
public record AgeProfile(String sellerSku, String warehouseId, Map<AgeBucket, Integer> units, Integer oldestDays,
                         int unaged, NavigableMap<Integer, Integer> byAge) {
    public AgeProfile {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        units = Map.copyOf(units);
        byAge = byAge == null ? new TreeMap<>() : new TreeMap<>(byAge);
    }

    /** A profile known by buckets only. */
    public AgeProfile(String sellerSku, String warehouseId, Map<AgeBucket, Integer> units, Integer oldestDays,
                      int unaged) {
        this(sellerSku, warehouseId, units, oldestDays, unaged, null);
    }

    @Override
    public NavigableMap<Integer, Integer> byAge() {
        return Collections.unmodifiableNavigableMap(byAge);
    }

    public int total() {
        return units.values().stream().mapToInt(Integer::intValue).sum() + unaged;
    }

    /** Units of known age (in a bucket): the denominator of every age share. */
    public int aged() {
        return total() - unaged;
    }

    /**
     * Units older than {@code days}: exact when the ages are known day by day, else bucket-exact (exact
     * for the bucket edges 30, 60, 90, 180, 270 and 365, the thresholds docs/DOMAIN.md uses).
     */
    public int olderThan(int days) {
        if (!byAge.isEmpty()) {
            return byAge.tailMap(days, false).values().stream().mapToInt(Integer::intValue).sum();
        }
        int n = 0;
        for (Map.Entry<AgeBucket, Integer> e : units.entrySet()) {
            if (e.getKey().fromDay() > days) {
                n += e.getValue();
            }
        }
        return n;
    }

    /**
     * Σ age × units over the units older than {@code days} (unit-days): how much old stock is sitting,
     * the slow-moving alert's rank. With buckets only, each unit counts its bucket's first day.
     */
    public long unitDaysOlderThan(int days) {
        long sum = 0;
        if (!byAge.isEmpty()) {
            for (Map.Entry<Integer, Integer> e : byAge.tailMap(days, false).entrySet()) {
                sum += (long) e.getKey() * e.getValue();
            }
            return sum;
        }
        for (Map.Entry<AgeBucket, Integer> e : units.entrySet()) {
            if (e.getKey().fromDay() > days) {
                sum += (long) e.getKey().fromDay() * e.getValue();
            }
        }
        return sum;
    }
}
