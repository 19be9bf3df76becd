package com.stocklens.store;

import com.stocklens.domain.Reading;
import com.stocklens.domain.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Bench main (not a test): commits bulk snapshots into a fresh file workspace and prints how long
 * each commit and a full board read take. Args: rows per snapshot (default 20000), snapshots (default 5).
 */
public final class SnapshotCommitBench {
    private SnapshotCommitBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("stocklens-bench");
        try (Database db = Database.open(dir)) {
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            JdbiStockBoardReader reader = new JdbiStockBoardReader(db.jdbi(), List.of(StoreFixtures.SHIPBOB));
            for (int i = 0; i < count; i++) {
                Reading reading = StoreFixtures.bulk(Instant.now(), rows, i);
                long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), Instant.now());
                long t0 = System.nanoTime();
                Snapshot s = repo.commit(StoreFixtures.SHIPBOB, run, reading, Instant.now(), 0);
                long commitMs = (System.nanoTime() - t0) / 1_000_000;
                t0 = System.nanoTime();
                int boardRows = reader.read().rows().size();
                long readMs = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("snapshot %d: commit %d rows %d ms (%.0f rows/s); board read %d rows %d ms%n",
                        s.id(), s.rowCount(), commitMs, s.rowCount() * 1000.0 / Math.max(1, commitMs), boardRows, readMs);
            }
        }
    }
}
