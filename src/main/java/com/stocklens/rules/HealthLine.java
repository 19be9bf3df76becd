package com.stocklens.rules;

import java.util.List;
import java.util.Objects;

/**
 * What the health calculator needs about one SKU in one warehouse for a period.
 *
 * @param onHandByDay         on-hand units on each day of the period we have history for (days before our
 *                            history are absent, not zero: "no data" is not "no stock")
 * @param unitsSold           units of this SKU sold on those same days and attributed to this warehouse
 * @param availableTrailing90 available units on each day of the 90 days ending with the period that we have
 *                            history for (Amazon-style sell-through)
 * @param unitsSoldTrailing90 units sold over those 90 days, attributed to this warehouse
 * @param dailyDemand         d̄ attributed to this warehouse (stock-out days skipped); null when unknown
 * @param available           available units at the end of the period (null = unknown)
 * @param inTransit           inbound units at the end of the period (null = not reported: counted as 0)
 * @param over180Units        units older than 180 days (FIFO age profile)
 * @param agedUnits           all units of the age profile (the denominator of the age structure)
 * @param oldestDays          age of the oldest unit, null when none
 * @param listing             the TikTok SKU's status, for stranded units
 */
public record HealthLine(String sellerSku, String name, String warehouseId, List<Integer> onHandByDay, int unitsSold,
                         List<Integer> availableTrailing90, int unitsSoldTrailing90, Double dailyDemand,
                         Integer available, Integer inTransit, int over180Units, int agedUnits, Integer oldestDays,
                         ListingStatus listing) {
    public HealthLine {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        onHandByDay = List.copyOf(onHandByDay);
        availableTrailing90 = List.copyOf(availableTrailing90);
        listing = listing == null ? ListingStatus.UNKNOWN : listing;
    }

    /** Average on-hand over the days with history; null when there is none. */
    public Double averageOnHand() {
        return average(onHandByDay);
    }

    /** Units sold per day over the days with history; null when there is none. */
    public Double soldPerDay() {
        return onHandByDay.isEmpty() ? null : (double) unitsSold / onHandByDay.size();
    }

    /** In stock at some point of the period (the population of 动销率). */
    public boolean inStock() {
        return onHandByDay.stream().anyMatch(v -> v > 0);
    }

    static Double average(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (int v : values) {
            sum += v;
        }
        return (double) sum / values.size();
    }
}
