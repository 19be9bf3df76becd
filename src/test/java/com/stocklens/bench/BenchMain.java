package com.stocklens.bench;

import com.stocklens.app.connections.EnvironmentConnections;
import com.stocklens.boot.Bootstrap;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.shipbob.ShipBobConfig;
import com.stocklens.connector.shipbob.ShipBobSource;
import com.stocklens.connector.tiktok.TikTokClient;
import com.stocklens.connector.tiktok.TikTokConfig;
import com.stocklens.connector.tiktok.TikTokShopSource;
import com.stocklens.domain.Bucket;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.SyncRun;
import com.stocklens.sandbox.CellState;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimSku;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.sandbox.WorldView;
import com.stocklens.store.Database;
import com.stocklens.store.BoardFile;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.support.FileTrees;
import com.stocklens.sync.SyncEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * End-to-end benchmark of StockLens at scale (issue 8), run by {@code bench/run}; never part of the
 * test run. Every figure is printed beside a limit measured in the same run on the same machine, or
 * beside the target, so noise from a shared machine shows up in both sides.
 *
 * <p>Args: {@code [--json] [--rows N] [--no-start] [--no-ui] [--classpath CP] [--app-jar JAR]
 * [--keep-workspace DIR] [--start-only DIR]}: the class path is the floor window's (test classes and
 * dependencies), the jar the app's (its manifest names lib/); the cached workspace is copied to DIR before
 * the temporary files go; {@code --start-only DIR} measures only the start-up on such a kept workspace
 * ({@code --rows} then says how many rows it holds).
 */
public final class BenchMain {
    static final int SHIPBOB_MAX_PAGE = 250;
    static final int TIKTOK_MAX_PRODUCTS_PAGE = TikTokConfig.MAX_PAGE_SIZE;
    static final int TIKTOK_MAX_INVENTORY_BATCH = TikTokConfig.MAX_INVENTORY_BATCH;
    static final SourceInfo TIKTOK = new SourceInfo(EnvironmentConnections.TIKTOK_SOURCE_ID, SourceKind.SHOP, null, "TikTok Shop");
    static final SourceInfo SHIPBOB = new SourceInfo(EnvironmentConnections.SHIPBOB_SOURCE_ID, SourceKind.WAREHOUSE,
            Provider.SHIPBOB, "ShipBob");

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final boolean quiet;

    private BenchMain(boolean quiet) {
        this.quiet = quiet;
    }

    public static void main(String[] args) throws Exception {
        boolean asJson = false;
        boolean start = true;
        boolean ui = true;
        int rows = 100_000;
        String classpath = System.getProperty("java.class.path");
        Path appJar = Path.of("target", "stocklens.jar");
        Path keep = null;
        Path startOnly = null;
        Path uiOnly = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> asJson = true;
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--no-start" -> start = false;
                case "--no-ui" -> ui = false;
                case "--classpath" -> classpath = args[++i];
                case "--app-jar" -> appJar = Path.of(args[++i]);
                case "--keep-workspace" -> keep = Path.of(args[++i]);
                case "--start-only" -> startOnly = Path.of(args[++i]);
                case "--ui-only" -> uiOnly = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        BenchMain bench = new BenchMain(asJson);
        long t0 = System.nanoTime();
        if (uiOnly != null) {
            // Only the UI figures, on a workspace kept by an earlier --keep-workspace, synced from a fresh world.
            bench.uiOnly(uiOnly, rows);
        } else if (startOnly != null) {
            // Only the start-up figures, on a workspace kept by an earlier --keep-workspace (rows: its row count).
            Path base = Files.createTempDirectory("stocklens-bench");
            FileTrees.copy(startOnly.resolve("demo"), base.resolve("demo"));
            bench.json.put("rows", rows);
            bench.startup(base, classpath, appJar, rows);
            keepLogs(base);
            FileTrees.deleteQuietly(base);
        } else {
            bench.run(rows, start, ui, classpath, appJar, keep);
        }
        bench.json.put("benchSeconds", Math.round((System.nanoTime() - t0) / 1e9));
        bench.print(asJson);
        System.exit(0);
    }

    private void log(String fmt, Object... args) {
        // Progress goes to stderr so that --json keeps stdout machine-readable.
        System.err.printf(Locale.ROOT, "[bench] " + fmt + "%n", args);
    }

    private void run(int rows, boolean start, boolean ui, String classpath, Path appJar, Path keep)
            throws Exception {
        int skuCount = Math.max(10, (rows + 2) / 3);
        json.put("rowsRequested", rows);
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"),
                "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20));

        // ---- scale world ------------------------------------------------------------------------
        SandboxClock clock = new SandboxClock(Instant.parse("2026-11-27T02:00:00Z"));
        long w0 = System.nanoTime();
        SimulatedWorld world = new SimulatedWorld(20261127L, skuCount, clock);
        log("world of %d SKUs x %d FCs built in %d ms", skuCount, world.fulfilmentCentres().size(), ms(w0));
        Path base = Files.createTempDirectory("stocklens-bench");
        Path workspace = base.resolve("demo");
        try (SandboxServer sandbox = SandboxServer.start(world)) {
            sandbox.setRateLimiting(false);
            HttpClientFactory http = new HttpClientFactory();
            // The app's own configuration (page sizes), without the client-side rate limits: the
            // sandbox's limits are off too, so the figures are about our code, not about waiting.
            ShipBobConfig app = ShipBobConfig.of(sandbox.shipbobBaseUrl(), SandboxCredentials.SHIPBOB_TOKEN)
                    .withLinks(SimulatedWorld.demoLinks(), SimulatedWorld.demoRegions());
            ShipBobConfig sbConfig = new ShipBobConfig(app.baseUrl(), app.token(), app.apiVersion(), app.pageSize(),
                    app.tiktokWarehouseLinks(), app.regions(), 1_000_000);
            TikTokConfig ttConfig = TikTokConfig.of(sandbox.tiktokBaseUrl(), SandboxCredentials.TIKTOK_APP_KEY,
                    SandboxCredentials.TIKTOK_APP_SECRET, SandboxCredentials.TIKTOK_ACCESS_TOKEN);
            StockSource shipbob = new ShipBobSource(SHIPBOB, sbConfig, http, HttpPolicy.defaults("shipbob"), clock);
            StockSource tiktok = new TikTokShopSource(TIKTOK,
                    new TikTokClient(ttConfig, http, HttpPolicy.defaults("tiktok"), clock), clock);
            json.put("shipbobPageSize", sbConfig.pageSize());

            // ---- store: snapshot commit vs raw JDBC MERGE ceiling --------------------------------
            Reading reading = shipbob.fetch();
            int stockRows = reading.stock().size();
            json.put("rows", stockRows);
            log("ShipBob reading: %d rows", stockRows);
            store(base.resolve("store"), reading);

            // ---- sync: requests and end to end ----------------------------------------------------
            Database db = Database.open(workspace);
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            SyncEngine engine = new SyncEngine(List.of(tiktok, shipbob), repo, clock, Duration.ofHours(1), Map.of());
            long s0 = System.nanoTime();
            SyncRun tt1 = engine.syncOnce(tiktok);
            SyncRun sb1 = engine.syncOnce(shipbob);
            log("cold full sync: tiktok %d rows %d req, shipbob %d rows %d req, %d ms",
                    tt1.rows(), tt1.requests(), sb1.rows(), sb1.requests(), ms(s0));
            rateLimitedWallTime(tt1, sb1);
            WorldView before = world.view();
            int fullFloorShipBob = shipbobFloor(before);
            int fullFloorTikTok = tiktokFloor(before);
            // Churn: a few percent of rows change between cycles (ten seconds of simulated trading, the demo cadence).
            List<CellState> cellsBefore = before.cells();
            clock.advance(Duration.ofSeconds(10));
            WorldView after = world.view();
            int changed = changedCells(cellsBefore, after.cells());
            json.put("churnPercent", round1(100.0 * changed / Math.max(1, cellsBefore.size())));
            int fullFloor2 = shipbobFloor(after) + tiktokFloor(after);

            double rawPageMs = rawPageLatencyMs(sandbox.shipbobBaseUrl(), sbConfig.apiVersion());
            long e0 = System.nanoTime();
            SyncRun tt2 = engine.syncOnce(tiktok);
            SyncRun sb2 = engine.syncOnce(shipbob);
            long e2eMs = ms(e0);
            int fullRequests1 = tt1.requests() + sb1.requests();
            double requestRatio = (double) fullRequests1 / (fullFloorShipBob + fullFloorTikTok);
            json.put("fullRequests", fullRequests1);
            json.put("fullRequestFloor", fullFloorShipBob + fullFloorTikTok);
            json.put("requestRatio", round2(requestRatio));
            row("requests: full sync", fullRequests1 + " req", "floor " + (fullFloorShipBob + fullFloorTikTok)
                    + " (ShipBob " + fullFloorShipBob + ", TikTok " + fullFloorTikTok + ")",
                    round2(requestRatio), "ratio = 1.0", requestRatio <= 1.0001);
            json.put("shipbobRequests", sb1.requests());
            json.put("shipbobRequestFloor", fullFloorShipBob);
            json.put("tiktokRequests", tt1.requests());
            json.put("tiktokRequestFloor", fullFloorTikTok);
            int incRequests = tt2.requests() + sb2.requests();
            int incFloor = Math.max(1, ceil(changed, SHIPBOB_MAX_PAGE)) + Math.max(1, ceil(changed, TIKTOK_MAX_INVENTORY_BATCH));
            double incRatio = (double) incRequests / incFloor;
            json.put("incrementalRequests", incRequests);
            json.put("incrementalChangedRows", changed);
            json.put("incrementalRequestFloor", incFloor);
            json.put("incrementalRequestRatio", round2(incRatio));
            row("requests: incremental sync", incRequests + " req", changed + " changed rows -> floor " + incFloor,
                    round2(incRatio), "(no target)", null);

            // End to end: the same full sync, against the request floor's latency plus the store ceiling.
            double floorLatencyMs = rawPageMs * fullFloor2;
            double e2eLimit = floorLatencyMs + storeCeilingMs;
            json.put("e2eMs", e2eMs);
            json.put("e2eLimitMs", Math.round(e2eLimit));
            json.put("rawPageMs", round1(rawPageMs));
            json.put("e2eRatio", round2(e2eLimit / e2eMs));
            row("end to end: full sync " + (tt2.rows() + sb2.rows()) + " rows", e2eMs + " ms",
                    String.format(Locale.ROOT, "%.0f ms (%d req x %.1f ms raw page + store ceiling %.0f ms)",
                            e2eLimit, fullFloor2, rawPageMs, storeCeilingMs),
                    round2(e2eLimit / e2eMs), "(no target)", null);

            // ---- UI ---------------------------------------------------------------------------------
            // The figures above are taken: the bench's own copies of the world (a 100k-row reading, three views
            // of every cell) go, so this process holds what the app would (the store, the UI) besides the
            // sandbox. Kept, they made every young collection of this process scan a larger old generation,
            // and its pauses stop the FX thread measured below.
            reading = null;
            before = null;
            after = null;
            cellsBefore = null;
            engine.close();
            db.close();
            if (ui) {
                ui(workspace, sandbox.shipbobBaseUrl(), clock);
            }
        }

        // ---- start-up and memory of the real app, with the cached rows --------------------------
        if (start) {
            startup(base, classpath, appJar, (int) json.get("rows"));
        } else {
            json.put("firstFrameMs", null);
            json.put("rowsOnScreenMs", null);
        }
        memoryOfThisProcess();
        if (keep != null) {
            // A cached workspace to start the app on by hand: --data-dir KEEP --demo.
            FileTrees.copy(base.resolve("demo"), keep.resolve("demo"));
            log("cached workspace kept in %s (start with --demo --data-dir %s)", keep, keep);
        }
        keepLogs(base);
        FileTrees.deleteQuietly(base);
    }

    // ---- store -----------------------------------------------------------------------------------

    private double storeCeilingMs;

    private void store(Path dir, Reading reading) throws Exception {
        try (Database db = Database.open(dir)) {
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            long best = Long.MAX_VALUE;
            long bestRaw = Long.MAX_VALUE;
            // Interleaved, best of 3 each: both sides see the same machine state and the same table growth.
            for (int i = 0; i < 3; i++) {
                long r0 = System.nanoTime();
                rawMerge(db, reading);
                bestRaw = Math.min(bestRaw, System.nanoTime() - r0);
                long run = repo.beginRun(SHIPBOB.id(), Instant.now());
                long c0 = System.nanoTime();
                repo.commit(SHIPBOB, run, reading, Instant.now(), 0);
                best = Math.min(best, System.nanoTime() - c0);
                log("store round %d: commit %d ms, raw merge %d ms", i + 1, (System.nanoTime() - c0) / 1_000_000,
                        bestRaw / 1_000_000);
            }
            double commitMs = best / 1e6;
            storeCeilingMs = bestRaw / 1e6;
            double ratio = storeCeilingMs / commitMs;
            json.put("storeCommitMs", Math.round(commitMs));
            json.put("storeCeilingMs", Math.round(storeCeilingMs));
            json.put("storeRatio", round2(ratio));
            row("store: commit " + reading.stock().size() + " rows", Math.round(commitMs) + " ms",
                    "raw JDBC MERGE " + Math.round(storeCeilingMs) + " ms", round2(ratio), ">= 0.80", ratio >= 0.8);
        }
    }

    /** The ceiling: plain JDBC, one transaction, batched MERGE of the same rows into the same schema. */
    private static void rawMerge(Database db, Reading reading) throws Exception {
        Bucket[] buckets = Bucket.values();
        String cols = Arrays.stream(buckets).map(Bucket::column).collect(Collectors.joining(", "));
        try (var handle = db.jdbi().open()) {
            Connection c = handle.getConnection();
            c.setAutoCommit(false);
            long snapshotId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshot (source_id, taken_at, row_count, "
                    + "created_at) VALUES (?, CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, SHIPBOB.id());
                ps.setInt(2, reading.stock().size());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    snapshotId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO stock_row (snapshot_id, seller_sku, warehouse_id, "
                    + "wms_id, " + cols + ") KEY (snapshot_id, seller_sku, warehouse_id) VALUES ("
                    + "?, ".repeat(3 + buckets.length) + "?)")) {
                int n = 0;
                for (StockRow r : reading.stock()) {
                    ps.setLong(1, snapshotId);
                    ps.setString(2, r.sellerSku());
                    ps.setString(3, r.warehouseId());
                    ps.setString(4, r.wmsId());
                    for (int b = 0; b < buckets.length; b++) {
                        Integer v = r.level().get(buckets[b]);
                        if (v == null) {
                            ps.setNull(5 + b, Types.INTEGER);
                        } else {
                            ps.setInt(5 + b, v);
                        }
                    }
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            // The snapshot's lots (FIFO receipt dates) are part of the same commit, so the ceiling writes them too.
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO lot (snapshot_id, seller_sku, warehouse_id, "
                    + "received_on, units, source) KEY (snapshot_id, seller_sku, warehouse_id, received_on, source) "
                    + "VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (com.stocklens.domain.Lot l : reading.lots()) {
                    ps.setLong(1, snapshotId);
                    ps.setString(2, l.sellerSku());
                    ps.setString(3, l.warehouseId());
                    ps.setObject(4, l.receivedOn());
                    ps.setInt(5, l.units());
                    ps.setString(6, l.source().name());
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    // ---- requests --------------------------------------------------------------------------------

    /**
     * FC list + inventory levels + lots + item master (barcodes) + receiving + returns, each at ShipBob's
     * maximum page size.
     */
    static int shipbobFloor(WorldView v) {
        int perSkuListing = Math.max(1, ceil(v.skus().size(), SHIPBOB_MAX_PAGE));
        return 1 + 3 * perSkuListing + Math.max(1, ceil(v.wros().size(), SHIPBOB_MAX_PAGE))
                + Math.max(1, ceil(v.returns().size(), SHIPBOB_MAX_PAGE));
    }

    /** Shops + per shop: warehouses, product pages at 100, inventory batches at 600. */
    static int tiktokFloor(WorldView v) {
        long listedProducts = v.products().stream()
                .filter(p -> p.skuIndexes().stream().anyMatch(i -> v.skus().get(i).onTikTok())).count();
        long listedSkus = v.skus().stream().filter(SimSku::onTikTok).count();
        int perShop = 1 + Math.max(1, ceil((int) listedProducts, TIKTOK_MAX_PRODUCTS_PAGE))
                + Math.max(1, ceil((int) listedSkus, TIKTOK_MAX_INVENTORY_BATCH));
        return 1 + v.shops().size() * perShop;
    }

    /**
     * The full sync at the real rate limits (issue 20): the loopback sandbox answers without limits, so the
     * measured time says nothing about waiting. Modelled per source from its measured requests and loopback
     * time: ShipBob's documented 150 requests a minute (sliding window) and TikTok's 50 a second, and the
     * app's own client budgets (ShipBob 120 a minute, TikTok 5 a second). Sources sync in parallel, so the
     * sync's wall time is the slower source's.
     */
    private void rateLimitedWallTime(SyncRun tiktokRun, SyncRun shipbobRun) {
        long loopback = Math.max(tiktokRun.durationMillis(), shipbobRun.durationMillis());
        long sbDoc = modelledMs(shipbobRun.requests(), 150, 60_000, shipbobRun.durationMillis());
        long ttDoc = modelledMs(tiktokRun.requests(), 50, 1_000, tiktokRun.durationMillis());
        long sbClient = modelledMs(shipbobRun.requests(), ShipBobConfig.DEFAULT_REQUESTS_PER_MINUTE, 60_000,
                shipbobRun.durationMillis());
        long ttClient = modelledMs(tiktokRun.requests(), TikTokClient.DEFAULT_RATE_LIMIT.permits(),
                TikTokClient.DEFAULT_RATE_LIMIT.window().toMillis(), tiktokRun.durationMillis());
        json.put("syncLoopbackMs", loopback);
        json.put("shipbobSyncRequests", shipbobRun.requests());
        json.put("shipbobModelledMs", sbDoc);
        json.put("tiktokModelledMs", ttDoc);
        json.put("syncModelledMs", Math.max(sbDoc, ttDoc));
        json.put("syncModelledClientMs", Math.max(sbClient, ttClient));
        row("full sync at the documented rate limits (modelled)", Math.max(sbDoc, ttDoc) + " ms",
                "loopback " + loopback + " ms; ShipBob " + shipbobRun.requests() + " req at 150/min = " + sbDoc
                        + " ms, TikTok " + tiktokRun.requests() + " req at 50/s = " + ttDoc + " ms", null,
                "(no target)", null);
        row("full sync at the app's client budgets (modelled)", Math.max(sbClient, ttClient) + " ms",
                "ShipBob 120/min = " + sbClient + " ms, TikTok 5/s = " + ttClient + " ms", null, "(no target)", null);
    }

    /**
     * Wall time of {@code requests} sequential requests costing {@code loopbackMs} in all, under a budget of
     * {@code permits} per sliding {@code windowMs}: batch k (of {@code permits} requests) cannot start
     * before k windows have passed.
     */
    static long modelledMs(int requests, int permits, long windowMs, long loopbackMs) {
        if (requests <= 0) {
            return loopbackMs;
        }
        double perRequest = (double) loopbackMs / requests;
        int lastBatch = (requests - 1) / permits;
        double limited = lastBatch * (double) windowMs + (requests - lastBatch * permits) * perRequest;
        return Math.round(Math.max(loopbackMs, limited));
    }

    static int changedCells(List<CellState> a, List<CellState> b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                n++;
            }
        }
        return n;
    }

    /** Median time of a bare GET of one maximum-size ShipBob inventory page: bytes only, no mapping. */
    private double rawPageLatencyMs(String baseUrl, String version) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/" + version
                        + "/inventory-level/locations?PageSize=" + SHIPBOB_MAX_PAGE))
                .header("Authorization", "Bearer " + SandboxCredentials.SHIPBOB_TOKEN).build();
        long[] times = new long[15];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            times[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("raw page: HTTP " + r.statusCode());
            }
        }
        Arrays.sort(times);
        return times[times.length / 2] / 1e6;
    }

    // ---- UI --------------------------------------------------------------------------------------

    /**
     * The UI figures alone ({@code --ui-only DIR}): the world of a full run, its sandbox, and the UI process over
     * a copy of DIR's workspace. The world starts at its first moment again, so the first sync brings more
     * changes than a full run's does.
     */
    private void uiOnly(Path kept, int rows) throws Exception {
        SandboxClock clock = new SandboxClock(Instant.parse("2026-11-27T02:00:00Z"));
        SimulatedWorld world = new SimulatedWorld(20261127L, Math.max(10, (rows + 2) / 3), clock);
        Path base = Files.createTempDirectory("stocklens-bench");
        try (SandboxServer sandbox = SandboxServer.start(world)) {
            sandbox.setRateLimiting(false);
            FileTrees.copy(kept.resolve("demo"), base.resolve("demo"));
            ui(base.resolve("demo"), sandbox.shipbobBaseUrl(), clock);
        } finally {
            FileTrees.deleteQuietly(base);
        }
    }

    /**
     * The UI figures, measured in a JVM of their own ({@link UiSyncBench}) started with the app's launcher options:
     * the stock screen over this workspace, synced from this process's sandbox over loopback. Here stay the
     * simulated world and the sandbox's serving, whose memory (600-750 MB live at 100k rows) the app never holds
     * in a live workspace; with them in the same heap, this process's young collections stopped the FX thread
     * measured (BENCHMARKS.md, issue 20).
     */
    private void ui(Path workspace, String shipbobBaseUrl, SandboxClock clock) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(launcherFlags());
        // BENCH_UI_JVM: options after the launcher's, to try the UI figures under another collector or goal.
        String extra = System.getenv().getOrDefault("BENCH_UI_JVM", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
            log("UI process options added: %s", extra);
        }
        cmd.addAll(List.of("-Xlog:gc:file=target/bench-ui-gc.log:time,uptime",
                "-Dlogback.configurationFile=bench/logback-bench.xml",
                "-cp", System.getProperty("java.class.path"), UiSyncBench.class.getName(),
                workspace.toString(), shipbobBaseUrl, clock.instant().toString()));
        Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        log("UI figures in a process of their own (the app's launcher options; its collections in "
                + "target/bench-ui-gc.log)");
        Map<String, String> figures = new LinkedHashMap<>();
        try (var answers = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
             var commands = new PrintStream(child.getOutputStream(), true,
                     StandardCharsets.UTF_8)) {
            readAnswers(answers, "ready", figures);
            // One sync with the screen live: the figure is the apply of that sync, and the pulses while it ran.
            // Ten seconds of simulated trading between syncs, the demo's cadence.
            clock.advance(Duration.ofSeconds(10));
            commands.println("sync 10");
            readAnswers(answers, "done", figures);
            commands.println("sort");
            readAnswers(answers, "done", figures);
            // Apply again with a column sort on: the sorted list must not re-sort 100k rows.
            clock.advance(Duration.ofSeconds(10));
            commands.println("sync-sorted 10");
            readAnswers(answers, "done", figures);
            commands.println("filter");
            readAnswers(answers, "done", figures);
            commands.println("quit");
        }
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        double applyMs = number(figures, "uiApplyMs");
        int over16 = (int) number(figures, "pulsesOver16ms");
        int over100 = (int) number(figures, "longPulses");
        double worstGap = number(figures, "worstPulseGapMs");
        json.put("boardReadMs", Long.parseLong(figures.get("boardReadMs")));
        json.put("uiApplyMs", applyMs);
        json.put("pulsesOver16ms", over16);
        json.put("longPulses", over100);
        json.put("worstPulseGapMs", worstGap);
        json.put("uiRows", Integer.parseInt(figures.get("uiRows")));
        row("UI: apply one 100k-row sync (FX thread)", applyMs + " ms", "target 50 ms",
                round2(applyMs / 50), "<= 1.0", applyMs <= 50);
        row("UI: pulses > 16.7 ms during a sync (" + figures.get("syncWindowMs") + " ms)", over16 + "",
                "(no target)", null, "", null);
        row("UI: pulses > 100 ms during a sync", over100 + " (worst " + worstGap + " ms)", "target 0",
                null, "= 0", over100 == 0);
        double sortMs = number(figures, "uiSortMs");
        json.put("uiSortMs", sortMs);
        row("UI: sort 100k rows by a column", sortMs + " ms", "target 300 ms", round2(sortMs / 300),
                "<= 1.0", sortMs <= 300);
        double applySortedMs = number(figures, "uiApplySortedMs");
        json.put("uiApplySortedMs", applySortedMs);
        row("UI: apply one sync with a column sort on", applySortedMs + " ms", "target 50 ms",
                round2(applySortedMs / 50), "<= 1.0", applySortedMs <= 50);
        double filterMs = number(figures, "uiFilterMs");
        json.put("uiFilterMs", filterMs);
        row("UI: filter on a keystroke (after debounce)", filterMs + " ms", "target 50 ms",
                round2(filterMs / 50), "<= 1.0", filterMs <= 50);
    }

    /** Reads {@code key=value} lines into {@code figures} up to the line {@code end}. */
    private static void readAnswers(BufferedReader answers, String end, Map<String, String> figures)
            throws IOException {
        for (String line = answers.readLine(); ; line = answers.readLine()) {
            if (line == null) {
                throw new IllegalStateException("the UI process ended before it said " + end);
            }
            if (line.equals(end)) {
                return;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                figures.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
    }

    private static double number(Map<String, String> figures, String key) {
        String value = figures.get(key);
        if (value == null) {
            throw new IllegalStateException("the UI process gave no " + key);
        }
        return Double.parseDouble(value);
    }

    // ---- start-up under Xvfb -----------------------------------------------------------------------

    /** Launches of each kind per start-up figure (issue 20: at least 3, the median is reported). */
    static final int START_ROUNDS = Integer.getInteger("stocklens.bench.startRounds", 3);
    /** Flags every launch gets when the launcher's option file is not there (the bench before issue 20). */
    static final List<String> BASE_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    /**
     * The JVM options the launchers start the app with (boot/launcher.options, read by {@link Bootstrap} as a
     * window start on this JDK gets them; the installers carry the same), plus the flags the class-path start
     * needs; the floor gets the same. bench/run builds the jar and the classes together, so the file is the
     * jar's.
     */
    static List<String> launcherFlags() {
        List<String> flags = new ArrayList<>(BASE_FLAGS);
        for (String option : Bootstrap.launcherOptions(Runtime.version().feature())) {
            if (!flags.contains(option)) {
                flags.add(option);
            }
        }
        return flags;
    }

    /**
     * The start-up launches' flags (the floor's, the app's, the AOT training's): the launcher's, then BENCH_START_JVM's
     * options, which win over a launcher option of the same kind (e.g. {@code -XX:TieredStopAtLevel=4} gives a start
     * the JDK's default compilers back), to measure other options beside the launcher's.
     */
    private List<String> startFlags() {
        List<String> flags = launcherFlags();
        String extra = System.getenv().getOrDefault("BENCH_START_JVM", "").trim();
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split("\\s+")));
            log("start-up launches' options added: %s", extra);
        }
        return flags;
    }

    private void startup(Path base, String floorClasspath, Path appJar, int rows) throws Exception {
        String xvfb = findOnPath("Xvfb");
        if (xvfb == null) {
            log("Xvfb not found: start-up figures n/a");
            for (String key : List.of("firstFrameMs", "rowsOnScreenMs", "firstFrameFloorMs", "firstFrameRatio",
                    "rowsOnScreenRatio", "firstFrameAotMs", "rowsOnScreenAotMs")) {
                json.put(key, null);
            }
            row("start: first frame", "n/a (no Xvfb)", "", null, "", null);
            return;
        }
        int display = 90 + (int) (ProcessHandle.current().pid() % 100);
        Process x = new ProcessBuilder(xvfb, ":" + display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(base.resolve("xvfb.log").toFile()).start();
        try {
            Thread.sleep(1000);
            Launches launches = new Launches(base, base.resolve("demo"), appJar, floorClasspath, display, rows,
                    startFlags());
            log("launch flags: %s", launches.flags);
            // The seller's usual start finds the board its window kept last time (store.BoardFile): one start
            // before the measured ones (and the AOT training) keeps it, as the seller's previous session did.
            String keptBoard = launches.keepBoard();
            String aotState = launches.trainAot();
            List<Map<String, Object>> floor = new ArrayList<>();
            List<Map<String, Object>> plain = new ArrayList<>();
            List<Map<String, Object>> store = new ArrayList<>();
            List<Map<String, Object>> empty = new ArrayList<>();
            List<Map<String, Object>> aot = new ArrayList<>();
            // Interleaved rounds: each kind sees the same machine state, so the ratios hold under load.
            for (int round = 1; round <= START_ROUNDS; round++) {
                floor.add(launches.floor("floor-" + round));
                plain.add(launches.app("plain-" + round, Start.KEPT_BOARD, List.of()));
                store.add(launches.app("store-" + round, Start.STORE_ONLY, List.of()));
                empty.add(launches.app("empty-" + round, Start.EMPTY, List.of()));
                if (launches.aotCache != null) {
                    aot.add(launches.app("aot-" + round, Start.KEPT_BOARD,
                            List.of("-XX:AOTCache=" + launches.aotCache)));
                }
                log("start round %d: floor %s, plain %s, without the kept board %s, empty %s, aot %s", round,
                        floor.get(round - 1), plain.get(round - 1), store.get(round - 1), empty.get(round - 1),
                        aot.isEmpty() ? "n/a" : aot.get(round - 1));
            }
            Long floorMs = median(floor, "firstFrameMs");
            Long ff = median(plain, "firstFrameMs");
            Long ros = median(plain, "rowsOnScreenMs");
            Long storeRos = median(store, "rowsOnScreenMs");
            Long emptyFf = median(empty, "firstFrameMs");
            Long aotFf = median(aot, "firstFrameMs");
            Long aotRos = median(aot, "rowsOnScreenMs");
            Double ffRatio = ratio(ff, floorMs);
            Double rosRatio = ratio(ros, floorMs);
            Double emptyRatio = ratio(emptyFf, floorMs);
            json.put("firstFrameMs", ff);
            json.put("rowsOnScreenMs", ros);
            json.put("firstFrameFloorMs", floorMs);
            json.put("firstFrameRatio", ffRatio);
            json.put("rowsOnScreenRatio", rosRatio);
            json.put("keptBoard", keptBoard);
            json.put("rowsOnScreenStoreMs", storeRos);
            json.put("rowsOnScreenStoreRatio", ratio(storeRos, floorMs));
            json.put("firstFrameEmptyMs", emptyFf);
            json.put("firstFrameEmptyRatio", emptyRatio);
            json.put("firstFrameAotMs", aotFf);
            json.put("rowsOnScreenAotMs", aotRos);
            json.put("firstFrameAotRatio", ratio(aotFf, floorMs));
            json.put("rowsOnScreenAotRatio", ratio(aotRos, floorMs));
            json.put("aotTraining", aotState);
            json.put("startRounds", START_ROUNDS);
            String n = " (median of " + START_ROUNDS + ")";
            row("start: floor, bare JavaFX window first frame" + n, floorMs + " ms", "(the floor)", null, "", null);
            row("start: first frame" + n, ff + " ms", "1.5 x floor " + floorMs + " ms", ffRatio, "<= 1.5",
                    ffRatio == null ? null : ffRatio <= 1.5);
            row("start: cached " + rows + " rows on screen" + n, ros + " ms", "2.5 x floor", rosRatio, "<= 2.5",
                    rosRatio == null ? null : rosRatio <= 2.5);
            row("start: the same without the kept board (the first start)" + n, storeRos + " ms", "",
                    ratio(storeRos, floorMs), "", null);
            row("start: empty demo workspace, first frame" + n, emptyFf + " ms", "1.5 x floor", emptyRatio, "<= 1.5",
                    emptyRatio == null ? null : emptyRatio <= 1.5);
            row("start with the JDK 25 AOT cache: first frame" + n, aotFf + " ms (" + aotState + ")", "1.5 x floor",
                    ratio(aotFf, floorMs), "not null", aotFf != null);
            row("start with the JDK 25 AOT cache: rows on screen" + n, aotRos + " ms", "2.5 x floor",
                    ratio(aotRos, floorMs), "", null);
            Long heap = median(plain, "heapMb");
            Long rss = median(plain, "rssMb");
            json.put("heapMb", heap);
            json.put("rssMb", rss);
            Long rssAtGc = median(plain, "rssAtGcMb");
            json.put("rssAtGcMb", rssAtGc);
            json.put("rssSettledMs", median(plain, "rssSettledMs"));
            row("memory: app RSS as the marker's full GC returns (before the JVM gives memory back)",
                    rssAtGc + " MB", "", null, "", null);
            row("memory: app heap after GC, " + rows + " rows on screen", heap + " MB", "256 MB",
                    heap == null ? null : round2(heap / 256.0), "<= 1.0", heap == null ? null : heap <= 256);
            row("memory: app RSS, " + rows + " rows on screen", rss + " MB", "400 MB",
                    rss == null ? null : round2(rss / 400.0), "<= 1.0", rss == null ? null : rss <= 400);
        } finally {
            x.destroy();
            x.waitFor(5, TimeUnit.SECONDS);
        }
    }

    static Long median(List<Map<String, Object>> runs, String key) {
        List<Long> values = runs.stream().map(r -> r.get(key)).filter(v -> v != null)
                .map(v -> ((Number) v).longValue()).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        int m = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(m) : (values.get(m - 1) + values.get(m)) / 2;
    }

    static Double ratio(Long value, Long floor) {
        return value == null || floor == null || floor == 0 ? null : round2((double) value / floor);
    }

    /** What a start of the app finds in its workspace. */
    enum Start {
        /** The 100k-row workspace with the board the window kept at its last start: a seller's usual start. */
        KEPT_BOARD,
        /** The same workspace without a kept board (the first start, or one after an upgrade of its format). */
        STORE_ONLY,
        /** An empty demo workspace. */
        EMPTY
    }

    /** A step on a launch's workspace after the app exited. */
    private interface RunBaseStep {
        void accept(Path runBase) throws IOException;
    }

    /** The child processes of the start-up figures: the floor, the app, the AOT training. */
    private final class Launches {
        private final Path base;
        private final Path template;
        private final Path appJar;
        private final String floorClasspath;
        private final int display;
        private final int rows;
        final List<String> flags;
        Path aotCache;

        Launches(Path base, Path template, Path appJar, String floorClasspath, int display, int rows,
                 List<String> flags) {
            this.base = base;
            this.template = template;
            this.appJar = appJar;
            this.floorClasspath = floorClasspath;
            this.display = display;
            this.rows = rows;
            this.flags = flags;
        }

        private String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }

        /**
         * JDK 25 AOT cache in two steps: a training run that records ({@code -XX:AOTMode=record}) and exits
         * by itself once the rows are on screen, then the cache is created from its configuration.
         */
        String trainAot() throws Exception {
            Path config = base.resolve("stocklens.aotconf");
            Path cache = base.resolve("stocklens.aot");
            long t0 = System.nanoTime();
            Map<String, Object> training = app("aot-training", Start.KEPT_BOARD,
                    List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + config));
            long trainingMs = ms(t0);
            json.put("aotTrainingMs", trainingMs);
            if (!Files.exists(config)) {
                log("aot: training wrote no configuration (%s); see %s", training, base.resolve("app-aot-training.log"));
                return "training failed";
            }
            List<String> create = new ArrayList<>(List.of(java()));
            create.addAll(flags);
            create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + cache,
                    "-cp", appJar.toString()));
            long c0 = System.nanoTime();
            Process p = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(base.resolve("aot-create.log").toFile()).start();
            boolean exited = p.waitFor(300, TimeUnit.SECONDS);
            json.put("aotCreateMs", ms(c0));
            if (!exited || p.exitValue() != 0 || !Files.exists(cache)) {
                p.destroyForcibly();
                log("aot: cache not created; see %s", base.resolve("aot-create.log"));
                return "create failed";
            }
            json.put("aotCacheMb", Files.size(cache) >> 20);
            aotCache = cache;
            log("aot: trained in %d ms, cache %d MB created in %s ms", trainingMs, Files.size(cache) >> 20,
                    json.get("aotCreateMs"));
            return "ok";
        }

        Map<String, Object> floor(String name) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(java()));
            cmd.addAll(flags);
            cmd.add("-Dstocklens.benchmark.startMarker=" + base.resolve("marker-" + name + ".txt"));
            cmd.addAll(List.of("-cp", floorClasspath, FloorWindow.class.getName()));
            return run(name, cmd, null);
        }

        /**
         * One start of the window: on a copy of the 100k-row workspace with the board its window kept at its last
         * start ({@link #keepBoard()}, a seller's usual start) or without it (the first start: the board is read
         * from the store before it shows), or on an empty demo workspace.
         */
        Map<String, Object> app(String name, Start start, List<String> jvmExtra) throws Exception {
            return app(name, start, jvmExtra, runBase -> { });
        }

        /**
         * Keeps the board in the template as the window keeps it ({@link BoardFile}): one start on a copy of the
         * template, whose board file is copied back. Says what the later starts find.
         */
        String keepBoard() throws Exception {
            Path kept = BoardFile.in(template);
            if (Files.exists(kept)) {
                return "kept";
            }
            app("keep", Start.STORE_ONLY, List.of(), runBase -> {
                Path written = BoardFile.in(runBase.resolve("demo"));
                if (Files.exists(written)) {
                    Files.createDirectories(kept.getParent());
                    Files.copy(written, kept);
                }
            });
            if (!Files.exists(kept)) {
                log("keep: the window kept no board; every start reads the store");
                return "none";
            }
            log("keep: the window kept a board of %d KB", Files.size(kept) >> 10);
            return "kept by a start";
        }

        private Map<String, Object> app(String name, Start start, List<String> jvmExtra, RunBaseStep after)
                throws Exception {
            Path runBase = base.resolve("run-" + name);
            boolean cached = start != Start.EMPTY;
            if (cached) {
                // A fresh copy of the cached workspace per launch: the app's own demo sync replaces the cache.
                FileTrees.copy(template, runBase.resolve("demo"));
                if (start == Start.STORE_ONLY) {
                    Files.deleteIfExists(BoardFile.in(runBase.resolve("demo")));
                }
            } else {
                Files.createDirectories(runBase);
            }
            List<String> cmd = new ArrayList<>(List.of(java()));
            cmd.addAll(jvmExtra);
            cmd.addAll(flags);
            cmd.addAll(List.of("-Dstocklens.benchmark.startMarker=" + base.resolve("marker-" + name + ".txt"),
                    // The empty workspace's figure is its first frame: done as soon as there is one.
                    "-Dstocklens.benchmark.minRows=" + (cached ? rows : 0),
                    "-Dstocklens.benchmark.exitWhenShown=true",
                    "-cp", appJar.toString(), "com.stocklens.Launcher", "--demo", "--data-dir", runBase.toString(),
                    "--lang", "en"));
            try {
                Map<String, Object> out = run(name, cmd, runBase);
                after.accept(runBase);
                return out;
            } finally {
                FileTrees.deleteQuietly(runBase);
            }
        }

        private Map<String, Object> run(String name, List<String> cmd, Path runBase) throws Exception {
            Path marker = base.resolve("marker-" + name + ".txt");
            Path logFile = base.resolve("app-" + name + ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile());
            pb.environment().put("DISPLAY", ":" + display);
            long launchedAt = System.currentTimeMillis();
            Process p = pb.start();
            Map<String, Object> out = new LinkedHashMap<>();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                log("%s: did not exit within 180 s; thread dump in %s", name, logFile);
                threadDump(p, logFile);
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                out.put("exited", false);
            }
            if (!Files.exists(marker)) {
                log("%s: no marker written; see %s", name, logFile);
                return out;
            }
            Properties props = new Properties();
            try (var in = Files.newBufferedReader(marker)) {
                props.load(in);
            }
            if (props.getProperty("firstFrame") != null) {
                out.put("firstFrameMs", Long.parseLong(props.getProperty("firstFrame")) - launchedAt);
            }
            if (props.getProperty("rowsOnScreen") != null) {
                out.put("rowsOnScreenMs", Long.parseLong(props.getProperty("rowsOnScreen")) - launchedAt);
                out.put("heapMb", Long.parseLong(props.getProperty("heapBytes")) >> 20);
                out.put("rssMb", Long.parseLong(props.getProperty("rssKb")) >> 10);
                if (props.getProperty("rssAtGcKb") != null) {
                    out.put("rssAtGcMb", Long.parseLong(props.getProperty("rssAtGcKb")) >> 10);
                    out.put("rssSettledMs", Long.parseLong(props.getProperty("rssSettledMs")));
                }
            }
            return out;
        }

        private void threadDump(Process p, Path logFile) {
            try {
                Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
                Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "Thread.print")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
                dump.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                log("no thread dump: %s", e);
            }
        }
    }

    // ---- memory of the bench process (context: world, sandbox and UI all in one JVM) ---------------

    private void memoryOfThisProcess() throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        }
        json.put("benchProcessHeapMb", heap);
        json.put("benchProcessRssMb", rss);
        if (!json.containsKey("heapMb") || json.get("heapMb") == null) {
            json.put("heapMb", heap);
            json.put("rssMb", rss);
            row("memory: heap after GC (bench process: world + sandbox + UI)", heap + " MB", "target 256 MB",
                    round2(heap / 256.0), "<= 1.0", heap <= 256);
        }
    }

    // ---- output -----------------------------------------------------------------------------------

    private void row(String figure, String value, String limit, Double ratio, String target, Boolean met) {
        table.add(new String[] {figure, value, limit, ratio == null ? "" : String.format(Locale.ROOT, "%.2f", ratio),
            target, met == null ? "" : met ? "met" : "MISSED"});
    }

    private void print(boolean asJson) {
        int[] w = new int[6];
        String[] head = {"figure", "value", "limit", "ratio", "target", ""};
        List<String[]> all = new ArrayList<>();
        all.add(head);
        all.addAll(table);
        for (String[] r : all) {
            for (int i = 0; i < 6; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : all) {
            for (int i = 0; i < 6; i++) {
                sb.append(String.format(Locale.ROOT, "%-" + w[i] + "s", r[i])).append(i < 5 ? "  " : "");
            }
            sb.append('\n');
        }
        System.out.print(sb);
        if (asJson) {
            System.out.println(toJson(json));
        }
    }

    static String toJson(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + toJson(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (o instanceof Number || o instanceof Boolean) {
            return o.toString();
        }
        return "\"" + o.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static int ceil(int n, int d) {
        return (n + d - 1) / d;
    }

    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String findOnPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** The launches' logs outlive the temporary folder: a launch that did not exit is read afterwards. */
    static void keepLogs(Path base) {
        Path logs = Path.of("target", "bench-logs");
        try (var files = Files.list(base)) {
            Files.createDirectories(logs);
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".log")) {
                    Files.copy(f, logs.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("[bench] logs not kept: " + e);
        }
    }
}
