package com.stocklens.ui.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Verdict;
import com.stocklens.service.ReportFormat;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeDialogs;
import com.stocklens.ui.FakeReports;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The health screen's state without a toolkit: periods, verdicts, and exports that fail plainly. */
class HealthViewModelTest {
    private final FakeReports reports = new FakeReports();
    private final FakeDialogs dialogs = new FakeDialogs(Path.of("out", "health.xlsx"));

    private HealthViewModel started() {
        HealthViewModel vm = new HealthViewModel(reports, reports, FakeBoards::small, dialogs, FakeBoards.CLOCK,
                Locale.ENGLISH, Runnable::run, Runnable::run);
        vm.start();
        return vm;
    }

    @Test
    void aPastMomentShowsItsQuarterToThatDayMadeAsOfIt() {
        HealthViewModel vm = started();
        // 2025-11-20 02:00 UTC = 10:00 Beijing, in 2025Q4.
        Instant past = Instant.parse("2025-11-20T02:00:00Z");
        vm.showMoment(past);
        assertThat(vm.momentProperty().get()).isEqualTo(past);
        assertThat(vm.quarters().get(0)).hasToString("2025Q4");
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(vm.toProperty().get()).as("cut at the moment's day").isEqualTo(LocalDate.of(2025, 11, 20));
        assertThat(reports.reportMoments).containsExactly(past);
        assertThat(vm.reportProperty().get()).isNotNull();

        vm.showMoment(null);
        assertThat(vm.quarters().get(0)).hasToString("2026Q1");
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(reports.reportMoments).containsExactly(past);
    }

    @Test
    void quartersRunBackFromTheCurrentOne() {
        HealthViewModel vm = started();
        assertThat(vm.quarters()).hasSize(HealthViewModel.QUARTERS);
        assertThat(vm.quarters().subList(0, 3)).extracting(Quarter::toString).containsExactly("2026Q1", "2025Q4", "2025Q3");
        // The clock says 2026-03-02 14:30 in Beijing: the current quarter runs to today.
        assertThat(vm.fromProperty().get()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(vm.toProperty().get()).isEqualTo(LocalDate.of(2026, 3, 2));
        vm.selectQuarter(vm.quarters().get(1));
        assertThat(reports.reportRequests.get(reports.reportRequests.size() - 1))
                .containsExactly(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
    }

    @Test
    void aCustomRangeLoadsAndAReversedOneIsRefused() {
        HealthViewModel vm = started();
        vm.selectRange(LocalDate.of(2025, 11, 5), LocalDate.of(2026, 2, 1));
        assertThat(vm.quarterProperty().get()).isNull();
        assertThat(vm.reportProperty().get().from()).isEqualTo(LocalDate.of(2025, 11, 5));
        int before = reports.reportRequests.size();
        vm.selectRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1));
        assertThat(vm.periodProblemProperty().get()).isEqualTo("health.period.reversed");
        assertThat(reports.reportRequests).hasSize(before);
        vm.selectRange(null, LocalDate.of(2026, 1, 1));
        assertThat(vm.periodProblemProperty().get()).isEqualTo("health.period.missing");
    }

    @Test
    void theReportFillsCardsWarehousesAndSkus() {
        HealthViewModel vm = started();
        assertThat(vm.overall()).hasSize(6);
        assertThat(vm.warehouses()).extracting(WarehouseHealthRow::label).first().isEqualTo("Birmingham (UK)");
        assertThat(vm.skus()).hasSize(8);
    }

    @Test
    void chosenWarehousesAreReportedAlone() {
        HealthViewModel vm = started();
        assertThat(vm.warehouseFilter().warehouses()).containsExactly(FakeBoards.SHIPBOB_CA, FakeBoards.WINIT_UK,
                FakeBoards.GOODCANG_NJ);
        assertThat(vm.warehouses()).hasSize(3);
        int reads = reports.reportWarehouses.size();

        vm.warehouseFilter().choose(List.of(FakeBoards.WINIT_UK.id(), FakeBoards.GOODCANG_NJ.id()));
        assertThat(reports.reportWarehouses).hasSize(reads + 1);
        assertThat(reports.reportWarehouses.get(reads)).containsExactly(FakeBoards.WINIT_UK.id(),
                FakeBoards.GOODCANG_NJ.id());
        assertThat(vm.warehouses()).extracting(WarehouseHealthRow::warehouseId)
                .containsExactlyInAnyOrder(FakeBoards.WINIT_UK.id(), FakeBoards.GOODCANG_NJ.id());
        assertThat(vm.fromProperty().get()).as("the same period").isNotNull();

        vm.warehouseFilter().choose(List.of());
        assertThat(vm.warehouses()).hasSize(3);
    }

    @Test
    void verdictsMapToPseudoClasses() {
        assertThat(HealthViewModel.pseudoClass(Verdict.HEALTHY)).isEqualTo("healthy");
        assertThat(HealthViewModel.pseudoClass(Verdict.UNHEALTHY)).isEqualTo("unhealthy");
        assertThat(HealthViewModel.pseudoClass(Verdict.UNKNOWN)).isEqualTo("unknown");
        assertThat(HealthViewModel.pseudoClass(Verdict.INFO)).isEqualTo("info");
        assertThat(HealthViewModel.pseudoClass(null)).as("no verdict reads as unknown").isEqualTo("unknown");
        // Issue 17: a figure on too little history is shown, not judged.
        assertThat(HealthViewModel.pseudoClass(Verdict.INSUFFICIENT_HISTORY)).isEqualTo("thin");
        assertThat(HealthViewModel.pseudoClasses()).containsExactlyInAnyOrder("healthy", "unhealthy", "info", "unknown",
                "thin");
    }

    @Test
    void exportWritesTheShownReportToTheChosenFile() {
        HealthViewModel vm = started();
        vm.exportTo(ReportFormat.PDF);
        assertThat(reports.exports).singleElement().satisfies(call -> {
            assertThat(call.format()).isEqualTo(ReportFormat.PDF);
            assertThat(call.out()).isEqualTo(Path.of("out", "health.xlsx"));
            assertThat(call.locale()).isEqualTo(Locale.ENGLISH);
        });
        assertThat(dialogs.suggested).containsExactly("health-report-2026-01-01_2026-03-02.pdf");
        assertThat(vm.export().savedProperty().get()).isEqualTo(Path.of("out", "health.xlsx"));
        assertThat(vm.export().errorProperty().get()).isNull();
        assertThat(vm.export().busyProperty().get()).isFalse();
    }

    @Test
    void aFailedExportSaysWhyAndClaimsNoFile() {
        HealthViewModel vm = started();
        reports.failExportsWith = "disk full";
        vm.exportTo(ReportFormat.XLSX);
        assertThat(vm.export().errorProperty().get()).isEqualTo("disk full");
        assertThat(vm.export().savedProperty().get()).isNull();
        assertThat(vm.export().busyProperty().get()).isFalse();
        // The next export that works clears the error.
        reports.failExportsWith = null;
        vm.exportTo(ReportFormat.CSV);
        assertThat(vm.export().errorProperty().get()).isNull();
        assertThat(vm.export().savedProperty().get()).isNotNull();
    }

    @Test
    void cancellingTheSaveDialogExportsNothing() {
        HealthViewModel vm = started();
        dialogs.answer = null;
        vm.exportTo(ReportFormat.CSV);
        assertThat(reports.exports).isEmpty();
        assertThat(vm.export().busyProperty().get()).isFalse();
    }

    @Test
    void aFailedReportSaysWhy() {
        reports.failReads = new IllegalStateException("no snapshots yet");
        HealthViewModel vm = started();
        assertThat(vm.loadErrorProperty().get()).isEqualTo("no snapshots yet");
        assertThat(vm.reportProperty().get()).isNull();
        vm.exportTo(ReportFormat.CSV);
        assertThat(reports.exports).as("nothing to export").isEmpty();
    }
}
