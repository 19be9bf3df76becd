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
