package com.stocklens.rules;

import com.stocklens.domain.SalesCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * The one demand model (docs/DOMAIN.md "Demand and stock cover"): units sold per SKU per warehouse per
 * Beijing day. Safety stock, the reorder point, turnover, 动销率 and the health report's excess all read it.
 *
 * <ul>
 *   <li>A sale counts for the warehouse its TikTok warehouse links to ({@link SalesCount#warehouseId()}).</li>
 *   <li>A sale of unknown warehouse (no TikTok warehouse, or one linked to none or to several of ours) is split
 *       evenly over the warehouses that carry the SKU: with three of them, each gets ⅓ of the unit. A SKU
 *       that no warehouse carries keeps the sale unattributed: it still counts for the SKU.</li>
 *   <li>Counted once: the warehouses' units plus the unattributed units of a SKU are exactly its units.</li>
 * </ul>
 */
public final class WarehouseDemand {
    private final Map<String, TreeMap<LocalDate, Double>> byPair = new TreeMap<>();
    private final Map<String, TreeMap<LocalDate, Integer>> bySku = new TreeMap<>();
    private final Map<String, TreeMap<LocalDate, Double>> unattributed = new TreeMap<>();
    private final Map<String, Set<String>> warehousesBySku = new HashMap<>();

    private WarehouseDemand() {
    }

    /** The key of a SKU × warehouse, as {@code StockPair#key()}: {@code sellerSku@warehouseId}. */
    public static String key(String sellerSku, String warehouseId) {
        return sellerSku + "@" + warehouseId;
    }

    /**
     * @param sales    the stored sales per SKU, warehouse (or none) and day, in any order
     * @param carriers seller SKU → the warehouses that carry it (its rows in the latest stock), for the split
     *                 of sales of unknown warehouse
     */
    public static WarehouseDemand of(Collection<SalesCount> sales, Map<String, ? extends Collection<String>> carriers) {
        WarehouseDemand d = new WarehouseDemand();
        for (SalesCount s : sales) {
            if (s.units() == 0) {
                continue;
            }
            d.bySku.computeIfAbsent(s.sellerSku(), k -> new TreeMap<>()).merge(s.day(), s.units(), Integer::sum);
            if (s.warehouseId() != null) {
                d.add(s.sellerSku(), s.warehouseId(), s.day(), s.units());
                continue;
            }
            Collection<String> among = carriers.get(s.sellerSku());
            if (among == null || among.isEmpty()) {
                d.unattributed.computeIfAbsent(s.sellerSku(), k -> new TreeMap<>())
                        .merge(s.day(), (double) s.units(), Double::sum);
                continue;
            }
            Set<String> distinct = new TreeSet<>(among);
            double part = (double) s.units() / distinct.size();
            for (String w : distinct) {
                d.add(s.sellerSku(), w, s.day(), part);
            }
        }
        return d;
    }

    private void add(String sku, String warehouse, LocalDate day, double units) {
        byPair.computeIfAbsent(key(sku, warehouse), k -> new TreeMap<>()).merge(day, units, Double::sum);
        warehousesBySku.computeIfAbsent(sku, k -> new TreeSet<>()).add(warehouse);
    }

    /** Units of the SKU in the warehouse over [from, to] (fractional where split sales landed). */
    public double units(String sku, String warehouse, LocalDate from, LocalDate to) {
        return sum(byPair.get(key(sku, warehouse)), from, to);
    }

    /** Units of the SKU over [from, to], every warehouse and none together: whole units, counted once. */
    public int skuUnits(String sku, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Integer> days = bySku.get(sku);
        if (days == null) {
            return 0;
        }
        int n = 0;
        for (int u : days.subMap(from, true, to, true).values()) {
            n += u;
        }
        return n;
    }

    /** Units of the SKU no warehouse carries over [from, to]: in the SKU's totals, in no warehouse's. */
    public double unattributed(String sku, LocalDate from, LocalDate to) {
        return sum(unattributed.get(sku), from, to);
    }

    /** Every SKU that sold at all. */
    public Set<String> skus() {
        return bySku.keySet();
    }

    /** The warehouses the SKU's sales were counted for. */
    public Set<String> warehousesOf(String sku) {
        return warehousesBySku.getOrDefault(sku, Set.of());
    }

    /**
     * The daily series of one SKU × warehouse over [from, to], days without a sale as 0.
     *
     * @param stockOut whether the pair (its key, {@link #key}) was out of stock that day
     */
    public List<DemandDay> series(String sku, String warehouse, LocalDate from, LocalDate to,
                                  BiPredicate<String, LocalDate> stockOut) {
        String k = key(sku, warehouse);
        TreeMap<LocalDate, Double> days = byPair.getOrDefault(k, new TreeMap<>());
        List<DemandDay> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(new DemandDay(d, days.getOrDefault(d, 0.0), stockOut.test(k, d)));
        }
        return out;
    }

    private static double sum(TreeMap<LocalDate, Double> days, LocalDate from, LocalDate to) {
        if (days == null) {
            return 0;
        }
        double n = 0;
        for (double u : days.subMap(from, true, to, true).values()) {
            n += u;
        }
        return n;
    }
}
