package com.stocklens.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one complete read of one source returned; the sync engine stores it as one snapshot.
 * A warehouse source fills {@code warehouses}, {@code skus} and {@code stock}; the shop source
 * fills {@code channelWarehouses}, {@code skus} and {@code channelStock}.
 *
 * @param takenAt  when the source's data was read (the snapshot's time)
 * @param requests HTTP requests the read cost, retries included
 * @param lots     the provider's lots per SKU × warehouse (receipt dates for FIFO ageing); empty when the
 *                 provider has no lot endpoint
 */
public record Reading(
        Instant takenAt,
        List<Warehouse> warehouses,
        List<Sku> skus,
        List<StockRow> stock,
        List<ChannelWarehouse> channelWarehouses,
        List<ChannelStock> channelStock,
        int requests,
        List<Lot> lots) {

    public Reading {
        Objects.requireNonNull(takenAt, "takenAt");
        warehouses = List.copyOf(warehouses);
        skus = List.copyOf(skus);
        stock = List.copyOf(stock);
        channelWarehouses = List.copyOf(channelWarehouses);
        channelStock = List.copyOf(channelStock);
        lots = List.copyOf(lots);
    }

    /** A reading without lots. */
    public Reading(Instant takenAt, List<Warehouse> warehouses, List<Sku> skus, List<StockRow> stock,
                   List<ChannelWarehouse> channelWarehouses, List<ChannelStock> channelStock, int requests) {
        this(takenAt, warehouses, skus, stock, channelWarehouses, channelStock, requests, List.of());
    }

    /** A warehouse reading with the provider's lots. */
    public static Reading ofWarehouse(Instant takenAt, List<Warehouse> warehouses, List<Sku> skus,
                                      List<StockRow> stock, List<Lot> lots, int requests) {
        return new Reading(takenAt, warehouses, skus, stock, List.of(), List.of(), requests, lots);
    }

    public static Reading ofWarehouse(Instant takenAt, List<Warehouse> warehouses, List<Sku> skus,
                                      List<StockRow> stock, int requests) {
        return new Reading(takenAt, warehouses, skus, stock, List.of(), List.of(), requests);
    }

    public static Reading ofShop(Instant takenAt, List<ChannelWarehouse> channelWarehouses, List<Sku> skus,
                                 List<ChannelStock> channelStock, int requests) {
        return new Reading(takenAt, List.of(), skus, List.of(), channelWarehouses, channelStock, requests);
    }

    /** Rows this reading stores: stock rows plus channel rows. */
    public int rowCount() {
        return stock.size() + channelStock.size();
    }
}
