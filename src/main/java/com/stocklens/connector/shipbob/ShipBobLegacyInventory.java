package com.stocklens.connector.shipbob;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One item of the legacy {@code GET /1.0/inventory} bare array. Spelled {@code onhand} and keyed
 * by FC {@code id}, unlike 2025-07's {@code on_hand} / {@code location_id}: never share a DTO.
 * The documented shape has no {@code sku}; it is read when present. Counts stay {@link JsonNode} so they are
 * judged by the one quantity rule ({@code Quantities}), never coerced (12.7 is not 12).
 */
record ShipBobLegacyInventory(
        String id,
        String name,
        String sku,
        Boolean isActive,
        JsonNode totalFulfillableQuantity,
        JsonNode totalOnhandQuantity,
        JsonNode totalCommittedQuantity,
        JsonNode totalAwaitingQuantity,
        List<FcQuantity> fulfillableQuantityByFulfillmentCenter) {

    /** Per-FC quantities of one legacy item. */
    record FcQuantity(String id, String name, JsonNode fulfillableQuantity, JsonNode onhandQuantity,
                      JsonNode committedQuantity, JsonNode awaitingQuantity, JsonNode internalTransferQuantity) {
    }
}
