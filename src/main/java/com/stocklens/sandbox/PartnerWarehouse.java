package com.stocklens.sandbox;

import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import java.time.ZoneId;

/**
 * A simulated warehouse run by one of the providers besides ShipBob (or a warehouse that only sends
 * spreadsheets). Each has its own reliability and speed, so warehouses differ visibly in the demo.
 *
 * @param provider      who runs it (its API dialect)
 * @param id            the provider's numeric or string id, e.g. WINIT {@code warehouseID} "1000069",
 *                      ShipMonk warehouse id "5", GoodCang/Flexport code
 * @param code          the provider's short code, e.g. WINIT {@code warehouseCode} "UKBH", ShipMonk
 *                      {@code identifier} "CA1", GoodCang {@code warehouse_code} "USWE"
 * @param name          display name
 * @param market        the TikTok site it serves
 * @param region        region label, e.g. "GB-Midlands"
 * @param zone          local time zone
 * @param failEvery     the dialect answers HTTP 503 to every n-th request (0 = never); the client's
 *                      retry makes the read succeed, but slower and dearer
 * @param latencyMillis added to every answer of this warehouse's provider
 * @param tiktokWarehouseId the TikTok warehouse it fulfils orders for (the US or UK shop's), or null when it
 *                      serves marketplaces the demo has no TikTok shop in (Malaysia, the Philippines): its
 *                      stock then moves without TikTok orders. The sandbox's TikTok warehouse list and
 *                      inventory cover the ShipBob warehouses only; orders shipped from here name this id.
 */
public record PartnerWarehouse(Provider provider, String id, String code, String name, Market market,
                               String region, ZoneId zone, int failEvery, int latencyMillis,
                               String tiktokWarehouseId) {
}
