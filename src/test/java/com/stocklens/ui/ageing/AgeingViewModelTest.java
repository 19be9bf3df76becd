package com.stocklens.ui.ageing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.DemandMean;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.SkuDemandReader;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeReports;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The ageing screen's state without a toolkit: downsampling, days of supply, and one read applied. */
class AgeingViewModelTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    private static List<AgeTrendPoint> series(double... shares) {
        List<AgeTrendPoint> out = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            out.add(new AgeTrendPoint(DAY.plusDays(i), shares[i], 100));
        }
        return out;
    }

    private static List<AgeTrendPoint> random(int n, long seed) {
        Random r = new Random(seed);
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            shares[i] = r.nextDouble() * 20;
        }
        return series(shares);
    }

    @Test
    void downsamplingNeverExceedsThePixelBudget() {
        for (int n : new int[] {0, 1, 2, 3, 10, 365, 1000, 10_007}) {
            List<AgeTrendPoint> points = random(n, n);
            for (int budget : new int[] {0, 1, 2, 3, 4, 5, 7, 50, 333, 640, 20_000}) {
                assertThat(AgeingViewModel.downsample(points, budget)).as("n=%d budget=%d", n, budget)
                        .hasSizeLessThanOrEqualTo(budget);
            }
        }
    }

    @Test
    void downsamplingKeepsFirstLastAndExtremesInTimeOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            List<AgeTrendPoint> points = random(2000, seed);
            List<AgeTrendPoint> thin = AgeingViewModel.downsample(points, 300);
            assertThat(thin.get(0)).isEqualTo(points.get(0));
            assertThat(thin.get(thin.size() - 1)).isEqualTo(points.get(points.size() - 1));
            assertThat(thin).contains(points.stream().max(Comparator.comparingDouble(AgeTrendPoint::over180Share)).orElseThrow());
            assertThat(thin).contains(points.stream().min(Comparator.comparingDouble(AgeTrendPoint::over180Share)).orElseThrow());
            assertThat(thin).isSortedAccordingTo(Comparator.comparing(AgeTrendPoint::day));
            assertThat(points).containsAll(thin);
        }
    }

    @Test
    void aSingleSpikeSurvivesHeavyThinning() {
        double[] flat = new double[5000];
        flat[3210] = 42;
        List<AgeTrendPoint> thin = AgeingViewModel.downsample(series(flat), 10);
        assertThat(thin).extracting(AgeTrendPoint::over180Share).contains(42.0);
    }

    @Test
    void shortSeriesAreReturnedWhole() {
        List<AgeTrendPoint> points = series(1, 2, 3);
        assertThat(AgeingViewModel.downsample(points, 640)).isEqualTo(points);
    }

    @Test
    void daysOfSupplyIsAvailablePlusInTransitOverDailyDemand() {
        assertThat(AgeingViewModel.daysOfSupply(80L, 40L, 4.0)).isEqualTo(30.0);
        assertThat(AgeingViewModel.daysOfSupply(80L, null, 4.0)).as("unknown in transit holds none").isEqualTo(20.0);
        assertThat(AgeingViewModel.daysOfSupply(80L, 40L, 0.0)).as("no demand: unknown, not infinite").isNull();
        assertThat(AgeingViewModel.daysOfSupply(80L, 40L, null)).isNull();
        assertThat(AgeingViewModel.daysOfSupply(null, 40L, 4.0)).isNull();
        // Issue 18 item 9: two warehouses of 2,000,000,000 each wrapped to a negative supply on main.
        assertThat(AgeingViewModel.daysOfSupply(4_000_000_000L, 0L, 1.0)).isEqualTo(4.0e9);
    }

    @Test
    void theOldestLinesReadTheirSkusDemandAloneAndUnknownDemandIsNoSupplyFigure() {
        AgeingReader ages = new AgeingReader() {
            @Override
            public List<AgeProfile> current() {
                return List.of(new AgeProfile("MUG-001", FakeBoards.SHIPBOB_CA.id(), Map.of(AgeBucket.D0_30, 10), 20, 0),
                        new AgeProfile("LAMP-RGB", FakeBoards.GOODCANG_NJ.id(), Map.of(AgeBucket.D0_30, 7), 5, 0));
            }

            @Override
            public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
                return List.of();
            }
        };
        List<Set<String>> asked = new ArrayList<>();
        List<LocalDate[]> windows = new ArrayList<>();
        // MUG sold 4 a day over the days history covers; LAMP's demand is unknown (no history, or never in stock).
        SkuDemandReader demand = (from, to, skus) -> {
            asked.add(Set.copyOf(skus));
            windows.add(new LocalDate[] {from, to});
            return Map.of("MUG-001", new DemandMean(4.0, 3));
        };
        AgeingViewModel vm = new AgeingViewModel(ages, demand, FakeBoards::small, FakeBoards.CLOCK, 28,
                Runnable::run, Runnable::run);
        vm.start();

        assertThat(asked).containsExactly(Set.of("MUG-001", "LAMP-RGB"));
        LocalDate today = LocalDate.ofInstant(FakeBoards.CLOCK.instant(), com.stocklens.domain.BeijingTime.ZONE);
        assertThat(windows.get(0)).containsExactly(today.minusDays(28), today.minusDays(1));
        // MUG: available 80 + 30, in transit 50 (small board) = 160 units over 4 a day.
        assertThat(vm.oldest()).extracting(OldSkuRowViewModel::sellerSku, OldSkuRowViewModel::daysOfSupply)
                .containsExactly(tuple("MUG-001", 40.0), tuple("LAMP-RGB", null));
    }

    @Test
    void oneReadFillsBarsTrendAndOldestRows() {
        FakeReports reports = new FakeReports();
        AgeingViewModel vm = new AgeingViewModel(reports, reports, FakeBoards::small, FakeBoards.CLOCK, 28,
                Runnable::run, Runnable::run);
        vm.pixelBudgetProperty().set(100);
        vm.start();
        assertThat(vm.loadErrorProperty().get()).isNull();
        assertThat(vm.warehouses()).extracting(WarehouseAges::label)
                .containsExactly("Birmingham (UK)", "Moreno Valley (CA)", "New Jersey (US-East)");
        assertThat(vm.fullTrend()).hasSize(AgeingViewModel.TREND_DAYS);
        assertThat(vm.shownTrend()).hasSizeLessThanOrEqualTo(100);
        vm.pixelBudgetProperty().set(40);
        assertThat(vm.shownTrend()).hasSizeLessThanOrEqualTo(40);
        assertThat(vm.oldest()).isNotEmpty().hasSizeLessThanOrEqualTo(AgeingViewModel.OLDEST_CAP);
        assertThat(vm.oldest()).extracting(OldSkuRowViewModel::oldestDays)
                .isSortedAccordingTo(Comparator.reverseOrder());
        // MUG-001 in the small board: available 80 + 30, in transit 50 (WINIT unknown); 28 days selling 1, 2, 3, 1 … = 55.
        assertThat(reports.demandAsked).hasSize(1);
        assertThat(reports.demandAsked.get(0)).containsExactlyInAnyOrderElementsOf(
                vm.oldest().stream().map(OldSkuRowViewModel::sellerSku).distinct().toList());
        OldSkuRowViewModel mug = vm.oldest().stream().filter(r -> r.sellerSku().equals("MUG-001")).findFirst().orElseThrow();
        assertThat(mug.daysOfSupply()).isCloseTo(160 / (55.0 / 28), Offset.offset(1e-9));
        OldSkuRowViewModel towel = vm.oldest().stream().filter(r -> r.sellerSku().equals("TOWEL-BTH")).findFirst().orElseThrow();
        assertThat(towel.daysOfSupply()).as("never sold: d̄ is 0").isNull();
        assertThat(vm.over180ShareProperty().get()).isPositive();
    }

    @Test
    void unknownAgeIsItsOwnSegmentAndTheShareIsOverKnownAges() {
        // Issue 17: "the ageing chart silently leaves them out". Moreno Valley: 100 units of known age, 7 of
        // them over 180 days, 20 of unknown age; Birmingham (WINIT): 50 units, all of unknown age.
        // Share = 7 ÷ 100 = 7.0 % (not 7 ÷ 170); age known for 100 ÷ 170 = 58.8 % of units.
        AgeingReader ages = new AgeingReader() {
            @Override
            public List<AgeProfile> current() {
                return List.of(new AgeProfile("MUG-001", FakeBoards.SHIPBOB_CA.id(),
                                Map.of(AgeBucket.D0_30, 93, AgeBucket.D181_270, 7), 200, 20),
                        new AgeProfile("MUG-001", FakeBoards.WINIT_UK.id(), Map.of(), null, 50));
            }

            @Override
            public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
                return List.of();
            }
        };
        FakeReports reports = new FakeReports();
        AgeingViewModel vm = new AgeingViewModel(ages, reports, FakeBoards::small, FakeBoards.CLOCK, 28,
                Runnable::run, Runnable::run);
        vm.start();
        assertThat(vm.warehouses()).extracting(WarehouseAges::label, WarehouseAges::unaged)
                .containsExactly(tuple("Birmingham (UK)", 50L), tuple("Moreno Valley (CA)", 20L));
        assertThat(vm.warehouses().get(0).units(AgeBucket.D0_30)).isZero();
        assertThat(vm.over180ShareProperty().get()).isEqualTo(7.0);
        assertThat(vm.ageKnownProperty().get()).isCloseTo(100.0 * 100 / 170, Offset.offset(1e-9));
    }

    @Test
    void chosenWarehousesAreReadAloneBarsShareTrendAndOldestLines() {
        List<Set<String>> trendsAskedFor = new ArrayList<>();
        AgeingReader ages = new AgeingReader() {
            @Override
            public List<AgeProfile> current() {
                return List.of(new AgeProfile("MUG-001", FakeBoards.SHIPBOB_CA.id(),
                                Map.of(AgeBucket.D0_30, 93, AgeBucket.D181_270, 7), 200, 0),
                        new AgeProfile("MUG-001", FakeBoards.WINIT_UK.id(), Map.of(AgeBucket.D181_270, 50), 190, 0),
                        new AgeProfile("LAMP-RGB", FakeBoards.GOODCANG_NJ.id(), Map.of(AgeBucket.D0_30, 10), 3, 0));
            }

            @Override
            public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
                throw new AssertionError("the screen asks for its warehouses' trend");
            }

            @Override
            public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to, Set<String> warehouseIds) {
                trendsAskedFor.add(warehouseIds);
                return List.of();
            }
        };
        AgeingViewModel vm = new AgeingViewModel(ages, new FakeReports(), FakeBoards::small, FakeBoards.CLOCK, 28,
                Runnable::run, Runnable::run);
        vm.start();
        assertThat(vm.warehouseFilter().warehouses()).containsExactly(FakeBoards.SHIPBOB_CA, FakeBoards.WINIT_UK,
                FakeBoards.GOODCANG_NJ);
        assertThat(vm.warehouses()).hasSize(3);
        assertThat(vm.over180ShareProperty().get()).isCloseTo(100.0 * 57 / 160, Offset.offset(1e-9));

        vm.warehouseFilter().choose(List.of(FakeBoards.WINIT_UK.id(), FakeBoards.GOODCANG_NJ.id()));
        assertThat(vm.warehouses()).extracting(WarehouseAges::label)
                .containsExactly("Birmingham (UK)", "New Jersey (US-East)");
        assertThat(vm.oldest()).extracting(OldSkuRowViewModel::warehouseId)
                .containsExactlyInAnyOrder(FakeBoards.WINIT_UK.id(), FakeBoards.GOODCANG_NJ.id());
        assertThat(vm.over180ShareProperty().get()).isCloseTo(100.0 * 50 / 60, Offset.offset(1e-9));
        assertThat(trendsAskedFor).containsExactly(Set.of(),
                Set.of(FakeBoards.WINIT_UK.id(), FakeBoards.GOODCANG_NJ.id()));
    }

    @Test
    void withNoUnitOfKnownAgeTheShareIsUnknown() {
        AgeingReader ages = new AgeingReader() {
            @Override
            public List<AgeProfile> current() {
                return List.of(new AgeProfile("MUG-001", FakeBoards.WINIT_UK.id(), Map.of(), null, 50));
            }

            @Override
            public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
                return List.of();
            }
        };
        FakeReports reports = new FakeReports();
        AgeingViewModel vm = new AgeingViewModel(ages, reports, FakeBoards::small, FakeBoards.CLOCK, 28,
                Runnable::run, Runnable::run);
        vm.start();
        assertThat(vm.over180ShareProperty().get()).isNull();
        assertThat(vm.ageKnownProperty().get()).isZero();
        assertThat(vm.warehouses()).singleElement().satisfies(w -> assertThat(w.unaged()).isEqualTo(50));
    }

    @Test
    void aFailedReadSaysWhyAndKeepsTheScreen() {
        FakeReports reports = new FakeReports();
        reports.failReads = new IllegalStateException("database locked");
        AgeingViewModel vm = new AgeingViewModel(reports, reports, FakeBoards::small, FakeBoards.CLOCK, 28,
                Runnable::run, Runnable::run);
        vm.start();
        assertThat(vm.loadErrorProperty().get()).isEqualTo("database locked");
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
