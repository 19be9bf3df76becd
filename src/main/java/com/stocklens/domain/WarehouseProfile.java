package com.stocklens.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the seller knows of a warehouse (a connected one, or a candidate they are considering): what it
 * declares about itself, kept by hand or imported from CSV. Every field but id and name may be unknown
 * (null; empty list for markets/regions/routes means not entered). Fees are per unit, in {@code currency}.
 *
 * @param id               a connected warehouse's {@link Warehouse#id()}, or "candidate:…" for a candidate
 * @param candidate        true for a warehouse not connected (yet)
 * @param markets          TikTok sites it serves
 * @param regions          regions it serves (free text, e.g. "US-West")
 * @param apiReady         TikTok marks it "API Ready"
 * @param certified        TikTok warehouse-fulfilment certification (仓配一体化认证)
 * @param outboundSlaHours promised outbound SLA (order → shipped), hours
 * @param localReturns     handles returns locally
 * @param firstLegRoutes   first-leg routes it receives (e.g. "Shenzhen → LA sea")
 * @param storage0to90     storage fee per unit per month for units 0–90 days old
 * @param storage91to180   … 91–180 days old
 * @param storage181plus   … older than 180 days
 * @param pickPack         pick and pack fee per order line
 * @param inbound          inbound (receiving) fee per unit
 */
public record WarehouseProfile(
        String id,
        String name,
        boolean candidate,
        List<Market> markets,
        List<String> regions,
        Boolean apiReady,
        Boolean certified,
        Integer outboundSlaHours,
        Boolean localReturns,
        List<String> firstLegRoutes,
        Double storage0to90,
        Double storage91to180,
        Double storage181plus,
        Double pickPack,
        Double inbound,
        String currency,
        String notes,
        Instant updatedAt) {

    public WarehouseProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        markets = markets == null ? List.of() : List.copyOf(markets);
        regions = regions == null ? List.of() : List.copyOf(regions);
        firstLegRoutes = firstLegRoutes == null ? List.of() : List.copyOf(firstLegRoutes);
    }

    /** A profile with nothing known but the name. */
    public static WarehouseProfile empty(String id, String name, boolean candidate) {
        return new WarehouseProfile(id, name, candidate, List.of(), List.of(), null, null, null, null, List.of(),
                null, null, null, null, null, null, null, null);
    }

    /** Meets TikTok's certification requirements as declared (API, ≤ {@code slaHours} outbound, local returns). */
    public boolean meetsSla(int slaHours) {
        return outboundSlaHours != null && outboundSlaHours <= slaHours;
    }
}
