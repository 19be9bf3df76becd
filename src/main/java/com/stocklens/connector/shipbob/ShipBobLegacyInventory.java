package com.stocklens.connector.shipbob;

import java.util.List;

/**
 * One item of the legacy {@code GET /1.0/inventory} bare array. Spelled {@code onhand} and keyed
 * by FC {@code id}, unlike 2025-07's {@code on_hand} / {@code location_id}: never share a DTO.
 * The documented shape has no {@code sku}; it is read when present.
 */
record ShipBobLegacyInventory(
        String id,
        String name,
        String sku,
        Boolean isActive,
        Integer totalFulfillableQuantity,
        Integer totalOnhandQuantity,
        Integer totalCommittedQuantity,
        Integer totalAwaitingQuantity,
        List<FcQuantity> fulfillableQuantityByFulfillmentCenter) {

    /** Per-FC quantities of one legacy item. */
    record FcQuantity(String id, String name, Integer fulfillableQuantity, Integer onhandQuantity,
                      Integer committedQuantity, Integer awaitingQuantity, Integer internalTransferQuantity) {
    }
}
