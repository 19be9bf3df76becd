package com.stocklens.connector.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Why an answer could not be read, in a person's words: Jackson's own messages name Java types
 * ("Cannot deserialize value of type `java.lang.Integer`…"), its features ({@code StreamReadFeature…}) and
 * source positions, none of which may reach the sync log, {@code status} or the window. The field is named
 * by its path in the answer ({@code items[3].locations[0].on_hand_quantity}).
 */
public final class JsonProblems {
    private JsonProblems() {
    }

    /** The reason {@code e} stands for, e.g. {@code field on_hand_quantity (items[2].locations[0]) is not a whole number}. */
    public static String plain(JsonProcessingException thrown) {
        String field = thrown instanceof JsonMappingException m ? path(m) : "";
        String at = field.isEmpty() ? "" : "field " + field + " ";
        JsonProcessingException e = thrown;
        // The databind wraps the parser's own failure (a number out of range) with the path it was reading.
        for (Throwable t = thrown.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException inner && !(t instanceof JsonMappingException)) {
                e = inner;
                break;
            }
        }
        if (e instanceof StreamConstraintsException) {
            return "the answer holds a value or nesting far beyond any real answer";
        }
        if (e instanceof InputCoercionException) {
            return (at.isEmpty() ? "a number " : at) + "is beyond the range of a count";
        }
        if (e instanceof JsonEOFException) {
            return "the answer ended before its JSON was complete";
        }
        if (e instanceof JsonParseException) {
            return "the answer is not valid JSON";
        }
        if (e instanceof InvalidFormatException f) {
            return (at.isEmpty() ? "a value " : at) + (isWholeNumberTarget(f.getTargetType())
                    ? "is not a whole number" : "has a value of the wrong kind");
        }
        if (e instanceof MismatchedInputException m) {
            Class<?> target = m.getTargetType();
            if (isWholeNumberTarget(target)) {
                return (at.isEmpty() ? "a quantity " : at) + "is not a whole number";
            }
            if (target != null && (List.class.isAssignableFrom(target) || target.isArray())) {
                return (at.isEmpty() ? "a list " : at) + "is not a list";
            }
            return (at.isEmpty() ? "a value " : at) + "has the wrong type";
        }
        return at.isEmpty() ? "the answer has an unexpected shape" : at + "has an unexpected shape";
    }

    private static boolean isWholeNumberTarget(Class<?> t) {
        return t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class
                || t == short.class;
    }

    /** {@code items[3].locations[0].on_hand_quantity}, "" when Jackson knows no path. */
    static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + r.getFieldName());
            } else if (r.getIndex() >= 0) {
                parts.add("[" + r.getIndex() + "]");
            }
        }
        return String.join("", parts);
    }
}
