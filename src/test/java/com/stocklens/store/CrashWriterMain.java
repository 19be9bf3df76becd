package com.stocklens.store;

import com.stocklens.domain.Reading;
import com.stocklens.domain.Snapshot;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child process for {@link CrashRecoveryTest}: opens a workspace and commits bulk snapshots in a
 * loop until killed. Prints {@code COMMITTED <id> <millis>} after each commit so the parent knows
 * a snapshot is durable, and {@code BEGIN <run>} just before a commit starts, so it can aim its
 * kill at the middle of a transaction.
 *
 * <p>Args: data directory, rows per snapshot. With 0 rows it commits small transactions instead (one
 * sync-run row each, the size of a declaration) as fast as it can, printing {@code COMMITTED <id> 0}
 * after each returns: what the person was told is recorded.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        Database db = Database.open(dir);
        SnapshotRepository repo = new SnapshotRepository(db.jdbi());
        System.out.println("OPEN");
        System.out.flush();
        if (rows == 0) {
            while (true) {
                long id = repo.beginRun(StoreFixtures.SHIPBOB.id(), Instant.now());
                System.out.println("COMMITTED " + id + " 0");
                System.out.flush();
            }
        }
        for (int i = 0; ; i++) {
            Instant now = Instant.now();
            long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), now);
            Reading reading = StoreFixtures.bulk(now, rows, i);
            System.out.println("BEGIN " + run);
            System.out.flush();
            long t0 = System.nanoTime();
            Snapshot s = repo.commit(StoreFixtures.SHIPBOB, run, reading, Instant.now(), 0);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("COMMITTED " + s.id() + " " + ms);
            System.out.flush();
        }
    }
}
