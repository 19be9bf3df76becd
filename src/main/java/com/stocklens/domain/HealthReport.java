package com.stocklens.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inventory health report for a period [from, to] (Beijing calendar days): overall, per warehouse
 * and per SKU.
 *
 * @param perWarehouse warehouse id → its figures
 * @param perSku       one line per SKU (all warehouses together)
 */
public record HealthReport(LocalDate from, LocalDate to, HealthBands bands, List<HealthFigure> overall,
                           Map<String, List<HealthFigure>> perWarehouse, List<SkuHealth> perSku) {
    public HealthReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        overall = List.copyOf(overall);
        perWarehouse = Map.copyOf(perWarehouse);
        perSku = List.copyOf(perSku);
    }

    /** One SKU's line in the report. */
    public record SkuHealth(String sellerSku, String name, int unitsSold, Double averageOnHand,
                            Double turnoverDays, int over180Units, int excessUnits, int strandedUnits,
                            Integer oldestDays) {
    }
}
