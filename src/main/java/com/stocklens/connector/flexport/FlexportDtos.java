package com.stocklens.connector.flexport;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Wire shapes of the Flexport Logistics API (camelCase JSON, docs/api/warehouses.md §5). Quantities stay
 * {@link JsonNode} so they can be read leniently (number or numeric string; null = unknown).
 */
final class FlexportDtos {
    private FlexportDtos() {
    }

    /** One product of {@code GET /products}: the DSKU and the seller's own SKU. */
    record ApiProduct(String logisticsSku, String merchantSku, String name, List<String> barcodes) {
    }

    /** One entry of {@code GET /products/inventory/all}: network-wide counts of one DSKU. */
    record ApiInventory(String logisticsSku, JsonNode onHand, JsonNode available, JsonNode unavailable) {
    }

    record WarehouseDetail(JsonNode available, String warehouseId) {
    }

    /** One entry of {@code POST /products/warehouse}: the DSKU's available units per warehouse. */
    record WarehouseDetails(String logisticsSku, List<WarehouseDetail> warehouseDetails) {
    }

    record LogisticsSkus(@JsonProperty("logisticsSKUs") List<String> logisticsSKUs) {
    }
}
