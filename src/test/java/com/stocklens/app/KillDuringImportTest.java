package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.ImportOutcome;
import com.stocklens.store.Database;
import com.stocklens.store.FaultInjection;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.app.imports.StockImportService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability issue 9, "nothing lost": a child JVM ({@link KillChildMain} {@code import}) imports a CSV
 * stock file of {@value #ROWS} rows through {@link StockImportService} and dies — halted right after the
 * n-th store step of one import for every n, and killed with kill -9 at random moments. After each death
 * the workspace reopens and every import is either wholly there (all its rows, its snapshot, its COMPLETE
 * run and its import record) or not at all; the next import completes.
 */
@Tag("slow")
class KillDuringImportTest {
    static final int ROWS = 2_500;
    private static final int RANDOM_KILLS = KillDuringSyncTest.NIGHTLY ? 40 : 3;
    private static final String SOURCE = "csv:" + KillChildMain.IMPORT_WAREHOUSE;

    @TempDir
    Path dir;

    @Test
    void killMinus9DuringACsvImportLeavesItWholeOrAbsent() throws Exception {
        Path csv = dir.resolve("stock.csv");
        Files.writeString(csv, csv(), StandardCharsets.UTF_8);
        Path workspace = Files.createDirectory(dir.resolve("ws"));
        // One import to create the SKUs and the warehouse, one more to count the steps of a later import.
        KillDuringSyncTest.Child seed = KillDuringSyncTest.Child.start(workspace,
                List.of("-Dstocklens.faults=" + FaultInjection.ARM_VALUE), "import", workspace.toString(), csv.toString(), "2");
        assertThat(seed.process().waitFor(120, TimeUnit.SECONDS)).as("seeding child finished").isTrue();
        List<Integer> imported = imported(seed);
        assertThat(imported).as("child output: %s", seed.output()).hasSize(2);
        int stepsPerImport = imported.get(1) - imported.get(0);
        assertThat(stepsPerImport).as("store steps of one import").isGreaterThan(4);

        Random random = new Random(20261127L);
        int kills = stepsPerImport + RANDOM_KILLS;
        int intact = 0;
        int whole = 0;
        int absent = 0;
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        int before = 2;
        for (int k = 0; k < kills; k++) {
            String how;
            KillDuringSyncTest.Child child;
            if (k < stepsPerImport) {
                int n = k + 1;
                how = "halt after store step " + n + "/" + stepsPerImport;
                child = KillDuringSyncTest.Child.start(workspace, List.of("-Dstocklens.faults=" + FaultInjection.ARM_VALUE,
                        "-Dstocklens.faults.haltAfterStep=" + n), "import", workspace.toString(), csv.toString(), "1");
                assertThat(child.process().waitFor(90, TimeUnit.SECONDS)).as(how).isTrue();
            } else {
                child = KillDuringSyncTest.Child.start(workspace, List.of(), "import", workspace.toString(), csv.toString());
                child.awaitOpen(60);
                int delay = random.nextInt(1500);
                how = "kill -9 " + delay + " ms after open";
                Thread.sleep(delay);
                child.process().destroyForcibly();
                assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            try {
                int after = checkAfterDeath(workspace, csv);
                int beforeThis = before;
                before = after;
                if (k < stepsPerImport) {
                    // The halted child imported once: that import is there or not, nothing else changed.
                    assertThat(after - 1).as("imports before %d, after the death and one more import", beforeThis)
                            .isBetween(beforeThis, beforeThis + 1);
                    if (after - 1 == beforeThis + 1) {
                        whole++;
                    } else {
                        absent++;
                    }
                }
                intact++;
            } catch (AssertionError | RuntimeException e) {
                failures.add("kill " + (k + 1) + " (" + how + "): " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            }
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        System.out.printf("kill -9 during CSV import: %d/%d intact (%d halted after store step n of %d per import: "
                        + "%d imports whole, %d absent; %d at random moments; %d rows per import; %d s)%n",
                intact, kills, stepsPerImport, stepsPerImport, whole, absent, kills - stepsPerImport, ROWS, seconds);
        failures.forEach(f -> System.out.println("  NOT INTACT " + f));
        assertThat(failures).as("kills after which an import was partly there").isEmpty();
    }

    /**
     * Reopens the workspace, checks every import is whole, imports the file once more (it must complete),
     * checks again.
     *
     * @return the number of imports afterwards
     */
    private static int checkAfterDeath(Path workspace, Path csv) {
        try (Database db = Database.open(workspace)) {
            db.jdbi().useHandle(KillDuringImportTest::assertEveryImportWhole);
            new SnapshotRepository(db.jdbi()).abandonRunning(Instant.now());
            StockImportService imports = KillChildMain.imports(db);
            ImportOutcome out = imports.importFile(csv, KillChildMain.IMPORT_WAREHOUSE, null, KillChildMain.importMapping());
            assertThat(out.imported()).as("the next import: %s", out.check().errors()).isTrue();
            db.jdbi().useHandle(KillDuringImportTest::assertEveryImportWhole);
            return db.jdbi().withHandle(h -> count(h, "SELECT COUNT(*) FROM stock_import"));
        }
    }

    /** Import record ⇔ snapshot ⇔ COMPLETE run, and every imported snapshot holds exactly the file's rows. */
    static void assertEveryImportWhole(Handle h) {
        KillDuringSyncTest.assertConsistent(h);
        int snapshots = count(h, "SELECT COUNT(*) FROM snapshot WHERE source_id = '" + SOURCE + "'");
        int records = count(h, "SELECT COUNT(*) FROM stock_import i JOIN snapshot s ON s.id = i.snapshot_id "
                + "WHERE s.source_id = '" + SOURCE + "'");
        assertThat(records).as("import records with their snapshot").isEqualTo(snapshots)
                .isEqualTo(count(h, "SELECT COUNT(*) FROM stock_import"));
        List<long[]> perSnapshot = h.createQuery("SELECT s.id, COUNT(r.seller_sku), COALESCE(SUM(r.on_hand), -1), "
                        + "COALESCE(SUM(r.available), -1), SUM(CASE WHEN r.in_transit IS NULL THEN 1 ELSE 0 END), "
                        + "(SELECT i.row_count FROM stock_import i WHERE i.snapshot_id = s.id) "
                        + "FROM snapshot s LEFT JOIN stock_row r ON r.snapshot_id = s.id WHERE s.source_id = :src GROUP BY s.id")
                .bind("src", SOURCE)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)})
                .list();
        long[] expected = expectedSums();
        for (long[] s : perSnapshot) {
            assertThat(new long[] {s[1], s[2], s[3], s[4], s[5]}).as("snapshot %d: rows, on hand, available, unknown in "
                    + "transit, import record's row count", s[0]).containsExactly(ROWS, expected[0], expected[1], expected[2], ROWS);
        }
        assertThat(count(h, "SELECT COUNT(*) FROM sku WHERE seller_sku LIKE 'KILL-%'")).isIn(0, ROWS);
    }

    private static int count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Integer.class).one();
    }

    private static List<Integer> imported(KillDuringSyncTest.Child c) throws InterruptedException {
        Thread.sleep(100);
        synchronized (c.lines()) {
            return c.lines().stream().filter(l -> l.startsWith("IMPORTED ")).map(l -> Integer.parseInt(l.substring(9))).toList();
        }
    }

    static String csv() {
        StringBuilder b = new StringBuilder("SKU,Barcode,On hand,Available,In transit\n");
        for (int i = 0; i < ROWS; i++) {
            int onHand = onHand(i);
            b.append("KILL-").append(i).append(',').append(4_800_000_000L + i).append(',').append(onHand).append(',')
                    .append(Math.max(0, onHand - i % 3)).append(',').append(i % 13 == 0 ? "" : String.valueOf(i % 11))
                    .append('\n');
        }
        return b.toString();
    }

    private static int onHand(int i) {
        return i * 7 % 500;
    }

    /** Sum of on hand, sum of available, rows with an unknown in-transit quantity. */
    private static long[] expectedSums() {
        long onHand = 0;
        long available = 0;
        long unknown = 0;
        for (int i = 0; i < ROWS; i++) {
            onHand += onHand(i);
            available += Math.max(0, onHand(i) - i % 3);
            unknown += i % 13 == 0 ? 1 : 0;
        }
        return new long[] {onHand, available, unknown};
    }
}
