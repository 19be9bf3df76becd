package com.stocklens.rules;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.StockLevel;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Totals per bucket across SKU × warehouse readings, summed in 64 bits (two rows of 2,000,000,000 units are
 * valid, and their total is not an int); an unknown bucket never counts as 0.
 */
public final class StockTotals {
    private StockTotals() {
    }

    public static Map<Bucket, BucketTotal> of(Collection<StockLevel> levels) {
        long[] sums = new long[Bucket.values().length];
        int[] known = new int[Bucket.values().length];
        for (StockLevel level : levels) {
            for (Bucket b : Bucket.values()) {
                Integer v = level.get(b);
                if (v != null) {
                    sums[b.ordinal()] += v;
                    known[b.ordinal()]++;
                }
            }
        }
        Map<Bucket, BucketTotal> totals = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            int k = known[b.ordinal()];
            totals.put(b, new BucketTotal(k == 0 ? null : sums[b.ordinal()], k, levels.size()));
        }
        return totals;
    }

    /** Total of optional figures (e.g. TikTok's available per row), null when none is known. */
    public static BucketTotal ofValues(Collection<Integer> values) {
        long sum = 0;
        int k = 0;
        for (Integer v : values) {
            if (v != null) {
                sum += v;
                k++;
            }
        }
        return new BucketTotal(k == 0 ? null : sum, k, values.size());
    }
}
