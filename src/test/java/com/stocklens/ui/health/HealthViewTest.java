package com.stocklens.ui.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.ReportFormat;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeDialogs;
import com.stocklens.ui.FakeReports;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import java.nio.file.Path;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The health report on a real stage, headless: cards carry verdicts, tables fill, export buttons export. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class HealthViewTest {
    private final FakeReports reports = new FakeReports();
    private final FakeDialogs dialogs = new FakeDialogs(Path.of("target", "health-test.xlsx"));
    private HealthViewModel viewModel;
    private HealthView view;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        Messages messages = new Messages(UiContext.CHINESE);
        viewModel = new HealthViewModel(reports, reports, FakeBoards::small, dialogs, FakeBoards.CLOCK,
                messages.locale(), Runnable::run, new FxExecutor());
        view = new FxViewLoader(messages.bundle(), type -> new HealthView(viewModel, messages))
                .<HealthView>load(HealthView.class).controller();
        FxTheme.style(view.root());
        stage.setScene(new Scene(view.root(), 1240, 780));
        viewModel.start();
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            viewModel.close();
        });
    }

    private static boolean has(Node node, String pseudoClass) {
        return node.getPseudoClassStates().contains(PseudoClass.getPseudoClass(pseudoClass));
    }

    @Test
    void cardsShowValueBandAndVerdict(FxRobot robot) {
        assertThat(has(robot.lookup("#card-TURNOVER_DAYS").query(), "unhealthy")).isTrue();
        assertThat(has(robot.lookup("#card-MOVING_SKU_RATE").query(), "healthy")).isTrue();
        assertThat(has(robot.lookup("#card-SELL_THROUGH_AMAZON").query(), "info")).isTrue();
        assertThat(robot.lookup("#cardValue-TURNOVER_DAYS").queryAs(Label.class).getText()).isEqualTo("52.3 天");
        assertThat(robot.lookup("#cardValue-MOVING_SKU_RATE").queryAs(Label.class).getText()).isEqualTo("88.9%");
        assertThat(robot.lookup("#cardVerdict-OVER_180_SHARE").queryAs(Label.class).getText()).isEqualTo("需改善");
        // What each figure rests on (issue 17): days of history, or units of known age (3,139 of 4,000 = 78.5 %).
        assertThat(robot.lookup("#cardCoverage-TURNOVER_DAYS").queryAs(Label.class).getText())
                .isEqualTo("历史数据：60/66 天");
        assertThat(robot.lookup("#cardCoverage-OVER_180_SHARE").queryAs(Label.class).getText())
                .isEqualTo("已知库龄：78.5% 的库存");
        assertThat(robot.lookup("#cardCoverage-STRANDED_UNITS").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void tablesShowEveryWarehouseAndSku(FxRobot robot) {
        assertThat(robot.lookup("#warehouseTable").queryAs(TableView.class).getItems()).hasSize(3);
        assertThat(robot.lookup("#skuTable").queryAs(TableView.class).getItems()).hasSize(8);
    }

    @Test
    void exportButtonsWriteToTheChosenFile(FxRobot robot) {
        robot.clickOn("#exportXlsx");
        robot.clickOn("#exportCsv");
        assertThat(reports.exports).extracting(FakeReports.ExportCall::format)
                .containsExactly(ReportFormat.XLSX, ReportFormat.CSV);
        assertThat(reports.exports).allSatisfy(call ->
                assertThat(call.out()).isEqualTo(Path.of("target", "health-test.xlsx")));
        assertThat(robot.lookup("#exportStatus").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void aFailedExportShowsWhy(FxRobot robot) {
        reports.failExportsWith = "磁盘已满";
        robot.clickOn("#exportPdf");
        Label status = robot.lookup("#exportStatus").queryAs(Label.class);
        assertThat(status.getText()).contains("磁盘已满");
        assertThat(has(status, "failed")).isTrue();
        assertThat(robot.lookup("#exportPdf").query().isDisabled()).as("ready for another try").isFalse();
    }
}
