package com.stocklens.connector.winit;

import static com.stocklens.connector.http.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.http.Quantities;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire shapes of {@code queryWarehouse} and {@code queryWarehouseStorage} (docs/api/warehouses.md §3.5), read
 * leniently from the JSON tree: ids and counts may be numbers or strings, and {@code list} may be one
 * object instead of an array.
 */
final class WinitDtos {
    private WinitDtos() {
    }

    /** One warehouse of {@code queryWarehouse}. */
    record WarehouseInfo(String warehouseId, String warehouseCode, String warehouseName, String warehouseAddress) {
        static WarehouseInfo of(JsonNode n) throws MalformedResponseException {
            String id = text(n, "warehouseID");
            if (id == null) {
                id = text(n, "warehouseId");
            }
            if (id == null) {
                throw new MalformedResponseException("WINIT warehouse without warehouseID");
            }
            return new WarehouseInfo(id, text(n, "warehouseCode"), text(n, "warehouseName"),
                    text(n, "warehouseAddress"));
        }
    }

    /** One page of {@code queryWarehouseStorage}. */
    record StoragePage(Integer currentPageNum, Integer total, List<StorageRow> rows) {
        static StoragePage of(JsonNode data) throws MalformedResponseException {
            if (data == null || data.isNull() || data.isMissingNode()) {
                return new StoragePage(null, 0, List.of());
            }
            if (data.isArray()) {
                // The 2019-era shape: data is the list itself, with no paging.
                return new StoragePage(null, null, parseRows(data));
            }
            return new StoragePage(Quantities.field(data, "currentPageNum"), Quantities.field(data, "total"),
                    parseRows(data.get("list")));
        }
    }

    /** One row: one product (and specification) in one warehouse, sellable or returned stock. */
    record StorageRow(String warehouseId, String warehouseCode, String warehouseName, String productCode,
                      String specification, String productName, String merchandiseSerno, boolean returnInventory,
                      Integer inStockQty, Integer qtyAvailable, Integer qtyWaitOut, Integer preSaleWaitOutQty,
                      Integer pipelineInventory, Integer qtyFrozen, Integer prohibitFrozenQty,
                      Integer prohibitUsableQty, Integer qtyLostConfirming, Integer qtyDestruction) {
        static StorageRow of(JsonNode n) throws MalformedResponseException {
            String productCode = text(n, "productCode");
            return new StorageRow(text(n, "warehouseID"), text(n, "warehouseCode"), text(n, "warehouseName"),
                    productCode, text(n, "specification"), text(n, "productName"), text(n, "merchandiseSerno"),
                    "Y".equalsIgnoreCase(text(n, "isReturnInventory")),
                    count(n, "inStockQty", productCode), count(n, "qtyAvailable", productCode),
                    count(n, "qtyWaitOut", productCode), count(n, "preSaleWaitOutQty", productCode),
                    count(n, "pipelineInventory", productCode), count(n, "qtyFrozen", productCode),
                    count(n, "prohibitFrozenQty", productCode), count(n, "prohibitUsableQty", productCode),
                    count(n, "qtyLostConfirming", productCode), count(n, "qtyDestruction", productCode));
        }

        private static Integer count(JsonNode n, String field, String productCode) throws MalformedResponseException {
            return Quantities.field(n, "WINIT", field, productCode);
        }
    }

    /** An array, a single object (WINIT's quirk), or nothing. */
    static List<JsonNode> items(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            out.add(node);
        }
        return out;
    }

    private static List<StorageRow> parseRows(JsonNode list) throws MalformedResponseException {
        List<StorageRow> out = new ArrayList<>();
        for (JsonNode n : items(list)) {
            out.add(StorageRow.of(n));
        }
        return out;
    }
}
