package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.Wording;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The red flags as of a past moment, from a recorded history written at fixed instants (a fake clock):
 * a task opened at t1 and closed at t3, an alert raised at t1, acknowledged and then cleared.
 */
class FlagMomentsTest {
    private static final Instant T1 = Instant.parse("2026-11-20T02:00:00Z");
    private static final Instant T2 = T1.plus(Duration.ofMinutes(35));
    private static final Instant T2_DECLARED = T1.plus(Duration.ofMinutes(50));
    private static final Instant T2_LATER = T1.plus(Duration.ofMinutes(70));
    private static final Instant T3 = T1.plus(Duration.ofMinutes(90));
    private static final Instant T4 = T1.plus(Duration.ofHours(5));
    private static final String SKU = StoreFixtures.sku(1);
    private static final String WH = StoreFixtures.MORENO.id();

    private Database db;
    private FlagRepository repo;
    private JdbiFlagReader reader;
    private long taskId;
    private String alertKey;

    @BeforeEach
    void record() {
        db = Database.inMemory("flag-moments-" + System.nanoTime());
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun(StoreFixtures.SHIPBOB.id(), T1),
                StoreFixtures.shipbob(T1, 3, 10), T1, 5);
        repo = new FlagRepository(db.jdbi());
        reader = new JdbiFlagReader(db.jdbi());
        CalibrationTask task = new CalibrationTask(0, SKU, WH, T1, T1.plus(Duration.ofHours(2)), 10, 20,
                CalibrationState.OPEN, null, null, List.of());
        Alert oversell = new Alert(Alert.keyOf(AlertKind.OVERSELL_RISK, SKU + "@" + WH), AlertKind.OVERSELL_RISK,
                SKU, WH, null, T1, 20, 10, Wording.text("now's figures"), AlertState.ACTIVE, null, null);
        alertKey = oversell.key();
        // t1: the rules open the task and raise the alert.
        taskId = repo.apply(T1, List.of(task), List.of(), List.of(), List.of(oversell), Set.of()).opened().get(0).id();
        // Between t2 and t3 a person declares the cause and acknowledges the alert.
        repo.declare(taskId, DeclaredCause.SYNC_MISS, null, "Li", T2_DECLARED);
        repo.acknowledge(alertKey, "Li", T2_DECLARED);
        // t3: the gap closed (the task resolves) and the condition is gone (the alert clears).
        CalibrationTask open = repo.openTasks().get(0);
        repo.apply(T3, List.of(), List.of(), List.of(open), List.of(), Set.of());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void atT2TheTaskIsOpenWithTheTimeLeftThenAndTheAlertActive() {
        FlagBoard board = reader.readAt(T2);

        assertThat(board.isPast()).isTrue();
        assertThat(board.asOf()).isEqualTo(T2);
        assertThat(board.tasks()).singleElement().satisfies(row -> {
            CalibrationTask t = row.task();
            assertThat(t.id()).isEqualTo(taskId);
            assertThat(t.state()).as("declared only later").isEqualTo(CalibrationState.OPEN);
            assertThat(t.declaration()).isNull();
            assertThat(t.closedAt()).as("closed only later").isNull();
            assertThat(t.timeLeft(T2)).as("deadline − t2").isEqualTo(Duration.ofMinutes(85));
            assertThat(row.skuName()).isNotBlank();
        });
        assertThat(board.alerts()).singleElement().satisfies(a -> {
            assertThat(a.alert().key()).isEqualTo(alertKey);
            assertThat(a.alert().state()).isEqualTo(AlertState.ACTIVE);
            assertThat(a.alert().raisedAt()).isEqualTo(T1);
            assertThat(a.alert().actual()).as("figures are kept only as they are now").isNull();
            assertThat(a.alert().detail()).isNull();
        });
        assertThat(board.notRecorded()).contains(AlertKind.OVERSELL_RISK);
    }

    @Test
    void afterTheDeclarationTheTaskIsDeclaredAndTheAlertAcknowledged() {
        FlagBoard board = reader.readAt(T2_LATER);

        assertThat(board.tasks()).extracting(TaskRow::task).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(CalibrationState.DECLARED);
            assertThat(t.declaration().cause()).isEqualTo(DeclaredCause.SYNC_MISS);
            assertThat(t.declaration().declaredAt()).isEqualTo(T2_DECLARED);
        });
        assertThat(board.alerts()).singleElement().satisfies(a -> {
            assertThat(a.alert().state()).isEqualTo(AlertState.ACKNOWLEDGED);
            assertThat(a.alert().acknowledgedBy()).isEqualTo("Li");
        });
    }

    @Test
    void atT4TheTaskAndTheAlertAreGoneAndBeforeT1NothingWasThere() {
        assertThat(reader.readAt(T4).tasks()).isEmpty();
        assertThat(reader.readAt(T4).alerts()).isEmpty();
        assertThat(reader.readAt(T3).tasks()).as("closed at t3: not open at t3").isEmpty();
        assertThat(reader.readAt(T1.minusSeconds(1)).tasks()).isEmpty();
        assertThat(reader.readAt(T1.minusSeconds(1)).alerts()).isEmpty();
        // Now the store has nothing open either; the live read is unchanged by the history.
        assertThat(reader.read().tasks()).isEmpty();
    }

    @Test
    void theSnapshotExportReadsThePastTheSameWay() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("flag-moments");
        try {
            java.nio.file.Path file = dir.resolve("t2.stocklens");
            SnapshotArchive.export(db.jdbi(), new SnapshotArchive.Request(T2, null, "shop", "demo", "test", null),
                    T4, file);
            java.nio.file.Path restored = dir.resolve("restored");
            SnapshotArchive.restore(file, restored);
            try (Database opened = Database.open(restored)) {
                List<CalibrationTask> open = new FlagRepository(opened.jdbi()).openTasks();
                assertThat(open).singleElement().satisfies(t -> {
                    assertThat(t.id()).isEqualTo(taskId);
                    assertThat(t.state()).isEqualTo(CalibrationState.OPEN);
                    assertThat(t.closedAt()).isNull();
                });
                assertThat(new JdbiFlagReader(opened.jdbi()).readAt(T2).tasks()).extracting(r -> r.task().state())
                        .containsExactly(CalibrationState.OPEN);
            }
        } finally {
            SnapshotArchive.discard(dir);
        }
    }
}
