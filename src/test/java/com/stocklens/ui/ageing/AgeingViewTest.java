package com.stocklens.ui.ageing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.ui.FakeReports;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The ageing screen inside the real window, headless: charts and table show the fake data; a row opens the SKU. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class AgeingViewTest {
    private final FakeReports reports = new FakeReports();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        UiContext context = TestUiContext.builder().reports(reports).build();
        window = new MainWindow(context);
        stage.setScene(new Scene(window.root(), 1240, 780));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsBucketsTrendAndOldestSkus(FxRobot robot) {
        robot.clickOn("#navAgeing");
        StackedBarChart<String, Number> bars = robot.lookup("#bucketChart").queryAs(StackedBarChart.class);
        // The seven buckets, then the grey segment of units of unknown age (issue 17: never left out).
        assertThat(bars.getData()).hasSize(8);
        assertThat(bars.getData().get(0).getData()).extracting(d -> d.getXValue())
                .containsExactly("Birmingham (UK)", "Moreno Valley (CA)", "New Jersey (US-East)");
        LineChart<Number, Number> trend = robot.lookup("#trendChart").queryAs(LineChart.class);
        double plotWidth = robot.lookup("#dayAxis").query().getBoundsInLocal().getWidth();
        assertThat(trend.getData().get(0).getData()).isNotEmpty().hasSizeLessThanOrEqualTo((int) plotWidth);
        TableView<OldSkuRowViewModel> table = robot.lookup("#oldestTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(24);
    }

    @Test
    @SuppressWarnings("unchecked")
    void enterOnARowOpensTheStockScreenFilteredToThatSku(FxRobot robot) {
        robot.clickOn("#navAgeing");
        TableView<OldSkuRowViewModel> table = robot.lookup("#oldestTable").queryAs(TableView.class);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        String sku = table.getItems().get(0).sellerSku();
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#navStock").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getText()).isEqualTo(sku);
    }
}
