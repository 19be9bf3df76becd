package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.connector.StockSource;
import com.stocklens.domain.SourceKind;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.service.BoardRow;
import com.stocklens.service.StockBoard;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.ui.stock.StockRowViewModel;
import com.stocklens.ui.stock.StockViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stable gaps on the demo, end to end: a sync cycle landing source by source (the warehouses first while
 * TikTok's run is still under way, then TikTok) never changes a gap or the "gaps only" count half-way.
 */
class StableGapsEndToEndTest {
    private static final Logger LOG = LoggerFactory.getLogger(StableGapsEndToEndTest.class);
    private static final Duration CADENCE = Duration.ofSeconds(10);
    private static final int CYCLES = 4;

    @TempDir
    Path dir;

    private SandboxClock clock;
    private AppRuntime runtime;

    @BeforeEach
    void open() {
        clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        runtime = AppRuntime.open(new LaunchOptions(true, dir, null, CADENCE, Duration.ofMinutes(15)), clock);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void aCycleLandingWarehousesFirstThenTikTokChangesNoGapHalfWay() {
        runtime.syncEngine().syncAllOnce();
        // Reads when told (the engine's events arrive on their own thread): one read per landed step.
        StockViewModel vm = new StockViewModel(runtime.boardReader(), listener -> () -> { }, clock,
                Duration.ofMinutes(15), Runnable::run, Runnable::run);
        vm.start();
        vm.gapsOnlyProperty().set(true);
        List<StockSource> warehouses = runtime.sources().stream()
                .filter(s -> s.info().kind() == SourceKind.WAREHOUSE).toList();
        StockSource tiktok = runtime.sources().stream()
                .filter(s -> s.info().kind() == SourceKind.SHOP).findFirst().orElseThrow();
        SnapshotRepository runs = new SnapshotRepository(runtime.database().jdbi());
        int rawJumps = 0;
        try {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                // One demo cadence per cycle; the world trades (and drifts) in between.
                clock.advance(CADENCE);
                Map<String, Integer> before = gaps(vm);
                int shownBefore = vm.filteredRows().size();
                runs.beginRun(tiktok.info().id(), clock.instant());
                clock.advance(Duration.ofSeconds(1));
                warehouses.forEach(s -> runtime.syncEngine().syncOnce(s));
                vm.refresh();
                int raw = rawGapRows(runtime.boardReader().read());
                assertThat(gaps(vm)).as("cycle %d, warehouses landed", cycle).isEqualTo(before);
                int shownMid = vm.filteredRows().size();
                assertThat(shownMid).as("cycle %d, gaps only", cycle).isEqualTo(shownBefore);
                clock.advance(Duration.ofSeconds(3));
                runtime.syncEngine().syncOnce(tiktok);
                vm.refresh();
                assertThat(vm.allRows()).noneMatch(StockRowViewModel::gapPending);
                LOG.info("cycle {}: gaps only {} before; {} with the warehouses landed (raw readings: {}); {} with"
                        + " TikTok landed", cycle, shownBefore, shownMid, raw,
                        vm.filteredRows().size());
                if (raw != shownBefore) {
                    rawJumps++;
                }
            }
        } finally {
            vm.close();
        }
        LOG.info("{} of {} cycles would have jumped on the raw readings", rawJumps, CYCLES);
    }

    private static Map<String, Integer> gaps(StockViewModel vm) {
        return vm.allRows().stream().filter(r -> r.gap() != null)
                .collect(Collectors.toMap(StockRowViewModel::key, StockRowViewModel::gap));
    }

    /** Rows whose own readings disagree: what the table showed before gaps were paired. */
    private static int rawGapRows(StockBoard board) {
        int n = 0;
        for (BoardRow r : board.rows()) {
            if (r.tiktokAvailable() != null && r.level().available() != null
                    && !r.tiktokAvailable().equals(r.level().available())) {
                n++;
            }
        }
        return n;
    }
}
