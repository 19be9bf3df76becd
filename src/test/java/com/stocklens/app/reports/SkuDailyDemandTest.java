package com.stocklens.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.stocklens.domain.DemandMean;
import com.stocklens.domain.SaleLine;
import com.stocklens.store.ActivityRepository;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiDemandReader;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each SKU's d̄ on its total (the triage's daily sales): days before sales history are no data, stock-out days are
 * skipped, and a SKU with no day left is unknown, never 0.
 */
class SkuDailyDemandTest {
    /** 10:00 on 26 November in Beijing. */
    private static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    private static final LocalDate D20 = LocalDate.parse("2026-11-20");
    private static final LocalDate D23 = LocalDate.parse("2026-11-23");
    private static final LocalDate D26 = LocalDate.parse("2026-11-26");

    private Database db;
    private WarehouseDemandService service;
    private final String sku0 = StoreFixtures.sku(0);
    private final String sku1 = StoreFixtures.sku(1);
    private final String sku2 = StoreFixtures.sku(2);

    @BeforeEach
    void open() {
        db = Database.inMemory("sku-demand-" + System.nanoTime());
        service = new WarehouseDemandService(new JdbiDemandReader(db.jdbi()));
        // One snapshot, on the 26th: SKU 0 and 1 available 0 (out of stock), SKU 2 available 1.
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun(StoreFixtures.SHIPBOB.id(), T0),
                StoreFixtures.shipbob(T0, 3, 0), T0, 10);
        // Sales history begins on the 24th: SKU 1 sells 3 that day; on the 25th SKU 1 sells 1 and SKU 2 sells 2;
        // on the 26th SKU 0 sells 1 (a unit sold before it ran out) and SKU 2 sells 4.
        Instant d24 = Instant.parse("2026-11-24T02:00:00Z");
        Instant d25 = Instant.parse("2026-11-25T02:00:00Z");
        new ActivityRepository(db.jdbi()).commit("tiktok:main", List.of(
                line("1", sku1, d24), line("2", sku1, d24), line("3", sku1, d24),
                line("4", sku1, d25), line("5", sku2, d25), line("6", sku2, d25),
                line("7", sku0, T0), line("8", sku2, T0), line("9", sku2, T0), line("10", sku2, T0),
                line("11", sku2, T0)), List.of(), T0, T0);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static SaleLine line(String id, String sku, Instant at) {
        return new SaleLine("shop1", "o-" + id, id, sku, "tt-" + sku, null, "COMPLETED", at, at);
    }

    @Test
    void averagesTheCoveredInStockDaysAndSaysHowMany() {
        // The window 20th–26th; history covers the 24th–26th. The 26th is a stock-out day for SKU 0 and 1.
        Map<String, DemandMean> sales = service.dailyDemand(D20, D26, List.of(sku0, sku1, sku2, "NEVER-SOLD"));

        // SKU 0: the 24th and 25th, 0 sold (its one sale was on a stock-out day) → 0 a day, known.
        assertThat(sales.get(sku0)).isEqualTo(new DemandMean(0.0, 2));
        // SKU 1: (3 + 1) / 2.
        assertThat(sales.get(sku1)).isEqualTo(new DemandMean(2.0, 2));
        // SKU 2, in stock on every day: (0 + 2 + 4) / 3.
        assertThat(sales.get(sku2).perDay()).isCloseTo(2.0, within(1e-12));
        assertThat(sales.get(sku2).days()).isEqualTo(3);
        // Listed nowhere: the 26th's snapshot did not show it, the 24th and 25th had none → 0 over 2 days.
        assertThat(sales.get("NEVER-SOLD")).isEqualTo(new DemandMean(0.0, 2));
    }

    @Test
    void aSkuOutOfStockOnEveryCoveredDayIsUnknownNotZero() {
        Map<String, DemandMean> sales = service.dailyDemand(D26, D26, List.of(sku0, sku2));

        assertThat(sales).containsOnlyKeys(sku2);
        assertThat(sales.get(sku2)).isEqualTo(new DemandMean(4.0, 1));
    }

    @Test
    void daysBeforeSalesHistoryAreNoDataNotZeroSales() {
        assertThat(service.dailyDemand(D20, D23, List.of(sku0, sku1, sku2))).isEmpty();
        assertThat(service.dailyDemand(D20, D26, List.of())).isEmpty();
    }
}
