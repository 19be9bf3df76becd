package com.stocklens.ui.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CodeFindingKind;
import com.stocklens.service.ReportFormat;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeDialogs;
import com.stocklens.ui.FakeReports;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The three-code check screen's state without a toolkit. */
class CodesViewModelTest {
    private final FakeReports reports = new FakeReports();
    private final FakeDialogs dialogs = new FakeDialogs(Path.of("codes.csv"));

    private CodesViewModel viewModel(Clock clock) {
        return new CodesViewModel(reports, reports, dialogs, clock, Locale.SIMPLIFIED_CHINESE, Runnable::run, Runnable::run);
    }

    @Test
    void theBannerShowsOnTheFirstDayOfTheMonthInBeijing() {
        // 2026-02-28 16:30 UTC is already 1 March 00:30 in Beijing.
        assertThat(viewModel(Clock.fixed(Instant.parse("2026-02-28T16:30:00Z"), ZoneOffset.UTC))
                .checkDayProperty().get()).isTrue();
        assertThat(viewModel(Clock.fixed(Instant.parse("2026-02-28T15:30:00Z"), ZoneOffset.UTC))
                .checkDayProperty().get()).isFalse();
        assertThat(viewModel(FakeBoards.CLOCK).checkDayProperty().get()).isFalse();
        assertThat(CodesViewModel.isCheckDay(LocalDate.of(2026, 12, 1))).isTrue();
        assertThat(CodesViewModel.isCheckDay(LocalDate.of(2026, 12, 31))).isFalse();
    }

    @Test
    void runningGroupsFindingsByKindWithTheMismatchRate() {
        CodesViewModel vm = viewModel(FakeBoards.CLOCK);
        assertThat(vm.resultProperty().get()).isNull();
        vm.run();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.resultProperty().get().mismatchRate()).isCloseTo(100.0 * 6 / 47, Offset.offset(1e-9));
        assertThat(vm.groups()).extracting(FindingGroup::kind).containsExactly(
                CodeFindingKind.MISSING_BARCODE, CodeFindingKind.MISSING_WMS_SKU, CodeFindingKind.BAD_CHECK_DIGIT,
                CodeFindingKind.ONE_TO_MANY, CodeFindingKind.CASE_OR_SPACE_VARIANT);
        assertThat(vm.groups().get(2).size()).isEqualTo(2);
    }

    @Test
    void aFailedRunSaysWhy() {
        reports.failReads = new IllegalStateException("codes file unreadable");
        CodesViewModel vm = viewModel(FakeBoards.CLOCK);
        vm.run();
        assertThat(vm.runErrorProperty().get()).isEqualTo("codes file unreadable");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void exportWritesTheLastResultAndReportsFailure() {
        CodesViewModel vm = viewModel(FakeBoards.CLOCK);
        vm.exportTo(ReportFormat.CSV);
        assertThat(reports.exports).as("nothing run yet").isEmpty();
        vm.run();
        vm.exportTo(ReportFormat.CSV);
        assertThat(reports.exports).singleElement().satisfies(call -> {
            assertThat(call.what()).isEqualTo("codes");
            assertThat(call.out()).isEqualTo(Path.of("codes.csv"));
        });
        assertThat(dialogs.suggested).containsExactly("three-code-check-2026-03-02.csv");
        reports.failExportsWith = "access denied";
        vm.exportTo(ReportFormat.XLSX);
        assertThat(vm.export().errorProperty().get()).isEqualTo("access denied");
        assertThat(vm.export().busyProperty().get()).isFalse();
    }
}
