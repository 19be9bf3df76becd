package com.stocklens.app.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.Thresholds;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.store.Database;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.JdbiFlagReader;
import com.stocklens.store.JdbiHistory;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts at a past moment: which were listed comes from the record, their figures from the rules on the
 * board of then — not the figures the alert row holds now.
 */
class PastFlagReaderTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final Instant T_LOWER = T0.plus(Duration.ofMinutes(20));
    private static final Instant T_CLEAR = T0.plus(Duration.ofHours(1));

    /** A fake clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Database db;
    private FlagEngine engine;
    private PastFlagReader reader;

    @BeforeEach
    void record() {
        db = Database.inMemory("past-flags-" + System.nanoTime());
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        JdbiStockBoardReader boards = new JdbiStockBoardReader(db.jdbi(),
                List.of(StoreFixtures.SHIPBOB, StoreFixtures.TIKTOK));
        MovingClock clock = new MovingClock();
        engine = new FlagEngine(new FlagRepository(db.jdbi()), boards, null, clock, Thresholds.DEFAULTS,
                Duration.ofSeconds(60), Duration.ZERO, null, null);
        reader = new PastFlagReader(new JdbiFlagReader(db.jdbi()), new JdbiHistory(db.jdbi(), boards), engine);
        // T0: ShipBob available 9 + i, TikTok offers 10 + i: oversell by one unit on SKUs 1..4.
        commit(snapshots, T0, 10);
        engine.evaluateNow();
        // T0 + 20 min: ShipBob drops to available 4 + i: the same alerts, figures refreshed in place.
        clock.now = T_LOWER;
        commit(snapshots, T_LOWER, 5);
        engine.evaluateNow();
        // T0 + 1 h: ShipBob holds plenty: every oversell alert clears (the row keeps the last figures).
        clock.now = T_CLEAR;
        commit(snapshots, T_CLEAR, 40);
        engine.evaluateNow();
    }

    private static void commit(SnapshotRepository snapshots, Instant at, int base) {
        snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun("shipbob:main", at),
                StoreFixtures.shipbob(at, 5, base), at, 1);
        snapshots.commit(StoreFixtures.TIKTOK, snapshots.beginRun("tiktok:main", at),
                StoreFixtures.tiktok(at, 5), at, 1);
    }

    @AfterEach
    void close() {
        engine.close();
        db.close();
    }

    private static Map<String, Alert> oversell(FlagBoard board) {
        return board.alerts().stream().map(AlertRow::alert).filter(a -> a.kind() == AlertKind.OVERSELL_RISK)
                .collect(Collectors.toMap(Alert::sellerSku, a -> a));
    }

    @Test
    void figuresAreThoseOfTheBoardOfThen() {
        assertThat(oversell(reader.read())).as("cleared now").isEmpty();

        Map<String, Alert> early = oversell(reader.readAt(T0.plus(Duration.ofMinutes(10))));
        assertThat(early).containsOnlyKeys(StoreFixtures.sku(1), StoreFixtures.sku(2), StoreFixtures.sku(3),
                StoreFixtures.sku(4));
        Alert one = early.get(StoreFixtures.sku(1));
        // Board at T0 + 10 min: TikTok 11, ShipBob available 10 (the row now holds 11 vs 4). Issue 17: "risk when
        // TikTok available > warehouse available − committed-but-unreserved": TikTok committed 2, ShipBob reserved 1,
        // so 1 ordered unit is unreserved and the warehouse can ship 10 − 1 = 9 (was 10 before the rule counted it).
        assertThat(one.actual()).isEqualTo(11);
        assertThat(one.limit()).isEqualTo(9);
        assertThat(one.raisedAt()).isEqualTo(T0);

        // At T0 + 25 min: available 5 − 1 unreserved = 4 (was 5).
        Alert later = oversell(reader.readAt(T_LOWER.plus(Duration.ofMinutes(5)))).get(StoreFixtures.sku(1));
        assertThat(later.limit()).isEqualTo(4);
        assertThat(later.raisedAt()).as("one condition, raised once").isEqualTo(T0);

        assertThat(oversell(reader.readAt(T_CLEAR.plusSeconds(1)))).isEmpty();

        // The tasks open then carry the figures of then too (the resolved rows now hold the closing figures).
        var task = reader.readAt(T0.plus(Duration.ofMinutes(10))).tasks().stream().map(r -> r.task())
                .filter(t -> t.sellerSku().equals(StoreFixtures.sku(1))).findFirst().orElseThrow();
        assertThat(task.warehouseQuantity()).isEqualTo(10);
        assertThat(task.tiktokQuantity()).isEqualTo(11);
        assertThat(task.state()).isEqualTo(com.stocklens.domain.CalibrationState.OPEN);
        // Later the warehouse holds far more than TikTok offers: still a gap, with the figures of that board.
        assertThat(reader.readAt(T_LOWER.plusSeconds(1)).tasks()).filteredOn(r -> r.task().sellerSku()
                .equals(StoreFixtures.sku(1))).singleElement().satisfies(r -> {
                    assertThat(r.task().warehouseQuantity()).isEqualTo(5);
                    assertThat(r.task().id()).isEqualTo(task.id());
                });
        // Issue 17 adds two watches whose figures keep no history: passed returns and the sync-lag memory.
        assertThat(reader.readAt(T0.plusSeconds(1)).notRecorded()).containsExactlyInAnyOrder(
                AlertKind.RETURN_QC_OVERDUE, AlertKind.RETURN_NOT_RESTOCKED, AlertKind.SKU_SYNC_LAG);
    }
}
