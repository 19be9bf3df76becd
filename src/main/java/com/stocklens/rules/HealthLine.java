package com.stocklens.rules;

import java.util.List;
import java.util.Objects;

/**
 * What the health calculator needs about one SKU in one warehouse for a period.
 *
 * @param onHandByDay         on-hand units on each complete day of the period that both stock history and sales
 *                            history cover (other days are absent, not zero: "no data" is not "no stock")
 * @param unitsSold           units of this SKU attributed to this warehouse on those same days (the one demand
 *                            model: fractional only where a sale of unknown warehouse was split)
 * @param availableTrailing90 available units on each covered day of the 90 days ending with the period
 *                            (Amazon-style sell-through)
 * @param unitsSoldTrailing90 units sold over those days, attributed to this warehouse
 * @param dailyDemand         d̄ of this warehouse (stock-out days skipped); null when unknown
 * @param available           available units at the period's close (null = unknown)
 * @param inTransit           inbound units at the period's close (null = not reported: counted as 0)
 * @param over180Units        units older than 180 days (FIFO age profile)
 * @param agedUnits           units of known age: the denominator of the age structure
 * @param oldestDays          age of the oldest unit of known age, null when none
 * @param listing             the TikTok SKU's status, for stranded units (BLOCKED also for an overdue calibration)
 * @param periodUnitsSold     units attributed to this warehouse over every complete day of the period, whatever
 *                            the stock history (the 动销率 test)
 * @param heldAtClose         on hand &gt; 0 at the period's close (in stock, for 动销率, even before any complete day)
 * @param unagedUnits         units on hand whose age is unknown (left out of every age share)
 */
public record HealthLine(String sellerSku, String name, String warehouseId, List<Integer> onHandByDay, double unitsSold,
                         List<Integer> availableTrailing90, double unitsSoldTrailing90, Double dailyDemand,
                         Integer available, Integer inTransit, int over180Units, int agedUnits, Integer oldestDays,
                         ListingStatus listing, double periodUnitsSold, boolean heldAtClose, int unagedUnits) {
    public HealthLine {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        onHandByDay = List.copyOf(onHandByDay);
        availableTrailing90 = List.copyOf(availableTrailing90);
        listing = listing == null ? ListingStatus.UNKNOWN : listing;
    }

    /**
     * A line whose sales all fall on the days of its stock history and whose units are all of known age
     * ({@code agedUnits} of them).
     */
    public HealthLine(String sellerSku, String name, String warehouseId, List<Integer> onHandByDay, int unitsSold,
                      List<Integer> availableTrailing90, int unitsSoldTrailing90, Double dailyDemand,
                      Integer available, Integer inTransit, int over180Units, int agedUnits, Integer oldestDays,
                      ListingStatus listing) {
        this(sellerSku, name, warehouseId, onHandByDay, unitsSold, availableTrailing90, unitsSoldTrailing90,
                dailyDemand, available, inTransit, over180Units, agedUnits, oldestDays, listing, unitsSold, false, 0);
    }

    /** Average on-hand over the days with history; null when there is none. */
    public Double averageOnHand() {
        return average(onHandByDay);
    }

    /** Units sold per day over the days with history; null when there is none. */
    public Double soldPerDay() {
        return onHandByDay.isEmpty() ? null : unitsSold / onHandByDay.size();
    }

    /** In stock at some point of the period, its close included (the population of 动销率). */
    public boolean inStock() {
        return heldAtClose || onHandByDay.stream().anyMatch(v -> v > 0);
    }

    /** All units of the age profile: known and unknown age. */
    public int ageUnits() {
        return agedUnits + unagedUnits;
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
