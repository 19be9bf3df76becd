package com.stocklens.ui.ageing;

import com.stocklens.domain.AgeBucket;
import java.util.Map;

/** Units per age bucket in one warehouse (summed in 64 bits): one bar of the stacked chart. */
public record WarehouseAges(String warehouseId, String label, Map<AgeBucket, Long> units) {
    public WarehouseAges {
        units = Map.copyOf(units);
    }

    public long units(AgeBucket bucket) {
        return units.getOrDefault(bucket, 0L);
    }
}
