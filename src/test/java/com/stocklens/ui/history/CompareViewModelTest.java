package com.stocklens.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.StockLevel;
import com.stocklens.service.BoardRow;
import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockChange;
import com.stocklens.ui.FakeBoards;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {
    private static final Instant EARLY = FakeBoards.NOW.minusSeconds(3600);

    /** Earlier: the small board with ShipBob's mug at 100 on hand; now: 60 on hand and WINIT's row gone. */
    private final History history = new History() {
        @Override
        public List<Snapshot> moments() {
            return List.of();
        }

        @Override
        public StockBoard boardAt(Instant at) {
            StockBoard small = FakeBoards.small();
            if (at.isBefore(FakeBoards.NOW)) {
                return small;
            }
            var first = small.rows().get(0);
            var changed = new BoardRow(first.sku(), first.warehouse(),
                    new StockLevel(60, 40, 20, 50, 5, 1, 3), 82, null, first.warehouseSnapshotAt(), null);
            return new StockBoard(List.of(changed, small.rows().get(2)), small.warehouses(), small.sources());
        }
    };

    @Test
    void comparesLargestFirstAndFilters() {
        CompareViewModel vm = new CompareViewModel(history, FakeBoards.CLOCK, Runnable::run, Runnable::run);
        vm.fromProperty().set(EARLY);
        vm.compare();
        List<StockChange> all = List.copyOf(vm.changes());
        assertThat(all.get(0).bucket()).isEqualTo(Bucket.ON_HAND);
        assertThat(all.get(0).delta()).isEqualTo(-40);
        assertThat(vm.warehouses()).containsExactly("shipbob:228", "winit:UKBH");
        // WINIT's row vanished: its 6 known buckets are reported as gone (in-transit was unknown).
        assertThat(all).filteredOn(c -> c.kind() == StockChange.Kind.DISAPPEARED).hasSize(6);

        vm.warehouseProperty().set("winit:UKBH");
        assertThat(vm.changes()).hasSize(6).allMatch(c -> c.warehouseId().equals("winit:UKBH"));
        vm.warehouseProperty().set(null);
        vm.bucketProperty().set(Bucket.AVAILABLE);
        assertThat(vm.changes()).extracting(StockChange::before).containsExactly(80, 30);
        assertThat(vm.netDelta()).isEqualTo(-40);
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
