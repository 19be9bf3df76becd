package com.stocklens.service;

import com.stocklens.domain.Bucket;

/**
 * One bucket of one SKU × warehouse that differs between two moments.
 *
 * @param before the figure at the earlier moment, null when unknown or the row did not exist
 * @param after  the figure at the later moment, null when unknown or the row no longer exists
 */
public record StockChange(String sellerSku, String skuName, String warehouseId, String warehouseName, Bucket bucket,
                          Integer before, Integer after, Kind kind) {

    /** What kind of change it is: a count that moved, or a figure that appeared or vanished. */
    public enum Kind {
        /** Known at both moments, different. */
        CHANGED,
        /** The row existed at both moments; the bucket was unknown and is now known. */
        BECAME_KNOWN,
        /** The row existed at both moments; the bucket was known and is now unknown. */
        BECAME_UNKNOWN,
        /** The SKU × warehouse row did not exist at the earlier moment. */
        APPEARED,
        /** The SKU × warehouse row no longer exists at the later moment. */
        DISAPPEARED
    }

    /** after − before when both are known, else null. */
    public Integer delta() {
        return before == null || after == null ? null : after - before;
    }

    /**
     * How much it matters, for sorting: |delta| when both are known, else the units that appeared or vanished.
     */
    public long impact() {
        if (before != null && after != null) {
            return Math.abs((long) after - before);
        }
        return Math.abs((long) (before != null ? before : after != null ? after : 0));
    }
}
