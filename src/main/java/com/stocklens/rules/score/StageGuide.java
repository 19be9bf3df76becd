package com.stocklens.rules.score;

/**
 * Reads the shop's own size and says which stage it is at (docs/DOMAIN.md "Who uses it": small shops start
 * with a TikTok partner warehouse and grow into their own WMS connection at about 300 orders a month;
 * a mid-size shop has 200+ SKUs).
 *
 * @param skus          SKUs the shop lists (or stocks), null when unknown
 * @param monthlyOrders orders in the last 30 days, null when unknown (no TikTok history yet)
 */
public record StageGuide(Integer skus, Integer monthlyOrders, Stage stage, boolean midSize) {
    /** Orders a month at which a shop grows into its own WMS connection (a setting; docs/DOMAIN.md's figure). */
    public static final int OWN_WMS_ORDERS = 300;
    /** SKUs from which docs/DOMAIN.md calls a shop mid-size. */
    public static final int MID_SIZE_SKUS = 200;

    public static StageGuide of(Integer skus, Integer monthlyOrders) {
        return of(skus, monthlyOrders, OWN_WMS_ORDERS);
    }

    public static StageGuide of(Integer skus, Integer monthlyOrders, int ownWmsOrders) {
        Stage stage = monthlyOrders == null ? Stage.UNKNOWN
                : monthlyOrders >= ownWmsOrders ? Stage.OWN_WMS : Stage.PARTNER_WAREHOUSE;
        return new StageGuide(skus, monthlyOrders, stage, skus != null && skus >= MID_SIZE_SKUS);
    }
}
