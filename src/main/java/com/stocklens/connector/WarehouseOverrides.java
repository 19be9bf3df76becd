package com.stocklens.connector;

import com.stocklens.domain.Connection;
import com.stocklens.domain.Market;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the seller states about a connection's warehouses when the provider's API does not say it:
 * the TikTok warehouse each fulfils for, its region label and its market. Read from the connection's
 * optional settings {@code warehouse_links}, {@code warehouse_regions}, {@code warehouse_markets}, each
 * written {@code providerWarehouseId=value;providerWarehouseId=value} (commas also separate).
 *
 * @param tiktokLinks provider warehouse id → TikTok warehouse id
 * @param regions     provider warehouse id → region label
 * @param markets     provider warehouse id → market
 */
public record WarehouseOverrides(Map<String, String> tiktokLinks, Map<String, String> regions,
                                 Map<String, Market> markets) {
    public static final String LINKS = "warehouse_links";
    public static final String REGIONS = "warehouse_regions";
    public static final String MARKETS = "warehouse_markets";
    public static final WarehouseOverrides NONE = new WarehouseOverrides(Map.of(), Map.of(), Map.of());

    public WarehouseOverrides {
        tiktokLinks = Map.copyOf(tiktokLinks);
        regions = Map.copyOf(regions);
        markets = Map.copyOf(markets);
    }

    public static WarehouseOverrides of(Connection connection) {
        Map<String, Market> markets = new LinkedHashMap<>();
        parse(connection.setting(MARKETS)).forEach((k, v) -> Market.fromCode(v).ifPresent(m -> markets.put(k, m)));
        return new WarehouseOverrides(parse(connection.setting(LINKS)), parse(connection.setting(REGIONS)), markets);
    }

    public Optional<String> link(String providerWarehouseId) {
        return Optional.ofNullable(tiktokLinks.get(providerWarehouseId));
    }

    public Optional<String> region(String providerWarehouseId) {
        return Optional.ofNullable(regions.get(providerWarehouseId));
    }

    public Optional<Market> market(String providerWarehouseId) {
        return Optional.ofNullable(markets.get(providerWarehouseId));
    }

    /** Writes a map in the settings' form. */
    public static String format(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Parses {@code a=1;b=2} (or commas); blanks and malformed pairs are skipped. */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String pair : text.split("[;,]")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && eq < pair.length() - 1) {
                out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
