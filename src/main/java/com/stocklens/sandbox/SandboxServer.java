package com.stocklens.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.support.NamedThreads;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.stocklens.sandbox.Exchange.Request;
import com.stocklens.sandbox.Exchange.Response;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outside world on loopback: one JDK HTTP server on {@code 127.0.0.1}, port 0, speaking the
 * TikTok Shop, ShipBob, WINIT, GoodCang, ShipMonk and Flexport dialects at their real paths, answering from a {@link SimulatedWorld}.
 *
 * <p>TikTok paths ({@code /authorization/202309/shops}, {@code /logistics/202309/warehouses},
 * {@code /product/202309/products/search}, {@code /product/202309/inventory/search}) and ShipBob
 * paths ({@code /2025-07/fulfillment-center}, {@code /2025-07/inventory-level},
 * {@code /2025-07/inventory-level/locations}, {@code /2025-07/receiving}, {@code /2025-07/return})
 * share one host; both base URLs are that host, as the real bases carry no path either. WINIT's gateway
 * is {@code /openapi/service}, GoodCang's API lives under {@code /public_open/…}, ShipMonk under
 * {@code /v1/integrations/…}, Flexport under {@code /logistics/api/<version>/…} and TikTok's token host
 * and authorization pages under {@code /api/v2/token/…} and {@code /open/authorize}, all on the same host.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final int THREADS = 4;

    private final SimulatedWorld world;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Faults faults = new Faults();
    /** The last 200 answer of each endpoint, for {@link Fault#REPEAT_PAGE}. */
    private final Map<String, Answer> lastAnswers = new ConcurrentHashMap<>();

    private record Answer(long generation, Response response) {
    }
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    /** Per dialect: when each request arrived ({@link System#nanoTime()}), and how many were refused with 429 by its limiter. */
    private final Map<String, List<Long>> requestTimes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final TikTokDialect tiktok;
    private final ShipBobDialect shipbob;
    private final WinitDialect winit;
    private final GoodCangDialect goodcang;
    private final TikTokAuthDialect tiktokAuth;
    private final ShipMonkDialect shipmonk;
    private final FlexportDialect flexport;
    private volatile boolean rateLimiting = true;

    private SandboxServer(SimulatedWorld world) throws IOException {
        this.world = world;
        this.tiktokAuth = new TikTokAuthDialect(world.clock());
        this.tiktok = new TikTokDialect(world, () -> rateLimiting, tiktokAuth);
        this.shipbob = new ShipBobDialect(world, () -> rateLimiting);
        this.winit = new WinitDialect(world);
        this.goodcang = new GoodCangDialect(world);
        this.shipmonk = new ShipMonkDialect(world);
        this.flexport = new FlexportDialect(world);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(THREADS, NamedThreads.numbered("sandbox-http-"));
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        tiktokAuth.setBaseUrl(baseUrl());
        LOG.info("Sandbox listening on {}", baseUrl());
    }

    /** Starts a server for {@code world} on a free loopback port. */
    public static SandboxServer start(SimulatedWorld world) {
        try {
            return new SandboxServer(world);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the sandbox server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Base of the TikTok Shop API (the real one is {@code https://open-api.tiktokglobalshop.com}). */
    public String tiktokBaseUrl() {
        return baseUrl();
    }

    /** Base of the ShipBob API without the version segment (real: {@code https://api.shipbob.com}). */
    public String shipbobBaseUrl() {
        return baseUrl();
    }

    /** WINIT's single gateway URL (real: {@code https://openapi.winit.com.cn/openapi/service}). */
    public String winitServiceUrl() {
        return baseUrl() + WinitDialect.PATH;
    }

    /** GoodCang's API base (real: {@code https://oms.goodcang.net/public_open}). */
    public String goodcangBaseUrl() {
        return baseUrl() + GoodCangDialect.PREFIX;
    }

    /** Base of TikTok's token host and authorization pages (real: {@code https://auth.tiktok-shops.com}). */
    public String tiktokAuthBaseUrl() {
        return baseUrl();
    }

    /** The sandbox authorization page, as {@code authorize_url} (real: {@code https://services.tiktokshop.com/open/authorize}). */
    public String tiktokAuthorizeUrl() {
        return baseUrl() + TikTokAuthDialect.AUTHORIZE;
    }

    /** Lifetime of access tokens issued from now on (default 7 days, as TikTok's). */
    public void setTikTokAccessTokenLifetime(Duration lifetime) {
        tiktokAuth.setAccessTokenLifetime(lifetime);
    }

    /** Lifetime of the authorization (refresh tokens) granted from now on (default 365 days). */
    public void setTikTokRefreshTokenLifetime(Duration lifetime) {
        tiktokAuth.setRefreshTokenLifetime(lifetime);
    }

    /** Answer {@code *_expire_in} as seconds from now instead of the documented absolute Unix time. */
    public void setTikTokExpiryAsDuration(boolean asDuration) {
        tiktokAuth.setExpiryAsDuration(asDuration);
    }

    /** An authorization code as the page issues when the seller approves (single use, 30 minutes). */
    public String issueTikTokAuthCode() {
        return tiktokAuth.issueCode();
    }

    /** TikTok: the seller takes a scope back from the app (e.g. {@code seller.product.write}): calls needing it get 105005. */
    public void revokeTikTokScope(String scope) {
        tiktok.revokeScope(scope);
    }

    /** TikTok: the scope is granted again. */
    public void grantTikTokScope(String scope) {
        tiktok.grantScope(scope);
    }

    /** TikTok: a promotion holds {@code units} of the SKU (0 ends it); a stock write below them is refused (12052393). */
    public void lockTikTokStockForPromotion(String sellerSku, int units) {
        tiktok.lockForPromotion(sellerSku, units);
    }

    /** TikTok: whether a stock write may set 0 (the docs disagree; the sandbox follows the current [1, 99999] until told). */
    public void setTikTokAcceptsZero(boolean accepts) {
        tiktok.setAcceptsZero(accepts);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimulatedWorld world() {
        return world;
    }

    /** Fault injection for this server. */
    public Faults faults() {
        return faults;
    }

    /** Turns the TikTok (50/s per path) and ShipBob (150/min per token) limits on or off; on by default. */
    public void setRateLimiting(boolean enabled) {
        this.rateLimiting = enabled;
    }

    /** Requests received on exactly this path (no query), whatever their outcome. */
    public int requestCount(String path) {
        AtomicInteger n = requestCounts.get(path);
        return n == null ? 0 : n.get();
    }

    /** All paths seen so far with their request counts. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> copy = new TreeMap<>();
        requestCounts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /**
     * The most requests one provider's API received within any {@code window} (a sliding window over
     * every request so far): what its rate limit is about. Provider names: "tiktok", "shipbob", "winit",
     * "goodcang", "shipmonk", "flexport", "tiktokauth".
     */
    public int peakRequests(String provider, Duration window) {
        List<Long> times = requestTimes.get(provider);
        if (times == null) {
            return 0;
        }
        long[] t;
        synchronized (times) {
            t = times.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        long w = window.toNanos();
        int best = 0;
        int lo = 0;
        for (int hi = 0; hi < t.length; hi++) {
            while (t[hi] - t[lo] >= w) {
                lo++;
            }
            best = Math.max(best, hi - lo + 1);
        }
        return best;
    }

    /** Requests one provider's API answered as rate-limited (its own limiter, not an injected fault). */
    public int rateLimited(String provider) {
        AtomicInteger n = refused.get(provider);
        return n == null ? 0 : n.get();
    }

    private static String providerOf(Exchange.Dialect dialect) {
        return dialect.getClass().getSimpleName().replace("Dialect", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        faults.releaseParked();
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Sandbox on port {} stopped", port());
    }

    private void serve(HttpExchange ex) {
        String path = ex.getRequestURI().getRawPath();
        requestCounts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        try {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (faults.parkIfSilenced(path, ex)) {
                LOG.debug("Silenced {}", path);
                return;
            }
            Exchange.Dialect dialect = dialectOf(path);
            if (dialect != null) {
                requestTimes.computeIfAbsent(providerOf(dialect), k -> Collections.synchronizedList(
                        new ArrayList<>())).add(System.nanoTime());
            }
            Optional<Fault> fault = faults.take(path);
            Fault.Kind kind = fault.map(Fault::kind).orElse(null);
            Response response;
            if (dialect == null) {
                response = Response.text(404, "Not found");
            } else if (kind == Fault.Kind.RESET) {
                // No status line at all: the client sees the connection end (reset / unexpected end of stream).
                ex.close();
                return;
            } else if (kind == Fault.Kind.HTTP_503) {
                response = Response.text(503, "Service Unavailable");
            } else if (kind == Fault.Kind.HTTP_429_BARE) {
                response = Response.text(429, "Too Many Requests");
            } else if (kind == Fault.Kind.HTTP_502) {
                response = Response.text(502, "Bad Gateway");
            } else if (kind == Fault.Kind.HTTP_504) {
                response = Response.text(504, "Gateway Timeout");
            } else if (kind == Fault.Kind.MALFORMED_JSON) {
                response = new Response(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                        "{\"code\":0,\"data\":{\"items\":[{\"id\":12,,]".getBytes(StandardCharsets.UTF_8));
            } else if (kind == Fault.Kind.REPEAT_PAGE && repeatable(ex, path, body) != null) {
                response = repeatable(ex, path, body);
            } else if (fault.isPresent() && isResponseFault(fault.get())) {
                response = dialect.fault(parse(ex, path, body), fault.get());
            } else {
                if (kind == Fault.Kind.SLOW) {
                    Thread.sleep(fault.get().delayMillis());
                }
                if (kind == Fault.Kind.HOOK) {
                    fault.get().hook().run();
                }
                response = handle(dialect, ex, path, body);
                if (response.status() == 429) {
                    refused.computeIfAbsent(providerOf(dialect), k -> new AtomicInteger()).incrementAndGet();
                }
                if (response.status() == 200) {
                    lastAnswers.put(endpoint(ex, path, body), new Answer(faults.generation(), response));
                }
                if (kind == Fault.Kind.MISSING_FIELDS || kind == Fault.Kind.MISTYPED_FIELDS) {
                    response = mangle(response, kind);
                }
            }
            boolean truncate = fault.isPresent() && fault.get().kind() == Fault.Kind.TRUNCATED_BODY;
            write(ex, response, truncate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        } catch (IOException | RuntimeException e) {
            // The client went away, or a truncation fault closed the stream on purpose.
            LOG.debug("Sandbox exchange on {} ended early: {}", path, e.toString());
            ex.close();
        }
    }

    /**
     * The dialect serving {@code path}. Flexport is asked first: its {@code /logistics/api/…} lies inside
     * TikTok's {@code /logistics/…} prefix, but TikTok's versions there are dates ({@code /logistics/202309/…}).
     */
    private Exchange.Dialect dialectOf(String path) {
        if (FlexportDialect.owns(path)) {
            return flexport;
        }
        if (TikTokDialect.owns(path)) {
            return tiktok;
        }
        if (TikTokAuthDialect.owns(path)) {
            return tiktokAuth;
        }
        if (ShipBobDialect.owns(path)) {
            return shipbob;
        }
        if (ShipMonkDialect.owns(path)) {
            return shipmonk;
        }
        if (WinitDialect.owns(path)) {
            return winit;
        }
        if (GoodCangDialect.owns(path)) {
            return goodcang;
        }
        return null;
    }

    /** The answer to repeat for this request: the previous page of the same listing since the faults were last cleared. */
    private Response repeatable(HttpExchange ex, String path, byte[] body) {
        Answer a = lastAnswers.get(endpoint(ex, path, body));
        return a != null && a.generation() == faults.generation() ? a.response() : null;
    }

    /** Request parameters that move through a listing (or change on every call) and so do not name it. */
    private static final Set<String> PAGING = Set.of("timestamp", "sign", "client_sign", "page",
            "pagenum", "page_token", "cursor", "offset", "next", "pagesize", "page_size", "limit", "sign_method");

    /**
     * One listing: the path and every parameter (query, and JSON body fields one level deep: WINIT posts
     * every action to one path) except paging and signing ones, so the shop, warehouse or action counts.
     */
    private static String endpoint(HttpExchange ex, String path, byte[] body) {
        TreeMap<String, String> key = new TreeMap<>();
        try {
            Exchange.parseQuery(ex.getRequestURI().getRawQuery()).forEach(key::put);
        } catch (IllegalArgumentException e) {
            // An undecodable query: the path alone names the listing.
        }
        try {
            JsonNode n = body.length == 0 ? null : Exchange.JSON.readTree(body);
            if (n != null && n.isObject()) {
                n.fields().forEachRemaining(f -> {
                    if (f.getValue().isObject()) {
                        f.getValue().fields().forEachRemaining(g -> key.put(f.getKey() + "." + g.getKey(), g.getValue().toString()));
                    } else {
                        key.put(f.getKey(), f.getValue().toString());
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON: nothing more to name the listing by.
        }
        key.keySet().removeIf(k -> PAGING.contains(k.substring(k.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)));
        return path + key;
    }

    private static boolean isResponseFault(Fault f) {
        return f.kind() == Fault.Kind.HTTP_500 || f.kind() == Fault.Kind.HTTP_429
                || f.kind() == Fault.Kind.TOKEN_EXPIRED || f.kind() == Fault.Kind.API_ERROR
                || f.kind() == Fault.Kind.PARTIAL_FAILURE;
    }

    /**
     * Valid JSON with the wrong content: every number inside an array (the items, not the envelope)
     * removed ({@link Fault.Kind#MISSING_FIELDS}) or replaced by a non-numeric string
     * ({@link Fault.Kind#MISTYPED_FIELDS}). A body that is not JSON is left alone.
     */
    static Response mangle(Response r, Fault.Kind kind) {
        try {
            JsonNode root = Exchange.JSON.readTree(r.body());
            if (root == null) {
                return r;
            }
            mangle(root, false, kind);
            return new Response(r.status(), r.headers(), Exchange.JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            return r;
        }
    }

    private static void mangle(JsonNode node, boolean inArray, Fault.Kind kind) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (inArray && v.isNumber()) {
                    if (kind == Fault.Kind.MISSING_FIELDS) {
                        o.remove(name);
                    } else {
                        o.put(name, "n/a");
                    }
                } else {
                    mangle(v, inArray, kind);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (JsonNode v : a) {
                mangle(v, true, kind);
            }
        }
    }

    private Response handle(Exchange.Dialect dialect, HttpExchange ex, String path, byte[] body) {
        Request req;
        try {
            req = parse(ex, path, body);
        } catch (IllegalArgumentException e) {
            return Response.text(400, "Malformed query string");
        }
        try {
            return dialect.handle(req);
        } catch (RuntimeException e) {
            LOG.warn("Sandbox handler failed on {}", path, e);
            return Response.text(500, "Internal Server Error");
        }
    }

    private static Request parse(HttpExchange ex, String path, byte[] body) {
        String rawQuery = ex.getRequestURI().getRawQuery();
        return new Request(ex.getRequestMethod(), path, rawQuery, Exchange.parseQuery(rawQuery),
                ex.getRequestHeaders(), body);
    }

    private static final int WRITE_SLICE = 16 * 1024;

    private static void write(HttpExchange ex, Response r, boolean truncate) throws IOException {
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] body = r.body();
        if (truncate) {
            // The JDK server keeps a short-written connection open (the client would just hang);
            // a response stream whose close fails makes it drop the connection instead.
            ex.setStreams(null, new FilterOutputStream(ex.getResponseBody()) {
                @Override
                public void close() throws IOException {
                    flush();
                    throw new IOException("truncated on purpose");
                }
            });
        }
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        OutputStream out = ex.getResponseBody();
        // Announce the full length, send half: the client sees the connection end mid-body.
        int length = truncate ? body.length / 2 : body.length;
        // In slices: the JDK server grows each connection's buffer to the largest single write and keeps it
        // while the connection lives, so one 2 MB write costs 2 MB per kept-alive connection (the soak found it).
        for (int off = 0; off < length; off += WRITE_SLICE) {
            out.write(body, off, Math.min(WRITE_SLICE, length - off));
        }
        if (truncate) {
            out.flush();
            ex.close();
        } else {
            out.close();
        }
    }
}
