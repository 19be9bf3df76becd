package com.stocklens.service;

import com.stocklens.domain.Market;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A warehouse without an API, fed by uploaded files (a connection of kind CSV).
 *
 * @param id     the seller's short id, e.g. {@code PH-MNL}; the source and warehouse id is {@code csv:<id>}
 * @param name   display name
 * @param market the TikTok site it serves, or null
 * @param region free-text region, or null
 * @param zone   local time zone
 * @param tiktokWarehouseId the TikTok warehouse it stocks, or null when not linked (then TikTok's figure is not
 *                          shown beside it and it cannot be pushed)
 */
public record CsvWarehouse(String id, String name, Market market, String region, ZoneId zone,
                           String tiktokWarehouseId) {
    public CsvWarehouse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        tiktokWarehouseId = tiktokWarehouseId == null || tiktokWarehouseId.isBlank() ? null : tiktokWarehouseId.strip();
    }

    /** A warehouse not linked to a TikTok warehouse. */
    public CsvWarehouse(String id, String name, Market market, String region, ZoneId zone) {
        this(id, name, market, region, zone, null);
    }

    /** The snapshot source id and the warehouse id: {@code csv:<id>}. */
    public String sourceId() {
        return "csv:" + id;
    }
}
