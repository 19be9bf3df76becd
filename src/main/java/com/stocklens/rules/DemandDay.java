package com.stocklens.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Units of one SKU sold on one day (in one warehouse, or over all of them), and whether it was out of stock
 * that day (such days are skipped). Units are fractional only where a sale of unknown warehouse was split
 * ({@link WarehouseDemand}).
 */
public record DemandDay(LocalDate day, double units, boolean stockOut) {
    public DemandDay {
        Objects.requireNonNull(day, "day");
        if (units < 0 || Double.isNaN(units)) {
            throw new IllegalArgumentException("units must not be negative: " + units);
        }
    }
}
