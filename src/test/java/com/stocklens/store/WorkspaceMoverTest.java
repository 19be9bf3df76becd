package com.stocklens.store;

import static com.stocklens.store.StoreFixtures.SHIPBOB;
import static com.stocklens.store.StoreFixtures.TIKTOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.WarehouseProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a workspace between its H2 file and a team PostgreSQL, both ways, all or nothing. */
class WorkspaceMoverTest {
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00.5Z");

    @TempDir
    Path dir;

    @AfterAll
    static void drop() {
        TestDatabases.dropAll();
    }

    /** A workspace with snapshots of two sources, a failed run, a connection and a profile. */
    private static void seed(Database db) {
        SnapshotRepository repo = new SnapshotRepository(db.jdbi());
        for (int i = 0; i < 3; i++) {
            Instant at = T0.plusSeconds(3600L * i);
            long r = repo.beginRun(SHIPBOB.id(), at);
            repo.commit(SHIPBOB, r, StoreFixtures.bulk(at, 2_500, i), at.plusSeconds(1), 1);
            long t = repo.beginRun(TIKTOK.id(), at);
            repo.commit(TIKTOK, t, StoreFixtures.tiktok(at, 40), at.plusSeconds(2), 1);
        }
        long failed = repo.beginRun(SHIPBOB.id(), T0.plusSeconds(20_000));
        repo.fail(failed, T0.plusSeconds(20_001), 5, 1, "HTTP 503");
        new ConnectionRepository(db.jdbi()).save(new Connection("winit:uk", ConnectionKind.WINIT, "WINIT UK", false,
                Duration.ofMinutes(15), Map.of()), T0);
        new WarehouseProfileRepository(db.jdbi()).save(WarehouseProfile.empty("shipbob:1000", "WH 0", false));
    }

    private static Map<String, Long> counts(Database db) {
        return new WorkspaceMover(db, db).targetCounts();
    }

    @Test
    void aWorkspaceMovesToPostgresAndBackWithEveryRowAndTheCountersPastTheIds() {
        try (Database h2 = Database.open(dir.resolve("laptop"))) {
            seed(h2);
            Map<String, Long> before = counts(h2);
            assertThat(before.get("stock_row")).isEqualTo(7_500);
            assertThat(before.get("channel_row")).isEqualTo(120);
            try (Database pg = TestDatabases.freshPostgres()) {
                List<WorkspaceMover.Progress> seen = new ArrayList<>();
                WorkspaceMover mover = new WorkspaceMover(h2, pg);
                assertThat(mover.tables()).doesNotContain("flyway_schema_history")
                        .containsSubsequence("snapshot", "stock_row")
                        .containsSubsequence("calibration_task", "calibration_declaration")
                        .containsSubsequence("snapshot", "sync_run");
                WorkspaceMover.Result result = mover.move(false, seen::add, () -> false);

                assertThat(result.tables()).allMatch(WorkspaceMover.TableCount::matches);
                assertThat(result.rows()).isEqualTo(before.values().stream().mapToLong(Long::longValue).sum());
                assertThat(counts(pg)).isEqualTo(before);
                assertThat(seen).last().satisfies(p -> assertThat(p.fraction()).isEqualTo(1.0));
                assertThat(seen).anySatisfy(p -> assertThat(p.table()).isEqualTo("stock_row"));
                assertThat(seen.stream().mapToLong(WorkspaceMover.Progress::allDone)).isSorted();

                SnapshotRepository onPg = new SnapshotRepository(pg.jdbi());
                assertThat(onPg.latestPerSource()).isEqualTo(new SnapshotRepository(h2.jdbi()).latestPerSource());
                assertThat(new ConnectionRepository(pg.jdbi()).find("winit:uk")).isPresent();
                // The next snapshot written on the team database gets a new id, not a copied one.
                long maxId = onPg.latestPerSource().stream().mapToLong(Snapshot::id).max().orElseThrow();
                long run = onPg.beginRun(SHIPBOB.id(), T0.plusSeconds(30_000));
                Snapshot next = onPg.commit(SHIPBOB, run, StoreFixtures.bulk(T0.plusSeconds(30_000), 10, 9),
                        T0.plusSeconds(30_001), 1);
                assertThat(next.id()).isGreaterThan(maxId);

                // And back: the team database into a new local workspace.
                try (Database back = Database.open(dir.resolve("snapshot-copy"))) {
                    WorkspaceMover.Result r2 = new WorkspaceMover(pg, back).move(false, p -> { }, () -> false);
                    assertThat(r2.tables()).allMatch(WorkspaceMover.TableCount::matches);
                    assertThat(counts(back)).isEqualTo(counts(pg));
                    assertThat(new SnapshotRepository(back.jdbi()).latest(SHIPBOB.id())).contains(next);
                    assertThat(new WarehouseProfileRepository(back.jdbi()).find("shipbob:1000")).isPresent();
                }
            }
        }
    }

    @Test
    void aNonEmptyTargetIsRefusedUnlessForced() {
        try (Database h2 = Database.inMemory("mover-src-" + System.nanoTime());
             Database pg = TestDatabases.freshPostgres()) {
            seed(h2);
            new ConnectionRepository(pg.jdbi()).save(new Connection("shipbob:other", ConnectionKind.SHIPBOB, "Other",
                    true, null, Map.of()), T0);
            WorkspaceMover mover = new WorkspaceMover(h2, pg);
            assertThat(mover.targetEmpty()).isFalse();
            assertThatThrownBy(() -> mover.move(false, p -> { }, () -> false))
                    .isInstanceOf(WorkspaceMover.MoveException.class)
                    .hasMessageContaining("already holds data (table source_connection)")
                    .hasMessageContaining("nothing was copied");
            assertThat(new ConnectionRepository(pg.jdbi()).find("shipbob:other")).as("left as it was").isPresent();

            mover.move(true, p -> { }, () -> false);
            assertThat(new ConnectionRepository(pg.jdbi()).find("shipbob:other")).as("replaced").isEmpty();
            assertThat(counts(pg)).isEqualTo(counts(h2));
        }
    }

    @Test
    void aFailureMidMoveLeavesTheTargetEmpty() {
        try (Database h2 = Database.inMemory("mover-fail-" + System.nanoTime());
             Database pg = TestDatabases.freshPostgres()) {
            seed(h2);
            WorkspaceMover mover = new WorkspaceMover(h2, pg);
            assertThatThrownBy(() -> mover.move(false, p -> {
                if (p.table().equals("stock_row") && p.rowsDone() >= 3_000) {
                    throw new IllegalStateException("network dropped");
                }
            }, () -> false))
                    .isInstanceOf(WorkspaceMover.MoveException.class)
                    .hasMessageContaining("network dropped")
                    .hasMessageEndingWith("was left empty.")
                    .satisfies(e -> assertThat(((WorkspaceMover.MoveException) e).cancelled()).isFalse());
            assertThat(mover.targetEmpty()).isTrue();

            // A cancel between batches: the same.
            int[] batches = {0};
            assertThatThrownBy(() -> mover.move(false, p -> batches[0]++, () -> batches[0] > 5))
                    .isInstanceOf(WorkspaceMover.MoveException.class)
                    .hasMessageStartingWith("The move was cancelled")
                    .satisfies(e -> assertThat(((WorkspaceMover.MoveException) e).cancelled()).isTrue());
            assertThat(mover.targetEmpty()).isTrue();

            // The source is untouched and a later move succeeds.
            assertThat(mover.move(false, p -> { }, () -> false).tables()).allMatch(WorkspaceMover.TableCount::matches);
        }
    }

    @Test
    void aFailureMidMoveIntoH2LeavesItEmptyToo() {
        try (Database pg = TestDatabases.freshPostgres(); Database h2 = Database.open(dir.resolve("new"))) {
            seed(pg);
            WorkspaceMover mover = new WorkspaceMover(pg, h2);
            assertThatThrownBy(() -> mover.move(false, p -> {
                if (p.table().equals("sync_run")) {
                    throw new IllegalStateException("disk unplugged");
                }
            }, () -> false)).isInstanceOf(WorkspaceMover.MoveException.class).hasMessageContaining("left empty");
            assertThat(mover.targetEmpty()).isTrue();
        }
    }
}
