package com.stocklens.sandbox;

import com.stocklens.domain.StockLevel;

/**
 * The true state of one SKU in one fulfilment centre at one simulated moment.
 * {@code frozen} and {@code reserved} units are part of {@code onHand} (they are physically there).
 *
 * @param skuIndex        {@link SimSku#index()}
 * @param sellerSku       the SKU's merchant code
 * @param fcId            ShipBob FC id
 * @param onHand          physically in the building, incl. reserved and frozen units
 * @param reserved        committed to open orders, not yet shipped
 * @param frozen          damaged / quarantined (invisible to ShipBob's API)
 * @param inTransit       inbound WRO units not yet arrived
 * @param qcHold          received but not yet stowed
 * @param returnPendingQc customer returns arrived but not yet processed
 */
public record CellState(int skuIndex, String sellerSku, int fcId, int onHand, int reserved, int frozen,
                        int inTransit, int qcHold, int returnPendingQc) {

    /** Sellable now: on hand minus reserved minus frozen. */
    public int available() {
        return onHand - reserved - frozen;
    }

    /** Every bucket, all known. */
    public StockLevel toStockLevel() {
        return new StockLevel(onHand, available(), reserved, inTransit, qcHold, frozen, returnPendingQc);
    }

    /**
     * What a correct ShipBob connector can know: everything except {@code frozen}, which ShipBob's
     * API does not expose (docs/api/warehouses.md §2.8), so it is unknown rather than 0.
     */
    public StockLevel asShipBobReports() {
        return new StockLevel(onHand, available(), reserved, inTransit, qcHold, null, returnPendingQc);
    }
}
