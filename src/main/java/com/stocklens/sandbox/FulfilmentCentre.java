package com.stocklens.sandbox;

import com.stocklens.domain.Market;
import java.time.ZoneId;

/**
 * A simulated ShipBob fulfilment centre.
 *
 * @param id       ShipBob location id (e.g. 228)
 * @param name     ShipBob display name, e.g. "Moreno Valley (CA)"
 * @param region   region label for the app's demo configuration, e.g. "US-West"
 * @param zone     local time zone (drives the hourly sales pattern)
 * @param country  ISO country code
 * @param market   the TikTok site it serves
 * @param address1 street line
 * @param city     city
 * @param state    state / county
 * @param zipCode  postal code
 */
public record FulfilmentCentre(
        int id, String name, String region, ZoneId zone, String country, Market market,
        String address1, String city, String state, String zipCode) {
}
