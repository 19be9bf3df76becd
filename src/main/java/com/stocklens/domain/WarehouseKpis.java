package com.stocklens.domain;

import java.util.Objects;

/**
 * What StockLens's own history shows of one connected warehouse over a window. Null = not measurable
 * (no history of that kind), never 0.
 *
 * @param stalenessP50Minutes  median age of the warehouse's data when a sync of its source started
 * @param stalenessP95Minutes  95th percentile of the same
 * @param syncRuns             finished sync runs of its source in the window
 * @param syncFailureShare     failed ÷ finished runs
 * @param skuDays              SKU-days seen in the warehouse (distinct SKU × Beijing day with a row)
 * @param calibrationTasks     calibration tasks opened for the warehouse
 * @param calibrationsPer1000  tasks per 1,000 SKU-days
 * @param stockoutRate         share of SKU-days (each day's last snapshot) whose available was 0
 * @param dockToStockHours     median hours from an inbound seen (in transit rises) to it becoming available
 * @param returnsQcHours       median hours a rise of returns awaiting QC took to clear
 * @param over180Share         units older than 180 days ÷ units on hand (FIFO ageing)
 * @param projectedStorageCost next month's storage cost from the age structure and the profile's fees
 */
public record WarehouseKpis(
        String warehouseId,
        Double stalenessP50Minutes,
        Double stalenessP95Minutes,
        int syncRuns,
        Double syncFailureShare,
        long skuDays,
        int calibrationTasks,
        Double calibrationsPer1000,
        Double stockoutRate,
        Double dockToStockHours,
        Double returnsQcHours,
        Double over180Share,
        Double projectedStorageCost) {

    public WarehouseKpis {
        Objects.requireNonNull(warehouseId, "warehouseId");
    }

    /** Nothing measured (a candidate, or a warehouse without history). */
    public static WarehouseKpis none(String warehouseId) {
        return new WarehouseKpis(warehouseId, null, null, 0, null, 0, 0, null, null, null, null, null, null);
    }

    public WarehouseKpis withAgeing(Double newOver180Share, Double newProjectedStorageCost) {
        return new WarehouseKpis(warehouseId, stalenessP50Minutes, stalenessP95Minutes, syncRuns, syncFailureShare,
                skuDays, calibrationTasks, calibrationsPer1000, stockoutRate, dockToStockHours, returnsQcHours,
                newOver180Share, newProjectedStorageCost);
    }
}
