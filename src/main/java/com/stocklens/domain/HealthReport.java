package com.stocklens.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inventory health report for a period [from, to] (Beijing calendar days): overall, per warehouse
 * and per SKU.
 *
 * @param perWarehouse   warehouse id → its figures
 * @param perSku         one line per SKU (all warehouses together)
 * @param warehouseNames warehouse id → display name, for the files a seller reads; may miss some ids
 */
public record HealthReport(LocalDate from, LocalDate to, HealthBands bands, List<HealthFigure> overall,
                           Map<String, List<HealthFigure>> perWarehouse, List<SkuHealth> perSku,
                           Map<String, String> warehouseNames) {
    public HealthReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        overall = List.copyOf(overall);
        perWarehouse = Map.copyOf(perWarehouse);
        perSku = List.copyOf(perSku);
        warehouseNames = Map.copyOf(warehouseNames);
    }

    /** A report whose warehouses go by their ids until {@link #withWarehouseNames} names them. */
    public HealthReport(LocalDate from, LocalDate to, HealthBands bands, List<HealthFigure> overall,
                        Map<String, List<HealthFigure>> perWarehouse, List<SkuHealth> perSku) {
        this(from, to, bands, overall, perWarehouse, perSku, Map.of());
    }

    /** The same report with warehouses named. */
    public HealthReport withWarehouseNames(Map<String, String> names) {
        return new HealthReport(from, to, bands, overall, perWarehouse, perSku, names);
    }

    /** A warehouse's display name, its id when the report does not know it. */
    public String warehouseName(String warehouseId) {
        return warehouseNames.getOrDefault(warehouseId, warehouseId);
    }

    /**
     * One SKU's line in the report (all its warehouses together).
     *
     * @param over180Units  units older than 180 days; null when no unit has a known age
     * @param over180Share  over-180 units ÷ units of known age, in percent; null when no unit has a known age
     * @param ageVerdict    the share against its band; {@link Verdict#UNKNOWN} when no unit has a known age
     * @param agedUnits     units of known age
     * @param ageUnits      all units of its age profiles, known age or not
     */
    public record SkuHealth(String sellerSku, String name, int unitsSold, Double averageOnHand,
                            Double turnoverDays, Integer over180Units, int excessUnits, int strandedUnits,
                            Integer oldestDays, Double over180Share, Verdict ageVerdict, int agedUnits, int ageUnits) {
        public SkuHealth {
            ageVerdict = ageVerdict == null ? Verdict.UNKNOWN : ageVerdict;
        }

        /** A line whose age figures are not judged. */
        public SkuHealth(String sellerSku, String name, int unitsSold, Double averageOnHand, Double turnoverDays,
                         int over180Units, int excessUnits, int strandedUnits, Integer oldestDays) {
            this(sellerSku, name, unitsSold, averageOnHand, turnoverDays, over180Units, excessUnits, strandedUnits,
                    oldestDays, null, Verdict.UNKNOWN, 0, 0);
        }

        /** The percent of units whose age is known, null when there is no unit. */
        public Double ageKnownPercent() {
            return ageUnits == 0 ? null : 100.0 * agedUnits / ageUnits;
        }
    }
}
