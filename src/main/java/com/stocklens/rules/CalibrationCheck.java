package com.stocklens.rules;

import com.stocklens.domain.CalibrationBasis;

/**
 * The figures a calibration compares for one SKU × warehouse, and the verdict.
 *
 * @param warehouseQuantity the warehouse figure per the basis, null when a bucket it needs is unknown
 * @param tiktokQuantity    TikTok's figure per the basis, null when unknown
 * @param totalStock        the stock the percent threshold is taken of, null when not comparable
 * @param gap               |tiktok − warehouse|, null when not comparable
 * @param breach            true when the gap is beyond the thresholds (never when not comparable)
 */
public record CalibrationCheck(
        CalibrationBasis basis,
        Integer warehouseQuantity,
        Integer tiktokQuantity,
        Integer totalStock,
        Integer gap,
        boolean breach) {

    /** Both figures are known, so the two sides can be compared at all. */
    public boolean comparable() {
        return warehouseQuantity != null && tiktokQuantity != null;
    }
}
