package com.stocklens.domain;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * One physical warehouse (a ShipBob fulfilment centre, a WINIT warehouse …).
 *
 * @param id                  our stable key: {@code <provider>:<providerWarehouseId>}, e.g. {@code shipbob:228}
 * @param provider            who runs it
 * @param providerWarehouseId the provider's own id for it
 * @param name                display name, e.g. "Moreno Valley (CA)"
 * @param market              the TikTok site it serves, or null when unknown
 * @param region              free text region within the market, e.g. "US-West"
 * @param zone                the warehouse's local time zone
 * @param tiktokWarehouseId   the TikTok warehouse id this warehouse fulfils for (configured link), or null
 */
public record Warehouse(
        String id,
        Provider provider,
        String providerWarehouseId,
        String name,
        Market market,
        String region,
        ZoneId zone,
        String tiktokWarehouseId) {

    public Warehouse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerWarehouseId, "providerWarehouseId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
    }

    public static String idOf(Provider provider, String providerWarehouseId) {
        return provider.name().toLowerCase(Locale.ROOT) + ":" + providerWarehouseId;
    }
}
