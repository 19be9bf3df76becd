package com.stocklens.service;

import com.stocklens.domain.HealthReport;
import java.time.LocalDate;

/** Builds the inventory health report from the store. Blocking I/O: never on the FX thread. */
public interface HealthReports {
    HealthReport report(LocalDate from, LocalDate to);
}
