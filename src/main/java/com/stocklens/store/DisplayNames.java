package com.stocklens.store;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The names a seller knows warehouses and sources by, keyed by id ("shipbob:228" → "Moreno Valley (CA)",
 * "csv:PH-MNL" → "Manila partner warehouse"): what reports, findings and the window print where a seller
 * reads them; ids stay for JSON.
 */
public final class DisplayNames {
    private final Jdbi jdbi;

    public DisplayNames(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Warehouse id → display name, for every warehouse the store knows. */
    public Map<String, String> warehouses() {
        return byId("SELECT id, name FROM warehouse");
    }

    /** Source id → display name, for every source the store knows (file-fed warehouses included). */
    public Map<String, String> sources() {
        return byId("SELECT id, display_name FROM source");
    }

    private Map<String, String> byId(String sql) {
        return jdbi.withHandle(h -> {
            Map<String, String> names = new HashMap<>();
            h.createQuery(sql)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        });
    }
}
