package com.stocklens.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.Provider;
import com.stocklens.domain.StockLevel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The world's year before its epoch: deterministic, and plausible as a shop's past. */
class WorldHistoryTest {
    private static final Instant START = Instant.parse("2026-12-06T03:00:00Z");
    private static final int DAYS = WorldHistory.DAYS;
    private static SimulatedWorld world;
    private static WorldHistory past;

    @BeforeAll
    static void build() {
        world = new SimulatedWorld(20261127L, 300, new SandboxClock(START));
        past = world.history().orElseThrow();
    }

    @Test
    void aYearAndAMonthOfBeijingDaysEndingTheDayBeforeTheEpoch() {
        assertThat(past.firstDay()).isEqualTo(LocalDate.of(2026, 12, 6).minusDays(400));
        assertThat(past.day(DAYS - 1)).isEqualTo(LocalDate.of(2026, 12, 5));
        // 23:50 Beijing of 5 December is 15:50 UTC; the epoch's own day closes at the epoch.
        assertThat(past.closeAt(DAYS - 1)).isEqualTo(Instant.parse("2026-12-05T15:50:00Z"));
        assertThat(past.closeAt(DAYS)).isEqualTo(START);
        // 900 ShipBob cells and one per partner plan.
        assertThat(past.cells()).filteredOn(c -> c.fc() != null).hasSize(900);
        assertThat(past.cells().stream().map(WorldHistory.Cell::provider).distinct())
                .containsExactlyInAnyOrder(Provider.SHIPBOB, Provider.WINIT, Provider.SHIPMONK, Provider.FLEXPORT,
                        Provider.GOODCANG, Provider.CSV);
    }

    @Test
    void theSameSeedAndEpochGiveTheSamePast() {
        WorldHistory twin = new SimulatedWorld(20261127L, 300, new SandboxClock(START)).history().orElseThrow();
        for (int i = 0; i < past.cells().size(); i += 37) {
            WorldHistory.Cell c = past.cells().get(i);
            WorldHistory.Cell t = twin.cells().get(i);
            for (int d = 0; d <= DAYS; d += 13) {
                assertThat(twin.close(t, d)).isEqualTo(past.close(c, d));
            }
        }
        assertThat(twin.ordersOn(DAYS - 100)).isEqualTo(past.ordersOn(DAYS - 100));
        assertThat(twin.returnsOf(DAYS - 60)).isEqualTo(past.returnsOf(DAYS - 60));
        WorldHistory other = new SimulatedWorld(20261128L, 300, new SandboxClock(START)).history().orElseThrow();
        assertThat(other.ordersOn(DAYS - 100)).isNotEqualTo(past.ordersOn(DAYS - 100));
    }

    @Test
    void everyDayBalancesNeverGoesBelowZeroAndNeverShipsMoreThanItHeld() {
        for (WorldHistory.Cell c : past.cells()) {
            StockLevel end = past.close(c, DAYS);
            assertThat(end.onHand()).as("%s ends where the world starts", c).isEqualTo(startOnHand(c));
            for (int d = 1; d <= DAYS; d++) {
                StockLevel before = past.close(c, d - 1);
                StockLevel after = past.close(c, d);
                int in = past.receivedUnits(c, d) + past.restockedUnits(c, d);
                int out = past.shippedUnits(c, d);
                assertThat(after.onHand()).as("%s day %d", c, d).isEqualTo(before.onHand() + in - out);
                assertThat(out).as("%s day %d ships what it held", c, d).isLessThanOrEqualTo(before.onHand() + in);
                assertThat(after.asMap().values()).allSatisfy(v -> assertThat(v).isNotNegative());
                assertThat(after.available()).isEqualTo(after.onHand() - after.reserved() - after.frozen());
            }
        }
    }

    @Test
    void replayingTheReceiptsFirstInFirstOutEndsInTheWorldsLotsAndAddsUpEveryDay() {
        WorldView start = world.view();
        int[] days = IntStream.rangeClosed(0, DAYS).filter(d -> d % 29 == 0 || d == DAYS).toArray();
        int checked = 0;
        for (WorldHistory.Cell c : past.cells()) {
            if (c.fc() == null) {
                continue;
            }
            Map<Integer, List<SimLot>> lots = past.lots(c, days);
            assertThat(lots.get(DAYS)).as("%s", c).isEqualTo(start.lots(c.sku().index(), c.fc().id()));
            for (int d : days) {
                List<SimLot> held = lots.get(d);
                assertThat(held.stream().mapToInt(SimLot::units).sum()).isEqualTo(past.close(c, d).onHand());
                assertThat(held).allSatisfy(l -> {
                    assertThat(l.units()).isPositive();
                    assertThat(l.receivedAt()).isBeforeOrEqualTo(past.closeAt(d));
                });
                assertThat(held).extracting(SimLot::receivedAt).isSorted();
            }
            checked++;
        }
        assertThat(checked).isEqualTo(900);
    }

    @Test
    void ordersCarryTheTikTokWarehouseThatShippedThemAndOnlyTikTokWarehousesHaveOrders() {
        Map<String, String> linked = new HashMap<>();
        world.shops().forEach(s -> s.warehouses().stream().filter(SimShop.TikTokWarehouse::isSales)
                .forEach(w -> linked.put(w.id(), "shipbob:" + w.fcId())));
        PartnerStock.WAREHOUSES.stream().filter(w -> w.tiktokWarehouseId() != null)
                .forEach(w -> linked.put(w.tiktokWarehouseId(), w.provider() + ":" + w.code()));
        Set<String> seen = new HashSet<>();
        for (int d = DAYS - 60; d < DAYS; d++) {
            for (SimOrder o : past.ordersOn(d)) {
                assertThat(linked).containsKey(o.tiktokWarehouseId());
                seen.add(o.tiktokWarehouseId());
                SimSku sku = world.skus().get(o.skuIndex());
                assertThat(sku.onTikTok()).isTrue();
                assertThat(o.createdAt().atZone(BeijingTime.ZONE).toLocalDate()).isEqualTo(past.day(d));
                // Every past order has shipped (or was cancelled) before the world began.
                assertThat(o.cancelled() ? o.cancelledAt() : o.shippedAt()).isBefore(START);
            }
        }
        // Both ShipBob shops' centres, the four partner warehouses of the US and UK markets and the Manila
        // warehouse behind the PH shop's TikTok warehouse.
        assertThat(seen).hasSize(8).contains(SimulatedWorld.PH_TIKTOK_WAREHOUSE);
        // The Malaysian warehouse sells through other channels (the demo has no MY shop): its stock moves without
        // orders.
        WorldHistory.Cell kualaLumpur = past.cells().stream().filter(c -> c.partner() != null
                && c.partner().code().equals("MYKL") && past.shippedUnits(c, DAYS - 30) > 0).findFirst()
                .orElseThrow();
        assertThat(kualaLumpur.partner().tiktokWarehouseId()).isNull();
    }

    @Test
    void theTikTokListsStartWithThePastsRecentOrders() {
        List<SimOrder> listed = world.view().tiktokOrders();
        for (int d = DAYS - 42; d < DAYS; d += 10) {
            assertThat(listed).containsAll(past.ordersOn(d));
        }
        assertThat(listed.getFirst().createdAt()).isBefore(START.minus(Duration.ofDays(41)));
        assertThat(world.view().tiktokReturns()).containsAll(past.returnsOf(DAYS - 40));
    }

    @Test
    void salesFollowTheWeekAndTheSeasonAndSomeStockIsSlow() {
        double weekend = 0;
        double weekday = 0;
        int weekends = 0;
        int weekdays = 0;
        long november = 0;
        long september = 0;
        for (int d = 0; d < DAYS; d++) {
            long units = past.ordersOn(d).stream().filter(o -> !o.cancelled()).mapToLong(SimOrder::units).sum();
            LocalDate day = past.day(d);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weekend += units;
                weekends++;
            } else if (day.getDayOfWeek() != DayOfWeek.FRIDAY) {
                weekday += units;
                weekdays++;
            }
            if (day.getYear() == 2026 && day.getMonthValue() == 11) {
                november += units;
            }
            if (day.getYear() == 2026 && day.getMonthValue() == 9) {
                september += units;
            }
        }
        assertThat(weekend / weekends).isGreaterThan(1.1 * weekday / weekdays);
        assertThat(november).isGreaterThan(september * 13 / 10);

        // Slow movers: cells holding stock that sold nothing over the last 90 days, and ShipBob stock over 180 days.
        long idle = past.cells().stream().filter(c -> past.close(c, DAYS - 1).onHand() > 0
                && IntStream.range(DAYS - 90, DAYS).allMatch(d -> past.shippedUnits(c, d) == 0)).count();
        assertThat(idle).isGreaterThan(30);
        long old = 0;
        for (CellState c : world.view().cells()) {
            old += world.view().lots(c.skuIndex(), c.fcId()).stream()
                    .filter(l -> l.receivedAt().isBefore(START.minus(Duration.ofDays(180)))).mapToInt(SimLot::units)
                    .sum();
        }
        assertThat(old).isPositive();
    }

    @Test
    void aBenchmarkSizedWorldHasNoPast() {
        assertThat(new SimulatedWorld(8, SimulatedWorld.HISTORY_MAX_SKUS + 1, new SandboxClock(START)).history())
                .isEmpty();
    }

    private static int startOnHand(WorldHistory.Cell c) {
        if (c.fc() != null) {
            return world.view().cell(c.sku().index(), c.fc().id()).onHand();
        }
        return world.partners().cells(c.partner(), START).stream().filter(p -> p.sku().equals(c.sku()))
                .findFirst().orElseThrow().truth().onHand();
    }
}
