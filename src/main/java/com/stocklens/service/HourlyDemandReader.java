package com.stocklens.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Units sold per SKU per clock hour, for viral SKUs' "hours of cover". Blocking I/O. */
public interface HourlyDemandReader {
    /**
     * Every SKU that sold in the {@code hours} clock hours up to {@code now} (the current hour last),
     * each with one entry per hour, zero-sales hours included.
     */
    Map<String, List<HourlyDemand>> hourlyDemand(Instant now, int hours);
}
