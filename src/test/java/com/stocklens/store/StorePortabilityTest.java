package com.stocklens.store;

import static com.stocklens.store.StoreFixtures.SHIPBOB;
import static com.stocklens.store.StoreFixtures.TIKTOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.Market;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.service.SnapshotManifest;
import com.stocklens.store.TestDatabases.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The store's behaviour that is not covered by the {@code *OnPostgresTest} subclasses, run on both
 * engines: snapshot atomicity under an injected write failure, stored connections (booleans,
 * nullable durations), warehouse profiles (decimals, nullable booleans), and a snapshot file
 * exported from either engine restoring into a workspace.
 */
class StorePortabilityTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00.123456Z");

    @TempDir
    Path dir;

    @AfterEach
    void disarm() {
        System.clearProperty("stocklens.faults");
        System.clearProperty("stocklens.faults.diskFullAtStep");
        FaultInjection.reload();
    }

    @AfterAll
    static void drop() {
        TestDatabases.dropAll();
    }

    private static int count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWriteFailureMidCommitLeavesNothingOfTheSnapshot(Engine engine) {
        try (Database db = TestDatabases.fresh(engine, "atomic")) {
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            long run1 = repo.beginRun(SHIPBOB.id(), T0);
            Snapshot good = repo.commit(SHIPBOB, run1, StoreFixtures.bulk(T0, 3_000, 1), T0.plusSeconds(1), 1);
            int rowsBefore = count(db, "SELECT COUNT(*) FROM stock_row");

            System.setProperty("stocklens.faults", FaultInjection.ARM_VALUE);
            System.setProperty("stocklens.faults.diskFullAtStep", "3"); // in the middle of the stock rows
            FaultInjection.reload();
            long run2 = repo.beginRun(SHIPBOB.id(), T0.plusSeconds(60));
            assertThatThrownBy(() -> repo.commit(SHIPBOB, run2, StoreFixtures.bulk(T0.plusSeconds(60), 3_000, 2),
                    T0.plusSeconds(61), 1))
                    .isInstanceOf(StoreWriteException.class)
                    .hasMessageContaining(engine == Engine.H2 ? "disk full: free space on"
                            : "the team database server jdbc:postgresql://")
                    .hasMessageContaining("nothing of this sync was stored");
            disarm();

            assertThat(repo.latest(SHIPBOB.id())).contains(good);
            assertThat(count(db, "SELECT COUNT(*) FROM snapshot")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM stock_row")).isEqualTo(rowsBefore);
            assertThat(repo.run(run2).orElseThrow().status()).as("an incomplete run has no snapshot")
                    .isEqualTo(SyncStatus.RUNNING);
            repo.fail(run2, T0.plusSeconds(62), 1, 1, "disk full");
            List<SyncRun> runs = repo.recentRuns(SHIPBOB.id(), 1);
            assertThat(runs).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(SyncStatus.FAILED));

            // the identity counter is not confused by the rolled-back insert
            long run3 = repo.beginRun(SHIPBOB.id(), T0.plusSeconds(120));
            Snapshot next = repo.commit(SHIPBOB, run3, StoreFixtures.bulk(T0.plusSeconds(120), 30, 3),
                    T0.plusSeconds(121), 1);
            assertThat(next.id()).isGreaterThan(good.id());
            assertThat(repo.latest(SHIPBOB.id())).contains(next);
        }
    }

    @org.junit.jupiter.api.Test
    void postgresDiskAndIoFailuresAreClassifiedBySqlState() {
        try (Database db = TestDatabases.freshPostgres()) {
            RuntimeException full = StoreWriteFailures.translate(db.jdbi(), new IllegalStateException("insert failed",
                    new java.sql.SQLException("could not extend file \"base/16384/2619\"", "53100")));
            assertThat(full).isInstanceOf(StoreWriteException.class)
                    .hasMessageStartingWith("the team database server jdbc:postgresql://")
                    .hasMessageContaining("is out of disk space; nothing of this sync was stored");
            RuntimeException io = StoreWriteFailures.translate(db.jdbi(), new IllegalStateException("insert failed",
                    new java.sql.SQLException("could not read block 3", "58030")));
            assertThat(io).isInstanceOf(StoreWriteException.class).hasMessageContaining("could not read block 3");
            IllegalStateException other = new IllegalStateException("x",
                    new java.sql.SQLException("duplicate key", "23505"));
            assertThat(StoreWriteFailures.translate(db.jdbi(), other)).isSameAs(other);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storedConnectionsRoundTrip(Engine engine) {
        try (Database db = TestDatabases.fresh(engine, "connections")) {
            ConnectionRepository repo = new ConnectionRepository(db.jdbi());
            Connection winit = new Connection("winit:uk", ConnectionKind.WINIT, "WINIT UK", false,
                    Duration.ofMinutes(20), Map.of());
            Connection shipbob = new Connection("shipbob:main", ConnectionKind.SHIPBOB, "ShipBob", true, null, Map.of());
            repo.save(winit, T0);
            repo.save(shipbob, T0.plusSeconds(1));
            assertThat(repo.list()).containsExactly(winit, shipbob);
            Connection renamed = new Connection("winit:uk", ConnectionKind.WINIT, "WINIT United Kingdom", true, null,
                    Map.of());
            repo.save(renamed, T0.plusSeconds(2));
            assertThat(repo.find("winit:uk")).contains(renamed);
            assertThat(repo.delete("shipbob:main")).isTrue();
            assertThat(repo.delete("shipbob:main")).isFalse();
            assertThat(repo.list()).containsExactly(renamed);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void warehouseProfilesKeepDecimalsAndUnknownBooleans(Engine engine) {
        try (Database db = TestDatabases.fresh(engine, "profiles")) {
            WarehouseProfileRepository repo = new WarehouseProfileRepository(db.jdbi());
            WarehouseProfile p = new WarehouseProfile("winit:UKGF", "WINIT UK Grays", false, List.of(Market.GB),
                    List.of("Essex"), true, null, 24, false, List.of("Shenzhen → Felixstowe sea"),
                    0.4512, 0.6, null, 1.25, 0.3, "GBP", "quoted 2026", T0);
            repo.save(p);
            WarehouseProfile back = repo.find("winit:UKGF").orElseThrow();
            assertThat(back.apiReady()).isTrue();
            assertThat(back.certified()).as("unknown stays unknown").isNull();
            assertThat(back.localReturns()).isFalse();
            assertThat(back.storage0to90()).isEqualTo(0.4512);
            assertThat(back.storage181plus()).isNull();
            assertThat(back.markets()).containsExactly(Market.GB);
            assertThat(repo.saveIfAbsent(p)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSnapshotFileExportedFromEitherEngineRestoresIntoAWorkspace(Engine engine) {
        Path file = dir.resolve("team.stocklens");
        Snapshot wh;
        try (Database db = TestDatabases.fresh(engine, "archive")) {
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            long r1 = repo.beginRun(SHIPBOB.id(), T0);
            wh = repo.commit(SHIPBOB, r1, StoreFixtures.shipbob(T0, 5, 10), T0.plusSeconds(1), 1);
            long r2 = repo.beginRun(TIKTOK.id(), T0.plusSeconds(5));
            repo.commit(TIKTOK, r2, StoreFixtures.tiktok(T0.plusSeconds(5), 5), T0.plusSeconds(6), 1);
            long r3 = repo.beginRun(SHIPBOB.id(), T0.plusSeconds(3600));
            repo.commit(SHIPBOB, r3, StoreFixtures.shipbob(T0.plusSeconds(3600), 5, 99), T0.plusSeconds(3601), 1);

            SnapshotManifest m = SnapshotArchive.export(db.jdbi(), new SnapshotArchive.Request(
                    T0.plusSeconds(60), null, "Team", "live", "test", Map.of("flags.lag_minutes", "30")),
                    T0.plusSeconds(7200), file);
            assertThat(m.rows()).containsEntry("snapshot", 2L).containsEntry("stock_row", 5L)
                    .containsEntry("channel_row", 5L);
            assertThat(m.sources()).extracting(SnapshotManifest.SourceMoment::snapshotAt)
                    .containsExactly(T0, T0.plusSeconds(5));
        }
        Path workspace = dir.resolve("restored");
        SnapshotArchive.restore(file, workspace);
        try (Database restored = Database.open(workspace)) {
            SnapshotRepository repo = new SnapshotRepository(restored.jdbi());
            assertThat(repo.latest(SHIPBOB.id())).contains(wh);
            long r = repo.beginRun(SHIPBOB.id(), T0.plusSeconds(9000));
            assertThat(r).as("identity counters moved past the restored ids").isGreaterThan(1);
        }
    }
}
