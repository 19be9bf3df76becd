package com.stocklens.rules;

import java.time.LocalDate;
import java.util.Objects;

/** Units of one SKU sold on one day, and whether it was out of stock that day (such days are skipped). */
public record DemandDay(LocalDate day, int units, boolean stockOut) {
    public DemandDay {
        Objects.requireNonNull(day, "day");
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative: " + units);
        }
    }
}
