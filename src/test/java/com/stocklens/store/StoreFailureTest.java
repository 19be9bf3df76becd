package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.connector.StockSource;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.service.SourceFreshness;
import com.stocklens.sync.SyncEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability issue 9: a full disk or failing write during a sync aborts it cleanly; a corrupt or foreign
 * database file is moved aside (never deleted) and the newest backup restored, else a fresh cache
 * started; backups are taken daily and before migrations, seven kept.
 */
class StoreFailureTest {
    private static final int ROWS = 3_000; // three stock-row batches

    @TempDir
    Path dir;

    @AfterEach
    void disarm() {
        System.clearProperty("stocklens.faults");
        System.clearProperty("stocklens.faults.diskFullAtStep");
        FaultInjection.reload();
    }

    @Test
    void aFullDiskDuringASyncAbortsItAndTheLastSnapshotStaysReadable() {
        try (Database db = Database.open(dir)) {
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            StockSource source = source(StoreFixtures.SHIPBOB);
            try (SyncEngine engine = new SyncEngine(List.of(source), repo, Clock.systemUTC(), Duration.ofHours(1), Map.of())) {
                SyncRun good = engine.syncOnce(source);
                assertThat(good.status()).isEqualTo(SyncStatus.COMPLETE);

                System.setProperty("stocklens.faults", FaultInjection.ARM_VALUE);
                System.setProperty("stocklens.faults.diskFullAtStep", "3"); // in the middle of the stock rows
                FaultInjection.reload();
                SyncRun full = engine.syncOnce(source);
                disarm();

                assertThat(full.status()).isEqualTo(SyncStatus.FAILED);
                assertThat(full.error()).startsWith("Could not store the reading: disk full: free space on "
                                + realDb())
                        .contains("nothing of this sync was stored, the last complete snapshot is still shown");
                assertThat(repo.latest(StoreFixtures.SHIPBOB.id()).map(Snapshot::id)).contains(good.snapshotId());
                assertThat(repo.run(full.id()).orElseThrow().error()).isEqualTo(full.error());
                // What the status screen and `status --json` show for the source:
                SourceFreshness f = new JdbiStockBoardReader(db.jdbi(), List.of(StoreFixtures.SHIPBOB)).read().sources().stream()
                        .filter(x -> x.source().id().equals(StoreFixtures.SHIPBOB.id())).findFirst().orElseThrow();
                assertThat(f.lastError()).startsWith("Could not store the reading: disk full");
                db.jdbi().useHandle(h -> assertThat(h.createQuery("SELECT COUNT(*) FROM stock_row WHERE snapshot_id > :id")
                        .bind("id", good.snapshotId()).mapTo(Integer.class).one()).isZero());

                SyncRun next = engine.syncOnce(source);
                assertThat(next.status()).as("the sync after the disk freed up").isEqualTo(SyncStatus.COMPLETE);
            }
        }
    }

    /** A workspace with one snapshot, a daily backup of it, then one more snapshot after the backup. */
    private long seedWithBackup() {
        try (Database db = Database.open(dir)) {
            assertThat(db.backups()).as("the first open takes the daily backup").hasSize(1);
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), Instant.now());
            long id = repo.commit(StoreFixtures.SHIPBOB, run, StoreFixtures.bulk(Instant.now(), 500, 1), Instant.now(), 1).id();
            db.backup(Instant.now().plusSeconds(5), "manual");
            return id;
        }
    }

    private Path dbFile() {
        return dir.resolve("db").resolve("stocklens.mv.db");
    }

    private void assertRecoveredFromBackup(long snapshotId, String damage) throws IOException {
        Path realDb = dir.toRealPath().resolve("db");
        try (Database db = Database.open(dir)) {
            assertThat(db.notice()).hasValueSatisfying(n -> assertThat(n)
                    .startsWith("The workspace database was " + damage)
                    .contains("moved aside to " + realDb.resolve("stocklens.mv.db.corrupt-"))
                    .contains("(not deleted)")
                    .contains("was restored"));
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            assertThat(repo.latest(StoreFixtures.SHIPBOB.id()).map(Snapshot::id)).contains(snapshotId);
        }
        try (var files = Files.list(dir.resolve("db"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("stocklens.mv.db.corrupt-")))
                    .as("the damaged file is kept").hasSize(1);
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.notice()).as("told once").isEmpty();
        }
    }

    @Test
    void aTruncatedFileIsMovedAsideAndTheNewestBackupRestored() throws IOException {
        long id = seedWithBackup();
        try (var ch = Files.newByteChannel(dbFile(), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2 + 123);
        }
        assertRecoveredFromBackup(id, "truncated (");
    }

    @Test
    void flippedBytesAreDetectedAndTheNewestBackupRestored() throws IOException {
        long id = seedWithBackup();
        byte[] bytes = Files.readAllBytes(dbFile());
        for (int i = 0; i < bytes.length; i += 97) {
            bytes[i] ^= (byte) 0x5A;
        }
        Files.write(dbFile(), bytes);
        assertRecoveredFromBackup(id, "");
    }

    @Test
    void aFileThatIsNotADatabaseIsMovedAside() throws IOException {
        long id = seedWithBackup();
        Files.writeString(dbFile(), "sku,qty\nA-1,5\n".repeat(1000), StandardCharsets.UTF_8);
        assertRecoveredFromBackup(id, "not a database file");
    }

    @Test
    void aFileOfAnotherH2VersionIsMovedAside() throws IOException {
        long id = seedWithBackup();
        // An H2 1.4 file's header says format:1; the rest of the block as H2 would pad it.
        byte[] block = new byte[8192];
        byte[] header = "H:2,block:2,blockSize:1000,chunk:1,clean:1,created:16d8c4b1e1c,format:1,version:1,fletcher:1a2b3c4d\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, block, 0, header.length);
        System.arraycopy(header, 0, block, 4096, header.length);
        Files.write(dbFile(), block);
        assertRecoveredFromBackup(id, "written by another H2 version");
    }

    @Test
    void withoutABackupAFreshCacheIsStartedAndThePersonTold() throws IOException {
        seedWithBackup();
        try (var files = Files.list(Backups.directory(dir))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.writeString(dbFile(), "garbage", StandardCharsets.UTF_8);
        try (Database db = Database.open(dir)) {
            assertThat(db.notice()).hasValueSatisfying(n -> assertThat(n).contains("not a database file")
                    .contains("No usable backup was found, so StockLens started a fresh database"));
            assertThat(new SnapshotRepository(db.jdbi()).latestPerSource()).isEmpty();
        }
    }

    @Test
    void backupsAreDailyKeptSevenAndRestoredOnRequestAtTheNextOpen() throws IOException {
        long first = seedWithBackup();
        Instant t = Instant.now();
        try (Database db = Database.open(dir)) {
            assertThat(db.backupIfDue(t)).as("not due: the last backup is minutes old").isEmpty();
            assertThat(db.backupIfDue(t.plus(Duration.ofHours(25)))).isPresent();
            for (int i = 0; i < 10; i++) {
                db.backup(t.plus(Duration.ofDays(2 + i)), "manual");
            }
            assertThat(db.backups()).hasSize(Backups.KEEP);
            assertThat(db.backups().get(0).takenAt()).isEqualTo(t.plus(Duration.ofDays(11)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), Instant.now());
            repo.commit(StoreFixtures.SHIPBOB, run, StoreFixtures.bulk(Instant.now(), 10, 2), Instant.now(), 1);
        }
        // Restore the oldest kept backup (taken before the last snapshot).
        Backups.Backup oldest = Backups.list(dir).get(Backups.KEEP - 1);
        Backups.requestRestore(dir, oldest.name());
        try (Database db = Database.open(dir)) {
            assertThat(db.notice()).hasValueSatisfying(n -> assertThat(n).startsWith("The backup of "
                    + Backups.describe(oldest) + " was restored as you asked; the database it replaced was kept as "));
            assertThat(new SnapshotRepository(db.jdbi()).latest(StoreFixtures.SHIPBOB.id()).map(Snapshot::id))
                    .contains(first);
        }
        assertThat(Backups.requestedRestore(dir)).isEmpty();
    }

    @Test
    void aPendingMigrationIsPrecededByABackup() throws IOException {
        seedWithBackup();
        try (Database db = Database.open(dir)) {
            // By installed_rank, not MAX("version"): versions are text, and "9" sorts after "10".
            db.jdbi().useHandle(h -> h.execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = "
                    + "(SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL)"));
        }
        // The newest migration is pending again: Flyway would re-run it and fail on existing objects, or
        // succeed; either way a backup labelled before-v… must exist first.
        try (Database db = Database.open(dir)) {
            // opened: the migration was idempotent
        } catch (WorkspaceOpenException e) {
            // expected for a non-idempotent migration
        }
        assertThat(Backups.list(dir)).anySatisfy(b -> assertThat(b.label()).startsWith("before-v"));
    }

    private Path realDb() {
        try {
            return dir.toRealPath().resolve("db");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static StockSource source(SourceInfo info) {
        return new StockSource() {
            int n;

            @Override
            public SourceInfo info() {
                return info;
            }

            @Override
            public Reading fetch() {
                return StoreFixtures.bulk(Instant.now(), ROWS, n++);
            }
        };
    }
}
