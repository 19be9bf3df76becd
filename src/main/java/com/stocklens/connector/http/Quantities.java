package com.stocklens.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.domain.Quantity;
import java.math.BigDecimal;

/**
 * A provider's counts judged by the one {@link Quantity} rule, for every connector alike: JSON numbers or
 * numeric strings (WINIT and GoodCang send many as strings). Missing, null or blank is <em>unknown</em>
 * ({@code null}), never 0; a negative count, a fraction, a count past 2³¹−1 and anything that is no number
 * fail the read with a plain reason naming the provider, the field and the SKU:
 * {@code ShipBob answered a quantity that is not a whole number (field on_hand_quantity, SKU TTS-1): 12.7}.
 */
public final class Quantities {
    private static final int SHOWN_CHARS = 24;

    private Quantities() {
    }

    /**
     * A stock count.
     *
     * @param provider who answered, e.g. {@code ShipBob}
     * @param field    the field's name in the answer
     * @param sku      the SKU the count belongs to, or null when the answer names none
     * @throws MalformedResponseException when the value is not a quantity
     */
    public static Integer of(JsonNode node, String provider, String field, String sku)
            throws MalformedResponseException {
        Quantity.Checked c = check(node);
        if (!c.ok()) {
            throw new MalformedResponseException(provider + " answered a quantity that " + c.problem().phrase()
                    + " (field " + field + (sku == null || sku.isBlank() ? "" : ", SKU " + sku) + "): " + shown(node));
        }
        return c.value();
    }

    /**
     * A whole number that is not a stock count (a page number, a total), by the same rule.
     *
     * @param field the field's name, for the error message
     * @throws MalformedResponseException when the value is not a whole number from 0 to 2³¹−1
     */
    public static Integer of(JsonNode node, String field) throws MalformedResponseException {
        Quantity.Checked c = check(node);
        if (!c.ok()) {
            throw new MalformedResponseException(field + " " + c.problem().phrase() + ": " + shown(node));
        }
        return c.value();
    }

    /** {@code of(parent.get(field), field)}. */
    public static Integer field(JsonNode parent, String field) throws MalformedResponseException {
        return of(parent == null ? null : parent.get(field), field);
    }

    /** {@code of(parent.get(field), provider, field, sku)}. */
    public static Integer field(JsonNode parent, String provider, String field, String sku)
            throws MalformedResponseException {
        return of(parent == null ? null : parent.get(field), provider, field, sku);
    }

    /** The rule applied to a JSON value. */
    static Quantity.Checked check(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new Quantity.Checked(null, null);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Quantity.of(node.longValue())
                    : Quantity.of(new BigDecimal(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            return node.isBigDecimal() ? Quantity.of(node.decimalValue()) : Quantity.of(node.doubleValue());
        }
        if (node.isTextual()) {
            return Quantity.parse(node.textValue());
        }
        return new Quantity.Checked(null, Quantity.Problem.NOT_A_NUMBER);
    }

    /**
     * Sum of the known values (one bucket made of several provider fields); null only when every value is
     * unknown.
     *
     * @throws MalformedResponseException when the sum does not fit a bucket
     */
    public static Integer sumKnown(String what, Integer... values) throws MalformedResponseException {
        long sum = 0;
        boolean any = false;
        for (Integer v : values) {
            if (v != null) {
                sum += v;
                any = true;
            }
        }
        if (sum > Quantity.MAX) {
            throw new MalformedResponseException(what + " add up to more than 2,147,483,647 units");
        }
        return any ? (int) sum : null;
    }

    /**
     * A count derived by subtraction (ShipMonk's reserved, Flexport's reserved), clamped at 0: the provider's
     * own figures were judged already, only their difference may come out below 0.
     */
    public static Integer derived(Integer value) {
        return value == null ? null : Math.max(0, value);
    }

    private static String shown(JsonNode node) {
        String s = node.isTextual() ? "\"" + node.textValue() + "\"" : node.isContainerNode()
                ? (node.isArray() ? "a list" : "an object") : node.toString();
        return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "…";
    }
}
