package com.stocklens.service;

import com.stocklens.domain.Alert;
import com.stocklens.domain.Warehouse;

/**
 * An alert with the names a person needs to read it.
 *
 * @param skuName    null for source-level alerts
 * @param warehouse  null for source-level alerts
 * @param sourceName display name of the source, null for SKU-level alerts
 */
public record AlertRow(Alert alert, String skuName, Warehouse warehouse, String sourceName) {
}
