package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliability issue: "A process killed during a sync never leaves a partial snapshot visible on
 * restart". A child JVM commits 20k-row snapshots in a loop; we kill -9 it at seeded random
 * moments and check the store after every kill.
 */
@Tag("slow")
class CrashRecoveryTest {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int ROWS = 20_000;
    private static final int ROUNDS = 10;

    @TempDir
    Path dir;

    @Test
    void killDuringCommitNeverLeavesAPartialSnapshot() throws Exception {
        Random random = new Random(20250301L);
        int killedAfterCommits = 0;
        int midCommitKills = 0;
        long lastOwnSnapshot = 0;
        int lostCommits = 0;
        List<Long> commitMillis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Child child = Child.start(dir, ROWS);
            try {
                if (round == 0) {
                    // Something worth protecting first: one whole snapshot.
                    child.awaitLine("COMMITTED", 90);
                }
                // Then kill at a random moment after a commit began: mostly mid-transaction,
                // sometimes after it, as a 20k-row commit in a fresh JVM takes about a second.
                child.awaitLine("BEGIN", 90);
                Thread.sleep(random.nextInt(1500));
            } finally {
                child.process.destroyForcibly();
                assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            commitMillis.addAll(child.commitMillis());
            killedAfterCommits += child.commitMillis().size();

            try (Database db = Database.open(dir)) {
                db.jdbi().useHandle(CrashRecoveryTest::assertConsistent);
                SnapshotRepository repo = new SnapshotRepository(db.jdbi());
                Snapshot latest = repo.latest(StoreFixtures.SHIPBOB.id()).orElseThrow();
                assertThat(latest.id()).isGreaterThanOrEqualTo(lastOwnSnapshot);
                if (latest.id() > lastOwnSnapshot) {
                    assertThat(latest.rowCount()).as("latest snapshot written by the child").isEqualTo(ROWS);
                }
                if (child.killedMidCommit()) {
                    midCommitKills++;
                }
                // Durability is not atomicity: H2 may lose the last acknowledged commit(s) to a kill.
                // Measured and logged, not asserted: the next sync restores "now" anyway.
                for (long id : child.committedIds()) {
                    if (repo.latest(StoreFixtures.SHIPBOB.id()).map(Snapshot::id).orElse(0L) < id) {
                        lostCommits++;
                    }
                }
                // The store still takes writes after the crash.
                long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), Instant.now());
                Snapshot next = repo.commit(StoreFixtures.SHIPBOB, run, StoreFixtures.shipbob(Instant.now(), 5, 1),
                        Instant.now(), 1);
                assertThat(repo.latest(StoreFixtures.SHIPBOB.id())).contains(next);
                lastOwnSnapshot = next.id();
                db.jdbi().useHandle(CrashRecoveryTest::assertConsistent);
            }
        }
        LOG.info("{} kill rounds ({} during a commit), {} snapshots committed by children ({} lost to the kill); "
                        + "commit of {} rows in a fresh child JVM: {} ms median",
                ROUNDS, midCommitKills, killedAfterCommits, lostCommits, ROWS, median(commitMillis));
        assertThat(midCommitKills).as("kills that landed inside a transaction").isPositive();
    }

    /**
     * Durability, not only atomicity: every commit that returned (what the window shows as recorded) is
     * there after a kill -9. H2's default WRITE_DELAY of 500 ms lost the last 15–38 acknowledged commits
     * to every kill here; Database sets it to 0 (docs/RELIABILITY.md).
     */
    @Test
    void everyAcknowledgedCommitSurvivesAKill() throws Exception {
        Random random = new Random(20261127L);
        int rounds = 5;
        int acknowledged = 0;
        int lost = 0;
        for (int round = 0; round < rounds; round++) {
            Child child = Child.start(dir, 0);
            try {
                child.awaitLine("COMMITTED", 90);
                Thread.sleep(200 + random.nextInt(800));
            } finally {
                child.process.destroyForcibly();
                assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Thread.sleep(50); // let the reader drain the closed pipe
            List<Long> ids = child.committedIds();
            acknowledged += ids.size();
            try (Database db = Database.open(dir)) {
                Set<Long> stored = new HashSet<>(db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM sync_run")
                        .mapTo(Long.class).list()));
                for (long id : ids) {
                    if (!stored.contains(id)) {
                        lost++;
                    }
                }
            }
        }
        LOG.info("kill -9 after acknowledged commits: {} rounds, {} commits acknowledged, {} lost", rounds,
                acknowledged, lost);
        System.out.printf("kill -9 after acknowledged commits: %d rounds, %d acknowledged, %d lost%n", rounds,
                acknowledged, lost);
        assertThat(acknowledged).as("commits acknowledged before the kills").isGreaterThan(rounds);
        assertThat(lost).as("acknowledged commits missing after a kill -9").isZero();
    }

    @Test
    void anotherProcessHoldingTheWorkspaceGetsTheClearMessage() throws Exception {
        Child child = Child.start(dir, 1_000);
        try {
            child.awaitLine("OPEN", 60);
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOf(WorkspaceInUseException.class)
                    .hasMessageStartingWith("This StockLens workspace (" + dir.toAbsolutePath().normalize()
                            + ") is already open in another StockLens window or process.");
        } finally {
            child.process.destroyForcibly();
            child.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void assertConsistent(Handle h) {
        List<long[]> snapshots = h.createQuery("SELECT s.id, s.row_count, "
                        + "(SELECT COUNT(*) FROM stock_row r WHERE r.snapshot_id = s.id) + "
                        + "(SELECT COUNT(*) FROM channel_row c WHERE c.snapshot_id = s.id) FROM snapshot s")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .list();
        assertThat(snapshots).allSatisfy(s -> assertThat(s[2]).as("rows of snapshot %d", s[0]).isEqualTo(s[1]));
        int orphans = h.createQuery("SELECT COUNT(*) FROM stock_row r "
                + "WHERE NOT EXISTS (SELECT 1 FROM snapshot s WHERE s.id = r.snapshot_id)").mapTo(Integer.class).one();
        assertThat(orphans).as("stock rows without their snapshot").isZero();
        int completeWithout = h.createQuery("SELECT COUNT(*) FROM sync_run r WHERE r.status = 'COMPLETE' AND "
                + "(r.snapshot_id IS NULL OR NOT EXISTS (SELECT 1 FROM snapshot s WHERE s.id = r.snapshot_id))")
                .mapTo(Integer.class).one();
        assertThat(completeWithout).as("COMPLETE runs without a snapshot").isZero();
        int snapshotsWithoutRun = h.createQuery("SELECT COUNT(*) FROM snapshot s WHERE NOT EXISTS "
                + "(SELECT 1 FROM sync_run r WHERE r.snapshot_id = s.id AND r.status = 'COMPLETE')")
                .mapTo(Integer.class).one();
        assertThat(snapshotsWithoutRun).as("snapshots without a COMPLETE run").isZero();
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** A {@link CrashWriterMain} in its own JVM, with its stdout lines on a queue. */
    private record Child(Process process, BlockingQueue<String> lines, List<Long> commits, List<Long> ids,
                         String[] last) {
        static Child start(Path dir, int rows) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            // C1 only and the serial collector: the child lives a second or two, so warm-up dominates.
            Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"),
                    CrashWriterMain.class.getName(), dir.toString(), String.valueOf(rows))
                    .redirectErrorStream(true)
                    .start();
            Child c = new Child(p, new LinkedBlockingQueue<>(), Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()), new String[1]);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("COMMITTED ")) {
                            String[] parts = line.split(" ");
                            c.ids.add(Long.parseLong(parts[1]));
                            c.commits.add(Long.parseLong(parts[2]));
                        } else if (!line.equals("OPEN") && !line.startsWith("BEGIN ")) {
                            LOG.info("child: {}", line);
                        }
                        c.lines.add(line);
                        synchronized (c.last) {
                            c.last[0] = line;
                        }
                    }
                } catch (IOException e) {
                    // The child was killed: its pipe closes.
                }
            }, "crash-child-reader");
            reader.setDaemon(true);
            reader.start();
            return c;
        }

        void awaitLine(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return;
                }
                if (line == null && !process.isAlive()) {
                    throw new AssertionError("child exited with " + process.exitValue() + " before " + prefix);
                }
            }
            throw new AssertionError("child did not print " + prefix + " within " + seconds + " s");
        }

        /** True when the last thing the child said was that a commit began. Call after it died. */
        boolean killedMidCommit() throws InterruptedException {
            Thread.sleep(50); // let the reader drain the closed pipe
            synchronized (last) {
                return last[0] != null && last[0].startsWith("BEGIN ");
            }
        }

        List<Long> committedIds() {
            synchronized (ids) {
                return List.copyOf(ids);
            }
        }

        List<Long> commitMillis() {
            synchronized (commits) {
                return List.copyOf(commits);
            }
        }
    }
}
