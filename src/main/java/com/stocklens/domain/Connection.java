package com.stocklens.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One configured connection: a TikTok Shop authorization, a warehouse account, or a CSV-fed
 * warehouse. Holds only non-secret settings; secrets live in the secret store under
 * {@link #secretKey(String)}.
 *
 * @param id          stable source id, {@code <kind>:<name>}, e.g. {@code winit:main}; also the
 *                    snapshot source id
 * @param kind        which system
 * @param displayName what the seller calls it, e.g. "WINIT UK"
 * @param enabled     polled (or, for CSV, shown) when true
 * @param cadence     poll interval, or null for the app's default cadence
 * @param settings    non-secret settings by {@link ConnectionField#key()}
 */
public record Connection(String id, ConnectionKind kind, String displayName, boolean enabled, Duration cadence,
                         Map<String, String> settings) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Map<String, String> copy = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (kind.field(k).map(ConnectionField::secret).orElse(false)) {
                throw new IllegalArgumentException("Secret field " + k + " must not be stored with the connection");
            }
            if (v != null) {
                copy.put(k, v);
            }
        });
        settings = Map.copyOf(copy);
    }

    /** A setting, else its field's default, else null. */
    public String setting(String key) {
        String v = settings.get(key);
        if (v != null && !v.isBlank()) {
            return v;
        }
        return kind.field(key).map(ConnectionField::defaultValue).orElse(null);
    }

    /** The secret store key of one of this connection's secrets, e.g. {@code stocklens/winit:main/token}. */
    public String secretKey(String field) {
        return "stocklens/" + id + "/" + field;
    }

    public SourceInfo sourceInfo() {
        return new SourceInfo(id, kind.sourceKind(), kind.provider(), displayName);
    }

    public Connection withSettings(Map<String, String> newSettings) {
        return new Connection(id, kind, displayName, enabled, cadence, newSettings);
    }

    public Connection withEnabled(boolean on) {
        return new Connection(id, kind, displayName, on, cadence, settings);
    }
}
