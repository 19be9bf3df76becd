package com.stocklens.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * One reading of the seven buckets for one SKU in one warehouse. A {@code null} bucket is
 * <em>unknown</em> (the provider does not report it), which is not the same as 0.
 */
public record StockLevel(
        Integer onHand,
        Integer available,
        Integer reserved,
        Integer inTransit,
        Integer qcHold,
        Integer frozen,
        Integer returnPendingQc) {

    public static final StockLevel UNKNOWN = new StockLevel(null, null, null, null, null, null, null);

    public StockLevel {
        requireNonNegative(onHand, Bucket.ON_HAND);
        requireNonNegative(available, Bucket.AVAILABLE);
        requireNonNegative(reserved, Bucket.RESERVED);
        requireNonNegative(inTransit, Bucket.IN_TRANSIT);
        requireNonNegative(qcHold, Bucket.QC_HOLD);
        requireNonNegative(frozen, Bucket.FROZEN);
        requireNonNegative(returnPendingQc, Bucket.RETURN_PENDING_QC);
    }

    private static void requireNonNegative(Integer value, Bucket bucket) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(bucket.column() + " must not be negative: " + value);
        }
    }

    /** The value of one bucket, or {@code null} when unknown. */
    public Integer get(Bucket bucket) {
        return switch (bucket) {
            case ON_HAND -> onHand;
            case AVAILABLE -> available;
            case RESERVED -> reserved;
            case IN_TRANSIT -> inTransit;
            case QC_HOLD -> qcHold;
            case FROZEN -> frozen;
            case RETURN_PENDING_QC -> returnPendingQc;
        };
    }

    public boolean isKnown(Bucket bucket) {
        return get(bucket) != null;
    }

    /** A copy with one bucket replaced ({@code null} makes it unknown). */
    public StockLevel with(Bucket bucket, Integer value) {
        Map<Bucket, Integer> m = asMap();
        m.put(bucket, value);
        return of(m);
    }

    /** All buckets, unknown ones mapped to {@code null}. */
    public Map<Bucket, Integer> asMap() {
        Map<Bucket, Integer> m = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            m.put(b, get(b));
        }
        return m;
    }

    public static StockLevel of(Map<Bucket, Integer> values) {
        return new StockLevel(
                values.get(Bucket.ON_HAND),
                values.get(Bucket.AVAILABLE),
                values.get(Bucket.RESERVED),
                values.get(Bucket.IN_TRANSIT),
                values.get(Bucket.QC_HOLD),
                values.get(Bucket.FROZEN),
                values.get(Bucket.RETURN_PENDING_QC));
    }
}
