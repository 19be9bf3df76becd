package com.stocklens.ui.scores;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.rules.score.Axis;
import com.stocklens.rules.score.Stage;
import com.stocklens.rules.score.WarehouseScore;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.Scorecards;
import com.stocklens.ui.FakeDialogs;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The screen's state without a toolkit: same-thread executors, a fixed board. */
class ScoresViewModelTest {
    private static final WarehouseProfile FAST = new WarehouseProfile("a", "Fast", false, List.of(Market.US), List.of(),
            true, true, 24, true, List.of(), 1.2, null, null, 4.0, null, "USD", null, Instant.EPOCH);
    private static final WarehouseProfile WIDE = new WarehouseProfile("b", "Wide", true,
            List.of(Market.US, Market.GB, Market.MY), List.of("x", "y", "z", "w"), false, false, 96, false,
            List.of("r1", "r2", "r3"), 0.3, null, null, 1.5, null, "USD", null, Instant.EPOCH);
    private static final WarehouseProfile THIRD = WarehouseProfile.empty("c", "Third", true);

    private static ScoresViewModel model() {
        Scorecards board = new Scorecards() {
            @Override
            public Board read() {
                return new Board(List.of(new Entry(FAST, WarehouseKpis.none("a"), true),
                        new Entry(WIDE, WarehouseKpis.none("b"), false), new Entry(THIRD, WarehouseKpis.none("c"), false)),
                        120, 80, Instant.EPOCH, Instant.EPOCH);
            }

            @Override
            public void save(WarehouseProfile profile) {
            }

            @Override
            public void delete(String id) {
            }

            @Override
            public List<WarehouseProfile> importCandidates(Path csv) {
                return List.of();
            }
        };
        ReportExports exports = new ReportExports() {
            @Override
            public void exportHealth(HealthReport r, ReportFormat f, Locale l, Path o) {
            }

            @Override
            public void exportCodeCheck(CodeCheckResult r, ReportFormat f, Locale l, Path o) {
            }
        };
        ScoresViewModel vm = new ScoresViewModel(board, exports, new FakeDialogs(null), Locale.ENGLISH, Runnable::run, Runnable::run);
        vm.start();
        return vm;
    }

    @Test
    void weightsReRankAtOnce() {
        ScoresViewModel vm = model();
        assertThat(vm.ranked()).hasSize(3);
        vm.setWeight(Axis.COVERAGE, 5);
        assertThat(vm.ranked().get(0).id()).isEqualTo("b");
        vm.setWeight(Axis.COVERAGE, 0);
        vm.setWeight(Axis.LOGISTICS, 0);
        assertThat(vm.ranked().get(0).id()).isEqualTo("a");
        assertThat(vm.ranked()).extracting(WarehouseScore::rank).containsExactly(1, 2, 3);
        assertThat(vm.stageProperty().get().stage()).isEqualTo(Stage.PARTNER_WAREHOUSE);
    }

    @Test
    void comparesTwoOrThreePicks() {
        ScoresViewModel vm = model();
        vm.toggleSelected("a");
        assertThat(vm.compare(true)).isFalse();
        vm.toggleSelected("c");
        assertThat(vm.compare(true)).isTrue();
        assertThat(vm.compared()).extracting(WarehouseScore::id).containsExactlyInAnyOrder("a", "c");
        vm.toggleSelected("b");
        vm.toggleSelected("a"); // unpick
        assertThat(vm.selected()).containsExactly("c", "b");
        vm.toggleSelected("a");
        vm.toggleSelected("a");
        vm.toggleSelected("c");
        assertThat(vm.selected()).containsExactly("b");
        assertThat(vm.comparingProperty().get()).isFalse();
    }
}
