package com.stocklens.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Units of one SKU received into one warehouse on one day: the FIFO layer that ageing consumes.
 *
 * @param source where the receipt date comes from: the provider's lot date, or an inbound we observed
 */
public record Lot(String sellerSku, String warehouseId, LocalDate receivedOn, int units, LotSource source) {
    public Lot {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(source, "source");
        if (units < 0) {
            throw new IllegalArgumentException("units must not be negative");
        }
    }

    /** Where a receipt date comes from. */
    public enum LotSource {
        /** The provider's own lot date (e.g. ShipBob {@code lot_date}). */
        PROVIDER,
        /** An increase of on-hand in our own snapshot history not explained by returns. */
        OBSERVED
    }
}
