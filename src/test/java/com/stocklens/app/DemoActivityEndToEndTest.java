package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.demo.DemoConnections;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SimOrder;
import com.stocklens.sandbox.SimTikTokReturn;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.sandbox.WorldView;
import com.stocklens.service.DailyDemand;
import com.stocklens.sync.ActivitySync;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders and returns end to end, headless: sandbox (the world's sales and returns as TikTok orders and
 * returns) → signed TikTok searches → activity sync → H2 → demand and returns-pool readers, checked
 * against an identical world.
 */
class DemoActivityEndToEndTest {
    @TempDir
    Path dir;

    private SandboxClock clock;
    private AppRuntime runtime;
    private SimulatedWorld truthWorld;

    @BeforeEach
    void open() {
        clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        LaunchOptions options = new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15));
        runtime = AppRuntime.open(options, clock);
        truthWorld = new SimulatedWorld(DemoConnections.DEMO_SEED, SimulatedWorld.DEFAULT_SKU_COUNT, clock);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void oneActivitySyncHoldsTheWorldsOrdersDemandAndReturnsPool() {
        ActivitySync sync = runtime.activitySync().orElseThrow();
        // The world's initial returns are stamped with its start; a window ends before "now", so step
        // one second past it (less than a simulation step: nothing else changes).
        clock.advance(Duration.ofSeconds(1));
        ActivitySync.Run first = sync.syncOnce();
        assertThat(first.error()).isNull();
        assertThat(first.since()).isEqualTo(clock.instant().minus(ActivitySync.FIRST_WINDOW));

        WorldView view = truthWorld.view();
        List<SimOrder> inWindow = view.tiktokOrders().stream()
                .filter(o -> !o.updateTime(view.now()).isBefore(first.since())
                        && o.updateTime(view.now()).isBefore(first.until()))
                .toList();
        int lines = inWindow.stream().mapToInt(SimOrder::units).sum();
        assertThat(first.sales()).isEqualTo(lines).isGreaterThan(1000);

        // Demand per SKU per Beijing day equals the world's non-cancelled units.
        Map<String, Map<LocalDate, Integer>> expected = new HashMap<>();
        for (SimOrder o : inWindow) {
            if (!o.cancelled()) {
                expected.computeIfAbsent(o.sellerSku(), k -> new HashMap<>())
                        .merge(LocalDate.ofInstant(o.createdAt(), BeijingTime.ZONE), o.units(), Integer::sum);
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), BeijingTime.ZONE);
        Map<String, List<DailyDemand>> demand = runtime.demandReader().dailyDemand(today.minusDays(29), today);
        int checked = 0;
        for (Map.Entry<String, Map<LocalDate, Integer>> e : expected.entrySet()) {
            List<DailyDemand> series = demand.get(e.getKey());
            assertThat(series).as(e.getKey()).isNotNull().hasSize(30);
            for (DailyDemand d : series) {
                assertThat(d.units()).as("%s on %s", e.getKey(), d.day()).isEqualTo(e.getValue().getOrDefault(d.day(), 0));
                checked++;
            }
        }
        assertThat(expected).hasSizeGreaterThan(200);
        assertThat(checked).isPositive();

        // The returns pool: every unit TikTok shows requested, on its way back or received and not yet inspected.
        Map<String, Integer> expectedPool = new HashMap<>();
        int awaitingQc = 0;
        for (SimTikTokReturn r : view.tiktokReturns()) {
            String status = r.status(view.now());
            if (status.endsWith("COMPLETE") || status.equals("REJECT_RECEIVE_PACKAGE")) {
                continue;
            }
            for (SimTikTokReturn.Line l : r.lines()) {
                expectedPool.merge(l.sellerSku() + "/" + status, 1, Integer::sum);
                awaitingQc += status.equals("RETURN_OR_REFUND_REQUEST_SUCCESS") ? 1 : 0;
            }
        }
        Map<String, Integer> pool = new HashMap<>();
        for (ReturnItem item : runtime.returnsPoolReader().openReturns()) {
            pool.merge(item.sellerSku() + "/" + item.returnStatus(), 1, Integer::sum);
        }
        assertThat(pool).isEqualTo(expectedPool);
        assertThat(runtime.returnsPoolReader().openReturns()).filteredOn(i -> i.stage() == ReturnStage.AWAITING_QC)
                .hasSize(awaitingQc).isNotEmpty();

        // Nothing changed: the next run re-reads only the overlap and stores nothing new.
        ActivitySync.Run second = sync.syncOnce();
        assertThat(second.error()).isNull();
        assertThat(second.since()).isEqualTo(first.until().minus(ActivitySync.OVERLAP));
        assertThat(second.inserted()).isZero();

        // The world moves on: new orders arrive in the next window.
        clock.advance(Duration.ofMinutes(10));
        ActivitySync.Run third = sync.syncOnce();
        assertThat(third.since()).isEqualTo(second.until().minus(ActivitySync.OVERLAP));
        assertThat(third.inserted()).isPositive();
        assertThat(third.requests()).isLessThan(first.requests());
    }
}
