package com.stocklens.service;

import com.stocklens.domain.AgeProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** FIFO ageing from the store. Blocking I/O: never on the FX thread. */
public interface AgeingReader {
    /** The > 180-day trend covers a year: long enough to see a quarter-end clear-out, short enough to read. */
    int TREND_DAYS = 365;

    /** The current age profile of every SKU × warehouse with stock. */
    List<AgeProfile> current();

    /**
     * The age profile of every SKU × warehouse with stock as it stood at {@code at}: the snapshots taken
     * at or before it, ages counted to its (Beijing) day. The default knows no history: nothing.
     */
    default List<AgeProfile> at(Instant at) {
        return List.of();
    }

    /** The > 180-day share per day over [from, to]. */
    List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to);

    /**
     * The > 180-day share per day over [from, to] of the warehouses {@code warehouseIds} only (empty: all of
     * them, as {@link #over180Trend(LocalDate, LocalDate)}). The default keeps no trend per warehouse: none for
     * a subset.
     */
    default List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to, Set<String> warehouseIds) {
        return warehouseIds.isEmpty() ? over180Trend(from, to) : List.of();
    }
}
