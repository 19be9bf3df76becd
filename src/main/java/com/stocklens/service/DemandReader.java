package com.stocklens.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Units sold per SKU per day, from TikTok orders (cancelled lines excluded). Blocking I/O. */
public interface DemandReader {
    /** Every SKU's daily series over [from, to] inclusive, zero-sales days included. */
    Map<String, List<DailyDemand>> dailyDemand(LocalDate from, LocalDate to);
}
