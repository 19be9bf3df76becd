package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.stocklens.store.Database;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, a real full disk (not an injected failure): the workspace lives on a 4 MB tmpfs and snapshots
 * of 5 000 rows are committed until the file system is full. The failing commit is refused with a plain
 * reason; once space is back the workspace reopens with every snapshot whole and the next commit works.
 *
 * <p>Needs {@code mount -t tmpfs}, i.e. root (or CAP_SYS_ADMIN); skipped otherwise (then
 * {@code store.StoreFailureTest}'s injected failure stands in for it).
 */
class RealDiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullFileSystemRefusesTheCommitAndTheWorkspaceReopensWhole() throws Exception {
        Path mnt = Files.createDirectory(dir.resolve("tmpfs"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt.toString()),
                "no tmpfs can be mounted here (needs root): the injected disk-full test stands in");
        try {
            Path ws = mnt.resolve("ws");
            int committed = 0;
            String reason = null;
            Instant t = Instant.parse("2026-11-27T06:00:00Z");
            Database db = Database.open(ws);
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            for (int i = 0; i < 200 && reason == null; i++) {
                t = t.plusSeconds(900);
                try {
                    long runId = repo.beginRun(StoreFixtures.SHIPBOB.id(), t);
                    repo.commit(StoreFixtures.SHIPBOB, runId, StoreFixtures.bulk(t, 5_000, i), t, 5);
                    committed++;
                } catch (RuntimeException e) {
                    reason = e.getMessage();
                }
            }
            try {
                db.close();
            } catch (RuntimeException e) {
                // the store may already have closed itself after the write failure
            }
            System.out.printf("real full disk (4 MB tmpfs): %d snapshots of 5 000 rows committed, then: %s%n",
                    committed, reason);
            assertThat(reason).as("a commit failed once the 4 MB were used").isNotNull();
            assertThat(reason).doesNotContain("\n").containsIgnoringCase("disk full");

            // Space comes back: the workspace opens, every snapshot is whole, and the next commit works.
            assertThat(run("mount", "-o", "remount,size=64m", mnt.toString())).isTrue();
            try (Database again = reopen(ws)) {
                again.jdbi().useHandle(KillDuringSyncTest::assertConsistent);
                int snapshots = again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM snapshot")
                        .mapTo(Integer.class).one());
                // Every acknowledged commit is on disk (WRITE_DELAY=0): none lost, none half-written. With H2's
                // default 500 ms delay 1–3 acknowledged commits were gone here (docs/RELIABILITY.md).
                System.out.printf("real full disk: %d acknowledged, %d on disk after reopening%n", committed, snapshots);
                assertThat(snapshots).as("acknowledged snapshots after the disk filled").isEqualTo(committed);
                SnapshotRepository r = new SnapshotRepository(again.jdbi());
                r.abandonRunning(t);
                Instant next = t.plusSeconds(900);
                r.commit(StoreFixtures.SHIPBOB, r.beginRun(StoreFixtures.SHIPBOB.id(), next),
                        StoreFixtures.bulk(next, 5_000, 7), next, 5);
                again.jdbi().useHandle(KillDuringSyncTest::assertConsistent);
                System.out.printf("real full disk: reopened with %d whole snapshots (of %d committed: %d acknowledged "
                        + "commits not yet written by H2 are gone); the next commit worked%n", snapshots,
                        committed, committed - snapshots);
            }
        } finally {
            run("umount", "-l", mnt.toString());
        }
    }

    /**
     * Opens the workspace again. H2 keeps a database that closed itself on the write failure registered in
     * this JVM for a moment; the first open can hand out that closed instance ("The database has been
     * closed"), as a restarted app would not: then it is closed and opened once more.
     */
    private static Database reopen(Path ws) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Database db = Database.open(ws);
            try {
                db.jdbi().useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
                return db;
            } catch (RuntimeException closed) {
                try {
                    db.close();
                } catch (RuntimeException ignored) {
                    // already closed
                }
                if (attempt == 5) {
                    throw closed;
                }
                Thread.sleep(500);
            }
        }
    }

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
