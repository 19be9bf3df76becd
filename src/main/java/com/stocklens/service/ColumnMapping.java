package com.stocklens.service;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which header of a stock file feeds which field. Remembered by header text (not position), so a
 * warehouse's next file maps itself even when its columns move.
 *
 * @param columns field → header text as written in the file's header row
 */
public record ColumnMapping(Map<ImportField, String> columns) {
    public static final String DEFAULT_NAME = "default";

    public ColumnMapping {
        EnumMap<ImportField, String> copy = new EnumMap<>(ImportField.class);
        columns.forEach((f, h) -> {
            if (h != null && !h.isBlank()) {
                copy.put(Objects.requireNonNull(f, "field"), h);
            }
        });
        columns = Collections.unmodifiableMap(copy);
    }

    public static ColumnMapping empty() {
        return new ColumnMapping(Map.of());
    }

    /** The header mapped to a field, or null. */
    public String header(ImportField field) {
        return columns.get(field);
    }

    /** A copy with one field mapped to a header (null or blank unmaps it). */
    public ColumnMapping with(ImportField field, String header) {
        EnumMap<ImportField, String> copy = new EnumMap<>(ImportField.class);
        copy.putAll(columns);
        if (header == null || header.isBlank()) {
            copy.remove(field);
        } else {
            copy.put(field, header);
        }
        return new ColumnMapping(copy);
    }
}
