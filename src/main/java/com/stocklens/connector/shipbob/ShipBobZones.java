package com.stocklens.connector.shipbob;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a fulfillment center's {@code timezone} into a {@link ZoneId}. ShipBob is a .NET shop and
 * some of its payloads carry Windows names ("Pacific Standard Time"), which {@link ZoneId} does not know.
 */
final class ShipBobZones {
    /** Windows zone name → representative IANA zone (CLDR windowsZones, territory 001). */
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("us eastern standard time", "America/Indiana/Indianapolis"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("canada central standard time", "America/Regina"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("e. australia standard time", "Australia/Brisbane"),
            Map.entry("w. australia standard time", "Australia/Perth"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("se asia standard time", "Asia/Bangkok"),
            Map.entry("utc", "UTC"),
            Map.entry("coordinated universal time", "UTC"));

    private ShipBobZones() {
    }

    /** IANA ids as they are, Windows names mapped, short ids like {@code PST} accepted; else UTC. */
    static ZoneId zoneOf(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        String tz = timezone.trim();
        String mapped = WINDOWS.get(tz.toLowerCase(Locale.ROOT));
        if (mapped == null && tz.toLowerCase(Locale.ROOT).endsWith(" daylight time")) {
            mapped = WINDOWS.get(tz.toLowerCase(Locale.ROOT).replace(" daylight time", " standard time"));
        }
        try {
            return ZoneId.of(mapped != null ? mapped : tz, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
