package com.stocklens.store;

import static com.stocklens.store.StoreFixtures.MORENO;
import static com.stocklens.store.StoreFixtures.NOLINK;
import static com.stocklens.store.StoreFixtures.SHIPBOB;
import static com.stocklens.store.StoreFixtures.TIKTOK;
import static com.stocklens.store.StoreFixtures.WINIT;
import static com.stocklens.store.StoreFixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.ChannelStock;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class SnapshotStoreTest {
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123Z");

    private Database db;

    /** The database under test: H2 in memory here; {@code SnapshotStoreOnPostgresTest} overrides it. */
    Database newDatabase(String name) {
        return Database.inMemory(name);
    }
    private SnapshotRepository repo;

    @BeforeEach
    void open(TestInfo info) {
        db = newDatabase("store-" + info.getDisplayName().hashCode() + "-" + System.nanoTime());
        repo = new SnapshotRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Snapshot commit(SourceInfo source, Reading reading, Instant at) {
        long run = repo.beginRun(source.id(), at);
        return repo.commit(source, run, reading, at.plusSeconds(2), 2000);
    }

    @Test
    void commitThenLatestAndBoardRoundTrip() {
        Snapshot wh = commit(SHIPBOB, StoreFixtures.shipbob(T0, 3, 5), T0);
        Snapshot tt = commit(TIKTOK, StoreFixtures.tiktok(T0.plusSeconds(30), 2), T0.plusSeconds(30));

        assertThat(repo.latest(SHIPBOB.id())).contains(wh);
        assertThat(wh.rowCount()).isEqualTo(3);
        assertThat(repo.latestPerSource()).containsExactly(wh, tt);
        assertThat(repo.latest(WINIT.id())).isEmpty();

        StockBoard board = new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB, WINIT, TIKTOK)).read();
        Map<String, BoardRow> bySku = board.rows().stream()
                .collect(Collectors.toMap(r -> r.sku().sellerSku(), Function.identity()));
        assertThat(bySku).hasSize(3);

        BoardRow r1 = bySku.get(sku(1));
        assertThat(r1.warehouse()).isEqualTo(MORENO);
        assertThat(r1.level()).isEqualTo(new StockLevel(6, 5, 1, 0, null, null, 0));
        assertThat(r1.level().qcHold()).as("unknown bucket stays unknown").isNull();
        assertThat(r1.sku().name()).isEqualTo("Product 1");
        assertThat(r1.sku().codes()).isEqualTo(new SkuCodes(sku(1), "172900000000001001", "00000001", "inv-1"));
        assertThat(r1.tiktokAvailable()).isEqualTo(11);
        assertThat(r1.tiktokCommitted()).isEqualTo(2);
        assertThat(r1.warehouseSnapshotAt()).isEqualTo(T0);
        assertThat(r1.tiktokSnapshotAt()).isEqualTo(T0.plusSeconds(30));

        assertThat(bySku.get(sku(0)).tiktokAvailable()).as("TikTok's unknown stays unknown").isNull();
        assertThat(bySku.get(sku(0)).tiktokCommitted()).isEqualTo(2);
        BoardRow notOnTikTok = bySku.get(sku(2));
        assertThat(notOnTikTok.tiktokAvailable()).isNull();
        assertThat(notOnTikTok.tiktokCommitted()).isNull();
        assertThat(notOnTikTok.tiktokSnapshotAt()).isNull();

        assertThat(board.warehouses()).containsExactly(MORENO, NOLINK);

        Map<String, SourceFreshness> fresh = board.sources().stream()
                .collect(Collectors.toMap(f -> f.source().id(), Function.identity()));
        assertThat(board.sources()).extracting(f -> f.source().id())
                .containsExactly(SHIPBOB.id(), WINIT.id(), TIKTOK.id());
        SourceFreshness sb = fresh.get(SHIPBOB.id());
        assertThat(sb.lastSnapshotAt()).isEqualTo(T0);
        assertThat(sb.lastAttemptAt()).isEqualTo(T0);
        assertThat(sb.lastError()).isNull();
        assertThat(sb.rows()).isEqualTo(3);
        assertThat(sb.requests()).isEqualTo(3);
        assertThat(sb.durationMillis()).isEqualTo(2000);
        SourceFreshness never = fresh.get(WINIT.id());
        assertThat(never.lastSnapshotAt()).isNull();
        assertThat(never.lastAttemptAt()).isNull();
        assertThat(never.rows()).isZero();
    }

    @Test
    void boardRowsTakeTheItemMastersNamesAndCodesAndNoneWhereItHasNoEntry() {
        commit(SHIPBOB, StoreFixtures.shipbob(T0, 3, 5), T0);
        db.jdbi().useHandle(h -> h.execute("UPDATE sku SET name = 'Renamed 1', barcode = NULL WHERE seller_sku = ?",
                sku(1)));
        db.jdbi().useHandle(h -> h.execute("DELETE FROM sku WHERE seller_sku = ?", sku(2)));
        JdbiStockBoardReader reader = new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB));

        Map<String, BoardRow> bySku = reader.read().rows().stream()
                .collect(Collectors.toMap(r -> r.sku().sellerSku(), Function.identity()));
        assertThat(bySku).hasSize(3);
        assertThat(bySku.get(sku(1)).sku().name()).isEqualTo("Renamed 1");
        assertThat(bySku.get(sku(1)).sku().codes())
                .isEqualTo(new SkuCodes(sku(1), null, null, "inv-1"));
        assertThat(bySku.get(sku(0)).sku().name()).isEqualTo("Product 0");
        BoardRow unknown = bySku.get(sku(2));
        assertThat(unknown.sku().name()).as("no item master entry: no name, not another SKU's").isNull();
        assertThat(unknown.sku().codes()).isEqualTo(new SkuCodes(sku(2), null, null, "inv-2"));
        assertThat(unknown.level().onHand()).isNotNull();

        // One SKU's rows read alone carry the same names and codes.
        assertThat(reader.readSku(sku(1), null).rows()).singleElement()
                .satisfies(r -> assertThat(r.sku()).isEqualTo(bySku.get(sku(1)).sku()));
        assertThat(reader.readSku(sku(2), null).rows()).singleElement()
                .satisfies(r -> assertThat(r.sku().name()).isNull());
    }

    @Test
    void latestIsTheNewestSnapshotAndOlderOnesStay() {
        commit(SHIPBOB, StoreFixtures.shipbob(T0, 3, 5), T0);
        Snapshot second = commit(SHIPBOB, StoreFixtures.shipbob(T0.plusSeconds(60), 2, 100), T0.plusSeconds(60));
        assertThat(repo.latest(SHIPBOB.id())).contains(second);
        StockBoard board = new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB)).read();
        assertThat(board.rows()).hasSize(2).allSatisfy(r -> assertThat(r.level().onHand()).isGreaterThanOrEqualTo(100));
        int stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM stock_row").mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(5);
    }

    @Test
    void failedRunDoesNotChangeTheLatestSnapshot() {
        Snapshot good = commit(SHIPBOB, StoreFixtures.shipbob(T0, 3, 5), T0);
        long run = repo.beginRun(SHIPBOB.id(), T0.plusSeconds(60));
        repo.fail(run, T0.plusSeconds(61), 1200, 4, "HTTP 503 from ShipBob\n  at line 2");

        assertThat(repo.latest(SHIPBOB.id())).contains(good);
        SyncRun failed = repo.recentRuns(SHIPBOB.id(), 10).get(0);
        assertThat(failed.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(failed.error()).isEqualTo("HTTP 503 from ShipBob at line 2");
        assertThat(failed.snapshotId()).isNull();
        assertThat(failed.requests()).isEqualTo(4);
        assertThat(repo.recentRuns(SHIPBOB.id(), 10)).hasSize(2);
        assertThat(repo.recentRuns(SHIPBOB.id(), 1)).hasSize(1);

        SourceFreshness f = new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB)).read().sources().get(0);
        assertThat(f.lastSnapshotAt()).isEqualTo(T0);
        assertThat(f.lastAttemptAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(f.lastError()).isEqualTo("HTTP 503 from ShipBob at line 2");
        assertThat(f.rows()).isEqualTo(3);
    }

    @Test
    void aCommitThatCannotBeStoredLeavesNothingBehind() {
        Snapshot good = commit(SHIPBOB, StoreFixtures.shipbob(T0, 3, 5), T0);
        Reading bad = Reading.ofWarehouse(T0.plusSeconds(60), List.of(MORENO),
                List.of(new Sku(SkuCodes.ofSellerSku("NEW-1"), "New")),
                List.of(new StockRow("NEW-1", MORENO.id(), null, StockLevel.UNKNOWN),
                        new StockRow("NEW-1", "shipbob:999", null, StockLevel.UNKNOWN)), 1);
        long run = repo.beginRun(SHIPBOB.id(), T0.plusSeconds(60));
        assertThatThrownBy(() -> repo.commit(SHIPBOB, run, bad, T0.plusSeconds(61), 10))
                .hasMessageContaining("shipbob:999");

        assertThat(repo.latest(SHIPBOB.id())).contains(good);
        int newSkus = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sku WHERE seller_sku = 'NEW-1'")
                .mapTo(Integer.class).one());
        assertThat(newSkus).as("the whole transaction rolled back").isZero();
        assertThat(repo.run(run)).get().extracting(SyncRun::status).isEqualTo(SyncStatus.RUNNING);
    }

    @Test
    void aWarehouseSourceDoesNotWipeTheTikTokSkuId() {
        commit(TIKTOK, StoreFixtures.tiktok(T0, 2), T0);
        commit(SHIPBOB, StoreFixtures.shipbob(T0.plusSeconds(1), 2, 5), T0.plusSeconds(1));
        String tiktokId = db.jdbi().withHandle(h -> h.createQuery("SELECT tiktok_sku_id FROM sku WHERE seller_sku = :s")
                .bind("s", sku(1)).mapTo(String.class).one());
        assertThat(tiktokId).isEqualTo("172900000000001001");
    }

    @Test
    void overlongTextFromASourceIsCutOrDroppedNeverFailingTheSync() {
        commit(TIKTOK, StoreFixtures.tiktok(T0, 1), T0);
        String longName = "名".repeat(501);
        Warehouse wide = new Warehouse("shipbob:228", Provider.SHIPBOB, "228", "W".repeat(201), Market.US,
                "R".repeat(101), ZoneId.of("America/Los_Angeles"), "7000001");
        Reading reading = Reading.ofWarehouse(T0.plusSeconds(1), List.of(wide),
                List.of(new Sku(new SkuCodes(sku(0), "9".repeat(41), "1".repeat(41), null), longName),
                        new Sku(new SkuCodes(sku(1), null, "1".repeat(40), null), "ok")),
                List.of(new StockRow(sku(0), wide.id(), null, new StockLevel(5, 5, 0, 0, null, null, 0)),
                        new StockRow(sku(1), wide.id(), null, new StockLevel(1, 1, 0, 0, null, null, 0))), 1);
        Snapshot s = commit(SHIPBOB, reading, T0.plusSeconds(1));
        assertThat(s.rowCount()).isEqualTo(2);
        List<Map<String, Object>> skus = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT seller_sku, name, tiktok_sku_id, barcode FROM sku ORDER BY seller_sku").mapToMap().list());
        assertThat(skus.get(0)).containsEntry("name", "名".repeat(500))
                .as("a 41-character TikTok id is not a TikTok id: the one TikTok recorded stays")
                .containsEntry("tiktok_sku_id", "172900000000001000")
                .as("a cut barcode would name another product: unknown instead")
                .containsEntry("barcode", null);
        assertThat(skus.get(1)).containsEntry("barcode", "1".repeat(40));
        Map<String, Object> wh = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT name, region FROM warehouse WHERE id = 'shipbob:228'").mapToMap().one());
        assertThat(wh).containsEntry("name", "W".repeat(200)).containsEntry("region", "R".repeat(100));
    }

    @Test
    void aSellerSkuLongerThanItsColumnFailsTheRunWithTheReasonAndStoresNothing() {
        Snapshot good = commit(SHIPBOB, StoreFixtures.shipbob(T0, 1, 5), T0);
        String huge = "S".repeat(201);
        Reading reading = Reading.ofWarehouse(T0.plusSeconds(1), List.of(MORENO),
                List.of(new Sku(SkuCodes.ofSellerSku(huge), null)),
                List.of(new StockRow(huge, MORENO.id(), null, new StockLevel(5, 5, 0, 0, null, null, 0))), 1);
        long run = repo.beginRun(SHIPBOB.id(), T0.plusSeconds(1));
        assertThatThrownBy(() -> repo.commit(SHIPBOB, run, reading, T0.plusSeconds(2), 1))
                .hasMessage("the source sent a seller SKU of 201 characters (at most 200 fit), beginning \""
                        + "S".repeat(40) + "…\"; nothing of this sync was stored");
        assertThat(repo.latest(SHIPBOB.id())).contains(good);
        // 200 characters fit.
        String longest = "S".repeat(200);
        Snapshot fits = commit(SHIPBOB, Reading.ofWarehouse(T0.plusSeconds(3), List.of(MORENO),
                List.of(new Sku(SkuCodes.ofSellerSku(longest), null)),
                List.of(new StockRow(longest, MORENO.id(), "w".repeat(101),
                        new StockLevel(1, 1, 0, 0, null, null, 0))), 1), T0.plusSeconds(3));
        assertThat(fits.rowCount()).isEqualTo(1);
    }

    @Test
    void tikTokListingsSharingASellerSkuAreSummed() {
        List<ChannelStock> merged = SnapshotRepository.mergeDuplicates("t", List.of(
                new ChannelStock("s", "A", "1", "W", 3, 1),
                new ChannelStock("s", "A", "2", "W", 4, null),
                new ChannelStock("s", "B", "3", "W", 5, 0)));
        assertThat(merged).containsExactly(new ChannelStock("s", "A", "1", "W", 7, null),
                new ChannelStock("s", "B", "3", "W", 5, 0));
    }

    @Test
    void abandonedRunsAreClosedAsFailed() {
        long run = repo.beginRun(SHIPBOB.id(), T0);
        assertThat(repo.abandonRunning(T0.plusSeconds(5))).isEqualTo(1);
        SyncRun r = repo.run(run).orElseThrow();
        assertThat(r.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(r.error()).contains("Interrupted");
    }

    @Test
    void emptyStoreGivesAnEmptyBoardWithEverySource() {
        StockBoard board = new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB, TIKTOK)).read();
        assertThat(board.rows()).isEmpty();
        assertThat(board.sources()).hasSize(2).allSatisfy(f -> assertThat(f.lastSnapshotAt()).isNull());
    }

    @Test
    void readersNeverSeeAPartialSnapshotWhileAWriterCommits() throws Exception {
        int rows = 5_000;
        commit(SHIPBOB, StoreFixtures.bulk(T0, rows, 0), T0);
        JdbiStockBoardReader reader = new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 1; i <= 6; i++) {
                    commit(SHIPBOB, StoreFixtures.bulk(T0.plusSeconds(i), rows, i), T0.plusSeconds(i));
                }
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.set(true);
            }
        }, "writer");
        writer.start();
        int reads = 0;
        while (!done.get() || reads == 0) {
            StockBoard board = reader.read();
            assertThat(board.rows()).hasSize(rows);
            assertThat(board.sources().get(0).rows()).isEqualTo(rows);
            // Rows and freshness come from the same snapshot.
            Instant at = board.sources().get(0).lastSnapshotAt();
            assertThat(board.rows()).allSatisfy(r -> assertThat(r.warehouseSnapshotAt()).isEqualTo(at));
            reads++;
        }
        writer.join();
        assertThat(failure.get()).isNull();
        assertThat(reads).isPositive();
    }

    @Test
    void bulkSnapshotRoundTrips() {
        Snapshot s = commit(SHIPBOB, StoreFixtures.bulk(T0, 20_000, 1), T0);
        assertThat(s.rowCount()).isEqualTo(20_000);
        StockBoard board = new JdbiStockBoardReader(db.jdbi(), List.of(SHIPBOB)).read();
        assertThat(board.rows()).hasSize(20_000);
        assertThat(board.rows().stream().filter(r -> r.level().inTransit() == null).count())
                .isEqualTo(20_000 / 7 + 1);
    }
}
