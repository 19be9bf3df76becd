package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.SaleLine;
import com.stocklens.domain.SalesCount;
import com.stocklens.service.DailyDemand;
import com.stocklens.service.HourlyDemand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivityStoreTest {
    private static final String SOURCE = "tiktok:main";
    /** 2026-11-26 10:00 in Beijing. */
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

    private Database db;

    /** The database under test: H2 in memory here; {@code ActivityStoreOnPostgresTest} overrides it. */
    Database newDatabase(String name) {
        return Database.inMemory(name);
    }
    private ActivityRepository repo;

    @BeforeEach
    void open() {
        db = newDatabase("activity-" + System.nanoTime());
        repo = new ActivityRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static SaleLine line(String lineId, String sku, String status, Instant created) {
        return new SaleLine("shop1", "o-" + lineId, lineId, sku, "tt-" + sku, "wh1", status, created, created);
    }

    private static ReturnItem item(String lineId, String sku, ReturnStage stage, Instant at) {
        return new ReturnItem("shop1", "r-" + lineId, "o-" + lineId, lineId, sku, "tt-" + sku, "RETURN_AND_REFUND",
                "X", stage, at, at);
    }

    @Test
    void aWindowCommitsWithItsCursorAndReReadingIsIdempotent() {
        assertThat(repo.cursor(SOURCE)).isEmpty();
        List<SaleLine> sales = List.of(line("1", "A", "AWAITING_SHIPMENT", T0), line("2", "A", "AWAITING_SHIPMENT", T0));
        List<ReturnItem> returns = List.of(item("r1", "A", ReturnStage.IN_TRANSIT_BACK, T0));

        ActivityRepository.Upserted first = repo.commit(SOURCE, sales, returns, T0.plusSeconds(60), T0);
        assertThat(first).isEqualTo(new ActivityRepository.Upserted(2, 0, 1, 0));
        assertThat(repo.cursor(SOURCE)).contains(T0.plusSeconds(60));

        ActivityRepository.Upserted again = repo.commit(SOURCE, sales, returns, T0.plusSeconds(120), T0);
        assertThat(again.inserted()).isZero();
        assertThat(again.salesUpdated()).isEqualTo(2);
        assertThat(count("sale_line")).isEqualTo(2);
        assertThat(repo.cursor(SOURCE)).contains(T0.plusSeconds(120));
    }

    @Test
    void aFailureKeepsTheCursorAndIsRecorded() {
        repo.commit(SOURCE, List.of(), List.of(), T0, T0);
        repo.recordFailure(SOURCE, T0.plusSeconds(30), "TikTok said no");
        assertThat(repo.cursor(SOURCE)).contains(T0);
        assertThat(repo.lastError(SOURCE)).contains("TikTok said no");
        repo.commit(SOURCE, List.of(), List.of(), T0.plusSeconds(60), T0.plusSeconds(60));
        assertThat(repo.lastError(SOURCE)).isEmpty();
    }

    @Test
    void returnsPoolHoldsUnitsUntilInspectedAndRemembersWhenTheyArrived() {
        Instant later = T0.plusSeconds(3600);
        repo.commit(SOURCE, List.of(), List.of(item("1", "A", ReturnStage.REQUESTED, T0),
                item("2", "A", ReturnStage.AWAITING_QC, T0), item("3", "B", ReturnStage.NO_UNIT, T0),
                item("4", "B", ReturnStage.QC_FAILED, T0)), T0, T0);
        assertThat(new JdbiReturnsPoolReader(db.jdbi()).openReturns())
                .extracting(ReturnItem::lineId, ReturnItem::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", ReturnStage.REQUESTED),
                        org.assertj.core.groups.Tuple.tuple("2", ReturnStage.AWAITING_QC));

        repo.commit(SOURCE, List.of(), List.of(item("2", "A", ReturnStage.QC_PASSED, later)), later, later);
        assertThat(new JdbiReturnsPoolReader(db.jdbi()).openReturns()).extracting(ReturnItem::lineId).containsExactly("1");
        // received_at keeps the first sighting at or past inspection.
        Instant received = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT received_at FROM return_item WHERE line_id = '2'")
                .map((rs, ctx) -> SqlValues.instant(rs, "received_at")).one());
        assertThat(received).isEqualTo(T0);
    }

    @Test
    void dailyDemandCountsUnitsPerBeijingDayWithoutCancelledLines() {
        // 23:30 on the 25th in UTC is 07:30 on the 26th in Beijing.
        Instant lateUtc = Instant.parse("2026-11-25T23:30:00Z");
        Instant beijingEve = Instant.parse("2026-11-25T15:59:00Z");
        repo.commit(SOURCE, List.of(
                line("1", "A", "COMPLETED", lateUtc),
                line("2", "A", "IN_TRANSIT", T0),
                line("3", "A", "CANCELLED", T0),
                line("4", "A", "DELIVERED", beijingEve),
                line("5", "B", "COMPLETED", T0)), List.of(), T0, T0);

        Map<String, List<DailyDemand>> demand = new JdbiDemandReader(db.jdbi())
                .dailyDemand(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"));

        assertThat(demand.get("A")).extracting(DailyDemand::units).containsExactly(1, 2);
        assertThat(demand.get("B")).extracting(DailyDemand::units).containsExactly(0, 1);
        // No warehouse snapshot on either day: nothing is known, so nothing counts as a stock-out.
        assertThat(demand.values()).flatMap(l -> l).noneMatch(DailyDemand::stockOut);
    }

    @Test
    void aDayIsAStockOutOnlyWhenNoSnapshotThatDayShowedTheSkuAvailable() {
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        // base 0: SKU 0 and 1 have available 0, SKU 2 has 1 (StoreFixtures.shipbob).
        long run = snapshots.beginRun(StoreFixtures.SHIPBOB.id(), T0);
        snapshots.commit(StoreFixtures.SHIPBOB, run, StoreFixtures.shipbob(T0, 3, 0), T0, 10);
        long run2 = snapshots.beginRun(StoreFixtures.SHIPBOB.id(), T0.plusSeconds(3600));
        // Later that day SKU 1 is back in stock (base 1: SKU 1 available 1); SKU 0 stays at 0.
        snapshots.commit(StoreFixtures.SHIPBOB, run2, StoreFixtures.shipbob(T0.plusSeconds(3600), 2, 1),
                T0.plusSeconds(3600), 10);

        Map<String, List<DailyDemand>> demand = new JdbiDemandReader(db.jdbi())
                .dailyDemand(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"));

        String sku0 = StoreFixtures.sku(0);
        String sku1 = StoreFixtures.sku(1);
        String sku2 = StoreFixtures.sku(2);
        assertThat(demand.get(sku0)).extracting(DailyDemand::stockOut).containsExactly(false, true);
        assertThat(demand.get(sku1)).extracting(DailyDemand::stockOut).containsExactly(false, false);
        assertThat(demand.get(sku2)).extracting(DailyDemand::stockOut).containsExactly(false, false);
    }

    @Test
    void warehouseDemandCountsEachSaleForTheWarehouseItsTikTokWarehouseLinksTo() {
        // MORENO (shipbob:228) is linked to TikTok warehouse 7000001; NOLINK (shipbob:300) to none.
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun(StoreFixtures.SHIPBOB.id(), T0),
                StoreFixtures.shipbob(T0, 3, 0), T0, 10);
        String a = StoreFixtures.sku(1);
        Instant earlier = Instant.parse("2026-11-24T02:00:00Z"); // the 24th in Beijing: the first sale stored
        repo.commit(SOURCE, List.of(
                new SaleLine("shop1", "o1", "1", a, "t", "7000001", "COMPLETED", T0, T0),
                new SaleLine("shop1", "o2", "2", a, "t", "7000001", "COMPLETED", T0, T0),
                new SaleLine("shop1", "o3", "3", a, "t", "9999999", "COMPLETED", T0, T0),
                new SaleLine("shop1", "o4", "4", a, "t", null, "COMPLETED", earlier, earlier),
                new SaleLine("shop1", "o5", "5", a, "t", "7000001", "CANCELLED", T0, T0)), List.of(), T0, T0);

        JdbiDemandReader.WarehouseDemandData d = new JdbiDemandReader(db.jdbi())
                .warehouseDemand(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"));

        // On the 26th: 2 units through shipbob:228 (7000001); 1 through a TikTok warehouse linked to none of ours
        // (warehouse unknown); the cancelled line not at all. The 24th is outside the range.
        assertThat(d.sales()).containsExactlyInAnyOrder(
                new SalesCount(a, "shipbob:228", LocalDate.parse("2026-11-26"), 2),
                new SalesCount(a, null, LocalDate.parse("2026-11-26"), 1));
        assertThat(d.salesFrom()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(d.carriers().get(a)).containsExactly("shipbob:228");
        // base 0: SKU 1 has available 0 in shipbob:228 on the 26th → a stock-out day there; the 25th has no
        // snapshot → never a stock-out.
        assertThat(d.stockOut(a, "shipbob:228", LocalDate.parse("2026-11-26"))).isTrue();
        assertThat(d.stockOut(a, "shipbob:228", LocalDate.parse("2026-11-25"))).isFalse();
        String b = StoreFixtures.sku(2);
        assertThat(d.stockOut(b, "shipbob:228", LocalDate.parse("2026-11-26"))).isFalse();
    }

    @Test
    void skuDemandReadsOnlyTheChosenSkusWithTheirStockOutDaysAndWhereSalesHistoryBegins() {
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        // On the 26th (Beijing): base 0 gives SKU 0 and 1 available 0, SKU 2 available 1; an hour later base 1
        // gives SKU 1 available 1 and SKU 0 still 0. No snapshot on the 25th.
        snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun(StoreFixtures.SHIPBOB.id(), T0),
                StoreFixtures.shipbob(T0, 3, 0), T0, 10);
        snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun(StoreFixtures.SHIPBOB.id(), T0.plusSeconds(3600)),
                StoreFixtures.shipbob(T0.plusSeconds(3600), 3, 1), T0.plusSeconds(3600), 10);
        String sku0 = StoreFixtures.sku(0);
        String sku1 = StoreFixtures.sku(1);
        String sku2 = StoreFixtures.sku(2);
        Instant the24th = Instant.parse("2026-11-24T02:00:00Z");
        repo.commit(SOURCE, List.of(
                line("1", sku1, "COMPLETED", the24th),
                line("2", sku0, "COMPLETED", T0),
                line("3", sku1, "COMPLETED", T0),
                line("4", sku1, "DELIVERED", T0.plusSeconds(60)),
                line("5", sku1, "CANCELLED", T0),
                line("6", sku2, "COMPLETED", T0)), List.of(), T0, T0);
        LocalDate d25 = LocalDate.parse("2026-11-25");
        LocalDate d26 = LocalDate.parse("2026-11-26");

        JdbiDemandReader.SkuDemandData d = new JdbiDemandReader(db.jdbi()).skuDemand(d25, d26, List.of(sku0, sku1));

        // SKU 2 was not asked for: none of its sales or stock is read. The 24th is before the range.
        assertThat(d.units()).containsOnlyKeys(sku0, sku1);
        assertThat(d.units(sku0, d26)).isEqualTo(1);
        assertThat(d.units(sku1, d26)).isEqualTo(2);
        assertThat(d.units(sku1, d25)).isZero();
        assertThat(d.inStockDays()).containsOnlyKeys(sku1);
        assertThat(d.snapshotDays()).containsExactly(d26);
        assertThat(d.stockOut(sku0, d26)).isTrue();
        assertThat(d.stockOut(sku1, d26)).isFalse();
        assertThat(d.stockOut(sku0, d25)).isFalse(); // no snapshot that day: never a stock-out
        assertThat(d.salesFrom()).isEqualTo(LocalDate.parse("2026-11-24"));

        JdbiDemandReader.SkuDemandData none = new JdbiDemandReader(db.jdbi()).skuDemand(d25, d26, List.of());
        assertThat(none.units()).isEmpty();
        assertThat(none.salesFrom()).isNull();
    }

    @Test
    void passedReturnsAreReadByWhenTheyPassed() {
        Instant later = T0.plusSeconds(3600);
        repo.commit(SOURCE, List.of(), List.of(item("1", "A", ReturnStage.QC_PASSED, T0),
                item("2", "A", ReturnStage.QC_PASSED, later), item("3", "A", ReturnStage.QC_FAILED, later)), later, later);
        assertThat(new JdbiReturnsPoolReader(db.jdbi()).passedSince(T0.plusSeconds(1)))
                .extracting(ReturnItem::lineId).containsExactly("2");
    }

    @Test
    void hourlyDemandBucketsTheLastHours() {
        Instant now = Instant.parse("2026-11-26T10:20:00Z");
        repo.commit(SOURCE, List.of(
                line("1", "A", "AWAITING_SHIPMENT", Instant.parse("2026-11-26T10:05:00Z")),
                line("2", "A", "AWAITING_SHIPMENT", Instant.parse("2026-11-26T10:15:00Z")),
                line("3", "A", "AWAITING_SHIPMENT", Instant.parse("2026-11-26T08:59:00Z")),
                line("4", "A", "AWAITING_SHIPMENT", Instant.parse("2026-11-26T07:59:00Z"))), List.of(), now, now);

        Map<String, List<HourlyDemand>> hourly = new JdbiDemandReader(db.jdbi()).hourlyDemand(now, 3);

        assertThat(hourly.get("A")).extracting(HourlyDemand::units).containsExactly(1, 0, 2);
        assertThat(hourly.get("A").get(0).hour()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    }

    private int count(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }
}
