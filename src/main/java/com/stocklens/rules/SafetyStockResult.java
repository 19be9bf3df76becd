package com.stocklens.rules;

import com.stocklens.domain.Wording;
import java.time.LocalDate;

/**
 * The safety-stock working for one SKU × warehouse, every figure a person needs to check it by hand.
 *
 * @param from              first day of the demand window
 * @param to                last day of the demand window
 * @param days              days in the window
 * @param excludedDays      stock-out days skipped when averaging
 * @param share             share of the SKU's demand attributed to this warehouse (1 when it is the only one)
 * @param meanDemand        d̄, units per day (after the share)
 * @param stdDevDemand      σd, sample standard deviation of daily units (after the share)
 * @param z                 service-level factor
 * @param leadTimeDays      L
 * @param leadTimeStdDev    σL in days
 * @param safetyStock       SS = z·√(L·σd² + d̄²·σL²)
 * @param reorderPoint      ROP = d̄·L + SS
 * @param position          available + in transit now (in transit unknown counts as 0, said in {@code working})
 * @param suggestedQuantity max(0, ⌈d̄·(L + target cover) + SS − position⌉)
 * @param working           the formula with its numbers, on one line
 */
public record SafetyStockResult(
        LocalDate from,
        LocalDate to,
        int days,
        int excludedDays,
        double share,
        double meanDemand,
        double stdDevDemand,
        double z,
        int leadTimeDays,
        double leadTimeStdDev,
        double safetyStock,
        double reorderPoint,
        int position,
        int suggestedQuantity,
        Wording working) {

    /** The reorder point in whole units (rounded up: a fraction of a unit short is short). */
    public int reorderPointUnits() {
        return (int) Math.ceil(reorderPoint - 1e-9);
    }
}
