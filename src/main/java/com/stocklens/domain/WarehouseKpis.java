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
 * @param over180Share         units older than 180 days ÷ units of known age (FIFO ageing); null when no unit
 *                             has a known age
 * @param projectedStorageCost next month's storage cost from the age structure and the profile's fees
 * @param history              the complete days of the window the measured figures rest on; null when not stated
 * @param thinHistory          true when those days are fewer than the history coverage asks (default: half the
 *                             window): the measured figures are shown, not scored
 * @param ages                 the units of known age out of all units (the over-180 share's coverage); null when
 *                             not stated
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
        Double projectedStorageCost,
        Coverage history,
        boolean thinHistory,
        Coverage ages) {

    public WarehouseKpis {
        Objects.requireNonNull(warehouseId, "warehouseId");
    }

    /** Figures without a stated coverage. */
    public WarehouseKpis(String warehouseId, Double stalenessP50Minutes, Double stalenessP95Minutes, int syncRuns,
                         Double syncFailureShare, long skuDays, int calibrationTasks, Double calibrationsPer1000,
                         Double stockoutRate, Double dockToStockHours, Double returnsQcHours, Double over180Share,
                         Double projectedStorageCost) {
        this(warehouseId, stalenessP50Minutes, stalenessP95Minutes, syncRuns, syncFailureShare, skuDays,
                calibrationTasks, calibrationsPer1000, stockoutRate, dockToStockHours, returnsQcHours, over180Share,
                projectedStorageCost, null, false, null);
    }

    /** Nothing measured (a candidate, or a warehouse without history). */
    public static WarehouseKpis none(String warehouseId) {
        return new WarehouseKpis(warehouseId, null, null, 0, null, 0, 0, null, null, null, null, null, null);
    }

    public WarehouseKpis withAgeing(Double newOver180Share, Double newProjectedStorageCost) {
        return withAgeing(newOver180Share, newProjectedStorageCost, ages);
    }

    /** The ageing figures with the units of known age they rest on. */
    public WarehouseKpis withAgeing(Double newOver180Share, Double newProjectedStorageCost, Coverage newAges) {
        return new WarehouseKpis(warehouseId, stalenessP50Minutes, stalenessP95Minutes, syncRuns, syncFailureShare,
                skuDays, calibrationTasks, calibrationsPer1000, stockoutRate, dockToStockHours, returnsQcHours,
                newOver180Share, newProjectedStorageCost, history, thinHistory, newAges);
    }

    /** The days of history the measured figures rest on, and whether they are too few to score. */
    public WarehouseKpis withHistory(Coverage newHistory, boolean thin) {
        return new WarehouseKpis(warehouseId, stalenessP50Minutes, stalenessP95Minutes, syncRuns, syncFailureShare,
                skuDays, calibrationTasks, calibrationsPer1000, stockoutRate, dockToStockHours, returnsQcHours,
                over180Share, projectedStorageCost, newHistory, thin, ages);
    }
}
