package com.stocklens.sandbox;

/**
 * A deliberate disagreement between TikTok and the warehouse for one SKU × FC, so that the app has
 * calibration tasks and missing-pre-allocation flags to find.
 *
 * @param skuIndex  {@link SimSku#index()}
 * @param sellerSku merchant code
 * @param fcId      the FC whose linked TikTok warehouse is off
 * @param kind      which figure is off
 * @param extra     per-drift extra units (the gap itself is computed from the current stock)
 * @param sinceStep step at which the drift appeared
 */
public record Drift(int skuIndex, String sellerSku, int fcId, Kind kind, int extra, long sinceStep) {

    /** Which TikTok figure drifts. */
    public enum Kind {
        /** TikTok's available is higher than the warehouse's (oversell risk). */
        AVAILABLE_HIGH,
        /** TikTok's available is lower (or, if that would go below 0, higher) than the warehouse's. */
        AVAILABLE_LOW,
        /** TikTok committed more units than the warehouse reserved (missing pre-allocation). */
        COMMITTED_HIGH
    }
}
