package com.stocklens.connector.shipmonk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Wire shapes of the ShipMonk integration API (v1.024, docs/api/warehouses.md §4). Quantities stay
 * {@link JsonNode} so they can be read leniently (number or numeric string; null = unknown).
 */
final class ShipMonkDtos {
    private ShipMonkDtos() {
    }

    record Paginator(Integer total, Integer pages, Integer page) {
    }

    /** A list paged by page number, with a paginator that says how many pages there are. */
    interface NumberedPage<T> {
        Paginator paginator();

        /** The page's items, never null. */
        List<T> items();
    }

    record Address(String city, String state, String country) {
    }

    record WarehouseOut(Long id, String identifier, String name, String timezone, Boolean enabled, Address address) {
    }

    record WarehousesPage(Paginator paginator, List<WarehouseOut> data) implements NumberedPage<WarehouseOut> {
        @Override
        public List<WarehouseOut> items() {
            return data == null ? List.of() : data;
        }
    }

    /** Answer of {@code POST /v1/integrations/products/search}: a frozen result set behind a cursor. */
    record SearchStarted(Integer total, String cursor) {
    }

    record ProductsPage(List<Product> data, Integer total, String nextCursor) {
    }

    record Product(Long id, String sku, String name, Boolean isActive, List<String> barcodes, Inventory inventory) {
    }

    record Inventory(JsonNode quantityTotalOnHand, JsonNode quantityTotalAvailable, List<Location> locations) {
    }

    record WarehouseRef(Long id, String name, String identifier) {
    }

    /** One warehouse's quantities of a product; note ShipMonk's own spelling {@code quarantined_quantity}. */
    record Location(JsonNode quantityOnHand, JsonNode quantityAvailable, JsonNode quarantinedQuantity,
                    JsonNode quantityUnavailable, WarehouseRef warehouse) {
    }

    record ProductRef(Long id, String sku, String name) {
    }

    /** A line of a receiving or a return: units of one product. */
    interface ProductLine {
        ProductRef product();
    }

    /** A receiving or a return: lines at one warehouse, in a status. */
    interface Document<I extends ProductLine> {
        Long id();

        /** The warehouse code, e.g. CA1. */
        String warehouse();

        String status();

        List<I> items();
    }

    record ReceivingItem(ProductRef product, JsonNode expectedQuantity, JsonNode receivedQuantity)
            implements ProductLine {
    }

    /** A receiving (ASN); {@code warehouse} is the warehouse code, e.g. CA1. */
    record Receiving(Long id, String warehouse, String status, List<ReceivingItem> items)
            implements Document<ReceivingItem> {
    }

    record ReceivingsPage(Paginator paginator, List<Receiving> data) implements NumberedPage<Receiving> {
        @Override
        public List<Receiving> items() {
            return data == null ? List.of() : data;
        }
    }

    record ReturnDetail(JsonNode receivedQuantity, String finalDisposition) {
    }

    record ReturnItem(ProductRef product, JsonNode expectedQuantity, JsonNode receivedQuantity,
                      List<ReturnDetail> receivingDetails) implements ProductLine {
    }

    record ReturnOut(Long id, String warehouse, String status, List<ReturnItem> items) implements Document<ReturnItem> {
    }

    record ReturnsData(List<ReturnOut> returnsList) {
    }

    record ReturnsPage(Paginator paginator, ReturnsData data) implements NumberedPage<ReturnOut> {
        @Override
        public List<ReturnOut> items() {
            return data == null || data.returnsList() == null ? List.of() : data.returnsList();
        }
    }
}
