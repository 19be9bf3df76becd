package com.stocklens.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * An immutable view of one ShipBob customer return.
 *
 * @param id          return id
 * @param referenceId seller reference (the TikTok order id it came from)
 * @param status      "Awaiting Arrival", "Arrived", "Processing" or "Completed"
 * @param fcId        FC receiving it
 * @param inserted    creation time
 * @param lastUpdated last change
 * @param completedAt completion time, or null
 * @param lines       one per SKU
 */
public record SimReturn(long id, String referenceId, String status, int fcId, Instant inserted,
                        Instant lastUpdated, Instant completedAt, List<Line> lines) {
    public SimReturn {
        lines = List.copyOf(lines);
    }

    /**
     * One SKU on a return.
     *
     * @param skuIndex    {@link SimSku#index()}
     * @param inventoryId ShipBob inventory id
     * @param sellerSku   merchant code
     * @param quantity    units returned
     * @param actions     processing outcomes so far
     */
    public record Line(int skuIndex, long inventoryId, String sellerSku, int quantity, List<Action> actions) {
        public Line {
            actions = List.copyOf(actions);
        }

        public int processed() {
            return actions.stream().mapToInt(Action::quantityProcessed).sum();
        }
    }

    /**
     * One processing outcome.
     *
     * @param action            "Restock" (passed QC, back to stock) or "Quarantine" (failed, frozen)
     * @param quantityProcessed units
     */
    public record Action(String action, int quantityProcessed) {
    }
}
