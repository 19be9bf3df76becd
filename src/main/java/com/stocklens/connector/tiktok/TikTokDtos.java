package com.stocklens.connector.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The parts of TikTok's {@code data} objects StockLens reads; IDs stay strings (docs/api/tiktok-shop.md §2),
 * stock counts {@link JsonNode} so they are judged by the one quantity rule ({@code Quantities}).
 */
final class TikTokDtos {
    private TikTokDtos() {
    }

    record ShopsData(List<Shop> shops) {
    }

    record Shop(String id, String name, String region, String sellerType, String cipher, String code) {
    }

    record WarehousesData(List<WarehouseDto> warehouses) {
    }

    record WarehouseDto(String id, String name, String type, String subType, String effectStatus,
                        Boolean isDefault, Address address) {
    }

    record Address(String region, String regionCode) {
    }

    record ProductsData(Integer totalCount, String nextPageToken, List<Product> products) {
    }

    record Product(String id, String title, String status, List<ProductSku> skus) {
    }

    record ProductSku(String id, String sellerSku, List<SalesAttribute> salesAttributes) {
    }

    record SalesAttribute(String name, String valueName) {
    }

    record InventoryData(List<InventoryProduct> inventory) {
    }

    record InventoryProduct(String productId, List<InventorySku> skus) {
    }

    record InventorySku(String id, String sellerSku, JsonNode totalAvailableQuantity, JsonNode totalCommittedQuantity,
                        List<WarehouseInventory> warehouseInventory) {
    }

    record WarehouseInventory(String warehouseId, JsonNode availableQuantity, JsonNode committedQuantity) {
    }

    record OrdersData(Integer totalCount, String nextPageToken, List<Order> orders) {
    }

    record Order(String id, String status, Long createTime, Long updateTime, String warehouseId,
                 List<LineItem> lineItems) {
    }

    record LineItem(String id, String skuId, String sellerSku, String displayStatus) {
    }

    record ReturnsData(Integer totalCount, String nextPageToken, List<ReturnOrder> returnOrders) {
    }

    record ReturnOrder(String returnId, String orderId, String returnType, String returnStatus, Long createTime,
                       Long updateTime, List<ReturnLineItem> returnLineItems) {
    }

    record ReturnLineItem(String returnLineItemId, String orderLineItemId, String skuId, String sellerSku) {
    }
}
