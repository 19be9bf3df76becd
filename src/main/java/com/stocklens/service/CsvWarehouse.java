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
    /** The longest id: {@code csv:<id>} is a source id, which has at most 100 characters. */
    public static final int MAX_ID_LENGTH = 96;
    /** The longest name. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The longest region label. */
    public static final int MAX_REGION_LENGTH = 100;

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

    /**
     * This warehouse, or why it cannot be stored, in one sentence ("A warehouse id has at most 96 characters;
     * this one has 120.").
     *
     * @throws IllegalArgumentException when a field is too long, blank or holds control characters
     */
    public CsvWarehouse requireStorable() {
        requireText("A warehouse id", id, MAX_ID_LENGTH);
        requireText("A warehouse name", name, MAX_NAME_LENGTH);
        if (region != null) {
            requireText("A region", region, MAX_REGION_LENGTH);
        }
        return this;
    }

    private static void requireText(String what, String value, int max) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank.");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " has at most " + max + " characters; this one has "
                    + value.length() + ".");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters (tabs, line breaks).");
        }
    }

    /** The snapshot source id and the warehouse id: {@code csv:<id>}. */
    public String sourceId() {
        return "csv:" + id;
    }
}
