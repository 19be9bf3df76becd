package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.sandbox.Fault;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.service.BoardRow;
import com.stocklens.service.StockBoard;
import com.stocklens.ui.stock.FreshnessChipViewModel;
import com.stocklens.ui.stock.StockViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network goes away and comes back, end to end: sandbox (every request answered 503) → real
 * connectors (with their own bounded retries) → sync engine → store → board reader → stock view model.
 * While it is away every run fails and is recorded, nothing is committed, the board keeps the last complete
 * snapshots with growing ages, the chips turn stale and the view model says "offline"; no exception escapes.
 * When it returns, the engine's own schedule catches up without anyone asking, after a backoff pause
 * rather than a hot loop.
 */
class OfflineEndToEndTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final Duration CADENCE = Duration.ofSeconds(1);
    private static final Duration STALE_AFTER = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private SandboxClock clock;
    private AppRuntime runtime;
    private StockViewModel board;
    private final List<SyncRun> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger loadErrors = new AtomicInteger();

    @BeforeEach
    void open() {
        clock = new SandboxClock(T0);
        runtime = AppRuntime.open(new LaunchOptions(true, dir, null, CADENCE, STALE_AFTER), clock);
        runtime.syncEngine().subscribe(e -> events.add(e.run()));
        // The window's stock view model, with same-thread executors: it re-reads the board after every run.
        board = new StockViewModel(runtime.boardReader(), runtime.syncEngine(), clock, STALE_AFTER, Runnable::run,
                Runnable::run);
        board.loadErrorProperty().addListener((obs, o, n) -> {
            if (n != null) {
                loadErrors.incrementAndGet();
            }
        });
    }

    @AfterEach
    void close() {
        board.close();
        runtime.close();
    }

    @Test
    void aSkuStockedInSeveralWarehousesIsOneSkuOnTheBoard() {
        runtime.syncEngine().syncAllOnce();
        List<BoardRow> rows = runtime.boardReader().read().rows();
        Map<String, List<BoardRow>> bySku = rows.stream().collect(Collectors.groupingBy(r -> r.sku().sellerSku()));
        List<List<BoardRow>> shared = bySku.values().stream().filter(l -> l.size() > 1).toList();
        assertThat(shared).as("the demo stocks SKUs in several warehouses").isNotEmpty();
        for (List<BoardRow> same : shared) {
            BoardRow first = same.get(0);
            for (BoardRow other : same) {
                // Equal codes and name; the same objects where the WMS id is the same, the same strings anyway.
                assertThat(other.sku().name()).isSameAs(first.sku().name());
                assertThat(other.sku().codes().sellerSku()).isSameAs(first.sku().codes().sellerSku());
                if (Objects.equals(other.sku().codes().wmsId(), first.sku().codes().wmsId())) {
                    assertThat(other.sku()).isSameAs(first.sku());
                }
            }
        }
    }

    @Test
    void keepsWorkingOnTheCacheWhileOfflineAndCatchesUpByItself() throws Exception {
        // Online: one complete snapshot per source.
        List<SyncRun> first = runtime.syncEngine().syncAllOnce();
        assertThat(first).extracting(SyncRun::status).containsOnly(SyncStatus.COMPLETE);
        StockBoard cached = runtime.boardReader().read();
        Map<String, Object> cachedLevels = levels(cached);
        assertThat(cachedLevels).isNotEmpty();
        board.start();
        await("first board applied", () -> board.appliedSnapshotsProperty().get() > 0);
        assertThat(board.offlineProperty().get().offline()).isFalse();

        // The network goes: every request to every provider answers 503, retries included.
        runtime.sandbox().faults().next("/", 1_000_000, Fault.HTTP_503);
        for (int cycle = 1; cycle <= 3; cycle++) {
            clock.advance(Duration.ofMinutes(6));
            List<SyncRun> runs = runtime.syncEngine().syncAllOnce();
            assertThat(runs).as("cycle %d", cycle).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(SyncStatus.FAILED);
                assertThat(r.error()).isNotBlank();
                assertThat(r.snapshotId()).as("nothing committed").isNull();
            });
            StockBoard now = runtime.boardReader().read();
            assertThat(levels(now)).as("the board still reads the last complete snapshots").isEqualTo(cachedLevels);
            Duration age = Duration.ofMinutes(6L * cycle);
            assertThat(now.sources()).filteredOn(f -> !f.manual()).allSatisfy(f -> {
                assertThat(f.lastSnapshotAt()).isEqualTo(T0);
                assertThat(f.lastError()).isNotBlank();
                assertThat(Duration.between(f.lastSnapshotAt(), clock.instant())).isEqualTo(age);
            });
        }
        await("the view model has read the failed board",
                () -> board.offlineProperty().get().offline());
        board.tick(clock.instant());
        assertThat(board.offlineProperty().get().cachedAt()).isEqualTo(T0);
        assertThat(board.chips()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.isStale()).as(c.sourceName()).isTrue();
            assertThat(c.getAge()).isEqualTo(Duration.ofMinutes(18));
        });
        assertThat(board.total("onHand").getSum()).as("figures still shown from the cache").isPositive();
        assertThat(loadErrors.get()).as("no read failed").isZero();

        // The schedule starts while still offline: each source fails once more and then backs off.
        events.clear();
        int sources = runtime.sources().size();
        runtime.startSync();
        await("a scheduled failure per source", () -> failedSources() == sources);
        Map<String, Long> failedAt = new ConcurrentHashMap<>();
        events.forEach(r -> failedAt.put(r.sourceId(), System.nanoTime()));
        // The network returns. Nobody clicks anything.
        runtime.sandbox().faults().clear();
        clock.advance(Duration.ofMinutes(1));
        Map<String, Long> recoveredAt = new ConcurrentHashMap<>();
        runtime.syncEngine().subscribe(e -> {
            if (e.run().status() == SyncStatus.COMPLETE) {
                recoveredAt.putIfAbsent(e.run().sourceId(), System.nanoTime());
            }
        });
        await("every source caught up", () -> recoveredAt.size() == sources, Duration.ofSeconds(60));
        // Four failures in a row: the next try waited for the backoff (8 × the 1 s cadence, from the start of
        // the failed run), not one cadence.
        recoveredAt.forEach((id, at) -> assertThat(Duration.ofNanos(at - failedAt.getOrDefault(id, at)))
                .as("pause before %s's next try", id).isGreaterThanOrEqualTo(Duration.ofSeconds(2)));
        await("the board shows fresh data", () -> !board.offlineProperty().get().offline()
                && board.chips().stream().noneMatch(FreshnessChipViewModel::isStale));
        StockBoard fresh = runtime.boardReader().read();
        assertThat(fresh.sources()).filteredOn(f -> !f.manual()).allSatisfy(f -> {
            assertThat(f.lastError()).isNull();
            assertThat(f.lastSnapshotAt()).isAfter(T0);
        });
        assertThat(loadErrors.get()).isZero();
    }

    private long failedSources() {
        return events.stream().filter(r -> r.status() == SyncStatus.FAILED).map(SyncRun::sourceId).distinct().count();
    }

    private static Map<String, Object> levels(StockBoard board) {
        return board.rows().stream().collect(Collectors.toMap(
                r -> r.sku().sellerSku() + "@" + r.warehouse().id(), OfflineEndToEndTest::figures, (a, b) -> a));
    }

    private static Object figures(BoardRow r) {
        return List.of(String.valueOf(r.level()), String.valueOf(r.tiktokAvailable()));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, Duration.ofSeconds(30));
    }

    private static void await(String what, BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
