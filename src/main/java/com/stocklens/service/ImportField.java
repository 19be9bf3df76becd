package com.stocklens.service;

import com.stocklens.domain.Bucket;
import java.util.Locale;

/**
 * What a column of an uploaded stock file can stand for: the seller SKU (required), the barcode, or one
 * of the seven buckets. A bucket left unmapped stays unknown (null) for every row, never 0.
 */
public enum ImportField {
    SKU(null),
    BARCODE(null),
    ON_HAND(Bucket.ON_HAND),
    AVAILABLE(Bucket.AVAILABLE),
    RESERVED(Bucket.RESERVED),
    IN_TRANSIT(Bucket.IN_TRANSIT),
    QC_HOLD(Bucket.QC_HOLD),
    FROZEN(Bucket.FROZEN),
    RETURN_PENDING_QC(Bucket.RETURN_PENDING_QC);

    private final Bucket bucket;

    ImportField(Bucket bucket) {
        this.bucket = bucket;
    }

    /** The bucket this field fills, or null for SKU and barcode. */
    public Bucket bucket() {
        return bucket;
    }

    public boolean required() {
        return this == SKU;
    }

    /** Stable lower-case key, e.g. {@code return_pending_qc} (CLI, stored mappings, message keys). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
