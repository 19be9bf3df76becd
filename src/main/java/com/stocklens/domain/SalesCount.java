package com.stocklens.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Units of one seller SKU sold on one Beijing day through one of our warehouses, as the stored TikTok sale
 * lines say (one line = one unit, cancelled lines left out): the raw input of the demand model
 * (docs/DOMAIN.md "Demand and stock cover").
 *
 * @param warehouseId our warehouse the sale lines' TikTok warehouse links to; null when the lines name no
 *                    TikTok warehouse, or one linked to none (or to more than one) of our warehouses
 */
public record SalesCount(String sellerSku, String warehouseId, LocalDate day, int units) {
    public SalesCount {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(day, "day");
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative: " + units);
        }
    }
}
