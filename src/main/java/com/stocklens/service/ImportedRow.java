package com.stocklens.service;

import com.stocklens.domain.StockLevel;
import java.util.Objects;

/**
 * One valid row of a stock file.
 *
 * @param row       the row number as the seller sees it in Excel
 * @param sellerSku the seller SKU
 * @param barcode   the barcode, or null when not mapped or blank
 * @param level     the buckets; an unmapped bucket or a blank cell is unknown (null)
 */
public record ImportedRow(int row, String sellerSku, String barcode, StockLevel level) {
    public ImportedRow {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(level, "level");
    }
}
