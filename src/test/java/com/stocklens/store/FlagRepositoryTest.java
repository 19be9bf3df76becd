package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.HintKind;
import com.stocklens.domain.PairWatch;
import com.stocklens.domain.RootCauseHint;
import com.stocklens.domain.Wording;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagsChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlagRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final String SKU = StoreFixtures.sku(1);

    private Database db;

    /** The database under test: H2 in memory here; {@code FlagRepositoryOnPostgresTest} overrides it. */
    Database newDatabase(String name) {
        return Database.inMemory(name);
    }
    private FlagRepository repo;
    private JdbiFlagReader reader;

    @BeforeEach
    void open() {
        db = newDatabase("flags-" + System.nanoTime());
        // Reference data (SKU names, warehouses, sources) comes from a real snapshot commit.
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        long run = snapshots.beginRun(StoreFixtures.SHIPBOB.id(), T0);
        snapshots.commit(StoreFixtures.SHIPBOB, run, StoreFixtures.shipbob(T0, 3, 10), T0, 5);
        long run2 = snapshots.beginRun(StoreFixtures.TIKTOK.id(), T0);
        snapshots.commit(StoreFixtures.TIKTOK, run2, StoreFixtures.tiktok(T0, 3), T0, 5);
        repo = new FlagRepository(db.jdbi());
        reader = new JdbiFlagReader(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static CalibrationTask newTask(String sku, int wh, int tt) {
        return new CalibrationTask(0, sku, StoreFixtures.MORENO.id(), T0, T0.plus(Duration.ofHours(2)), wh, tt,
                CalibrationState.OPEN, null, null,
                List.of(new RootCauseHint(HintKind.RETURNS_IN_QC, 4, DeclaredCause.RETURN_AWAITING_QC),
                        new RootCauseHint(HintKind.STALE_SIDE, null, DeclaredCause.SYNC_MISS)));
    }

    private static Alert oversell(String sku, Instant at, int actual) {
        return new Alert(Alert.keyOf(AlertKind.OVERSELL_RISK, sku + "@" + StoreFixtures.MORENO.id()),
                AlertKind.OVERSELL_RISK, sku, StoreFixtures.MORENO.id(), null, at, actual, 10, Wording.text("detail " + actual),
                AlertState.ACTIVE, null, null);
    }

    private static Alert stale(Instant at) {
        return new Alert("STALE_SOURCE:tiktok:main", AlertKind.STALE_SOURCE, null, null, "tiktok:main", at, null, 900,
                Wording.text("never"), AlertState.ACTIVE, null, null);
    }

    private FlagsChanged applyAlerts(Instant at, Alert... alerts) {
        return repo.apply(at, List.of(), List.of(), List.of(), List.of(alerts), Set.of());
    }

    @Test
    void tasksRoundTripWithHintsNamesAndTheirLifecycle() {
        FlagsChanged first = repo.apply(T0, List.of(newTask(SKU, 10, 20)), List.of(), List.of(), List.of(), Set.of());
        assertThat(first.opened()).singleElement().satisfies(t -> assertThat(t.id()).isPositive());
        CalibrationTask stored = repo.openTasks().get(0);
        assertThat(stored).isEqualTo(first.opened().get(0));
        assertThat(stored.hints()).extracting(RootCauseHint::kind)
                .containsExactly(HintKind.RETURNS_IN_QC, HintKind.STALE_SIDE);

        // A second open for the same pair is refused by the store too.
        assertThat(repo.apply(T0, List.of(newTask(SKU, 10, 30)), List.of(), List.of(), List.of(), Set.of()).opened())
                .isEmpty();

        FlagBoard board = reader.read();
        assertThat(board.evaluatedAt()).isEqualTo(T0);
        assertThat(board.tasks()).singleElement().satisfies(r -> {
            assertThat(r.skuName()).isEqualTo("Product 1");
            assertThat(r.warehouse()).isEqualTo(StoreFixtures.MORENO);
            assertThat(r.task().gap()).isEqualTo(10);
        });

        CalibrationTask updated = new CalibrationTask(stored.id(), SKU, stored.warehouseId(), stored.detectedAt(),
                stored.deadline(), 10, 25, CalibrationState.OPEN, null, null, List.of());
        repo.apply(T0.plusSeconds(10), List.of(), List.of(updated), List.of(), List.of(), Set.of());
        assertThat(repo.openTasks().get(0).tiktokQuantity()).isEqualTo(25);
        assertThat(repo.openTasks().get(0).hints()).isEmpty();

        FlagsChanged resolved = repo.apply(T0.plusSeconds(20), List.of(), List.of(), List.of(updated), List.of(),
                Set.of());
        assertThat(resolved.resolved()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(CalibrationState.RESOLVED);
            assertThat(t.closedAt()).isEqualTo(T0.plusSeconds(20));
        });
        assertThat(repo.openTasks()).isEmpty();
        assertThat(reader.read().tasks()).isEmpty();
    }

    @Test
    void aDeclarationIsRecordedWithItsAuditTrailOrNotAtAll() {
        long id = repo.apply(T0, List.of(newTask(SKU, 10, 20)), List.of(), List.of(), List.of(), Set.of())
                .opened().get(0).id();
        assertThatThrownBy(() -> repo.declare(id, DeclaredCause.OTHER, " ", "amy", T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo.declare(999, DeclaredCause.DAMAGE, null, "amy", T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.declarations(id)).isEmpty();
        assertThat(repo.openTasks().get(0).state()).isEqualTo(CalibrationState.OPEN);

        CalibrationTask declared = repo.declare(id, DeclaredCause.RETURN_AWAITING_QC, "4 units in QC", "amy",
                T0.plusSeconds(60));
        assertThat(declared.state()).isEqualTo(CalibrationState.DECLARED);
        assertThat(declared.declaration().cause()).isEqualTo(DeclaredCause.RETURN_AWAITING_QC);
        assertThat(declared.declaration().declaredBy()).isEqualTo("amy");
        assertThat(declared.declaration().declaredAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(repo.declarations(id)).containsExactly(declared.declaration());
        assertThat(reader.read().tasks().get(0).task().declaration()).isEqualTo(declared.declaration());

        assertThatThrownBy(() -> repo.declare(id, DeclaredCause.DAMAGE, null, "bob", T0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(repo.declarations(id)).hasSize(1);
    }

    @Test
    void newAlertsAreRaisedOnceAndKeepTheirStateAndRaisedTime() {
        FlagsChanged first = applyAlerts(T0, oversell(SKU, T0, 12), stale(T0));
        assertThat(first.raised()).extracting(Alert::key)
                .containsExactlyInAnyOrder("OVERSELL_RISK:SKU-00001@shipbob:228", "STALE_SOURCE:tiktok:main");

        FlagsChanged again = applyAlerts(T0.plusSeconds(10), oversell(SKU, T0.plusSeconds(10), 13),
                stale(T0.plusSeconds(10)));
        assertThat(again.raised()).isEmpty();
        Alert o = alert("OVERSELL_RISK:SKU-00001@shipbob:228");
        assertThat(o.raisedAt()).isEqualTo(T0);
        assertThat(o.actual()).isEqualTo(13);

        FlagBoard board = reader.read();
        AlertRow staleRow = board.alerts().stream().filter(r -> r.alert().kind() == AlertKind.STALE_SOURCE)
                .findFirst().orElseThrow();
        assertThat(staleRow.sourceName()).isEqualTo("TikTok Shop");
        assertThat(staleRow.warehouse()).isNull();
        AlertRow overRow = board.alerts().stream().filter(r -> r.alert().kind() == AlertKind.OVERSELL_RISK)
                .findFirst().orElseThrow();
        assertThat(overRow.skuName()).isEqualTo("Product 1");
        assertThat(overRow.warehouse()).isEqualTo(StoreFixtures.MORENO);
    }

    @Test
    void acknowledgeAndSnoozeKeepTheirStateWhileTheConditionHolds() {
        applyAlerts(T0, oversell(SKU, T0, 12), stale(T0));
        repo.acknowledge("OVERSELL_RISK:SKU-00001@shipbob:228", "amy", T0.plusSeconds(5));
        repo.snooze("STALE_SOURCE:tiktok:main", Instant.parse("2026-11-27T07:00:00Z"), "bob", T0.plusSeconds(6));

        FlagsChanged later = applyAlerts(T0.plusSeconds(30), oversell(SKU, T0, 12), stale(T0));
        assertThat(later.raised()).isEmpty();
        Alert acked = alert("OVERSELL_RISK:SKU-00001@shipbob:228");
        assertThat(acked.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(acked.acknowledgedBy()).isEqualTo("amy");
        Alert snoozed = alert("STALE_SOURCE:tiktok:main");
        assertThat(snoozed.state()).isEqualTo(AlertState.SNOOZED);
        assertThat(snoozed.isShowing(T0.plusSeconds(30))).isFalse();

        // The snooze runs out with the condition still true: it is announced again.
        FlagsChanged woken = applyAlerts(Instant.parse("2026-11-27T07:00:00Z"), oversell(SKU, T0, 12), stale(T0));
        assertThat(woken.raised()).extracting(Alert::key).containsExactly("STALE_SOURCE:tiktok:main");
        assertThat(alert("STALE_SOURCE:tiktok:main").state()).isEqualTo(AlertState.ACTIVE);
        assertThat(alert("OVERSELL_RISK:SKU-00001@shipbob:228").state()).isEqualTo(AlertState.ACKNOWLEDGED);

        assertThat(repo.alertHistory("STALE_SOURCE:tiktok:main"))
                .extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("RAISED", "SNOOZED", "SNOOZE_ENDED");
        assertThatThrownBy(() -> repo.acknowledge("NOPE", "amy", T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClearedAlertReopensWithANewRaisedTime() {
        applyAlerts(T0, oversell(SKU, T0, 12));
        repo.acknowledge("OVERSELL_RISK:SKU-00001@shipbob:228", "amy", T0.plusSeconds(1));
        applyAlerts(T0.plusSeconds(10));
        Alert cleared = alert("OVERSELL_RISK:SKU-00001@shipbob:228");
        assertThat(cleared.state()).isEqualTo(AlertState.CLEARED);
        assertThat(reader.read().alerts()).isEmpty();
        assertThatThrownBy(() -> repo.snooze(cleared.key(), T0.plusSeconds(100), "amy", T0.plusSeconds(11)))
                .isInstanceOf(IllegalStateException.class);

        FlagsChanged back = applyAlerts(T0.plusSeconds(20), oversell(SKU, T0.plusSeconds(20), 14));
        assertThat(back.raised()).singleElement().satisfies(a -> assertThat(a.raisedAt()).isEqualTo(T0.plusSeconds(20)));
        Alert reopened = alert("OVERSELL_RISK:SKU-00001@shipbob:228");
        assertThat(reopened.state()).isEqualTo(AlertState.ACTIVE);
        assertThat(reopened.raisedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(reopened.acknowledgedBy()).isNull();
        assertThat(repo.alertHistory(reopened.key())).extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("RAISED", "ACKNOWLEDGED", "CLEARED", "REOPENED");
    }

    @Test
    void undecidedKeysAreNeitherClearedNorRaised() {
        applyAlerts(T0, oversell(SKU, T0, 12));
        String key = "OVERSELL_RISK:SKU-00001@shipbob:228";
        FlagsChanged c = repo.apply(T0.plusSeconds(10), List.of(), List.of(), List.of(), List.of(), Set.of(key));
        assertThat(c.raised()).isEmpty();
        assertThat(alert(key).state()).isEqualTo(AlertState.ACTIVE);
    }

    @Test
    void slowMovingAlertsKeepTheirWeightAndListHeaviestFirst() {
        // Two slow-moving lines raised together: SKU 1 holds 3 units × 200 days = 600 unit-days, SKU 2 10 × 95 =
        // 950; 950 > 600, so SKU 2 is listed first although its key sorts after SKU 1's.
        Alert light = new Alert("SLOW_MOVING:" + SKU + "@shipbob:228", AlertKind.SLOW_MOVING, SKU, "shipbob:228", null,
                T0, 3, 90, Wording.text("3 units"), AlertState.ACTIVE, null, null, 600L);
        String sku2 = StoreFixtures.sku(2);
        Alert heavy = new Alert("SLOW_MOVING:" + sku2 + "@shipbob:228", AlertKind.SLOW_MOVING, sku2, "shipbob:228",
                null, T0, 10, 90, Wording.text("10 units"), AlertState.ACTIVE, null, null, 950L);
        applyAlerts(T0, light, heavy);
        assertThat(reader.read().alerts()).extracting(r -> r.alert().weight()).containsExactly(950L, 600L);
        // The weight is refreshed with the figures.
        applyAlerts(T0.plusSeconds(10), new Alert(light.key(), AlertKind.SLOW_MOVING, SKU, "shipbob:228", null,
                T0, 3, 90, Wording.text("3 units"), AlertState.ACTIVE, null, null, 1200L), heavy);
        assertThat(alert(light.key()).weight()).isEqualTo(1200L);
    }

    @Test
    void theSyncLagMemoryIsKeptWithTheEvaluation() {
        PairWatch w = new PairWatch(SKU, "shipbob:228", 37, 40, T0, 40, 40, T0.plusSeconds(30));
        repo.apply(T0, List.of(), List.of(), List.of(), List.of(), Set.of(), List.of(w));
        assertThat(repo.watches()).containsExactly(Map.entry(w.key(), w));
        PairWatch moved = new PairWatch(SKU, "shipbob:228", 37, 40, T0, 40, 37, T0.plusSeconds(90));
        repo.apply(T0.plusSeconds(60), List.of(), List.of(), List.of(), List.of(), Set.of(), List.of(moved));
        assertThat(repo.watches()).containsExactly(Map.entry(w.key(), moved));
    }

    private Alert alert(String key) {
        return repo.alerts().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
    }
}
