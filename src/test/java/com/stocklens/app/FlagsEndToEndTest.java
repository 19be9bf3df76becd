package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.connections.EnvironmentConnections;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import com.stocklens.rules.CalibrationRule;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagsChanged;
import com.stocklens.service.StockBoard;
import com.stocklens.service.TaskRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red flags end to end, headless: sandbox (with its deliberate drift) → connectors → sync → store
 * → rules → flag store → flag reader. The tasks opened must be exactly the board rows that breach the
 * calibration rule — no more, no fewer.
 */
class FlagsEndToEndTest {
    @TempDir
    Path dir;

    private SandboxClock clock;
    private AppRuntime runtime;

    @BeforeEach
    void open() {
        clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        runtime = AppRuntime.open(new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15)),
                clock);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private static Set<String> breaching(StockBoard board) {
        return board.rows().stream()
                .filter(r -> CalibrationRule.check(pair(r), Thresholds.DEFAULTS).breach())
                .map(r -> r.sku().sellerSku() + "@" + r.warehouse().id())
                .collect(Collectors.toSet());
    }

    private static StockPair pair(BoardRow r) {
        return new StockPair(r.sku().sellerSku(), r.warehouse().id(), EnvironmentConnections.SHIPBOB_SOURCE_ID, r.level(),
                r.tiktokAvailable(), r.tiktokCommitted(), r.warehouseSnapshotAt(), r.tiktokSnapshotAt());
    }

    private Set<String> openTaskPairs() {
        return runtime.flagReader().read().tasks().stream().map(t -> t.task().pairKey()).collect(Collectors.toSet());
    }

    @Test
    void theDriftingSkusOpenExactlyTheTasksTheRuleCallsFor() throws Exception {
        List<FlagsChanged> events = new CopyOnWriteArrayList<>();
        runtime.flagEngine().subscribe(events::add);

        runtime.syncEngine().syncAllOnce();
        FlagsChanged first = runtime.flagEngine().evaluateNow();

        Set<String> expected = breaching(runtime.boardReader().read());
        assertThat(expected).as("the demo world drifts").isNotEmpty();
        assertThat(openTaskPairs()).isEqualTo(expected);
        // The engine also evaluates by itself shortly after a sync: on a busy machine that evaluation may
        // come first, so what was opened is read over every evaluation so far, not only this one.
        assertThat(events).contains(first);
        assertThat(events.stream().flatMap(e -> e.opened().stream()).map(t -> t.pairKey()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);

        FlagBoard board = runtime.flagReader().read();
        assertThat(board.evaluatedAt()).isEqualTo(clock.instant());
        assertThat(board.tasks()).allSatisfy((TaskRow r) -> {
            assertThat(r.task().state()).isEqualTo(CalibrationState.OPEN);
            assertThat(r.task().deadline()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
            assertThat(r.warehouse()).isNotNull();
            assertThat(r.skuName()).isNotBlank();
        });
        // Deadline order, as the panel shows them.
        assertThat(board.tasks()).extracting(r -> r.task().deadline()).isSorted();
        // Both sources just synced: nothing is stale.
        assertThat(board.alerts()).noneMatch(a -> a.alert().kind() == AlertKind.STALE_SOURCE);

        // Judging the same board again opens nothing new.
        assertThat(runtime.flagEngine().evaluateNow().opened()).isEmpty();
        assertThat(openTaskPairs()).isEqualTo(expected);

        // A declaration keeps the task until its gap closes.
        long declared = board.tasks().get(0).task().id();
        runtime.flagEngine().declare(declared, DeclaredCause.SYNC_MISS, null, "tester");

        // The world moves on: the task set follows the rule again, resolved tasks leave the panel.
        clock.advance(Duration.ofMinutes(30));
        runtime.syncEngine().syncAllOnce();
        FlagsChanged later = runtime.flagEngine().evaluateNow();
        Set<String> expectedLater = breaching(runtime.boardReader().read());
        assertThat(openTaskPairs()).isEqualTo(expectedLater);
        assertThat(later.resolved()).extracting(t -> t.pairKey()).doesNotContainAnyElementsOf(expectedLater);

        // One FlagsChanged per evaluation or action, on the engine's thread.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(events.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aSourceThatStopsSyncingRaisesStaleSourceAndOpensNothing() throws Exception {
        List<FlagsChanged> events = new CopyOnWriteArrayList<>();
        runtime.flagEngine().subscribe(events::add);
        runtime.syncEngine().syncAllOnce();
        // The engine judges the fresh board by itself shortly after the sync: let that happen before time moves
        // on, so only the stale board is judged below.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        runtime.flagEngine().evaluateNow();
        clock.advance(Duration.ofMinutes(16));
        Set<String> before = openTaskPairs();
        FlagsChanged c = runtime.flagEngine().evaluateNow();
        assertThat(c.opened()).isEmpty();
        assertThat(openTaskPairs()).isEqualTo(before);
        // Raised by this evaluation (or by the engine's own one after the sync, on a busy machine): up now.
        assertThat(runtime.flagReader().read().alerts()).extracting(a -> a.alert().key())
                .contains("STALE_SOURCE:" + EnvironmentConnections.TIKTOK_SOURCE_ID, "STALE_SOURCE:" + EnvironmentConnections.SHIPBOB_SOURCE_ID);
    }
}
