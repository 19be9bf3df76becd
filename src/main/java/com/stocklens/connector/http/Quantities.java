package com.stocklens.connector.http;

import com.stocklens.connector.MalformedResponseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lenient quantity parsing for providers that send counts as JSON numbers or numeric strings
 * (WINIT and GoodCang send many as strings). Missing, null or blank is <em>unknown</em> ({@code null}),
 * never 0.
 */
public final class Quantities {
    private Quantities() {
    }

    /**
     * The count in {@code node}, or null when absent, JSON null or blank.
     *
     * @param field the field's name, for the error message
     * @throws MalformedResponseException when the value is neither an integer nor an integer string
     */
    public static Integer of(JsonNode node, String field) throws MalformedResponseException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble())
                && Math.abs(node.asDouble()) <= Integer.MAX_VALUE) {
            return (int) node.asDouble();
        }
        if (node.isTextual()) {
            String t = node.textValue().trim();
            if (t.isEmpty()) {
                return null;
            }
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new MalformedResponseException(field + " is not a whole number: \"" + abbreviate(t) + "\"");
            }
        }
        throw new MalformedResponseException(field + " is not a quantity: " + node.getNodeType());
    }

    /** {@code of(parent.get(field), field)}. */
    public static Integer field(JsonNode parent, String field) throws MalformedResponseException {
        return of(parent == null ? null : parent.get(field), field);
    }

    /** Sum of the known values; null only when every value is unknown. */
    public static Integer sumKnown(Integer... values) {
        Integer sum = null;
        for (Integer v : values) {
            if (v != null) {
                sum = (sum == null ? 0 : sum) + v;
            }
        }
        return sum;
    }

    /** Clamps a derived or provider value at 0 (for a bucket), keeping unknown unknown. */
    public static Integer nonNegative(Integer value) {
        return value == null ? null : Math.max(0, value);
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
