package com.stocklens.ui.ageing;

import com.stocklens.domain.AgeBucket;
import java.util.Map;

/** Units per age bucket in one warehouse: one bar of the stacked chart. */
public record WarehouseAges(String warehouseId, String label, Map<AgeBucket, Integer> units) {
    public WarehouseAges {
        units = Map.copyOf(units);
    }

    public int units(AgeBucket bucket) {
        return units.getOrDefault(bucket, 0);
    }
}
