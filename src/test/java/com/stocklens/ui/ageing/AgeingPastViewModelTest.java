package com.stocklens.ui.ageing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.SkuDemandReader;
import com.stocklens.ui.FakeBoards;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The ageing screen under the time bar: the profiles and trend of the moment, and back to now. */
class AgeingPastViewModelTest {
    private static final Instant PAST = FakeBoards.NOW.minusSeconds(40L * 86_400);

    /** Now the mug's oldest unit is 140 days old; at the past moment (40 days earlier) it was 100. */
    private static final class Ages implements AgeingReader {
        final List<LocalDate> trendEnds = new CopyOnWriteArrayList<>();

        @Override
        public List<AgeProfile> current() {
            return List.of(new AgeProfile("MUG-001", FakeBoards.SHIPBOB_CA.id(), Map.of(AgeBucket.D91_180, 20), 140, 0),
                    new AgeProfile("MUG-001", FakeBoards.WINIT_UK.id(), Map.of(), null, 40));
        }

        @Override
        public List<AgeProfile> at(Instant at) {
            assertThat(at).isEqualTo(PAST);
            return List.of(new AgeProfile("MUG-001", FakeBoards.SHIPBOB_CA.id(), Map.of(AgeBucket.D91_180, 50), 100, 0));
        }

        @Override
        public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
            trendEnds.add(to);
            return List.of();
        }
    }

    @Test
    void aPastMomentShowsTheAgesOfThenAndNowComesBack() {
        Ages ages = new Ages();
        SkuDemandReader demand = (from, to, skus) -> Map.of();
        AgeingViewModel vm = new AgeingViewModel(ages, demand, FakeBoards::small, FakeBoards.CLOCK, 28,
                Runnable::run, Runnable::run);
        vm.start();
        assertThat(vm.oldest()).extracting(OldSkuRowViewModel::oldestDays).containsExactly(140, null);
        // WINIT's units are all of unknown age. Issue 17: "the ageing chart silently leaves them out" — now
        // they are a bar of their own, all of it the grey unknown-age segment (40 units), sorted by name.
        assertThat(vm.warehouses()).extracting(WarehouseAges::warehouseId, WarehouseAges::unaged)
                .containsExactly(tuple(FakeBoards.WINIT_UK.id(), 40L), tuple(FakeBoards.SHIPBOB_CA.id(), 0L));

        vm.showMoment(PAST);
        assertThat(vm.moment()).isEqualTo(PAST);
        assertThat(vm.oldest()).extracting(OldSkuRowViewModel::oldestDays).containsExactly(100);
        assertThat(vm.oldest().get(0).units()).isEqualTo(50);
        assertThat(ages.trendEnds).last().isEqualTo(PAST.atZone(BeijingTime.ZONE).toLocalDate());

        vm.showMoment(null);
        assertThat(vm.oldest()).extracting(OldSkuRowViewModel::oldestDays).containsExactly(140, null);
    }
}
