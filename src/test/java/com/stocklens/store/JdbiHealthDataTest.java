package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The raw history for the health report: last snapshot per Beijing day, the carry-in, the TikTok mapping. */
class JdbiHealthDataTest {
    private Database db;

    /** The database under test: H2 in memory here; {@code JdbiHealthDataOnPostgresTest} overrides it. */
    Database newDatabase(String name) {
        return Database.inMemory(name);
    }
    private SnapshotRepository repo;

    @BeforeEach
    void open() {
        db = newDatabase("health-" + System.nanoTime());
        repo = new SnapshotRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void commit(SourceInfo source, Reading reading, Instant at) {
        long run = repo.beginRun(source.id(), at);
        repo.commit(source, run, reading, at.plusSeconds(2), 2000);
    }

    @Test
    void lastSnapshotPerBeijingDayCarryInAndMapping() {
        // 2026-06-30 20:00 UTC = 07-01 04:00 Beijing; 06-30 10:00 UTC = 06-30 18:00 Beijing (before the range).
        commit(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(Instant.parse("2026-06-30T10:00:00Z"), 2, 1), Instant.parse("2026-06-30T10:00:00Z"));
        commit(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(Instant.parse("2026-06-30T20:00:00Z"), 2, 5), Instant.parse("2026-06-30T20:00:00Z"));
        commit(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(Instant.parse("2026-07-01T08:00:00Z"), 2, 9), Instant.parse("2026-07-01T08:00:00Z"));
        commit(StoreFixtures.TIKTOK, StoreFixtures.tiktok(Instant.parse("2026-07-01T08:00:00Z"), 1), Instant.parse("2026-07-01T08:00:00Z"));

        JdbiHealthData.History h = new JdbiHealthData(db.jdbi()).read(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 3));
        assertThat(h.firstDay()).isEqualTo(LocalDate.of(2026, 6, 30));
        List<JdbiHealthData.SnapshotDay> days = h.days().stream()
                .sorted(Comparator.comparing(d -> d.day() == null ? LocalDate.MIN : d.day())).toList();
        assertThat(days).hasSize(2);
        assertThat(days.get(0).day()).isNull(); // the carry-in from 06-30 (Beijing)
        assertThat(days.get(0).rows()).extracting(JdbiHealthData.Row::onHand).containsExactlyInAnyOrder(1, 2);
        assertThat(days.get(1).day()).isEqualTo(LocalDate.of(2026, 7, 1));
        // The day's last snapshot (base 9), not its first (base 5).
        assertThat(days.get(1).rows()).extracting(JdbiHealthData.Row::onHand).containsExactlyInAnyOrder(9, 10);
        assertThat(h.haveTikTok()).isTrue();
        assertThat(h.mapped()).containsExactly(StoreFixtures.sku(0));
        assertThat(h.names()).containsEntry(StoreFixtures.sku(1), "Product 1");
    }

    @Test
    void asOfAMomentOnlyTheSnapshotsTakenByThenCount() {
        commit(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(Instant.parse("2026-06-30T20:00:00Z"), 2, 5), Instant.parse("2026-06-30T20:00:00Z"));
        commit(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(Instant.parse("2026-07-01T08:00:00Z"), 2, 9), Instant.parse("2026-07-01T08:00:00Z"));
        commit(StoreFixtures.TIKTOK, StoreFixtures.tiktok(Instant.parse("2026-07-01T08:00:00Z"), 1), Instant.parse("2026-07-01T08:00:00Z"));

        // 07-01 06:00 UTC (14:00 Beijing): the day's close then was the 04:00 Beijing snapshot, TikTok not yet read.
        JdbiHealthData.History then = new JdbiHealthData(db.jdbi()).read(LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 7, 1), Instant.parse("2026-07-01T06:00:00Z"));
        assertThat(then.days()).singleElement().satisfies(d ->
                assertThat(d.rows()).extracting(JdbiHealthData.Row::onHand).containsExactlyInAnyOrder(5, 6));
        assertThat(then.haveTikTok()).isFalse();
        JdbiHealthData.History now = new JdbiHealthData(db.jdbi()).read(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1));
        assertThat(now.days()).singleElement().satisfies(d ->
                assertThat(d.rows()).extracting(JdbiHealthData.Row::onHand).containsExactlyInAnyOrder(9, 10));
        assertThat(now.haveTikTok()).isTrue();
    }

    @Test
    void emptyStoreHasNoHistory() {
        JdbiHealthData.History h = new JdbiHealthData(db.jdbi()).read(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 3));
        assertThat(h.firstDay()).isNull();
        assertThat(h.days()).isEmpty();
        assertThat(h.haveTikTok()).isFalse();
    }

    @Test
    void aPairIsBlockedWhileItsCalibrationTaskIsOverdueAndUndeclared() {
        commit(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(Instant.parse("2026-07-01T08:00:00Z"), 3, 9),
                Instant.parse("2026-07-01T08:00:00Z"));
        Instant t0 = Instant.parse("2026-07-01T08:00:00Z");
        FlagRepository flags = new FlagRepository(db.jdbi());
        List<CalibrationTask> tasks = List.of(task(StoreFixtures.sku(1), t0), task(StoreFixtures.sku(2), t0));
        long declared = flags.apply(t0, tasks, List.of(), List.of(), List.of(), Set.of()).opened().get(1).id();
        JdbiHealthData data = new JdbiHealthData(db.jdbi());
        // Deadline t0 + 2 h: one second before it nothing is blocked; at it, both undeclared tasks are.
        assertThat(data.blocked(t0.plusSeconds(7199))).isEmpty();
        assertThat(data.blocked(t0.plusSeconds(7200))).containsExactlyInAnyOrder(
                StoreFixtures.sku(1) + "@shipbob:228", StoreFixtures.sku(2) + "@shipbob:228");
        // Declared late (after the deadline): from then on TikTok has its cause; before it, still blocked.
        flags.declare(declared, DeclaredCause.DAMAGE, null, "amy", t0.plusSeconds(9000));
        assertThat(data.blocked(t0.plusSeconds(8000))).hasSize(2);
        assertThat(data.blocked(t0.plusSeconds(9000))).containsExactly(StoreFixtures.sku(1) + "@shipbob:228");
    }

    private static CalibrationTask task(String sku, Instant at) {
        return new CalibrationTask(0, sku, "shipbob:228", at, at.plus(Duration.ofHours(2)), 10, 20,
                CalibrationState.OPEN, null, null, List.of());
    }
}
