package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.demo.DemoHistory;
import com.stocklens.app.reports.HealthReportService;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.HealthFigure;
import com.stocklens.domain.HealthIndicator;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Provider;
import com.stocklens.domain.SaleLine;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Verdict;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.sandbox.PartnerCell;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SimOrder;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.sandbox.WorldHistory;
import com.stocklens.sandbox.WorldView;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.BoardRow;
import com.stocklens.service.Scorecards;
import com.stocklens.service.StockBoard;
import com.stocklens.store.HistoryBackfill;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's past end to end: one {@code sync --once} of a fresh demo workspace writes the sandbox's year
 * into the store (once), shaped exactly like the sync's own rows, and the reports that read a past have
 * real figures from it.
 */
class DemoHistoryEndToEndTest {
    /** Saturday 6 December 2026, 14:00 Beijing: 2026Q4 has 67 days so far. */
    private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");
    private static final int DAYS = WorldHistory.DAYS;

    @TempDir
    static Path dir;

    private static SandboxClock clock;
    private static AppRuntime runtime;
    private static SimulatedWorld world;
    private static WorldHistory past;
    private static SyncOnce first;
    /** Today's board and the world right after the first sync (the clock never moves in this test). */
    private static StockBoard today;
    private static WorldView start;

    @BeforeAll
    static void syncOnce() {
        clock = new SandboxClock(NOW);
        runtime = AppRuntime.open(new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15)),
                clock);
        world = runtime.sandbox().world();
        past = world.history().orElseThrow();
        first = runtime.syncOnce();
        today = runtime.boardReader().read();
        start = world.view();
    }

    @AfterAll
    static void close() {
        runtime.close();
    }

    @Test
    void theFirstSyncWritesEverySourcesPastAndTheOrdersOnceAndLaterSyncsWriteNothing() {
        DemoHistory.Result result = first.past().orElseThrow();
        assertThat(result.parts().keySet()).containsExactlyInAnyOrder("shipbob:main", "winit:main", "goodcang:main",
                "shipmonk:main", "flexport:main", "csv:PH-MNL", DemoHistory.ACTIVITY_PART);
        assertThat(result.rows()).isEqualTo(result.parts().values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThan(150_000);
        assertThat(result.days()).isEqualTo(DAYS);
        HistoryBackfill store = new HistoryBackfill(runtime.database().jdbi());
        Map<String, Long> counts = store.pastCounts();
        // 100 daily closes and one every 14 days before (days 7, 21, … 293): 121 a source.
        assertThat(counts.get("snapshot")).isEqualTo(6 * 121L);
        assertThat(store.finished()).hasSize(7);

        SyncOnce again = runtime.syncOnce();
        assertThat(again.past().orElseThrow().wroteAnything()).isFalse();
        assertThat(store.pastCounts()).isEqualTo(counts);
    }

    @Test
    void eachSourcesPastHasTheRowsKeysAndKnownBucketsOfItsOwnSyncAndTheSyncsFiguresAreTheWorlds() {
        StockBoard yesterday = runtime.history().boardAt(past.closeAt(DAYS - 1));
        Map<String, BoardRow> then = byKey(yesterday);
        Map<String, BoardRow> now = byKey(today);
        assertThat(then.keySet()).isEqualTo(now.keySet()).hasSize(1350);
        Map<String, WorldHistory.Cell> cells = cellsByKey(now.values());
        assertThat(cells).hasSize(1350);
        for (Map.Entry<String, BoardRow> e : now.entrySet()) {
            BoardRow sync = e.getValue();
            WorldHistory.Cell cell = cells.get(e.getKey());
            // What a sync writes: the world's figures in the buckets the provider reports, unknown in the rest.
            assertThat(sync.level()).as("today %s", e.getKey())
                    .isEqualTo(DemoHistory.masked(truth(cell), sync.level()));
            // What the back-fill wrote for yesterday: the same rule over yesterday's figures, same keys.
            BoardRow written = then.get(e.getKey());
            assertThat(written.sku().codes().wmsId()).isEqualTo(sync.sku().codes().wmsId());
            assertThat(written.level()).as("yesterday %s", e.getKey())
                    .isEqualTo(DemoHistory.masked(past.close(cell, DAYS - 1), sync.level()));
        }
        // Unknown stays unknown in the past too: ShipBob never reports frozen, Flexport never in transit.
        assertThat(then.values()).filteredOn(r -> r.warehouse().provider() == Provider.SHIPBOB)
                .allSatisfy(r -> assertThat(r.level().frozen()).isNull());
        assertThat(then.values()).filteredOn(r -> r.warehouse().provider() == Provider.FLEXPORT)
                .allSatisfy(r -> assertThat(r.level().inTransit()).isNull());
    }

    @Test
    void theWrittenOrdersAreTheConnectorsRowsAndEveryDaysDemandIsTheWorlds() {
        Instant now = NOW;
        List<SaleLine> stored = runtime.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT shop_id, order_id, line_id, seller_sku, tiktok_sku_id, tiktok_warehouse_id, status, "
                                + "created_at, updated_at FROM sale_line")
                .map((rs, ctx) -> new SaleLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(9, java.time.OffsetDateTime.class).toInstant()))
                .list());
        Map<String, SaleLine> byLine = stored.stream().collect(Collectors.toMap(SaleLine::lineId, s -> s));
        // The connector read the last 28 days; every order it stored is what the back-fill writes for an order.
        WorldView view = start;
        int compared = 0;
        for (SimOrder o : view.tiktokOrders()) {
            if (o.updateTime(now).isBefore(NOW.minus(Duration.ofDays(28)))) {
                continue;
            }
            for (SaleLine expected : DemoHistory.saleLines(o, now)) {
                assertThat(byLine.get(expected.lineId())).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(3000);
        // Over the whole year, the stored lines are exactly the past's orders' lines (and the world's open ones).
        long expectedLines = 0;
        for (int d = 0; d <= DAYS; d++) {
            expectedLines += past.ordersOn(d).stream().mapToInt(SimOrder::units).sum();
        }
        long openAtStart = view.tiktokOrders().stream().filter(o -> !o.createdAt().isBefore(NOW.minus(LAST_ORDER)))
                .mapToInt(SimOrder::units).sum();
        assertThat((long) stored.size()).isEqualTo(expectedLines + openAtStart);
        // Demand per SKU on a day long before the connector's window is the world's.
        int d = DAYS - 200;
        LocalDate day = past.day(d);
        Map<String, Integer> world = new HashMap<>();
        past.ordersOn(d).stream().filter(o -> !o.cancelled())
                .forEach(o -> world.merge(o.sellerSku(), o.units(), Integer::sum));
        Map<String, Integer> demand = new HashMap<>();
        runtime.demandReader().dailyDemand(day, day).forEach((sku, series) -> series.stream()
                .filter(x -> x.units() > 0).forEach(x -> demand.put(sku, x.units())));
        assertThat(demand).isEqualTo(world).isNotEmpty();
    }

    private static final Duration LAST_ORDER = Duration.ofHours(2);

    @Test
    void chosenWarehousesAreReportedAndTrendedAlone() {
        // The screens' warehouse filter: two warehouses' lines are the same as in the whole report, the overall
        // figures are theirs alone, and so is the > 180-day trend.
        HealthReportService.Period q4 = HealthReportService.quarter("2026Q4");
        HealthReport all = runtime.healthReports().report(q4.from(), q4.to());
        // ShipBob's: its lots date the units, so the trend has points.
        List<String> two = all.perWarehouse().keySet().stream().filter(w -> w.startsWith("shipbob:")).sorted()
                .limit(2).toList();
        assertThat(two).hasSize(2);
        HealthReport some = runtime.healthReports().report(q4.from(), q4.to(), null, Set.copyOf(two));
        assertThat(some.perWarehouse()).containsOnlyKeys(two);
        two.forEach(w -> assertThat(some.perWarehouse().get(w)).isEqualTo(all.perWarehouse().get(w)));
        assertThat(figure(some.overall(), HealthIndicator.TURNOVER_DAYS).value())
                .isNotEqualTo(figure(all.overall(), HealthIndicator.TURNOVER_DAYS).value());

        LocalDate todayDay = NOW.atZone(BeijingTime.ZONE).toLocalDate();
        List<AgeTrendPoint> trend = runtime.ageingReader().over180Trend(todayDay.minusDays(364), todayDay);
        assertThat(runtime.ageingReader().over180Trend(todayDay.minusDays(364), todayDay, Set.copyOf(two)))
                .isNotEmpty().isNotEqualTo(trend);
    }

    @Test
    void theQuarterTheYearsTrendEveryWarehousesAgesAndTheScorecardsHaveRealFigures() {
        HealthReportService.Period q4 = HealthReportService.quarter("2026Q4");
        HealthReport report = runtime.healthReports().report(q4.from(), q4.to());
        // Only complete Beijing days count: the quarter so far ends yesterday (today is not over).
        assertThat(report.to()).isEqualTo(LocalDate.of(2026, 12, 5));
        HealthFigure turnover = figure(report.overall(), HealthIndicator.TURNOVER_DAYS);
        // 66 complete days, all of them with stock history: nothing says "no data".
        assertThat(turnover.working().english()).doesNotContain("no data");
        assertThat(turnover.value()).isBetween(30.0, 200.0);
        assertThat(figure(report.overall(), HealthIndicator.MOVING_SKU_RATE).value()).isBetween(60.0, 99.0);
        assertThat(figure(report.overall(), HealthIndicator.OVER_180_SHARE).value()).isBetween(0.5, 30.0);
        // Every warehouse that ships TikTok orders has a turnover; WINIT's Kuala Lumpur warehouse stocks no TikTok
        // shop in the demo (there is no MY shop), so nothing sells from it: undefined, said so, never 0 or healthy.
        assertThat(report.perWarehouse()).hasSize(9)
                .allSatisfy((w, figures) -> {
                    HealthFigure t = figure(figures, HealthIndicator.TURNOVER_DAYS);
                    if (w.equals("winit:1000201")) {
                        assertThat(t.value()).isNull();
                        assertThat(t.verdict()).isEqualTo(Verdict.UNKNOWN);
                        assertThat(t.working().english()).contains("no unit sold");
                    } else {
                        assertThat(t.value()).as(w).isNotNull();
                    }
                });

        LocalDate todayDay = NOW.atZone(BeijingTime.ZONE).toLocalDate();
        List<AgeTrendPoint> trend = runtime.ageingReader().over180Trend(todayDay.minusDays(364), todayDay);
        assertThat(trend).hasSizeGreaterThanOrEqualTo(12);
        assertThat(trend.getFirst().day()).isAfter(todayDay.minusDays(365)).isBefore(todayDay.minusDays(300));
        assertThat(trend).allSatisfy(p -> assertThat(p.over180Share()).isBetween(0.0, 40.0));

        Map<String, int[]> ages = new HashMap<>();
        for (AgeProfile p : runtime.ageingReader().current()) {
            int[] a = ages.computeIfAbsent(p.warehouseId(), k -> new int[2]);
            a[0] += p.total();
            a[1] += p.unaged();
        }
        // Every warehouse kind: units of known age, nearly all of them.
        assertThat(ages).hasSize(9).allSatisfy((w, a) -> assertThat(a[1]).as(w).isLessThan(a[0] / 10));

        Scorecards.Board board = runtime.scorecards().read();
        List<WarehouseKpis> measured = board.entries().stream().filter(Scorecards.Entry::connected)
                .map(Scorecards.Entry::kpis).toList();
        assertThat(measured).hasSize(9).allSatisfy(k -> {
            assertThat(k.skuDays()).as(k.warehouseId()).isGreaterThan(30 * 50);
            assertThat(k.stockoutRate()).as(k.warehouseId()).isNotNull();
            assertThat(k.calibrationsPer1000()).as(k.warehouseId()).isNotNull();
            assertThat(k.over180Share()).as(k.warehouseId()).isNotNull();
        });
        // Inbound and returns inspection are measured where the provider reports them.
        assertThat(measured).filteredOn(k -> k.warehouseId().startsWith("shipbob:"))
                .allSatisfy(k -> {
                    assertThat(k.dockToStockHours()).isBetween(24.0, 72.0);
                    assertThat(k.returnsQcHours()).isNotNull();
                });
        assertThat(measured).filteredOn(k -> k.warehouseId().startsWith("goodcang:"))
                .allSatisfy(k -> assertThat(k.dockToStockHours()).isGreaterThan(48.0));
    }

    // ---------------------------------------------------------------------------------------------

    private static HealthFigure figure(List<HealthFigure> figures, HealthIndicator indicator) {
        return figures.stream().filter(f -> f.indicator() == indicator).findFirst().orElseThrow();
    }

    private static Map<String, BoardRow> byKey(StockBoard board) {
        Map<String, BoardRow> out = new HashMap<>();
        board.rows().forEach(r -> out.put(r.sku().sellerSku() + "@" + r.warehouse().id(), r));
        return out;
    }

    /** The world's cell behind each row, by the warehouse's stored id and the row's seller SKU or own code. */
    private static Map<String, WorldHistory.Cell> cellsByKey(java.util.Collection<BoardRow> rows) {
        Map<String, WorldHistory.Cell> byCode = new HashMap<>();
        for (WorldHistory.Cell c : past.cells()) {
            for (String w : DemoHistory.warehouseIds(c)) {
                byCode.put(c.sku().sellerSku() + "@" + w, c);
                byCode.putIfAbsent(c.providerSku() + "@" + w, c);
            }
        }
        Map<String, WorldHistory.Cell> out = new HashMap<>();
        for (BoardRow r : rows) {
            String key = r.sku().sellerSku() + "@" + r.warehouse().id();
            WorldHistory.Cell c = byCode.get(key);
            if (c == null && r.sku().codes().wmsId() != null) {
                c = byCode.get(r.sku().codes().wmsId() + "@" + r.warehouse().id());
            }
            if (c != null) {
                out.put(key, c);
            }
        }
        return out;
    }

    /** The world's state of a cell at the sync's moment (the clock had not moved). */
    private static StockLevel truth(WorldHistory.Cell c) {
        if (c.fc() != null) {
            return start.cell(c.sku().index(), c.fc().id()).toStockLevel();
        }
        for (PartnerCell p : world.partners().cells(c.partner(), NOW)) {
            if (p.sku().equals(c.sku())) {
                return p.truth();
            }
        }
        throw new IllegalStateException("no partner cell " + c);
    }
}
