package com.stocklens.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request and response values shared by the dialects, and the JSON helpers they use. */
final class Exchange {
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Exchange() {
    }

    /** One decoded request. */
    record Request(String method, String path, String rawQuery, Map<String, String> query, Headers headers,
                   byte[] body) {
        String param(String name) {
            return query.get(name);
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** One answer, written by the server (possibly mangled by a fault). */
    record Response(int status, Map<String, String> headers, byte[] body) {
        static Response json(int status, Object body) {
            return json(status, body, Map.of());
        }

        static Response json(int status, Object body, Map<String, String> extraHeaders) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Content-Type", "application/json; charset=utf-8");
            h.putAll(extraHeaders);
            return new Response(status, h, write(body));
        }

        static Response text(int status, String text) {
            return new Response(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A dialect turns a request into a response, or answers a fault in its own shape. */
    interface Dialect {
        Response handle(Request request);

        Response fault(Request request, Fault fault);
    }

    static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise sandbox response", e);
        }
    }

    /** An insertion-ordered JSON object from alternating keys and values (values may be null). */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Decodes a raw query string; a repeated key keeps its last value. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }
}
