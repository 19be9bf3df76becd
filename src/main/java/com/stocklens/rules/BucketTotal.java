package com.stocklens.rules;

/**
 * The total of one bucket over many readings, honest about unknowns.
 *
 * @param sum       sum of the known values (64 bits: many buckets of up to 2³¹−1 units each), or null when no
 *                  reading knows this bucket
 * @param reporting how many readings know the bucket
 * @param readings  how many readings were summed
 */
public record BucketTotal(Long sum, int reporting, int readings) {
    /** True when some but not all readings know the bucket, so the sum is a lower bound. */
    public boolean isPartial() {
        return reporting > 0 && reporting < readings;
    }
}
