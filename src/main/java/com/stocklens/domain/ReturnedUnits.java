package com.stocklens.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Customer-returned units of one SKU that re-entered a warehouse's on-hand on one day. They explain an
 * increase of on-hand that is not a receipt (docs/DOMAIN.md "Age").
 */
public record ReturnedUnits(LocalDate day, int units) {
    public ReturnedUnits {
        Objects.requireNonNull(day, "day");
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative");
        }
    }
}
