package com.stocklens.service;

import com.stocklens.domain.AgeProfile;
import java.time.LocalDate;
import java.util.List;

/** FIFO ageing from the store. Blocking I/O: never on the FX thread. */
public interface AgeingReader {
    /** The current age profile of every SKU × warehouse with stock. */
    List<AgeProfile> current();

    /** The > 180-day share per day over [from, to]. */
    List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to);
}
