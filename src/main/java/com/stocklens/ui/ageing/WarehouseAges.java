package com.stocklens.ui.ageing;

import com.stocklens.domain.AgeBucket;
import java.util.Map;

/**
 * Units per age bucket in one warehouse (summed in 64 bits), and its units of unknown age: one bar of the
 * stacked chart (the unknown-age units are a grey segment of their own, never a bucket).
 */
public record WarehouseAges(String warehouseId, String label, Map<AgeBucket, Long> units, long unaged) {
    public WarehouseAges {
        units = Map.copyOf(units);
    }

    /** A warehouse whose units all have a known age. */
    public WarehouseAges(String warehouseId, String label, Map<AgeBucket, Long> units) {
        this(warehouseId, label, units, 0);
    }

    public long units(AgeBucket bucket) {
        return units.getOrDefault(bucket, 0L);
    }
}
