package com.stocklens.connector.goodcang;

import static com.stocklens.connector.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.http.Quantities;

/**
 * Wire shapes of {@code base_data/get_warehouse} and {@code inventory/get_product_inventory}
 * (docs/api/warehouses.md §6.2), read leniently from the JSON tree: counts may be numbers or strings.
 */
final class GoodCangDtos {
    private GoodCangDtos() {
    }

    /** One warehouse of {@code get_warehouse}: {@code {warehouse_code, warehouse_name, country_code, wp_list[]}}. */
    record WarehouseInfo(String warehouseCode, String warehouseName, String countryCode) {
        static WarehouseInfo of(JsonNode n) throws MalformedResponseException {
            String code = text(n, "warehouse_code");
            if (code == null) {
                throw new MalformedResponseException("GoodCang warehouse without warehouse_code");
            }
            return new WarehouseInfo(code, text(n, "warehouse_name"), text(n, "country_code"));
        }
    }

    /** One row of {@code get_product_inventory}: one SKU in one warehouse. */
    record InventoryRow(String productSku, String productBarcode, String warehouseCode, String warehouseDesc,
                        Integer sellable, Integer reserved, Integer onway, Integer pending, Integer unsellable,
                        Integer piFreeze) {
        static InventoryRow of(JsonNode n) throws MalformedResponseException {
            String sku = text(n, "product_sku");
            return new InventoryRow(sku, text(n, "product_barcode"), text(n, "warehouse_code"),
                    text(n, "warehouse_desc"), count(n, "sellable", sku), count(n, "reserved", sku),
                    count(n, "onway", sku), count(n, "pending", sku), count(n, "unsellable", sku),
                    count(n, "pi_freeze", sku));
        }

        private static Integer count(JsonNode n, String field, String sku) throws MalformedResponseException {
            return Quantities.field(n, "GoodCang", field, sku);
        }
    }
}
