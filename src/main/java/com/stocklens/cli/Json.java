package com.stocklens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.domain.Bucket;
import com.stocklens.domain.StockLevel;
import java.time.Instant;

/** Stable JSON for the CLI: explicit field order, nulls kept (null = unknown), instants as ISO-8601 UTC. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static void putInstant(ObjectNode node, String field, Instant at) {
        if (at == null) {
            node.putNull(field);
        } else {
            node.put(field, at.toString());
        }
    }

    /** A decimal rounded to 3 places, or JSON null when unknown (never 0). */
    static void putDouble(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(value * 1000) / 1000.0);
        }
    }

    static void putInt(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** A total (64 bits), or JSON null. */
    static void putLong(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    static void putLevel(ObjectNode node, StockLevel level) {
        for (Bucket b : Bucket.values()) {
            putInt(node, b.key(), level.get(b));
        }
    }

    /** One table cell as a field: a number, a boolean or text as it is; JSON null when unknown. */
    static void putCell(ObjectNode node, String field, Object cell) {
        switch (cell) {
            case null -> node.putNull(field);
            case Integer i -> node.put(field, i);
            case Long l -> node.put(field, l);
            case Boolean b -> node.put(field, b);
            default -> node.put(field, cell.toString());
        }
    }
}
