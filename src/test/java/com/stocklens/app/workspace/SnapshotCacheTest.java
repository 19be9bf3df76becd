package com.stocklens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotArchive;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot file opened again starts from the database kept of its first restore: the same rows, the file still
 * verified, another file or another build restoring as before, and a kept database that no longer opens as kept
 * never shows in its place.
 */
class SnapshotCacheTest {
    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-11-27T06:00:00Z");

    private Path snapshotFile(String name, int rows) {
        Path out = dir.resolve(name + ".stocklens");
        try (Database db = Database.open(dir.resolve("source-" + name))) {
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            repo.commit(StoreFixtures.SHIPBOB, repo.beginRun(StoreFixtures.SHIPBOB.id(), T),
                    StoreFixtures.bulk(T, rows, 1), T, 5);
            SnapshotArchive.export(db.jdbi(), new SnapshotArchive.Request(T, null, "cache test", "demo", "test",
                    Map.of()), T, out);
        }
        return out;
    }

    private OpenWorkspace open(Path file) {
        LaunchOptions options = new LaunchOptions(false, dir.resolve("data"), null, Duration.ofSeconds(60),
                Duration.ofMinutes(15)).withSnapshot(file);
        return WorkspaceOpener.open(options, Clock.systemUTC(), Map.of(), PassphrasePrompt.NONE);
    }

    private static int stockRows(OpenWorkspace open) {
        return open.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM stock_row")
                .mapTo(Integer.class).one());
    }

    private Path cacheDir() {
        return dir.resolve("data").resolve(SnapshotCache.FOLDER);
    }

    private List<Path> kept() throws Exception {
        return new SnapshotCache(cacheDir(), "any").entries();
    }

    @Test
    void theSecondOpenOfAFileStartsFromItsKeptDatabase() throws Exception {
        Path file = snapshotFile("a", 300);
        try (OpenWorkspace first = open(file)) {
            assertThat(stockRows(first)).isEqualTo(300);
        }
        assertThat(kept()).hasSize(1);
        Path entry = kept().get(0);
        // Mark the kept database (one SKU's rows fewer) to tell its use from a second restore.
        Path marked = dir.resolve("marked");
        Files.createDirectories(Database.fileIn(marked).getParent());
        Files.copy(entry, Database.fileIn(marked));
        int deleted;
        try (Database db = Database.open(marked, Clock.systemUTC(), false)) {
            deleted = db.jdbi().withHandle(h -> h.execute("DELETE FROM stock_row WHERE seller_sku = "
                    + "(SELECT MIN(seller_sku) FROM stock_row)"));
        }
        assertThat(deleted).isPositive();
        Files.copy(Database.fileIn(marked), entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(entry, FileTime.from(T));
        try (OpenWorkspace again = open(file)) {
            assertThat(stockRows(again)).isEqualTo(300 - deleted);
            assertThat(again.readOnly()).isTrue();
            assertThat(again.clock().instant()).isEqualTo(T);
        }
        // Used, not restored: the entry is the same one, marked as used now.
        assertThat(kept()).containsExactly(entry);
        assertThat(Files.getLastModifiedTime(entry).toInstant()).isAfter(T);
    }

    @Test
    void aKeptDatabaseThatNoLongerOpensIsRestoredOverAndReplaced() throws Exception {
        Path file = snapshotFile("a", 120);
        open(file).close();
        Path entry = kept().get(0);
        Files.write(entry, new byte[64 * 1024]); // not an H2 file: the open would move it aside and start empty
        try (OpenWorkspace again = open(file)) {
            assertThat(stockRows(again)).isEqualTo(120);
        }
        assertThat(kept()).hasSize(1);
        assertThat(Files.size(kept().get(0))).isNotEqualTo(64L * 1024);
    }

    @Test
    void aChangedFileIsRestoredAndOnlyTheTwoLatestFilesAreKept() throws Exception {
        Path a = snapshotFile("a", 50);
        Path b = snapshotFile("b", 60);
        Path c = snapshotFile("c", 70);
        for (Path file : List.of(a, b, c)) {
            open(file).close();
        }
        assertThat(kept()).hasSize(SnapshotCache.KEEP);
        // The same name with other bytes is another file.
        Files.copy(a, c, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (OpenWorkspace open = open(c)) {
            assertThat(stockRows(open)).isEqualTo(50);
        }
        try (OpenWorkspace open = open(b)) {
            assertThat(stockRows(open)).isEqualTo(60);
        }
    }

    @Test
    void anotherBuildFindsNothingAndTheKeyFollowsTheBytes() throws Exception {
        Path a = snapshotFile("a", 10);
        SnapshotCache one = new SnapshotCache(cacheDir(), "0.1.0");
        SnapshotCache other = new SnapshotCache(cacheDir(), "0.2.0");
        assertThat(one.key(a)).isNotEqualTo(other.key(a));
        assertThat(one.key(a)).isEqualTo(one.key(a));
        assertThat(one.key(dir.resolve("missing.stocklens"))).isEmpty();
        Path db = dir.resolve("some.mv.db");
        Files.writeString(db, "kept");
        one.keep(one.key(a).orElseThrow(), db);
        assertThat(other.copyInto(other.key(a).orElseThrow(), dir.resolve("w/db/stocklens.mv.db"))).isFalse();
        assertThat(one.copyInto(one.key(a).orElseThrow(), dir.resolve("w/db/stocklens.mv.db"))).isTrue();
        assertThat(Files.readString(dir.resolve("w/db/stocklens.mv.db"))).isEqualTo("kept");
    }

    @Test
    void nothingIsKeptThatWouldLeaveTheDiskNearlyFull() throws Exception {
        Path a = snapshotFile("a", 10);
        Path db = dir.resolve("some.mv.db");
        Files.writeString(db, "kept");
        long free = Files.getFileStore(dir).getUsableSpace();
        SnapshotCache tight = new SnapshotCache(cacheDir(), "0.1.0", free);
        tight.keep(tight.key(a).orElseThrow(), db);
        assertThat(tight.entries()).isEmpty();
        SnapshotCache roomy = new SnapshotCache(cacheDir(), "0.1.0", 0);
        roomy.keep(roomy.key(a).orElseThrow(), db);
        assertThat(roomy.entries()).hasSize(1);
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTheRestore() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(cacheDir(), "a file where the folder would be");
        Path file = snapshotFile("a", 40);
        try (OpenWorkspace open = open(file)) {
            assertThat(stockRows(open)).isEqualTo(40);
        }
        try (OpenWorkspace open = open(file)) {
            assertThat(stockRows(open)).isEqualTo(40);
        }
    }
}
