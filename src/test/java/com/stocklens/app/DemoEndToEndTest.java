package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.demo.DemoConnections;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.Bucket;
import com.stocklens.domain.Provider;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.sandbox.CellState;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.service.BoardRow;
import com.stocklens.service.StockBoard;
import com.stocklens.ui.stock.StockViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo path end to end, headless: sandbox → real connectors (signed TikTok requests, paged ShipBob
 * requests) → sync engine → H2 store → board reader → stock view model, checked against the simulated
 * world's own truth.
 */
class DemoEndToEndTest {
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
        // An identical world (same seed, same clock) tells us what the sandbox's world holds.
        truthWorld = new SimulatedWorld(DemoConnections.DEMO_SEED, SimulatedWorld.DEFAULT_SKU_COUNT, clock);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void oneSyncMakesTheCacheEqualTheWorld() {
        List<SyncRun> runs = runtime.syncEngine().syncAllOnce();
        assertThat(runs).extracting(SyncRun::status).containsOnly(SyncStatus.COMPLETE);
        assertThat(runs).allSatisfy(r -> assertThat(r.requests()).isPositive());

        StockBoard board = runtime.boardReader().read();
        assertThat(shipBobRows(board)).hasSize(900);
        assertCacheEqualsTruth(board);

        // Unknown stays unknown: ShipBob exposes no frozen quantity.
        assertThat(shipBobRows(board)).allSatisfy(r -> assertThat(r.level().frozen()).isNull());
        // TikTok's figure sits beside the warehouse's, and the world's deliberate drift shows as gaps.
        assertThat(shipBobRows(board)).filteredOn(r -> r.tiktokAvailable() != null).hasSizeGreaterThan(800);
        assertThat(shipBobRows(board)).filteredOn(r -> r.tiktokAvailable() != null
                && !r.tiktokAvailable().equals(r.level().available())).isNotEmpty();
        assertThat(board.sources()).allSatisfy(f -> assertThat(f.lastSnapshotAt()).isEqualTo(clock.instant()));
    }

    @Test
    void laterSyncsFollowTheWorldAsItChanges() {
        runtime.syncEngine().syncAllOnce();
        Map<String, StockLevel> first = levels(runtime.boardReader().read());
        clock.advance(Duration.ofMinutes(30));
        runtime.syncEngine().syncAllOnce();
        StockBoard later = runtime.boardReader().read();
        assertCacheEqualsTruth(later);
        assertThat(levels(later)).isNotEqualTo(first);
    }

    @Test
    void theStockViewModelShowsEveryRowAndHonestTotals() {
        runtime.syncEngine().syncAllOnce();
        StockViewModel vm = new StockViewModel(runtime.boardReader(), runtime.syncEngine(), clock,
                Duration.ofMinutes(15), Runnable::run, Runnable::run);
        vm.start();
        try {
            StockBoard board = runtime.boardReader().read();
            assertThat(vm.allRows()).hasSize(board.rows().size());
            // ShipBob's truth plus every partner warehouse the demo polls (their connectors report on-hand too)
            long onHand = truth().stream().mapToLong(CellState::onHand).sum() + partnerOnHand(board);
            assertThat(vm.total(Bucket.ON_HAND).getSum()).isEqualTo(onHand);
            // Frozen: ShipBob's rows are unknown, the partners' are known; the total is the known part.
            long frozen = board.rows().stream().filter(r -> r.level().frozen() != null)
                    .mapToLong(r -> r.level().frozen()).sum();
            assertThat(vm.total(Bucket.FROZEN).getSum()).isEqualTo(shipBobRows(board).size() == board.rows().size()
                    ? null : frozen);
            assertThat(vm.chips()).isNotEmpty().noneMatch(c -> c.isStale());
        } finally {
            vm.close();
        }
    }

    private static List<BoardRow> shipBobRows(StockBoard board) {
        return board.rows().stream().filter(r -> r.warehouse().provider() == Provider.SHIPBOB).toList();
    }

    /** On-hand of the world's partner warehouses whose provider the demo polls. */
    private long partnerOnHand(StockBoard board) {
        Set<Provider> polled = board.rows().stream().map(r -> r.warehouse().provider())
                .filter(p -> p != Provider.SHIPBOB).collect(Collectors.toSet());
        long sum = 0;
        for (Provider p : polled) {
            sum += truthWorld.partners().cells(p, clock.instant()).stream().mapToLong(c -> c.truth().onHand()).sum();
        }
        return sum;
    }

    private List<CellState> truth() {
        return truthWorld.truth();
    }

    private void assertCacheEqualsTruth(StockBoard board) {
        Map<String, StockLevel> cached = levels(board);
        List<CellState> truth = truth();
        assertThat(cached).hasSize(truth.size());
        for (CellState cell : truth) {
            assertThat(cached.get(cell.sellerSku() + "@shipbob:" + cell.fcId()))
                    .as("%s in FC %s", cell.sellerSku(), cell.fcId())
                    .isEqualTo(cell.asShipBobReports());
        }
    }

    private static Map<String, StockLevel> levels(StockBoard board) {
        Map<String, StockLevel> m = new HashMap<>();
        for (BoardRow r : shipBobRows(board)) {
            m.put(r.sku().sellerSku() + "@" + r.warehouse().id(), r.level());
        }
        return m;
    }
}
