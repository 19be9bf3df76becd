package com.stocklens.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The provider's own words in an error answer, fit for the sync log and the health screen: one line, at
 * most {@value #MAX_LENGTH} characters, without Java class names or stack frames (some gateways answer
 * with their exception text). Reads the fields providers use: {@code title}, {@code detail} (RFC 9457
 * problem+json, ShipBob, Flexport), {@code message}, {@code msg} (WINIT), {@code error_description},
 * a textual {@code error}, and inside an {@code error}/{@code Error} object {@code errMessage} (GoodCang)
 * or {@code message}.
 */
public final class ProblemText {
    /** The longest text kept; a provider may send a whole page. */
    public static final int MAX_LENGTH = 300;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final List<String> FIELDS =
            List.of("title", "detail", "message", "msg", "error_description", "error");
    private static final List<String> NESTED = List.of("errMessage", "message");
    /** {@code java.lang.IllegalStateException}, {@code com.acme.Foo$Bar}, with generic arguments if any. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:<[^<>]*>)?");
    /** The start of a stack trace: nothing after it is for a person. */
    private static final Pattern STACK_FRAME = Pattern.compile("\\R\\s*at\\s");

    private ProblemText() {
    }

    /** The provider's words in {@code body}; "" when it is not a JSON object or says nothing readable. */
    public static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
        if (root == null || !root.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        FIELDS.forEach(f -> add(parts, root.get(f)));
        if (parts.isEmpty()) {
            for (String container : List.of("error", "Error")) {
                JsonNode error = root.get(container);
                if (error != null && error.isObject()) {
                    NESTED.forEach(f -> add(parts, error.get(f)));
                }
            }
        }
        return clean(String.join(" — ", parts));
    }

    /**
     * {@code text} as one line without class names or stack frames, cut at {@value #MAX_LENGTH}
     * characters; "" for null.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String t = text;
        var frame = STACK_FRAME.matcher(t);
        if (frame.find()) {
            t = t.substring(0, frame.start());
        }
        t = CLASS_NAME.matcher(t).replaceAll("");
        t = t.replace("``", "").replace("()", "").replaceAll("\\s+", " ").strip();
        // What a removed class name leaves in front: "java.lang.Foo: text" → ": text".
        while (!t.isEmpty() && (t.charAt(0) == ':' || t.charAt(0) == '-')) {
            t = t.substring(1).strip();
        }
        return t.length() <= MAX_LENGTH ? t : t.substring(0, MAX_LENGTH - 1).strip() + "…";
    }

    private static void add(List<String> parts, JsonNode node) {
        if (node == null || !node.isTextual()) {
            return;
        }
        String s = node.textValue().strip();
        if (!s.isEmpty() && !parts.contains(s)) {
            parts.add(s);
        }
    }
}
