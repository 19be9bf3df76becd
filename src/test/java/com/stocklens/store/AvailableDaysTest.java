package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Snapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The days each SKU × warehouse was seen available, kept across reads: what a read counts, what it reads again
 * and what it leaves alone. Fixtures: {@link StoreFixtures#shipbob} in Moreno Valley ({@code shipbob:228}),
 * available = max(0, base + i − 1) for SKU i.
 */
class AvailableDaysTest {
    private static final String MORENO = StoreFixtures.MORENO.id();
    /** 2026-11-26 10:00 in Beijing. */
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-26");
    /** The window [25th, 27th) in Beijing. */
    private static final Instant START = LocalDate.parse("2026-11-25").atStartOfDay(BeijingTime.ZONE).toInstant();
    private static final Instant END = LocalDate.parse("2026-11-27").atStartOfDay(BeijingTime.ZONE).toInstant();

    private Database db;
    private SnapshotRepository snapshots;
    private final AvailableDays days = new AvailableDays();

    /** The database under test: H2 in memory here; {@code AvailableDaysOnPostgresTest} overrides it. */
    Database newDatabase(String name) {
        return Database.inMemory(name);
    }

    @BeforeEach
    void open() {
        db = newDatabase("available-days-" + System.nanoTime());
        snapshots = new SnapshotRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Snapshot commit(Reading reading, Instant at) {
        return snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun(StoreFixtures.SHIPBOB.id(), at), reading,
                at, 10);
    }

    private AvailableDays.View read() {
        return db.jdbi().inTransaction(h -> days.read(h, START, END));
    }

    @Test
    void aDayIsCountedOnceThenOnlyItsNewSnapshotsAreRead() {
        // base 0: SKU 0 and 1 at 0, SKU 2 at 1 — one row available.
        commit(StoreFixtures.shipbob(T0, 3, 0), T0);
        AvailableDays.View first = read();
        assertThat(first.available(StoreFixtures.sku(2), MORENO, DAY)).isTrue();
        assertThat(first.available(StoreFixtures.sku(1), MORENO, DAY)).isFalse();
        assertThat(first.available(StoreFixtures.sku(2), MORENO, DAY.minusDays(1))).as("no snapshot that day").isFalse();
        assertThat(first.available(StoreFixtures.sku(2), "shipbob:300", DAY)).as("another warehouse").isFalse();
        assertThat(first.availableAnywhere(StoreFixtures.sku(2), DAY)).isTrue();
        assertThat(first.availableAnywhere(StoreFixtures.sku(0), DAY)).isFalse();
        assertThat(days.rowsRead()).isEqualTo(1);

        read();
        assertThat(days.rowsRead()).as("nothing new: no stock row read").isEqualTo(1);

        // Later that day, base 1: SKU 1 at 1 (SKU 0 still 0): only the new snapshot's one available row is read.
        commit(StoreFixtures.shipbob(T0.plusSeconds(3600), 2, 1), T0.plusSeconds(3600));
        AvailableDays.View second = read();
        assertThat(days.rowsRead()).isEqualTo(2);
        assertThat(second.available(StoreFixtures.sku(1), MORENO, DAY)).isTrue();
        assertThat(second.available(StoreFixtures.sku(2), MORENO, DAY)).as("the earlier snapshot still counts").isTrue();
        assertThat(second.available(StoreFixtures.sku(0), MORENO, DAY)).isFalse();
        assertThat(first.available(StoreFixtures.sku(1), MORENO, DAY)).as("a view given out does not change").isFalse();
    }

    @Test
    void aDayThatLostASnapshotIsReadAgainWhole() {
        commit(StoreFixtures.shipbob(T0, 3, 0), T0);
        Snapshot later = commit(StoreFixtures.shipbob(T0.plusSeconds(3600), 2, 1), T0.plusSeconds(3600));
        assertThat(read().available(StoreFixtures.sku(1), MORENO, DAY)).isTrue();
        assertThat(days.rowsRead()).isEqualTo(2);

        new SnapshotCompaction(db.jdbi()).delete(StoreFixtures.SHIPBOB.id(), List.of(later.id()));
        AvailableDays.View after = read();
        assertThat(after.available(StoreFixtures.sku(1), MORENO, DAY)).as("only the deleted snapshot showed it").isFalse();
        assertThat(after.available(StoreFixtures.sku(2), MORENO, DAY)).isTrue();
        assertThat(days.rowsRead()).as("the day's remaining snapshot read again").isEqualTo(3);
    }

    @Test
    void aSnapshotWrittenAgainUnderItsIdWithOtherRowsIsReadAgain() {
        // The demo's history backfill deletes its past snapshots and may write them again under the same ids.
        Snapshot s = commit(StoreFixtures.shipbob(T0, 3, 0), T0);
        assertThat(read().available(StoreFixtures.sku(2), MORENO, DAY)).isTrue();
        db.jdbi().useTransaction(h -> {
            h.execute("DELETE FROM stock_row WHERE snapshot_id = ?", s.id());
            h.execute("UPDATE snapshot SET row_count = 1 WHERE id = ?", s.id());
            h.execute("INSERT INTO stock_row (snapshot_id, seller_sku, warehouse_id, available) VALUES (?, ?, ?, 4)",
                    s.id(), StoreFixtures.sku(0), MORENO);
        });
        AvailableDays.View again = read();
        assertThat(again.available(StoreFixtures.sku(0), MORENO, DAY)).isTrue();
        assertThat(again.available(StoreFixtures.sku(2), MORENO, DAY)).isFalse();
    }

    @Test
    void aSkuInStockInOneWarehouseIsInStockAnywhereButNotInTheOther() {
        commit(StoreFixtures.shipbob(T0, 3, 0), T0);
        // The same SKU 2 at 0 in the second warehouse of the reading's source.
        db.jdbi().useHandle(h -> h.execute("INSERT INTO stock_row (snapshot_id, seller_sku, warehouse_id, available) "
                + "SELECT id, ?, ?, 0 FROM snapshot", StoreFixtures.sku(2), StoreFixtures.NOLINK.id()));
        AvailableDays.View view = read();
        assertThat(view.available(StoreFixtures.sku(2), MORENO, DAY)).isTrue();
        assertThat(view.available(StoreFixtures.sku(2), StoreFixtures.NOLINK.id(), DAY)).isFalse();
        assertThat(view.availableAnywhere(StoreFixtures.sku(2), DAY)).isTrue();
    }

    @Test
    void aWarehouseFirstSeenInALaterSnapshotOfACountedDayCountsThenWithoutChangingAnEarlierView() {
        commit(StoreFixtures.shipbob(T0, 3, 0), T0);
        AvailableDays.View first = read();
        // An hour later the source's second warehouse shows SKU 0 available: a warehouse the day had not seen.
        Snapshot later = commit(StoreFixtures.shipbob(T0.plusSeconds(3600), 3, 0), T0.plusSeconds(3600));
        db.jdbi().useHandle(h -> h.execute("INSERT INTO stock_row (snapshot_id, seller_sku, warehouse_id, available) "
                + "VALUES (?, ?, ?, 5)", later.id(), StoreFixtures.sku(0), StoreFixtures.NOLINK.id()));
        db.jdbi().useHandle(h -> h.execute("UPDATE snapshot SET row_count = row_count + 1 WHERE id = ?", later.id()));
        AvailableDays.View second = read();
        assertThat(second.available(StoreFixtures.sku(0), StoreFixtures.NOLINK.id(), DAY)).isTrue();
        assertThat(second.available(StoreFixtures.sku(0), MORENO, DAY)).as("base 0: SKU 0 at 0 there").isFalse();
        assertThat(second.available(StoreFixtures.sku(2), MORENO, DAY)).as("the first snapshot still counts").isTrue();
        assertThat(second.availableAnywhere(StoreFixtures.sku(0), DAY)).isTrue();
        assertThat(first.available(StoreFixtures.sku(0), StoreFixtures.NOLINK.id(), DAY))
                .as("a view given out does not change").isFalse();
        assertThat(first.availableAnywhere(StoreFixtures.sku(0), DAY)).isFalse();
    }

    @Test
    void aSnapshotAtBeijingMidnightCountsForTheDayItStarts() {
        // 16:00 UTC on the 25th is 00:00 on the 26th in Beijing.
        Instant midnight = LocalDate.parse("2026-11-26").atStartOfDay(BeijingTime.ZONE).toInstant();
        commit(StoreFixtures.shipbob(midnight, 3, 0), midnight);
        AvailableDays.View view = read();
        assertThat(view.available(StoreFixtures.sku(2), MORENO, DAY)).isTrue();
        assertThat(view.available(StoreFixtures.sku(2), MORENO, DAY.minusDays(1))).isFalse();
    }

    @Test
    void snapshotsOutsideTheWindowAreNotRead() {
        commit(StoreFixtures.shipbob(T0.plusSeconds(86_400), 3, 5), T0.plusSeconds(86_400));
        AvailableDays.View view = read();
        assertThat(view.available(StoreFixtures.sku(2), MORENO, DAY.plusDays(1))).isFalse();
        assertThat(days.rowsRead()).isZero();
        assertThat(AvailableDays.View.NONE.availableAnywhere(StoreFixtures.sku(2), DAY)).isFalse();
    }
}
