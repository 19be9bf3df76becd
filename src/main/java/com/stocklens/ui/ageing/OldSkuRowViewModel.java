package com.stocklens.ui.ageing;

/**
 * One line of the oldest-SKU table: precomputed fields only, so sorting never touches cells.
 *
 * @param oldestDays   age of the oldest unit in days, null when unknown
 * @param over180Units units older than 180 days in this warehouse
 * @param daysOfSupply the SKU's (available + in transit) ÷ d̄ over all warehouses; null when d̄ is 0 or unknown
 */
public record OldSkuRowViewModel(String sellerSku, String warehouseId, String warehouseLabel, Integer oldestDays,
                                 int over180Units, int units, Double daysOfSupply) {
}
