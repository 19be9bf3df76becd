package com.stocklens.ui.scores;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Coverage;
import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.service.Scorecards;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The scorecard screen inside the real window, headless: cards, missing marks, re-ranking, comparison. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class ScoresViewTest {
    private MainWindow window;

    static final Scorecards BOARD = new Scorecards() {
        @Override
        public Board read() {
            WarehouseProfile fast = new WarehouseProfile("a", "Fast", false, List.of(Market.US), List.of(), true, true,
                    24, true, List.of(), 1.2, null, null, 4.0, null, "USD", null, Instant.EPOCH);
            WarehouseProfile wide = new WarehouseProfile("b", "Wide", true, List.of(Market.US, Market.GB, Market.MY),
                    List.of("x", "y", "z", "w"), false, false, 96, false, List.of("r1", "r2", "r3"), 0.3, null, null,
                    1.5, null, "USD", null, Instant.EPOCH);
            WarehouseKpis k = new WarehouseKpis("a", 0.2, 0.4, 50, 0.0, 300, 0, 0.0, 0.01, null, 30.0, 0.02, 120.0)
                    .withHistory(Coverage.ofDays(20, 30), false).withAgeing(0.02, 120.0, Coverage.ofUnits(95, 100));
            return new Board(List.of(new Entry(fast, k, true), new Entry(wide, WarehouseKpis.none("b"), false)),
                    350, 900, Instant.EPOCH, Instant.EPOCH);
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

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        UiContext context = TestUiContext.builder().scorecards(BOARD).build();
        window = new MainWindow(context);
        stage.setScene(new Scene(window.root(), 1240, 760));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::close);
    }

    private static String firstCard(FxRobot robot) {
        return robot.lookup("#cardPane").queryAs(FlowPane.class).getChildren().get(0).getId();
    }

    @Test
    void cardsRankMarkMissingAndReRankOnAWeight(FxRobot robot) {
        robot.clickOn("#navScores");
        assertThat(firstCard(robot)).isEqualTo("card-a");
        assertThat(robot.lookup("#kpi-DOCK_TO_STOCK_HOURS-a").queryAs(Label.class).getPseudoClassStates())
                .extracting(Object::toString).contains("missing");
        assertThat(robot.lookup("#kpi-STOCKOUT_RATE-a").queryAs(Label.class).getPseudoClassStates())
                .extracting(Object::toString).contains("good");
        // What the measured KPIs rest on (issue 17): 20 of the 30 days, age known for 95 % of units.
        assertThat(robot.lookup("#history-a").queryAs(Label.class).getText()).contains("20").contains("30");
        assertThat(robot.lookup("#history-a").queryAs(Label.class).getPseudoClassStates())
                .extracting(Object::toString).contains("good");
        assertThat(robot.lookup("#ageKnown-a").queryAs(Label.class).getText()).startsWith("95");
        robot.interact(() -> robot.lookup("#weightAxis-SYSTEM").queryAs(Slider.class).setValue(0));
        robot.interact(() -> robot.lookup("#weightAxis-COVERAGE").queryAs(Slider.class).setValue(5));
        assertThat(firstCard(robot)).isEqualTo("card-b");
    }

    @Test
    void twoPicksCompareSideBySide(FxRobot robot) {
        robot.clickOn("#navScores");
        assertThat(robot.lookup("#compareButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#pick-a");
        robot.clickOn("#pick-b");
        robot.clickOn("#compareButton");
        assertThat(robot.lookup("#comparisonGrid").tryQuery()).isPresent();
        robot.clickOn("#compareButton");
        assertThat(robot.lookup("#comparisonGrid").tryQuery()).isEmpty();
    }
}
