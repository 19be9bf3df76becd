package com.stocklens.connector.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lenient reading of text fields from a JSON tree, for providers whose fields change type between
 * calls (WINIT and GoodCang send ids and codes as numbers or strings). Counts: {@link Quantities}.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** A field as trimmed text (numbers too), or null when absent, null, blank or not a single value. */
    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
