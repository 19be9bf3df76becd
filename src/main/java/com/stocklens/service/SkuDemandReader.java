package com.stocklens.service;

import com.stocklens.domain.DemandMean;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Each chosen seller SKU's d̄ on its total over all warehouses (docs/DOMAIN.md "Demand and stock cover"): the
 * triage's daily sales, the ageing screen's days of supply. Reads only the SKUs asked for.
 */
@FunctionalInterface
public interface SkuDemandReader {
    /**
     * d̄ of each of {@code skus} over [from, to] (Beijing days; the caller leaves today out), over the days sales
     * history covers, stock-out days skipped. A SKU whose d̄ is unknown (no sales history in the range, or out of
     * stock on every day of it) is absent. Blocking.
     */
    Map<String, DemandMean> dailyDemand(LocalDate from, LocalDate to, Collection<String> skus);
}
