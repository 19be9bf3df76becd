package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.stocklens.app.connections.ConnectionService;
import com.stocklens.app.connections.SourceFactory;
import com.stocklens.app.demo.DemoConnections;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.RetryPolicy;
import com.stocklens.connector.http.Sleeper;
import com.stocklens.domain.Connection;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.sandbox.Fault;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.sync.SyncEngine;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, "nothing lost, nothing leaked", network half: every connector × every HTTP fault, through the
 * real connectors, the {@link SyncEngine} and an H2 store, against the sandbox's fault injection.
 *
 * <p>For every cell: the sync either commits a reading equal to the sandbox's truth, or fails with a typed
 * {@link SourceException} whose plain reason lands in the sync_run, and commits nothing; retries stay
 * bounded; and once the faults stop one clean sync makes the store equal the truth again. The run logs at
 * DEBUG; afterwards the log lines and the database ({@code SCRIPT}) are searched for every sandbox
 * credential (the demo connections' secrets act as canaries): zero hits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {
    /** What a cell may end in. */
    enum Expect {
        /** Retried inside the sync: the reading is complete and equals the truth. */
        RECOVERS,
        /** A typed SourceException, nothing committed. */
        FAILS,
        /** RECOVERS or FAILS, never a partial or different reading. */
        RECOVERS_OR_FAILS,
        /** The data itself is damaged: any complete reading, or FAILS; never a crash. */
        TOLERATES
    }

    /** One fault of the matrix: queued after {@code skip} good answers, {@code times} in a row. */
    record Case(String name, Function<SandboxClock, Fault> fault, int skip, int times, Expect expect) {
    }

    static final int PERSISTENT = 1_000;

    static List<Case> faults() {
        return List.of(
                new Case("429 with retry hint", c -> Fault.HTTP_429, 1, 1, Expect.RECOVERS_OR_FAILS),
                new Case("429 without hint", c -> Fault.HTTP_429_BARE, 1, 1, Expect.RECOVERS),
                new Case("429 that never ends", c -> Fault.HTTP_429_BARE, 1, PERSISTENT, Expect.FAILS),
                new Case("500", c -> Fault.HTTP_500, 1, 1, Expect.RECOVERS),
                new Case("502", c -> Fault.HTTP_502, 1, 1, Expect.RECOVERS),
                new Case("503", c -> Fault.HTTP_503, 1, 1, Expect.RECOVERS),
                new Case("504", c -> Fault.HTTP_504, 1, 1, Expect.RECOVERS),
                new Case("503 that never ends", c -> Fault.HTTP_503, 1, PERSISTENT, Expect.FAILS),
                new Case("connection refused", c -> null, 0, 0, Expect.FAILS),
                new Case("connection reset", c -> Fault.RESET, 1, 1, Expect.RECOVERS),
                new Case("connection reset that never ends", c -> Fault.RESET, 1, PERSISTENT, Expect.FAILS),
                new Case("truncated body", c -> Fault.TRUNCATED_BODY, 1, 1, Expect.RECOVERS_OR_FAILS),
                new Case("malformed JSON", c -> Fault.MALFORMED_JSON, 1, 1, Expect.FAILS),
                new Case("valid JSON, missing fields", c -> Fault.MISSING_FIELDS, 1, PERSISTENT, Expect.TOLERATES),
                new Case("valid JSON, mistyped fields", c -> Fault.MISTYPED_FIELDS, 1, PERSISTENT, Expect.TOLERATES),
                new Case("API error envelope", c -> Fault.API_ERROR, 1, 1, Expect.FAILS),
                new Case("page token repeats", c -> Fault.REPEAT_PAGE, 1, PERSISTENT, Expect.RECOVERS_OR_FAILS),
                new Case("items change between pages",
                        c -> Fault.hook(() -> c.advance(Duration.ofHours(7))), 1, 1, Expect.TOLERATES),
                new Case("token expires mid-paging", c -> Fault.TOKEN_EXPIRED, 1, 1, Expect.FAILS));
    }

    @TempDir
    static Path dir;

    private SandboxClock clock;
    private SandboxServer sandbox;
    private Database db;
    private SnapshotRepository repo;
    private final AtomicLong fakeNanos = new AtomicLong();
    private final AtomicLong sleptMillis = new AtomicLong();
    private ListAppender<ILoggingEvent> logs;
    private Level rootLevel;
    private Level stocklensLevel;

    @BeforeAll
    void start() {
        clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        sandbox = SandboxServer.start(new SimulatedWorld(DemoConnections.DEMO_SEED, 300, clock));
        sandbox.setRateLimiting(false);
        db = Database.open(dir);
        repo = new SnapshotRepository(db.jdbi());
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs = new ListAppender<>();
        logs.setContext(ctx);
        logs.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.addAppender(logs);
        root.setLevel(Level.DEBUG);
        stocklensLevel = ctx.getLogger("com.stocklens").getLevel();
        ctx.getLogger("com.stocklens").setLevel(Level.DEBUG);
    }

    @AfterAll
    void stop() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        if (rootLevel != null) {
            root.setLevel(rootLevel);
        }
        ctx.getLogger("com.stocklens").setLevel(stocklensLevel);
        db.close();
        sandbox.close();
    }

    /** No real sleeping: backoff and rate-limit waits advance a fake monotonic clock instead. */
    private HttpClientFactory http(long seed) {
        Sleeper sleeper = d -> {
            fakeNanos.addAndGet(d.toNanos());
            sleptMillis.addAndGet(d.toMillis());
        };
        Random jitter = new Random(seed);
        return new HttpClientFactory(sleeper, fakeNanos::get, jitter::nextDouble, clock);
    }

    @Test
    void everyConnectorUnderEveryFaultEndsWholeOrTypedAndRecovers() throws Exception {
        List<ConnectionService.Fixed> demos = DemoConnections.of(sandbox);
        List<Case> cases = faults();
        Map<String, Integer> asExpected = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> table = new ArrayList<>();
        int cells = 0;
        int ok = 0;
        long seed = 9;
        for (ConnectionService.Fixed demo : demos) {
            StringBuilder line = new StringBuilder(String.format("%-15s", demo.connection().id()));
            for (Case c : cases) {
                cells++;
                String verdict = runCell(demo, c, seed++, problems);
                boolean pass = verdict.startsWith("ok");
                if (pass) {
                    ok++;
                    asExpected.merge(c.name(), 1, Integer::sum);
                }
                line.append(pass ? (verdict.equals("ok:recovered") ? " R" : " F") : " X");
            }
            table.add(line.toString());
        }
        StringBuilder header = new StringBuilder("faults: ");
        for (int i = 0; i < cases.size(); i++) {
            header.append(i + 1).append('=').append(cases.get(i).name()).append(i + 1 < cases.size() ? ", " : "");
        }
        System.out.println(header);
        table.forEach(System.out::println);
        System.out.printf("fault matrix: %d connectors x %d faults: %d/%d as expected (R = whole reading, "
                + "F = typed failure, nothing committed, X = not as expected); backoff slept %d ms (fake clock)%n",
                demos.size(), cases.size(), ok, cells, sleptMillis.get());
        problems.forEach(p -> System.out.println("  " + p));
        assertThat(problems).isEmpty();
        assertThat(ok).isEqualTo(demos.size() * cases.size());
        assertNoCredentialLeaked();
    }

    /** One cell; returns "ok:recovered", "ok:failed" or a description of what went wrong (also added to problems). */
    private String runCell(ConnectionService.Fixed demo, Case c, long seed, List<String> problems) throws Exception {
        String cell = demo.connection().id() + " × " + c.name();
        sandbox.faults().clear();
        SourceFactory factory = new SourceFactory(http(seed), clock);
        Connection connection = demo.connection();
        ServerSocket dead = null;
        if (c.times() == 0) {
            // A port that was open a moment ago and is closed now: connect fails at once.
            dead = new ServerSocket(0);
            int port = dead.getLocalPort();
            dead.close();
            connection = withBase(connection, sandbox.baseUrl(), "http://127.0.0.1:" + port);
        } else {
            sandbox.faults().after("/", c.skip(), c.times(), c.fault().apply(clock));
        }
        Recording source = new Recording(factory.create(connection, demo.secrets()::get));
        int snapshotsBefore = snapshotCount(source.info().id());
        int requestsBefore = totalRequests();
        SyncRun run;
        try (SyncEngine engine = new SyncEngine(List.of(source), repo, clock, Duration.ofMinutes(15), Map.of())) {
            run = engine.syncOnce(source);
        }
        int requests = totalRequests() - requestsBefore;
        sandbox.faults().clear();
        String verdict;
        List<String> wrong = new ArrayList<>();
        if (requests > 500) {
            wrong.add("unbounded: " + requests + " requests in one sync");
        }
        if (c.times() == PERSISTENT && c.expect() == Expect.FAILS
                && requests > c.skip() + RetryPolicy.DEFAULT.maxAttempts()) {
            // A fault that never ends is tried at most maxAttempts times, then reported.
            wrong.add("retries not bounded: " + requests + " requests");
        }
        if (run.status() == SyncStatus.COMPLETE) {
            verdict = "ok:recovered";
            if (c.expect() == Expect.FAILS) {
                wrong.add("expected a typed failure, got a committed reading");
            }
            if (snapshotCount(source.info().id()) != snapshotsBefore + 1) {
                wrong.add("committed " + (snapshotCount(source.info().id()) - snapshotsBefore) + " snapshots");
            }
            if (c.expect() != Expect.TOLERATES) {
                List<String> truth = rows(truth(demo, seed));
                List<String> stored = storedRows(run.snapshotId());
                if (!stored.equals(truth)) {
                    wrong.add("committed a reading that differs from the truth (" + stored.size() + " rows vs "
                            + truth.size() + ")");
                }
            }
        } else {
            verdict = "ok:failed";
            if (c.expect() == Expect.RECOVERS) {
                wrong.add("expected recovery, failed with: " + run.error());
            }
            Throwable thrown = source.thrown.get();
            if (!(thrown instanceof SourceException)) {
                wrong.add("not a typed SourceException: " + thrown);
            }
            if (snapshotCount(source.info().id()) != snapshotsBefore) {
                wrong.add("a failed sync committed a snapshot");
            }
            String error = repo.run(run.id()).orElseThrow().error();
            if (error == null || error.isBlank() || error.contains("Exception") || error.contains("\tat ")
                    || error.contains("\n")) {
                wrong.add("the sync_run does not say why in plain words: " + error);
            }
        }
        // After the faults stop, one clean sync makes the store equal the truth.
        Recording clean = new Recording(factory.create(demo.connection(), demo.secrets()::get));
        SyncRun after;
        try (SyncEngine engine = new SyncEngine(List.of(clean), repo, clock, Duration.ofMinutes(15), Map.of())) {
            after = engine.syncOnce(clean);
        }
        if (after.status() != SyncStatus.COMPLETE) {
            wrong.add("the clean sync after the faults failed: " + after.error());
        } else {
            List<String> truth = rows(truth(demo, seed));
            if (!storedRows(after.snapshotId()).equals(truth)) {
                wrong.add("after one clean sync the store differs from the truth");
            }
        }
        if (!wrong.isEmpty()) {
            String p = cell + ": " + String.join("; ", wrong);
            problems.add(p);
            return p;
        }
        return verdict;
    }

    /** The sandbox's truth right now: a fresh, fault-free read. */
    private Reading truth(ConnectionService.Fixed demo, long seed) throws SourceException {
        String key = demo.connection().id() + "@" + clock.instant();
        Reading cached = truths.get(key);
        if (cached == null) {
            cached = new SourceFactory(http(seed), clock).create(demo.connection(), demo.secrets()::get).fetch();
            truths.put(key, cached);
        }
        return cached;
    }

    private final Map<String, Reading> truths = new java.util.HashMap<>();

    private static Connection withBase(Connection c, String from, String to) {
        Map<String, String> settings = new LinkedHashMap<>();
        c.settings().forEach((k, v) -> settings.put(k, v == null ? null : v.replace(from, to)));
        return new Connection(c.id(), c.kind(), c.displayName(), c.enabled(), c.cadence(), settings);
    }

    private int totalRequests() {
        return sandbox.requestCounts().values().stream().mapToInt(Integer::intValue).sum();
    }

    private int snapshotCount(String sourceId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM snapshot WHERE source_id = :s")
                .bind("s", sourceId).mapTo(Integer.class).one());
    }

    private static List<String> rows(Reading r) {
        List<String> out = new ArrayList<>();
        for (StockRow row : r.stock()) {
            StockLevel l = row.level();
            out.add(row.sellerSku() + "|" + row.warehouseId() + "|" + l.onHand() + "|" + l.available() + "|"
                    + l.reserved() + "|" + l.inTransit() + "|" + l.qcHold() + "|" + l.frozen() + "|"
                    + l.returnPendingQc());
        }
        out.add("channel rows: " + r.channelStock().size());
        out.sort(null);
        return out;
    }

    private List<String> storedRows(Long snapshotId) {
        return db.jdbi().withHandle(h -> {
            List<String> out = new ArrayList<>(h.createQuery("SELECT seller_sku, warehouse_id, on_hand, available, "
                            + "reserved, in_transit, qc_hold, frozen, return_pending_qc FROM stock_row WHERE snapshot_id = :id")
                    .bind("id", snapshotId)
                    .map((rs, ctx) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getObject(3) + "|"
                            + rs.getObject(4) + "|" + rs.getObject(5) + "|" + rs.getObject(6) + "|" + rs.getObject(7)
                            + "|" + rs.getObject(8) + "|" + rs.getObject(9))
                    .list());
            out.add("channel rows: " + h.createQuery("SELECT COUNT(*) FROM channel_row WHERE snapshot_id = :id")
                    .bind("id", snapshotId).mapTo(Integer.class).one());
            out.sort(null);
            return out;
        });
    }

    private void assertNoCredentialLeaked() {
        List<String> secrets = List.of(SandboxCredentials.TIKTOK_APP_SECRET, SandboxCredentials.TIKTOK_ACCESS_TOKEN,
                SandboxCredentials.SHIPBOB_TOKEN, SandboxCredentials.WINIT_TOKEN, SandboxCredentials.WINIT_CLIENT_SECRET,
                SandboxCredentials.SHIPMONK_API_KEY, SandboxCredentials.FLEXPORT_TOKEN,
                SandboxCredentials.GOODCANG_APP_KEY, SandboxCredentials.GOODCANG_APP_TOKEN);
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            lines.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                lines.add(e.getThrowableProxy().getMessage());
            }
        }
        String script = db.jdbi().withHandle(h -> String.join("\n",
                h.createQuery("SCRIPT").mapTo(String.class).list()));
        int hits = 0;
        for (String s : secrets) {
            hits += (int) lines.stream().filter(l -> l != null && l.contains(s)).count();
            hits += script.contains(s) ? 1 : 0;
        }
        System.out.printf("fault matrix secrets: %d log lines and a %d-character database script searched for %d "
                + "credentials: %d hits%n", lines.size(), script.length(), secrets.size(), hits);
        // Verbose logging really was on: every HTTP exchange of the matrix is in the log.
        assertThat(lines.size()).isGreaterThan(1_000);
        assertThat(hits).isZero();
    }

    /** Passes fetch() through and remembers what it threw. */
    static final class Recording implements StockSource {
        private final StockSource delegate;
        final AtomicReference<Throwable> thrown = new AtomicReference<>();

        Recording(StockSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public SourceInfo info() {
            return delegate.info();
        }

        @Override
        public Reading fetch() throws SourceException {
            try {
                return delegate.fetch();
            } catch (SourceException | RuntimeException e) {
                thrown.set(e);
                throw e;
            }
        }
    }
}
