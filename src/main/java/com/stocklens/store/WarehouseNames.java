package com.stocklens.store;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Every warehouse's display name by id ("shipbob:228" → "Moreno Valley (CA)"): what reports and findings
 * print where a seller reads a warehouse; ids stay for JSON.
 */
public final class WarehouseNames {
    private final Jdbi jdbi;

    public WarehouseNames(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Warehouse id → display name, for every warehouse the store knows. */
    public Map<String, String> all() {
        return jdbi.withHandle(h -> {
            Map<String, String> names = new HashMap<>();
            h.createQuery("SELECT id, name FROM warehouse")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        });
    }
}
