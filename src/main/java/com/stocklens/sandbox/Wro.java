package com.stocklens.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * An immutable view of one ShipBob warehouse receiving order (inbound shipment).
 *
 * @param id                  WRO id
 * @param purchaseOrderNumber seller's PO number
 * @param status              Awaiting, PartiallyArrived, Arrived, Processing or Completed
 * @param fcId                destination FC
 * @param expectedArrival     expected arrival date
 * @param inserted            creation time
 * @param lastUpdated         last status/quantity change
 * @param completedAt         completion time, or null
 * @param lines               one per SKU
 */
public record Wro(long id, String purchaseOrderNumber, String status, int fcId, Instant expectedArrival,
                  Instant inserted, Instant lastUpdated, Instant completedAt, List<Line> lines) {
    public Wro {
        lines = List.copyOf(lines);
    }

    /**
     * One SKU on a WRO.
     *
     * @param skuIndex {@link SimSku#index()}
     * @param inventoryId ShipBob inventory id
     * @param sellerSku merchant code
     * @param expected units announced
     * @param received units counted in at the dock
     * @param stowed   units put away (sellable)
     */
    public record Line(int skuIndex, long inventoryId, String sellerSku, int expected, int received, int stowed) {
    }
}
