package com.stocklens.service;

import com.stocklens.domain.HealthReport;
import java.time.Instant;
import java.time.LocalDate;

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
}
