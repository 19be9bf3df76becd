package com.stocklens.store;

import com.stocklens.domain.Reading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bench main (not a test): the cost of {@code WRITE_DELAY=0} (every commit written before it returns)
 * against H2's default 500 ms, side by side in one process, alternating rounds so both see the same
 * machine. Prints small-commit throughput (a declaration-sized transaction) and 20,000-row snapshot
 * commit times, and the ratios. Args: rounds (default 3).
 *
 * <p>Run: {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.stocklens.store.WriteDelayBench} or with {@code java -cp} over the test classpath.
 */
public final class WriteDelayBench {
    private WriteDelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Double> smallNow = new ArrayList<>();
        List<Double> smallDelayed = new ArrayList<>();
        List<Double> bulkNow = new ArrayList<>();
        List<Double> bulkDelayed = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int delay : new int[] {0, 500}) {
                System.setProperty(Database.WRITE_DELAY_PROPERTY, Integer.toString(delay));
                Path dir = Files.createTempDirectory("stocklens-wd");
                try (Database db = Database.open(dir)) {
                    SnapshotRepository repo = new SnapshotRepository(db.jdbi());
                    // Small commits: one run row begun and abandoned per transaction, like a declaration.
                    int n = 400;
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        repo.beginRun(StoreFixtures.SHIPBOB.id(), Instant.now());
                    }
                    double perSecond = n / ((System.nanoTime() - t0) / 1e9);
                    // Bulk: a 20,000-row snapshot.
                    Reading reading = StoreFixtures.bulk(Instant.now(), 20_000, r);
                    long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), Instant.now());
                    t0 = System.nanoTime();
                    repo.commit(StoreFixtures.SHIPBOB, run, reading, Instant.now(), 0);
                    double bulkMs = (System.nanoTime() - t0) / 1e6;
                    (delay == 0 ? smallNow : smallDelayed).add(perSecond);
                    (delay == 0 ? bulkNow : bulkDelayed).add(bulkMs);
                    System.out.printf("round %d WRITE_DELAY=%3d: %6.0f small commits/s, 20k-row snapshot %5.0f ms%n",
                            r, delay, perSecond, bulkMs);
                }
            }
        }
        double sn = median(smallNow), sd = median(smallDelayed), bn = median(bulkNow), bd = median(bulkDelayed);
        System.out.printf("median: small commits %.0f/s (WRITE_DELAY=0) vs %.0f/s (500 ms): ratio %.2f; "
                + "20k-row snapshot %.0f ms vs %.0f ms: ratio %.2f%n", sn, sd, sn / sd, bn, bd, bn / bd);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
