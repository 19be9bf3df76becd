package com.stocklens.store;

import static com.stocklens.store.StoreFixtures.MORENO;
import static com.stocklens.store.StoreFixtures.SHIPBOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.Lot;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.SaleLine;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.service.StockBoard;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Writing a past: below every committed snapshot, once per part, and never a sync's row twice. */
class HistoryBackfillTest {
    private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

    private Database db;
    private SnapshotRepository repo;
    private HistoryBackfill past;

    @BeforeEach
    void open(TestInfo info) {
        db = Database.inMemory("backfill-" + info.getDisplayName().hashCode() + "-" + System.nanoTime());
        repo = new SnapshotRepository(db.jdbi());
        past = new HistoryBackfill(db.jdbi());
        long run = repo.beginRun(SHIPBOB.id(), NOW);
        repo.commit(SHIPBOB, run, StoreFixtures.shipbob(NOW, 3, 10), NOW, 5);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** {@code days} daily snapshots of SKU-0..2 at Moreno Valley ending yesterday, on hand = day index. */
    private static List<HistoryBackfill.PastSnapshot> days(int days) {
        List<HistoryBackfill.PastSnapshot> out = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            Instant at = NOW.minus(Duration.ofDays(days - d));
            List<StockRow> rows = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                rows.add(new StockRow(StoreFixtures.sku(i), MORENO.id(), "inv-" + i,
                        new StockLevel(d, d, 0, 0, 0, null, 0)));
            }
            List<Lot> lots = d == 0 ? List.of() : List.of(new Lot(StoreFixtures.sku(0), MORENO.id(),
                    LocalDate.of(2026, 1, 1), d, Lot.LotSource.PROVIDER));
            out.add(new HistoryBackfill.PastSnapshot(-1_000_000L + d, at, rows, lots));
        }
        return out;
    }

    @Test
    void pastSnapshotsStayBehindEveryCommittedOneAndShowAsThePastBoard() {
        long rows = past.writeSnapshots("shipbob:main", SHIPBOB.id(), 30, days(30), () -> false);
        // 30 days × 3 stock rows + 29 days × 1 lot.
        assertThat(rows).isEqualTo(30 * 3 + 29);
        assertThat(repo.latest(SHIPBOB.id()).orElseThrow().id()).isPositive();
        assertThat(repo.latestPerSource()).singleElement().satisfies(s -> assertThat(s.id()).isPositive());
        JdbiStockBoardReader boards = new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB));
        assertThat(boards.read().rows()).allSatisfy(r -> assertThat(r.level().onHand()).isGreaterThanOrEqualTo(10));
        // Ten days back the board is that day's written snapshot (on hand = its index, 20).
        StockBoard then = boards.readAt(NOW.minus(Duration.ofDays(10)));
        assertThat(then.rows()).hasSize(3).allSatisfy(r -> assertThat(r.level().onHand()).isEqualTo(20));
        assertThat(past.firstCommitted(SHIPBOB.id())).contains(NOW);
        assertThat(past.templates()).singleElement().satisfies(t -> {
            assertThat(t.sourceId()).isEqualTo(SHIPBOB.id());
            assertThat(t.rows()).hasSize(3);
        });
        assertThat(past.finished()).containsOnlyKeys("shipbob:main")
                .hasEntrySatisfying("shipbob:main", p -> assertThat(p.rows()).isEqualTo(rows));
    }

    @Test
    void aPartCutShortIsNotFinishedAndIsWrittenAgainWholeNotTwice() {
        AtomicInteger asked = new AtomicInteger();
        // Each snapshot is 3–4 rows: the first transaction holds ~500 of them; stop before the second.
        long cut = past.writeSnapshots("shipbob:main", SHIPBOB.id(), 1000, days(1000),
                () -> asked.incrementAndGet() > 1);
        assertThat(cut).isEqualTo(-1);
        assertThat(past.finished()).isEmpty();
        assertThat(past.pastCounts().get("snapshot")).isBetween(1L, 999L);

        long rows = past.writeSnapshots("shipbob:main", SHIPBOB.id(), 1000, days(1000), () -> false);
        assertThat(rows).isEqualTo(1000 * 3 + 999);
        assertThat(past.pastCounts()).containsEntry("snapshot", 1000L).containsEntry("stock_row", 3000L)
                .containsEntry("lot", 999L);
    }

    @Test
    void pastIdsAreBelowZero() {
        assertThatThrownBy(() -> new HistoryBackfill.PastSnapshot(0, NOW, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersAndReturnsAlreadyStoredAreLeftAsTheSyncStoredThem() {
        ActivityRepository activity = new ActivityRepository(db.jdbi());
        Instant created = NOW.minus(Duration.ofDays(30));
        SaleLine synced = new SaleLine("shop1", "o1", "l1", "SKU-1", "t1", "7000001", "COMPLETED", created,
                created.plus(Duration.ofDays(9)));
        activity.commit("tiktok:main", List.of(synced), List.of(), NOW, NOW);
        SaleLine rewritten = new SaleLine("shop1", "o1", "l1", "SKU-1", "t1", "7000001", "DELIVERED", created,
                created.plus(Duration.ofDays(3)));
        SaleLine older = new SaleLine("shop1", "o0", "l0", "SKU-2", "t2", "7000001", "COMPLETED",
                created.minus(Duration.ofDays(100)), created.minus(Duration.ofDays(90)));
        ReturnItem back = new ReturnItem("shop1", "r0", "o0", "rl0", "SKU-2", "t2", "RETURN_AND_REFUND",
                "RETURN_OR_REFUND_REQUEST_COMPLETE", ReturnStage.QC_PASSED, created.minus(Duration.ofDays(85)),
                created.minus(Duration.ofDays(80)));

        long rows = past.writeActivity("activity", 400, List.of(rewritten, older), List.of(back), () -> false);
        assertThat(rows).isEqualTo(2);
        List<String> statuses = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT line_id || ':' || status FROM sale_line ORDER BY line_id").mapTo(String.class).list());
        assertThat(statuses).containsExactly("l0:COMPLETED", "l1:COMPLETED");
        // A unit counts as received when it was inspected: the same rule as the sync's.
        int received = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM return_item WHERE received_at IS NOT NULL").mapTo(Integer.class).one());
        assertThat(received).isEqualTo(1);
        assertThat(past.finished()).containsKey("activity");
        assertThat(past.writeActivity("activity", 400, List.of(older), List.of(back), () -> false)).isZero();
    }
}
