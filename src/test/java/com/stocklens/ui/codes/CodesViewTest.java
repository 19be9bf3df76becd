package com.stocklens.ui.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.ReportFormat;
import com.stocklens.ui.FakeDialogs;
import com.stocklens.ui.FakeReports;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The three-code check on a real stage, headless, on the first day of a month. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class CodesViewTest {
    /** 1 December 2026, 09:00 in Beijing. */
    private static final Clock FIRST_OF_MONTH = Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneOffset.UTC);

    private final FakeReports reports = new FakeReports();
    private final FakeDialogs dialogs = new FakeDialogs(Path.of("target", "codes-test.csv"));
    private CodesViewModel viewModel;
    private CodesView view;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        Messages messages = new Messages(UiContext.CHINESE);
        viewModel = new CodesViewModel(reports, reports, dialogs, FIRST_OF_MONTH, messages.locale(),
                Runnable::run, new FxExecutor());
        view = new FxViewLoader(messages.bundle(), type -> new CodesView(viewModel, messages))
                .<CodesView>load(CodesView.class).controller();
        FxTheme.style(view.root());
        stage.setScene(new Scene(view.root(), 1000, 700));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            viewModel.close();
        });
    }

    @Test
    void theReminderShowsOnTheFirstOfTheMonth(FxRobot robot) {
        Label banner = robot.lookup("#checkDayBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).contains("今天是每月三码校验日").doesNotContain("Today");
    }

    @Test
    @SuppressWarnings("unchecked")
    void runningShowsFindingsByKindAndExportWritesThem(FxRobot robot) {
        assertThat(robot.lookup("#exportCsv").query().isDisabled()).as("nothing to export yet").isTrue();
        robot.clickOn("#runCheck");
        TreeView<String> tree = robot.lookup("#findingTree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).hasSize(5);
        assertThat(tree.getRoot().getChildren().get(2).getChildren()).hasSize(2);
        assertThat(robot.lookup("#mismatchLabel").queryAs(Label.class).getText()).contains("12.8%");
        robot.clickOn("#exportCsv");
        assertThat(reports.exports).singleElement().satisfies(call -> {
            assertThat(call.format()).isEqualTo(ReportFormat.CSV);
            assertThat(call.out()).isEqualTo(Path.of("target", "codes-test.csv"));
        });
    }
}
