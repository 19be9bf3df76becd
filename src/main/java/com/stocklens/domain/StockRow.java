package com.stocklens.domain;

import java.util.Objects;

/** A warehouse's reading for one SKU in one of its warehouses. */
public record StockRow(String sellerSku, String warehouseId, String wmsId, StockLevel level) {
    public StockRow {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(level, "level");
    }
}
