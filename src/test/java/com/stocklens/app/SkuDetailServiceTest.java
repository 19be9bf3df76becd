package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SkuDetail;
import com.stocklens.service.SkuDetails;
import com.stocklens.store.FlagRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SKU detail pane's read model on the demo: one SKU's rows, flags, ages, days and calibration history. */
class SkuDetailServiceTest {
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

    @Test
    void oneSkuReadAloneMatchesTheBoardAndCarriesItsHistory() {
        runtime.syncEngine().syncAllOnce();
        runtime.flagEngine().evaluateNow();
        CalibrationTask task = new FlagRepository(runtime.database().jdbi()).openTasks().get(0);
        String sku = task.sellerSku();

        SkuDetail d = runtime.skuDetails().detail(sku, null);
        List<BoardRow> board = runtime.boardReader().read().rows().stream()
                .filter(r -> r.sku().sellerSku().equals(sku)).toList();
        assertThat(d.lines()).containsExactlyInAnyOrderElementsOf(board);
        assertThat(d.name()).isEqualTo(board.get(0).sku().name());
        assertThat(d.calibrations()).extracting(t -> t.task().id()).contains(task.id());
        assertThat(d.calibrations()).allSatisfy(t -> assertThat(t.task().sellerSku()).isEqualTo(sku));
        assertThat(d.days()).hasSize(SkuDetails.DAYS);
        assertThat(d.days().get(SkuDetails.DAYS - 1).onHand()).isNotNull();
        assertThat(d.ageing()).isNotEmpty().allSatisfy(a -> assertThat(a.sellerSku()).isEqualTo(sku));
        assertThat(d.alerts()).allSatisfy(a -> assertThat(a.alert().sellerSku()).isEqualTo(sku));

        // A moment before the first sync: no rows, no task yet.
        SkuDetail before = runtime.skuDetails().detail(sku, clock.instant().minusSeconds(60));
        assertThat(before.lines()).isEmpty();
        assertThat(before.calibrations()).isEmpty();
    }

    @Test
    void everyScreenCountsTheSameSkus() {
        runtime.syncEngine().syncAllOnce();
        runtime.importDemoSpreadsheets();
        long onTheBoard = runtime.boardReader().read().rows().stream().map(r -> r.sku().sellerSku()).distinct().count();
        // The stock board, the three-code check and the scorecards' "your shop: N SKUs" say one number; the
        // SKU mapping screen counts identities (what TikTok lists, and the ones added by hand), and says so.
        assertThat(runtime.codeChecks().checkCurrent().skus()).isEqualTo((int) onTheBoard);
        assertThat(runtime.scorecards().read().skus()).isEqualTo((int) onTheBoard);
    }
}
