package com.stocklens.sandbox;

import java.time.Instant;

/**
 * An immutable view of one lot of one SKU in one fulfilment centre: units received together, the FIFO
 * layer ShipBob reports under {@code /inventory-level/lots}.
 *
 * @param lotNumber  the seller's or ShipBob's lot number; a lot moved in from Amazon FBA shares its
 *                   number across the FCs it was split over
 * @param receivedAt when the lot was received (ShipBob's {@code lot_date})
 * @param units      units of the lot still on hand
 */
public record SimLot(String lotNumber, Instant receivedAt, int units) {
}
