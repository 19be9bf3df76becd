package com.stocklens.connector.shipbob;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Wire shapes of the dated API versions ({@code 2025-07}, {@code 2026-01}); the legacy 1.0 inventory
 * has its own {@link ShipBobLegacyInventory} because its field names differ (docs/api/warehouses.md §2.4).
 * Counts stay {@link JsonNode} so they are judged by the one quantity rule ({@code Quantities}), never coerced.
 */
final class ShipBobDtos {
    private ShipBobDtos() {
    }

    record FulfillmentCenter(String id, String name, String timezone, String city, String state, String country) {
    }

    /** A list response paged by the body's {@code next} link (null or blank on the last page). */
    interface LinkPage<T> {
        List<T> items();

        String next();
    }

    record InventoryLocationsPage(List<InventoryLocations> items, String next) implements LinkPage<InventoryLocations> {
    }

    record InventoryLocations(String inventoryId, String name, String sku, List<Location> locations) {
    }

    record Location(String locationId, String name, JsonNode onHandQuantity, JsonNode committedQuantity,
                    JsonNode fulfillableQuantity, JsonNode awaitingQuantity, JsonNode internalTransferQuantity) {
    }

    record InventoryLotsPage(List<InventoryLots> items, String next) implements LinkPage<InventoryLots> {
    }

    /** The item master ({@code GET /inventory}): where the barcode of each inventory item lives. */
    record InventoryItemsPage(List<InventoryItem> items, String next) implements LinkPage<InventoryItem> {
    }

    record InventoryItem(String inventoryId, String sku, String name, String barcode) {
    }

    record InventoryLots(String inventoryId, String name, String sku, List<LotQuantities> lots) {
    }

    /** One lot; {@code lot_date} is a date-time, kept as text so a missing offset can be handled. */
    record LotQuantities(String lotNumber, String lotDate, JsonNode onHandQuantity, List<Location> locations) {
    }

    record FcRef(String id, String name) {
    }

    record Wro(String id, String status, FcRef fulfillmentCenter, List<WroQuantity> inventoryQuantities) {
    }

    record WroQuantity(String inventoryId, String sku, JsonNode expectedQuantity, JsonNode receivedQuantity,
                       JsonNode stowedQuantity) {
    }

    record ReturnsPage(List<ReturnOrder> items, String next) implements LinkPage<ReturnOrder> {
    }

    record ReturnOrder(String id, String status, FcRef fulfillmentCenter, List<ReturnInventory> inventory) {
    }

    record ReturnInventory(String id, String sku, JsonNode quantity, List<ActionTaken> actionTaken) {
    }

    record ActionTaken(String action, JsonNode quantityProcessed) {
    }
}
