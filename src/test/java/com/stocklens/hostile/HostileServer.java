package com.stocklens.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.stocklens.support.NamedThreads;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A hostile provider on loopback (issue 18): a proxy in front of the sandbox (which speaks every dialect
 * correctly) that turns its answers hostile on demand, in the envelope of the dialect it is armed for. Every
 * request it receives is recorded with its headers and query, so a test can tell where credentials went.
 *
 * <p>{@link #arm} picks a {@link Mode} for the requests after the first {@code skip} ones:
 * <ul>
 * <li>{@link Mode#ECHO_CREDENTIALS}: the dialect's error answer whose text quotes every header and query value
 *     the request carried (the credentials) — for the secrets tests;</li>
 * <li>{@link Mode#CROSS_ORIGIN_REDIRECT}: a 307 to the same path on {@link #redirectTo another origin};</li>
 * <li>{@link Mode#CROSS_ORIGIN_LINK}: ShipBob's body {@code next} link pointing at the other origin;</li>
 * <li>{@link Mode#ENDLESS_BODY}: a 200 whose body is the dialect's list opening followed by items without end;</li>
 * <li>{@link Mode#HUGE_BODY}: a valid ShipBob inventory page of {@link #hugeBytes} bytes;</li>
 * <li>{@link Mode#ALWAYS_NEW_CURSOR}: the same page again with a new cursor every time (TikTok, ShipBob,
 *     ShipMonk);</li>
 * <li>{@link Mode#NEGATIVE}, {@link Mode#FRACTION}, {@link Mode#OVER_INT}, {@link Mode#OVER_LONG},
 *     {@link Mode#WRONG_TYPE}: the first stock quantity of the first answer that has one becomes −5, 12.7,
 *     2³¹, 2⁶³ or an object.</li>
 * </ul>
 * Without an upstream it answers every request 200 {@code {}} (the "other origin" of the cross-origin modes).
 * A safety stop answers 410 after {@link #SAFETY_STOP} requests, so a client that loops ends in a failed test,
 * not a hung one.
 */
public final class HostileServer implements AutoCloseable {
    /** Requests after which every answer is 410: a client that never stops fails its test instead of hanging it. */
    public static final int SAFETY_STOP = 1_500;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int SLICE = 16 * 1024;
    /** An endless body stops here at the latest (a client without a cap would be at the heap's end long before). */
    private static final long ENDLESS_LIMIT = 4L << 30;

    /** What the server does to the requests after the first {@code skip}. */
    public enum Mode {
        PASS, ECHO_CREDENTIALS, CROSS_ORIGIN_REDIRECT, CROSS_ORIGIN_LINK, ENDLESS_BODY, HUGE_BODY, ALWAYS_NEW_CURSOR,
        NEGATIVE, FRACTION, OVER_INT, OVER_LONG, WRONG_TYPE
    }

    /** The dialects of the sandbox, with what each hostile mode needs of their envelopes. */
    public enum Dialect {
        TIKTOK("available_quantity", "next_page_token", "page_token"),
        SHIPBOB("on_hand_quantity", "next", "Cursor"),
        WINIT("inStockQty", null, null),
        GOODCANG("sellable", null, null),
        SHIPMONK("quantity_on_hand", "next_cursor", "cursor"),
        FLEXPORT("onHand", null, null);

        private final String quantityField;
        private final String cursorField;
        private final String cursorParam;

        Dialect(String quantityField, String cursorField, String cursorParam) {
            this.quantityField = quantityField;
            this.cursorField = cursorField;
            this.cursorParam = cursorParam;
        }

        /** True when {@code path} is one of this dialect's (the proxy acts only on those). */
        public boolean owns(String path) {
            return switch (this) {
                case FLEXPORT -> path.startsWith("/logistics/api/");
                case TIKTOK -> !path.startsWith("/logistics/api/") && (path.startsWith("/authorization/")
                        || path.startsWith("/product/") || path.startsWith("/logistics/") || path.startsWith("/order/")
                        || path.startsWith("/return_refund/") || path.startsWith("/api/v2/token/"));
                case SHIPBOB -> path.matches("^/(\\d{4}-\\d{2}|1\\.0|2\\.0)/.*");
                case WINIT -> path.startsWith("/openapi/");
                case GOODCANG -> path.startsWith("/public_open/");
                case SHIPMONK -> path.startsWith("/v1/");
            };
        }

        /** The stock quantity the quantity modes spoil. */
        public String quantityField() {
            return quantityField;
        }

        /** True when the dialect pages by a cursor or link the server hands out. */
        public boolean pagesByCursor() {
            return cursorField != null;
        }

        /** The dialect's error answer saying {@code text}: status and body. */
        Answer error(String text) {
            ObjectNode n = JSON.createObjectNode();
            return switch (this) {
                case TIKTOK -> new Answer(401, json(n.put("code", 105002).put("message", text).put("request_id", "h1")));
                case WINIT -> new Answer(200, json(n.put("code", "1001").put("msg", text)));
                case GOODCANG -> {
                    n.put("ask", "Failure").put("message", text);
                    n.putObject("Error").put("errCode", "401").put("errMessage", text);
                    yield new Answer(200, json(n));
                }
                case SHIPBOB, FLEXPORT -> new Answer(401, json(n.put("title", "Unauthorized").put("detail", text)));
                case SHIPMONK -> new Answer(401, json(n.put("message", text)));
            };
        }

        /** The opening of a successful list answer, and one item of it; an endless body repeats the item. */
        String[] endless() {
            return switch (this) {
                case TIKTOK -> new String[] {"{\"code\":0,\"message\":\"Success\",\"request_id\":\"h\",\"data\":"
                        + "{\"warehouses\":[", "{\"id\":\"7000\",\"name\":\"Endless\",\"type\":\"SALES_WAREHOUSE\"},"};
                case SHIPBOB -> new String[] {"{\"items\":[", "{\"inventory_id\":\"1\",\"sku\":\"E-1\",\"name\":\"Endless\","
                        + "\"locations\":[]},"};
                case WINIT -> new String[] {"{\"code\":\"0\",\"msg\":\"操作成功\",\"data\":{\"list\":[",
                        "{\"warehouseID\":\"1000\",\"warehouseCode\":\"E\",\"warehouseName\":\"Endless\"},"};
                case GOODCANG -> new String[] {"{\"ask\":\"Success\",\"message\":\"Success\",\"data\":[",
                        "{\"warehouse_code\":\"E\",\"warehouse_name\":\"Endless\",\"country_code\":\"US\"},"};
                case SHIPMONK -> new String[] {"{\"paginator\":{\"total\":1,\"pages\":1,\"page\":1},\"data\":[",
                        "{\"id\":1,\"identifier\":\"E1\",\"name\":\"Endless\"},"};
                case FLEXPORT -> new String[] {"[", "{\"logisticsSku\":\"D1\",\"merchantSku\":\"E-1\",\"name\":\"Endless\"},"};
            };
        }
    }

    /** One request as received. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers) {
        /** Every header and query value, lower-cased names: where a credential would show. */
        public String everything() {
            return method + " " + path + "?" + query + " " + headers;
        }
    }

    record Answer(int status, byte[] body) {
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String upstream;
    private final OkHttpClient client;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<String> incidents = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> lastAnswers = new ConcurrentHashMap<>();
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger hostile = new AtomicInteger();
    private final AtomicInteger cursors = new AtomicInteger();
    private volatile Dialect dialect = Dialect.SHIPBOB;
    private volatile Mode mode = Mode.PASS;
    private volatile int skip;
    private volatile String redirectTo = "http://127.0.0.1:9";
    private volatile long hugeBytes = 50L << 20;
    private volatile Runnable onRequest = () -> { };

    private HostileServer(String upstream) throws IOException {
        this.upstream = upstream;
        // No connection to the upstream is kept between forwards: a kept one the upstream has closed while idle
        // (the JDK's server does after 30 s) failed the next forward with "unexpected end of stream", and the
        // client under test saw a closed connection it rightly retried (one request too many in
        // HostileBodiesRssTest, whose syncs are 40 s apart). A fresh loopback connection per forward costs little.
        this.client = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false).connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(8, NamedThreads.numbered("hostile-http-"));
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** A hostile proxy in front of {@code upstreamBase} (the sandbox's base URL). */
    public static HostileServer proxy(String upstreamBase) {
        try {
            return new HostileServer(Objects.requireNonNull(upstreamBase, "upstreamBase"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server of another origin that only records what reaches it and answers {@code {}}. */
    public static HostileServer recorder() {
        try {
            return new HostileServer(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Acts in {@code mode}, for {@code dialect}, on every request after the next {@code skip} ones. */
    public HostileServer arm(Dialect d, Mode m, int skipFirst) {
        this.dialect = Objects.requireNonNull(d, "dialect");
        this.skip = skipFirst;
        this.seen.set(0);
        this.hostile.set(0);
        this.lastAnswers.clear();
        this.mode = Objects.requireNonNull(m, "mode");
        return this;
    }

    /** Passes everything through again and forgets what it received. */
    public HostileServer disarm() {
        this.mode = Mode.PASS;
        this.onRequest = () -> { };
        requests.clear();
        return this;
    }

    /** Where {@link Mode#CROSS_ORIGIN_REDIRECT} and {@link Mode#CROSS_ORIGIN_LINK} point: another server's base. */
    public HostileServer redirectTo(String otherBase) {
        this.redirectTo = otherBase;
        return this;
    }

    /** The size of a {@link Mode#HUGE_BODY} answer. */
    public HostileServer hugeBytes(long bytes) {
        this.hugeBytes = bytes;
        return this;
    }

    /** Runs before every request is answered (e.g. moves a test's monotonic clock on). */
    public HostileServer onRequest(Runnable hook) {
        this.onRequest = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /** Every request received since the last {@link #disarm}. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** What ended a request on this side without a whole answer (a client gone, an upstream failure), oldest first. */
    public List<String> incidents() {
        return List.copyOf(incidents);
    }

    /** How many answers were hostile since {@link #arm}. */
    public int hostileAnswers() {
        return hostile.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    // --- serving -------------------------------------------------------------------------------

    private void serve(HttpExchange ex) {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            requests.add(new Recorded(ex.getRequestMethod(), path, query == null ? "" : query, headers));
            onRequest.run();
            if (requests.size() > SAFETY_STOP) {
                send(ex, new Answer(410, "{\"title\":\"hostile server safety stop\"}".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            if (upstream == null) {
                send(ex, new Answer(200, "{}".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            boolean act = mode != Mode.PASS && dialect.owns(path) && seen.incrementAndGet() > skip;
            if (act && answeredWithoutUpstream(ex, path, query, headers)) {
                return;
            }
            Answer answer = forward(ex, path, query, body);
            if (act && answer.status() == 200) {
                answer = spoil(path, query, answer);
            }
            send(ex, answer);
        } catch (IOException | RuntimeException e) {
            // Mostly the client going away (it stopped reading an endless body); kept for a failed test's message.
            incidents.add(java.time.Instant.now() + " " + ex.getRequestURI().getRawPath() + ": " + e);
        }
    }

    /** The modes that answer by themselves; true when they did. */
    private boolean answeredWithoutUpstream(HttpExchange ex, String path, String query,
                                            Map<String, List<String>> headers) throws IOException {
        switch (mode) {
            case ECHO_CREDENTIALS -> {
                StringBuilder text = new StringBuilder("invalid credentials:");
                headers.forEach((k, v) -> text.append(' ').append(k).append('=').append(String.join(",", v)));
                text.append(" query=").append(query);
                hostile.incrementAndGet();
                send(ex, dialect.error(text.toString()));
                return true;
            }
            case CROSS_ORIGIN_REDIRECT -> {
                hostile.incrementAndGet();
                ex.getResponseHeaders().set("Location", redirectTo + path + (query == null ? "" : "?" + query));
                ex.sendResponseHeaders(307, -1);
                return true;
            }
            case ENDLESS_BODY -> {
                hostile.incrementAndGet();
                endless(ex);
                return true;
            }
            case HUGE_BODY -> {
                if (dialect != Dialect.SHIPBOB || !path.contains("inventory-level/locations")) {
                    return false;
                }
                hostile.incrementAndGet();
                huge(ex);
                return true;
            }
            case ALWAYS_NEW_CURSOR -> {
                String cursor = query == null ? null : param(query, dialect.cursorParam);
                byte[] last = lastAnswers.get(path);
                if (cursor == null || !cursor.startsWith("hostile-") || last == null) {
                    return false;
                }
                hostile.incrementAndGet();
                send(ex, new Answer(200, newCursor(path, query, last)));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The answer made hostile by the modes that change what the upstream said. */
    private Answer spoil(String path, String query, Answer answer) throws IOException {
        switch (mode) {
            case CROSS_ORIGIN_LINK -> {
                JsonNode root = JSON.readTree(answer.body());
                if (dialect != Dialect.SHIPBOB || !(root instanceof ObjectNode o) || !o.has("next")) {
                    return answer;
                }
                String next = o.path("next").asText("");
                String link = next.isEmpty() ? path + (query == null ? "" : "?" + query)
                        : next.replaceFirst("^https?://[^/]+", "");
                o.put("next", redirectTo + (link.startsWith("/") ? link : "/" + link));
                hostile.incrementAndGet();
                return new Answer(200, JSON.writeValueAsBytes(o));
            }
            case ALWAYS_NEW_CURSOR -> {
                if (!dialect.pagesByCursor()) {
                    return answer;
                }
                lastAnswers.put(path, answer.body());
                byte[] changed = newCursor(path, query, answer.body());
                return changed == answer.body() ? answer : new Answer(200, changed);
            }
            case NEGATIVE, FRACTION, OVER_INT, OVER_LONG, WRONG_TYPE -> {
                if (hostile.get() > 0) {
                    return answer;
                }
                JsonNode root;
                try {
                    root = JSON.readTree(answer.body());
                } catch (IOException notJson) {
                    return answer;
                }
                if (!replaceFirst(root, dialect.quantityField, spoiled(mode))) {
                    return answer;
                }
                hostile.incrementAndGet();
                return new Answer(200, JSON.writeValueAsBytes(root));
            }
            default -> {
                return answer;
            }
        }
    }

    private static JsonNode spoiled(Mode m) {
        return switch (m) {
            case NEGATIVE -> IntNode.valueOf(-5);
            case FRACTION -> DecimalNode.valueOf(new BigDecimal("12.7"));
            case OVER_INT -> BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(31));
            case OVER_LONG -> BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(63));
            default -> JSON.createObjectNode().put("units", 5);
        };
    }

    /** Replaces the first value of {@code field} anywhere in {@code node}; true when there was one. */
    private static boolean replaceFirst(JsonNode node, String field, JsonNode value) {
        if (node instanceof ObjectNode o) {
            if (o.has(field) && !o.get(field).isNull()) {
                o.set(field, value);
                return true;
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                if (replaceFirst(it.next(), field, value)) {
                    return true;
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node) {
                if (replaceFirst(child, field, value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code body} with its cursor replaced by a new one, or {@code body} itself when it has no cursor field. */
    private byte[] newCursor(String path, String query, byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        String fresh = "hostile-" + cursors.incrementAndGet();
        ObjectNode holder = holderOf(root, dialect.cursorField);
        if (holder == null) {
            return body;
        }
        if (dialect == Dialect.SHIPBOB) {
            String q = query == null ? "" : query.replaceAll("(^|&)Cursor=[^&]*", "");
            holder.put("next", path + "?" + (q.isEmpty() ? "" : q.replaceFirst("^&", "") + "&") + "Cursor=" + fresh);
        } else {
            holder.set(dialect.cursorField, TextNode.valueOf(fresh));
        }
        return JSON.writeValueAsBytes(root);
    }

    /** The object that holds {@code field} (the root, or TikTok's {@code data}). */
    private static ObjectNode holderOf(JsonNode root, String field) {
        if (root instanceof ObjectNode o && o.has(field)) {
            return o;
        }
        if (root instanceof ObjectNode o && o.get("data") instanceof ObjectNode d && d.has(field)) {
            return d;
        }
        return null;
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private Answer forward(HttpExchange ex, String path, String query, byte[] body) throws IOException {
        Request.Builder b = new Request.Builder().url(upstream + path + (query == null ? "" : "?" + query));
        Headers.Builder h = new Headers.Builder();
        ex.getRequestHeaders().forEach((k, values) -> {
            String lower = k.toLowerCase(Locale.ROOT);
            if (!List.of("host", "content-length", "connection", "accept-encoding", "transfer-encoding")
                    .contains(lower)) {
                values.forEach(v -> h.add(k, v));
            }
        });
        b.headers(h.build());
        String method = ex.getRequestMethod();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        boolean hasBody = List.of("POST", "PUT", "PATCH").contains(method);
        b.method(method, hasBody ? RequestBody.create(body, type == null ? null : MediaType.parse(type)) : null);
        try (Response r = client.newCall(b.build()).execute()) {
            String contentType = r.header("Content-Type");
            if (contentType != null) {
                ex.getResponseHeaders().set("Content-Type", contentType);
            }
            for (String name : List.of("Retry-After", "Date", "Next-Page", "Total-Pages", "Page-Number")) {
                String v = r.header(name);
                if (v != null) {
                    ex.getResponseHeaders().set(name, v);
                }
            }
            return new Answer(r.code(), r.body().bytes());
        }
    }

    private static void send(HttpExchange ex, Answer answer) throws IOException {
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().set("Content-Type", "application/json");
        }
        byte[] body = answer.body();
        ex.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            OutputStream out = ex.getResponseBody();
            for (int off = 0; off < body.length; off += SLICE) {
                out.write(body, off, Math.min(SLICE, body.length - off));
            }
        }
    }

    /** The dialect's list opening, then its item again and again until the client hangs up. */
    private void endless(HttpExchange ex) throws IOException {
        String[] parts = dialect.endless();
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write(parts[0].getBytes(StandardCharsets.UTF_8));
        byte[] item = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] slice = new byte[(SLICE / item.length) * item.length];
        for (int off = 0; off < slice.length; off += item.length) {
            System.arraycopy(item, 0, slice, off, item.length);
        }
        for (long sent = 0; sent < ENDLESS_LIMIT; sent += slice.length) {
            out.write(slice);
        }
    }

    /** A valid ShipBob inventory page of about {@link #hugeBytes} bytes, every item a different SKU. */
    private void huge(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder(SLICE + 512);
        long sent = 0;
        for (int i = 0; sent < hugeBytes; i++) {
            b.append(i == 0 ? "" : ",").append("{\"inventory_id\":\"").append(900_000 + i)
                    .append("\",\"sku\":\"HUGE-").append(i).append("\",\"name\":\"Huge page item ").append(i)
                    .append("\",\"locations\":[{\"location_id\":\"228\",\"name\":\"Moreno Valley (CA)\","
                            + "\"on_hand_quantity\":340,\"committed_quantity\":20,\"fulfillable_quantity\":320,"
                            + "\"awaiting_quantity\":12,\"internal_transfer_quantity\":0}]}");
            if (b.length() >= SLICE) {
                byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                out.write(bytes);
                sent += bytes.length;
                b.setLength(0);
            }
        }
        b.append("],\"next\":null}");
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every recorded request whose headers or query hold {@code secret}. */
    public List<Recorded> carrying(String secret) {
        List<Recorded> out = new ArrayList<>();
        for (Recorded r : requests) {
            if (r.everything().contains(secret)) {
                out.add(r);
            }
        }
        return out;
    }
}
