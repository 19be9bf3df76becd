package com.stocklens.rules;

import com.stocklens.domain.Thresholds;
import com.stocklens.domain.Wording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * docs/DOMAIN.md "Definitions", safety stock (安全库存):
 * <pre>
 *   d̄, σd  from daily demand, skipping stock-out days (Linnworks, Inventory Planner)
 *   SS     = z · √(L · σd² + d̄² · σL²)
 *   ROP    = d̄ · L + SS
 *   qty    = max(0, d̄ · (L + target cover) + SS − (available + in transit))
 * </pre>
 * σd is the sample standard deviation (n − 1), 0 with a single selling day. The series is the one of
 * the SKU in this warehouse ({@link WarehouseDemand}); {@code share} scales it (1 for a warehouse's own
 * series; scaling a demand series by a constant scales d̄ and σd by the same constant).
 */
public final class SafetyStock {
    private SafetyStock() {
    }

    /**
     * @param window     the daily series (any order); days outside it are the caller's business
     * @param share      the part of the demand this warehouse serves, in (0, 1]
     * @param available  warehouse available now; null = unknown → no result
     * @param inTransit  warehouse in transit now; null = unknown, counted as 0 and said so in the working
     * @return empty when there is no selling day to average (no demand history), or available is unknown
     */
    public static Optional<SafetyStockResult> compute(List<DemandDay> window, double share, Thresholds t,
                                                      Integer available, Integer inTransit) {
        if (window.isEmpty() || available == null) {
            return Optional.empty();
        }
        List<DemandDay> days = new ArrayList<>(window);
        days.sort(Comparator.comparing(DemandDay::day));
        LocalDate from = days.get(0).day();
        LocalDate to = days.get(days.size() - 1).day();
        List<DemandDay> selling = days.stream().filter(d -> !d.stockOut()).toList();
        int excluded = days.size() - selling.size();
        if (selling.isEmpty()) {
            return Optional.empty();
        }
        int n = selling.size();
        double mean = selling.stream().mapToDouble(DemandDay::units).sum() / n;
        double sq = 0;
        for (DemandDay d : selling) {
            sq += (d.units() - mean) * (d.units() - mean);
        }
        double sd = n > 1 ? Math.sqrt(sq / (n - 1)) : 0.0;
        mean *= share;
        sd *= share;

        double z = t.serviceLevelZ();
        int lead = t.leadTimeDays();
        double sdL = t.leadTimeStdDevDays();
        double ss = z * Math.sqrt(lead * sd * sd + mean * mean * sdL * sdL);
        double rop = mean * lead + ss;
        int position = available + (inTransit == null ? 0 : inTransit);
        double want = mean * (lead + t.targetCoverDays()) + ss - position;
        int qty = want <= 0 ? 0 : (int) Math.ceil(want - 1e-9);

        Wording working = Wording.of("safetyStock.working", from, to, days.size(), excluded,
                share < 1.0 ? Wording.of("safetyStock.share", Wording.decimal(share, 2)) : "",
                Wording.decimal(mean, 2), Wording.decimal(sd, 2), Wording.decimal(z, 3), lead,
                Wording.decimal(sdL, 1), Wording.decimal(ss, 1), Wording.decimal(rop, 1), position,
                inTransit == null ? Wording.of("safetyStock.inTransitUnknown") : "", t.targetCoverDays(), position, qty);
        return Optional.of(new SafetyStockResult(from, to, days.size(), excluded, share, mean, sd, z, lead, sdL, ss,
                rop, position, qty, working));
    }
}
