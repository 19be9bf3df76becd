package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesAFreshFileDatabase() {
        int appliedFirst;
        try (Database db = Database.open(dir)) {
            List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY 1")
                    .mapTo(String.class).list());
            assertThat(tables).contains("source", "warehouse", "sku", "channel_warehouse", "sync_run", "snapshot",
                    "stock_row", "channel_row", "flyway_schema_history",
                    "calibration_task", "calibration_declaration", "alert", "alert_event", "flag_evaluation");
            appliedFirst = appliedMigrations(db);
        }
        // Every migration on the classpath ran once (V1 snapshots, V2 flags, later ones as they come).
        assertThat(appliedFirst).isGreaterThanOrEqualTo(2);
        assertThat(dir.resolve("db/stocklens.mv.db")).exists();
        // Reopening an up-to-date database migrates nothing and works.
        try (Database db = Database.open(dir)) {
            assertThat(appliedMigrations(db)).isEqualTo(appliedFirst);
        }
    }

    private static int appliedMigrations(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'").mapTo(Integer.class).one());
    }

    @Test
    void secondOpenInTheSameProcessIsRefusedWithAClearMessage() {
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOf(WorkspaceInUseException.class)
                    .hasMessage("This StockLens workspace (" + dir.toAbsolutePath().normalize() + ") is already open in "
                            + "another StockLens window or process. Close it, or start with --data-dir to use another workspace.");
        }
        // Once closed, the workspace is free again.
        Database.open(dir).close();
    }

    @Test
    void aDamagedFileIsMovedAsideAndThePersonTold() throws Exception {
        Path file = dir.resolve("db/stocklens.mv.db");
        Files.createDirectories(file.getParent());
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(junk);
        Files.write(file, junk);
        // Issue 9: no longer a dead end — kept as *.corrupt-<time>, a fresh database, one notice.
        try (Database db = Database.open(dir)) {
            assertThat(db.notice()).hasValueSatisfying(n -> assertThat(n).contains("not a database file")
                    .contains("stocklens.mv.db.corrupt-"));
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("stocklens.mv.db.corrupt-"))
                    .map(f -> f.toFile().length())).containsExactly(64L * 1024);
        }
        // The open must not leave the workspace marked as in use.
        Database.open(dir).close();
    }

    /**
     * A thread interrupted while H2 reads the file (a window closing while its background read runs, an executor
     * shut down now) must not close the file under every other connection: the writes after it, and the clean
     * close, still reach the file.
     */
    @Test
    void aThreadInterruptedWhileItReadsLeavesTheStoreWritable() throws Exception {
        try (Database db = Database.open(dir)) {
            db.jdbi().useHandle(h -> {
                for (int i = 0; i < 2_000; i++) {
                    h.execute("INSERT INTO sku (seller_sku) VALUES (?)", "SKU-" + i);
                }
            });
        }
        try (Database db = Database.open(dir)) {
            Thread reader = new Thread(() -> {
                Thread.currentThread().interrupt(); // the pages are not cached yet: the read goes to the file
                try {
                    db.jdbi().useHandle(h -> h.createQuery("SELECT COUNT(*), MAX(seller_sku) FROM sku")
                            .mapToMap().one());
                } catch (RuntimeException ignored) {
                    // what the interrupted read answers is its own business; the store's is below
                }
            });
            reader.start();
            reader.join();
            db.jdbi().useHandle(h -> h.execute("INSERT INTO sku (seller_sku) VALUES ('AFTER')"));
        }
        try (Database db = Database.open(dir)) {
            int skus = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sku").mapTo(Integer.class).one());
            assertThat(skus).isEqualTo(2_001);
        }
    }

    @Test
    void inMemoryDatabasesAreSeparate() {
        try (Database a = Database.inMemory("db-test-a"); Database b = Database.inMemory("db-test-b")) {
            a.jdbi().useHandle(h -> h.execute("INSERT INTO sku (seller_sku) VALUES ('X')"));
            int count = b.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sku").mapTo(Integer.class).one());
            assertThat(count).isZero();
        }
    }
}
