package com.stocklens.sandbox;

import com.stocklens.domain.StockLevel;

/**
 * The true stock of one SKU in one {@link PartnerWarehouse} at one moment, with the code the provider
 * knows the SKU by. Every bucket is known here; each dialect reports only what its provider's API
 * exposes (docs/api/warehouses.md §8), so a bucket the provider cannot report reaches the app as unknown.
 *
 * @param warehouse   where
 * @param sku         the world's SKU
 * @param providerSku the provider's code for it: the seller SKU for most, the warehouse's own code for
 *                    some (those carry the barcode, so SKU mapping can match them)
 * @param truth       all seven buckets; {@code onHand = available + reserved + frozen} (QC-hold units are received but not yet on hand, as in {@link CellState})
 */
public record PartnerCell(PartnerWarehouse warehouse, SimSku sku, String providerSku, StockLevel truth) {
}
