package com.stocklens.service;

import com.stocklens.domain.HealthReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** Builds the inventory health report from the store. Blocking I/O: never on the FX thread. */
public interface HealthReports {
    HealthReport report(LocalDate from, LocalDate to);

    /**
     * The report over [from, to] as it could be made at {@code at}: the period is cut at its (Beijing)
     * day, stock from the snapshots taken at or before it, ages counted to it. The default knows no
     * history and refuses.
     */
    default HealthReport reportAt(LocalDate from, LocalDate to, Instant at) {
        throw new UnsupportedOperationException("this health report source keeps no history");
    }

    /**
     * The report of the warehouses {@code warehouseIds} only (empty: all of them), now ({@code at} null) or as it
     * could be made at {@code at}: the overall figures, the warehouse lines and the SKU lines all rest on those
     * warehouses' stock, sales and ages. The default reports on all warehouses and refuses a subset.
     */
    default HealthReport report(LocalDate from, LocalDate to, Instant at, Set<String> warehouseIds) {
        if (!warehouseIds.isEmpty()) {
            throw new UnsupportedOperationException("this health report source reports on all warehouses only");
        }
        return at == null ? report(from, to) : reportAt(from, to, at);
    }
}
