package com.stocklens.app.reports;

import com.stocklens.domain.DemandMean;
import com.stocklens.rules.DemandDay;
import com.stocklens.rules.WarehouseDemand;
import com.stocklens.service.SkuDemandReader;
import com.stocklens.store.JdbiDemandReader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one demand model from the store (docs/DOMAIN.md "Demand and stock cover"): the sale lines per SKU,
 * warehouse and Beijing day ({@link JdbiDemandReader#warehouseDemand}), attributed by {@link WarehouseDemand},
 * with each SKU × warehouse's stock-out days. The flag engine (safety stock, reorder point), the health
 * report (turnover, 动销率, excess), {@code demand --json}, the triage and the ageing screen's days of supply read
 * demand here, so they agree.
 */
public final class WarehouseDemandService implements SkuDemandReader {
    private final JdbiDemandReader reader;

    public WarehouseDemandService(JdbiDemandReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** The demand over [from, to] (Beijing days; the caller leaves today out: it is not over). */
    public Demand read(LocalDate from, LocalDate to) {
        return Demand.of(reader.warehouseDemand(from, to), from, to);
    }

    /** A stock-out day of a SKU's total is one on which no warehouse showed it available. */
    @Override
    public Map<String, DemandMean> dailyDemand(LocalDate from, LocalDate to, Collection<String> skus) {
        Map<String, DemandMean> out = new HashMap<>();
        if (skus.isEmpty()) {
            return out;
        }
        JdbiDemandReader.SkuDemandData data = reader.skuDemand(from, to, skus);
        if (data.salesFrom() == null || data.salesFrom().isAfter(to)) {
            return out;
        }
        LocalDate start = from.isBefore(data.salesFrom()) ? data.salesFrom() : from;
        for (String sku : skus) {
            List<DemandDay> days = new ArrayList<>();
            for (LocalDate d = start; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(new DemandDay(d, data.units(sku, d), data.stockOut(sku, d)));
            }
            DemandMean mean = DemandDay.mean(days);
            if (mean != null) {
                out.put(sku, mean);
            }
        }
        return out;
    }

    /** The model over a range of days, with the stock-out days and how far back sales history reaches. */
    public static final class Demand {
        private final WarehouseDemand model;
        private final JdbiDemandReader.WarehouseDemandData data;
        private final LocalDate from;
        private final LocalDate to;

        private Demand(WarehouseDemand model, JdbiDemandReader.WarehouseDemandData data, LocalDate from,
                       LocalDate to) {
            this.model = model;
            this.data = data;
            this.from = from;
            this.to = to;
        }

        /** The model of the raw data read for [from, to]. */
        public static Demand of(JdbiDemandReader.WarehouseDemandData data, LocalDate from, LocalDate to) {
            return new Demand(WarehouseDemand.of(data.sales(), data.carriers()), data, from, to);
        }

        public WarehouseDemand model() {
            return model;
        }

        /** The first Beijing day of stored sales, null when there is none: earlier days have no data. */
        public LocalDate salesFrom() {
            return data.salesFrom();
        }

        /** The warehouses whose latest snapshot lists the SKU. */
        public Set<String> carriers(String sku) {
            return data.carriers().getOrDefault(sku, Set.of());
        }

        /** Days of [a, b] that sales history covers (on or after {@link #salesFrom()}). */
        public int salesDays(LocalDate a, LocalDate b) {
            if (salesFrom() == null || b.isBefore(a)) {
                return 0;
            }
            LocalDate start = a.isBefore(salesFrom()) ? salesFrom() : a;
            return b.isBefore(start) ? 0 : (int) ChronoUnit.DAYS.between(start, b) + 1;
        }

        /** Whether sales history covers {@code day}. */
        public boolean covers(LocalDate day) {
            return salesFrom() != null && !day.isBefore(salesFrom());
        }

        /**
         * The daily series of one SKU × warehouse over [a, b] (within the range read), stock-out days marked;
         * days before sales history began are left out (no data, not zero sales).
         */
        public List<DemandDay> series(String sku, String warehouse, LocalDate a, LocalDate b) {
            LocalDate start = a.isBefore(from) ? from : a;
            if (salesFrom() != null && start.isBefore(salesFrom())) {
                start = salesFrom();
            }
            LocalDate end = b.isAfter(to) ? to : b;
            if (salesFrom() == null || end.isBefore(start)) {
                return List.of();
            }
            return model.series(sku, warehouse, start, end, (key, day) -> data.stockOut(sku, warehouse, day));
        }
    }
}
