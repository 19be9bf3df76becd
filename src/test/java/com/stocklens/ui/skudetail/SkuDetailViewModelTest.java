package com.stocklens.ui.skudetail;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CalibrationState;
import com.stocklens.rules.Staleness;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeSyncEvents;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The SKU detail pane's state without a toolkit: same-thread executors, a fake read model. */
class SkuDetailViewModelTest {
    private static final Executor SAME_THREAD = Runnable::run;
    private final FakeSyncEvents events = new FakeSyncEvents();
    private final FakeSkuDetails details = new FakeSkuDetails();

    private SkuDetailViewModel open(String sku, Instant at) {
        SkuDetailViewModel vm = new SkuDetailViewModel(details, events, FakeBoards.CLOCK, Staleness.DEFAULT_WINDOW,
                sku, at, key -> key.equals("MUG-001@shipbob:228") ? new SkuDetailViewModel.ShownGap(2, true) : null,
                SAME_THREAD, SAME_THREAD);
        vm.start();
        return vm;
    }

    @Test
    void everyWarehouseOfTheSkuBesideTikTokWithBothAgesAndTheTablesGap() {
        SkuDetailViewModel vm = open("MUG-001", null);
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.nameProperty().get()).isEqualTo("Ceramic mug 陶瓷杯");
        assertThat(vm.lines()).extracting(SkuDetailViewModel.Line::warehouseId)
                .containsExactly("shipbob:228", "winit:UKBH");
        SkuDetailViewModel.Line shipbob = vm.lines().get(0);
        assertThat(shipbob.warehouseLabel()).isEqualTo("ShipBob · Moreno Valley (CA)");
        assertThat(shipbob.tiktokAvailable()).isEqualTo(82);
        assertThat(shipbob.gap()).isEqualTo(2);
        assertThat(shipbob.gapPending()).isTrue();
        assertThat(vm.ageOf(shipbob.warehouseAt())).hasSeconds(12);
        assertThat(vm.ageOf(shipbob.tiktokAt())).hasSeconds(12);
        // A row the table does not know: the gap of its own readings.
        SkuDetailViewModel.Line winit = vm.lines().get(1);
        assertThat(winit.gap()).isZero();
        assertThat(winit.gapPending()).isFalse();
    }

    @Test
    void openFlagsAreTheTasksNotResolvedAndTheHistoryHasThemAll() {
        SkuDetailViewModel vm = open("MUG-001", null);
        assertThat(vm.openTasks()).extracting(t -> t.task().state()).containsExactly(CalibrationState.OPEN);
        assertThat(vm.calibrations()).hasSize(2);
        assertThat(vm.ageing()).singleElement().satisfies(a -> {
            assertThat(a.oldestDays()).isEqualTo(220);
            assertThat(a.warehouseLabel()).isEqualTo("ShipBob · Moreno Valley (CA)");
        });
        assertThat(vm.lots()).hasSize(2);
        assertThat(vm.days()).hasSize(30);
    }

    @Test
    void nowReadsAgainAfterEachSyncAPastMomentDoesNot() {
        SkuDetailViewModel now = open("MUG-001", null);
        assertThat(details.reads).hasValue(1);
        events.fire();
        assertThat(details.reads).hasValue(2);
        now.close();
        events.fire();
        assertThat(details.reads).hasValue(2);

        Instant past = FakeBoards.NOW.minusSeconds(3600);
        open("MUG-001", past);
        assertThat(details.lastAt).isEqualTo(past);
        events.fire();
        assertThat(details.reads).hasValue(3);
    }
}
