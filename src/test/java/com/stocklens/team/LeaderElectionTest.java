package com.stocklens.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's election: three desks on one real PostgreSQL and one sandbox, a short lease (1 s). The first
 * desk runs in its own JVM and polls both sources; the other two are viewers. The first desk is killed
 * (SIGKILL): a viewer polls each source within two lease periods; at no time do two desks poll one source
 * (no two runs of a source overlap, no snapshot is written twice), and the sandbox's rate limits hold.
 */
class LeaderElectionTest {
    static final Duration LEASE = Duration.ofSeconds(1);
    static final Duration CADENCE = Duration.ofSeconds(2);
    static final int SHIPBOB_LIMIT_PER_MINUTE = 150;

    static EmbeddedPostgres pg;
    static String url;

    @BeforeAll
    static void start() throws IOException {
        pg = EmbeddedPostgres.builder().start();
        url = pg.getJdbcUrl("postgres", "postgres");
        Database.openShared(url, "postgres", "").close(); // migrated once, before the desks race
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    record Run(long id, String source, String desk, Instant started, Instant finished, String status) {
    }

    @Test
    void aKilledLeaderIsReplacedWithinTwoLeasePeriodsAndNoSourceIsPolledTwice() throws Exception {
        SandboxServer sandbox = SandboxServer.start(new SimulatedWorld(20261127L, 60, Clock.systemUTC()));
        Process child = null;
        TeamClient b = null;
        TeamClient c = null;
        try {
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            child = startChild(sandbox.baseUrl(), "desk-a", lines);
            awaitLine(child, lines, "OPEN", 60);
            assertThat(lines).as("desk-a started first and holds both leases").contains(
                    "HOLDS " + TeamClient.TIKTOK, "HOLDS " + TeamClient.SHIPBOB);

            b = TeamClient.start(url, sandbox.baseUrl(), "desk-b", LEASE, CADENCE);
            c = TeamClient.start(url, sandbox.baseUrl(), "desk-c", LEASE, CADENCE);
            Thread.sleep(LEASE.multipliedBy(3).toMillis());
            for (String s : List.of(TeamClient.TIKTOK, TeamClient.SHIPBOB)) {
                assertThat(b.lease.holds(s) || c.lease.holds(s)).as("a viewer holds " + s + " while desk-a lives")
                        .isFalse();
            }
            Jdbi jdbi = Jdbi.create(url, "postgres", "");
            assertThat(runs(jdbi).stream().filter(r -> !r.desk().equals("desk-a")))
                    .as("only desk-a polls while it lives").isEmpty();

            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Instant killedAt = Instant.now();

            Map<String, Duration> takeover = new java.util.TreeMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (takeover.size() < 2 && System.nanoTime() < deadline) {
                for (Run r : runs(jdbi)) {
                    if (!r.desk().equals("desk-a") && r.started().isAfter(killedAt)) {
                        takeover.merge(r.source(), Duration.between(killedAt, r.started()),
                                (x, y) -> x.compareTo(y) <= 0 ? x : y);
                    }
                }
                Thread.sleep(50);
            }
            assertThat(takeover).as("a new poller for each source").containsOnlyKeys(TeamClient.TIKTOK,
                    TeamClient.SHIPBOB);
            // Let the new pollers run a few cycles, then look at everything that was written.
            Thread.sleep(CADENCE.multipliedBy(2).toMillis());
            for (String s : List.of(TeamClient.TIKTOK, TeamClient.SHIPBOB)) {
                assertThat(b.lease.holds(s) ^ c.lease.holds(s)).as("exactly one desk polls " + s).isTrue();
            }
            b.close();
            b = null;
            c.close();
            c = null;
            List<Run> all = runs(jdbi);

            assertNoOverlap(all);
            int snapshots = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM snapshot").mapTo(Integer.class).one());
            int distinct = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM (SELECT DISTINCT source_id, taken_at FROM snapshot) d").mapTo(Integer.class).one());
            int complete = (int) all.stream().filter(r -> r.status().equals("COMPLETE")).count();
            assertThat(distinct).as("no snapshot written twice").isEqualTo(snapshots);
            assertThat(complete).as("one snapshot per complete run").isEqualTo(snapshots);

            int shipbobPeak = sandbox.peakRequests("shipbob", Duration.ofMinutes(1));
            int tiktokPeak = sandbox.peakRequests("tiktok", Duration.ofSeconds(1));
            assertThat(sandbox.rateLimited("shipbob")).as("ShipBob refused nothing").isZero();
            assertThat(sandbox.rateLimited("tiktok")).as("TikTok refused nothing").isZero();
            assertThat(shipbobPeak).as("ShipBob requests in any minute").isLessThanOrEqualTo(SHIPBOB_LIMIT_PER_MINUTE);
            Duration worst = takeover.values().stream().max(Duration::compareTo).orElseThrow();
            System.out.printf("leader election: 3 clients, leader killed, new poller after %.1f s (limit %.1f s); "
                            + "takeover per source %s; %d runs (%d complete), %d snapshots, none twice; "
                            + "ShipBob peak %d requests/min (limit %d), TikTok peak %d/s (limit 50), 0 refused%n",
                    worst.toMillis() / 1000.0, LEASE.multipliedBy(2).toMillis() / 1000.0, takeover, all.size(),
                    complete, snapshots, shipbobPeak, SHIPBOB_LIMIT_PER_MINUTE, tiktokPeak);
            assertThat(worst).as("new poller within two lease periods").isLessThanOrEqualTo(LEASE.multipliedBy(2));
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            if (b != null) {
                b.close();
            }
            if (c != null) {
                c.close();
            }
            sandbox.close();
        }
    }

    /** Runs of one source never overlap in time, whichever desks ran them. */
    static void assertNoOverlap(List<Run> runs) {
        Map<String, List<Run>> bySource = new java.util.TreeMap<>();
        runs.forEach(r -> bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r));
        bySource.forEach((source, list) -> {
            list.sort(java.util.Comparator.comparing(Run::started));
            for (int i = 1; i < list.size(); i++) {
                Run prev = list.get(i - 1);
                Run next = list.get(i);
                assertThat(prev.finished()).as("run %s of %s (%s) finished", prev.id(), source, prev.desk()).isNotNull();
                assertThat(prev.finished()).as("run %s (%s) ends before run %s (%s) of %s starts", prev.id(),
                        prev.desk(), next.id(), next.desk(), source).isBeforeOrEqualTo(next.started());
            }
        });
    }

    static List<Run> runs(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, source_id, desk, started_at, finished_at, status "
                        + "FROM sync_run ORDER BY id")
                .map((rs, ctx) -> new Run(rs.getLong("id"), rs.getString("source_id"), rs.getString("desk"),
                        rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("finished_at", java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject("finished_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("status")))
                .list());
    }

    static Process startChild(String sandboxBase, String desk, List<String> lines) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TeamClientMain.class.getName(), url, sandboxBase, desk,
                Long.toString(LEASE.toMillis()), Long.toString(CADENCE.toMillis())));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // killed: the pipe closes
            }
        }, "election-child-reader");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    static void awaitLine(Process p, List<String> lines, String line, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (lines.contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                Thread.sleep(200);
                throw new AssertionError("child exited: " + String.join("\n", lines));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + line + " within " + seconds + " s: " + String.join("\n", lines));
    }
}
