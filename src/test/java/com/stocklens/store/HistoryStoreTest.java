package com.stocklens.store;

import static com.stocklens.store.StoreFixtures.MORENO;
import static com.stocklens.store.StoreFixtures.NOLINK;
import static com.stocklens.store.StoreFixtures.SHIPBOB;
import static com.stocklens.store.StoreFixtures.TIKTOK;
import static com.stocklens.store.StoreFixtures.WINIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.Reading;
import com.stocklens.domain.RetentionPolicy;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.service.BoardRow;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockChange;
import com.stocklens.service.StockChange.Kind;
import com.stocklens.app.history.HistoryCompactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** As-of reads, diffs between recorded moments and compaction, against a real (in-memory) store. */
class HistoryStoreTest {
    private static final Instant T1 = Instant.parse("2026-11-26T02:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-26T03:00:00Z");

    private Database db;

    /** The database under test: H2 in memory here; {@code HistoryStoreOnPostgresTest} overrides it. */
    Database newDatabase(String name) {
        return Database.inMemory(name);
    }
    private SnapshotRepository repo;
    private JdbiHistory history;

    @BeforeEach
    void open(TestInfo info) {
        db = newDatabase("history-" + info.getDisplayName().hashCode() + "-" + System.nanoTime());
        repo = new SnapshotRepository(db.jdbi());
        history = new JdbiHistory(db.jdbi(), new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB, WINIT, TIKTOK)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Snapshot commit(SourceInfo source, Reading reading) {
        long run = repo.beginRun(source.id(), reading.takenAt());
        return repo.commit(source, run, reading, reading.takenAt().plusSeconds(1), 1000);
    }

    private static Reading shipbob(Instant at, List<StockRow> rows) {
        List<Sku> skus = rows.stream().map(r -> new Sku(SkuCodes.ofSellerSku(r.sellerSku()), "Name " + r.sellerSku()))
                .distinct().toList();
        return Reading.ofWarehouse(at, List.of(MORENO, NOLINK), skus, rows, 1);
    }

    private static StockRow row(String sku, String warehouse, Integer onHand, Integer available, Integer frozen) {
        return new StockRow(sku, warehouse, null, new StockLevel(onHand, available, 0, null, 0, frozen, 0));
    }

    @Test
    void diffOfTwoRecordedMomentsMatchesHandComputedChanges() {
        commit(SHIPBOB, shipbob(T1, List.of(
                row("A", MORENO.id(), 100, 90, null),   // on hand −30, available −25
                row("B", MORENO.id(), 10, 10, 5),       // frozen known → unknown
                row("C", MORENO.id(), 7, 7, null),      // disappears
                row("E", NOLINK.id(), 3, 3, 0))));      // unchanged
        commit(SHIPBOB, shipbob(T2, List.of(
                row("A", MORENO.id(), 70, 65, null),
                row("B", MORENO.id(), 10, 12, null),    // available +2
                row("D", MORENO.id(), 40, null, null),  // appears: on hand 40; reserved/qc/return 0 appear too
                row("E", NOLINK.id(), 3, 3, 0))));

        List<StockChange> changes = history.diff(T1, T2);

        // Hand-computed, sorted by impact (|delta|, or the units that appeared/vanished), then SKU, warehouse, bucket.
        assertThat(changes).extracting(c -> c.sellerSku() + " " + c.bucket().key() + " " + c.before() + "→"
                        + c.after() + " " + c.kind())
                .containsExactly(
                        "D onHand null→40 APPEARED",
                        "A onHand 100→70 CHANGED",
                        "A available 90→65 CHANGED",
                        "C onHand 7→null DISAPPEARED",
                        "C available 7→null DISAPPEARED",
                        "B frozen 5→null BECAME_UNKNOWN",
                        "B available 10→12 CHANGED",
                        "C reserved 0→null DISAPPEARED",
                        "C qcHold 0→null DISAPPEARED",
                        "C returnPendingQc 0→null DISAPPEARED",
                        "D reserved null→0 APPEARED",
                        "D qcHold null→0 APPEARED",
                        "D returnPendingQc null→0 APPEARED");
        StockChange a = changes.get(1);
        assertThat(a.delta()).isEqualTo(-30);
        assertThat(a.warehouseId()).isEqualTo(MORENO.id());
        assertThat(changes.get(0).delta()).as("no delta against an unknown figure").isNull();

        // The reverse comparison swaps appear/disappear and the signs.
        List<StockChange> back = history.diff(T2, T1);
        assertThat(back).hasSameSizeAs(changes);
        assertThat(back.get(0).kind()).isEqualTo(Kind.DISAPPEARED);
        assertThat(back).filteredOn(c -> c.sellerSku().equals("B") && c.bucket() == Bucket.FROZEN)
                .singleElement().extracting(StockChange::kind).isEqualTo(Kind.BECAME_KNOWN);
    }

    @Test
    void asOfPicksTheLatestSnapshotAtOrBeforeTheMomentPerSource() {
        commit(SHIPBOB, shipbob(T1, List.of(row("A", MORENO.id(), 1, 1, null))));
        commit(SHIPBOB, shipbob(T2, List.of(row("A", MORENO.id(), 2, 2, null))));
        commit(TIKTOK, StoreFixtures.tiktok(T1.plusSeconds(1800), 1));

        assertThat(onHandOfA(history.boardAt(T1.minusMillis(1)))).as("before the first snapshot").isNull();
        assertThat(history.boardAt(T1.minusMillis(1)).rows()).isEmpty();
        assertThat(history.boardAt(T1.minusMillis(1)).sources())
                .allSatisfy(f -> assertThat(f.lastSnapshotAt()).as("no data yet").isNull());
        assertThat(onHandOfA(history.boardAt(T1))).as("exactly at a snapshot time").isEqualTo(1);
        assertThat(onHandOfA(history.boardAt(T2.minusMillis(1)))).isEqualTo(1);
        assertThat(onHandOfA(history.boardAt(T2))).isEqualTo(2);
        assertThat(onHandOfA(history.boardAt(T2.plus(Duration.ofDays(3))))).isEqualTo(2);

        // Per source: at T1 TikTok had not synced yet, half an hour later it had.
        StockBoard atT1 = history.boardAt(T1);
        assertThat(atT1.rows().get(0).tiktokSnapshotAt()).isNull();
        assertThat(atT1.sources()).filteredOn(f -> f.source().id().equals(TIKTOK.id())).singleElement()
                .satisfies(f -> assertThat(f.lastSnapshotAt()).isNull());
        StockBoard later = history.boardAt(T1.plusSeconds(1800));
        assertThat(later.sources()).filteredOn(f -> f.source().id().equals(TIKTOK.id())).singleElement()
                .satisfies(f -> assertThat(f.lastSnapshotAt()).isEqualTo(T1.plusSeconds(1800)));
        assertThat(later.rows().get(0).warehouseSnapshotAt()).isEqualTo(T1);

        assertThat(history.moments()).extracting(Snapshot::takenAt)
                .containsExactly(T1, T1.plusSeconds(1800), T2);
    }

    private int count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static Integer onHandOfA(StockBoard board) {
        return board.rows().stream().filter(r -> r.sku().sellerSku().equals("A")).map(BoardRow::level)
                .map(StockLevel::onHand).findFirst().orElse(null);
    }

    @Test
    void compactionRemovesSnapshotsWithTheirRowsAndKeepsTheLatest() {
        Instant now = Instant.parse("2026-11-27T00:00:00Z");
        // Four snapshots in one hour, three days ago: only the newest of the hour stays; and the latest overall.
        Instant hour = now.minus(Duration.ofDays(3));
        Snapshot s1 = commit(SHIPBOB, shipbob(hour.plusSeconds(60), List.of(row("A", MORENO.id(), 1, 1, null))));
        Snapshot s2 = commit(SHIPBOB, shipbob(hour.plusSeconds(120), List.of(row("A", MORENO.id(), 2, 2, null))));
        Snapshot s3 = commit(SHIPBOB, shipbob(hour.plusSeconds(180), List.of(row("A", MORENO.id(), 3, 3, null))));
        Snapshot t1 = commit(TIKTOK, StoreFixtures.tiktok(hour.plusSeconds(30), 1));
        Snapshot t2 = commit(TIKTOK, StoreFixtures.tiktok(hour.minus(Duration.ofDays(100)), 1));
        HistoryCompactor compactor = new HistoryCompactor(new SnapshotCompaction(db.jdbi()), RetentionPolicy.DEFAULTS,
                Clock.fixed(now, ZoneOffset.UTC), Runnable::run);

        assertThat(compactor.compactNow()).isEqualTo(2);

        assertThat(history.moments()).extracting(Snapshot::id).containsExactlyInAnyOrder(s3.id(), t1.id(), t2.id());
        assertThat(count("SELECT COUNT(*) FROM stock_row"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM channel_row"))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM sync_run WHERE status = 'COMPLETE'"))
                .as("runs stay, without their snapshot").isEqualTo(5);
        assertThat(s1.id()).isNotEqualTo(s2.id());
        assertThat(t1.id()).isNotEqualTo(t2.id());
        // Latest of TikTok by commit order is t2 (older taken_at, but the last commit): it is never dropped.
        assertThat(onHandOfA(history.boardAt(now))).isEqualTo(3);
        assertThat(compactor.compactNow()).as("compacting again removes nothing").isZero();
    }
}
