package com.stocklens.domain;

import java.util.Map;
import java.util.Objects;

/**
 * How old the units of one SKU in one warehouse are (FIFO), on one day.
 *
 * @param units      units per bucket (every bucket present, 0 when empty)
 * @param oldestDays age of the oldest remaining unit, null when no unit is on hand
 * @param unaged     units on hand no receipt explains (history shorter than the stock): counted as
 *                   the oldest known age's bucket is NOT assumed; they are reported apart
 */
public record AgeProfile(String sellerSku, String warehouseId, Map<AgeBucket, Integer> units, Integer oldestDays,
                         int unaged) {
    public AgeProfile {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        units = Map.copyOf(units);
    }

    public int total() {
        return units.values().stream().mapToInt(Integer::intValue).sum() + unaged;
    }

    /** Units older than {@code days} (bucket-exact for 90 and 180, the thresholds docs/DOMAIN.md uses). */
    public int olderThan(int days) {
        int n = 0;
        for (Map.Entry<AgeBucket, Integer> e : units.entrySet()) {
            if (e.getKey().fromDay() > days) {
                n += e.getValue();
            }
        }
        return n;
    }
}
