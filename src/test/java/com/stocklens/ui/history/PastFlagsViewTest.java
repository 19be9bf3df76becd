package com.stocklens.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.Snapshot;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Screen;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.FakeFlags;
import com.stocklens.ui.flags.TaskRowViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The red flags under the time bar: a past moment shows the task open then, its countdown frozen at the
 * time left then, read-only, with no "now only" cover; the language switch keeps the moment and the screen.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class PastFlagsViewTest {
    private static final Instant M1 = FakeBoards.NOW.minusSeconds(7200);
    private static final Instant M2 = FakeBoards.NOW.minusSeconds(3600);
    private static final long TASK = 7;

    private Stage stage;

    private final StockBoardReader reader = new StockBoardReader() {
        @Override
        public StockBoard read() {
            return FakeBoards.small();
        }

        @Override
        public History history() {
            return new History() {
                @Override
                public List<Snapshot> moments() {
                    return List.of(new Snapshot(1, "shipbob:main", M1, 1), new Snapshot(2, "shipbob:main", M2, 1));
                }

                @Override
                public StockBoard boardAt(Instant at) {
                    return FakeBoards.small();
                }
            };
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        stage.setScene(new Scene(new Group(), 1200, 760));
    }

    /** Nothing is open now; at M2 one task was open with 90 minutes left, and returns-QC figures are not kept. */
    private static FakeFlags flags() {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY);
        flags.setPast(at -> new FlagBoard(at.isBefore(M2) ? List.of()
                : List.of(FakeFlags.task(TASK, "YOGA-MAT", "Yoga mat", FakeBoards.SHIPBOB_CA, M2,
                        Duration.ofMinutes(90), 40, 52)),
                List.of(), M2, at, Set.of(AlertKind.RETURN_QC_OVERDUE)));
        return flags;
    }

    private MainWindowHost show(FxRobot robot, FakeFlags flags) {
        UiContext context = TestUiContext.builder().board(reader).flags(flags, "li").build();
        MainWindowHost[] host = new MainWindowHost[1];
        robot.interact(() -> {
            host[0] = MainWindowHost.install(stage, context);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return host[0];
    }

    @Test
    void thePastTaskShowsFrozenAndReadOnlyAndTheLanguageSwitchKeepsTheMoment(FxRobot robot) {
        FakeFlags flags = flags();
        MainWindowHost host = show(robot, flags);
        MainWindow window = host.current();
        robot.interact(() -> window.show(Screen.FLAGS));
        assertThat(robot.lookup("#task-" + TASK).tryQuery()).as("nothing is open now").isEmpty();

        // Move the time bar to M2.
        Slider slider = robot.lookup("#timeSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.timeTravel().asOfProperty().get()).isEqualTo(M2);

        assertThat(robot.lookup("#task-" + TASK).tryQuery()).as("the task open at M2").isPresent();
        String frozen = TaskRowViewModel.countdownText(Duration.ofMinutes(90));
        assertThat(robot.lookup("#countdown-" + TASK).queryAs(Label.class).getText()).isEqualTo(frozen);
        assertThat(robot.lookup("#pastNotice").queryAs(Label.class).isVisible()).as("no 'now only' cover").isFalse();
        Label note = robot.lookup("#pastScreenNote").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).contains(window.messages().format("history.past.notRecorded",
                window.messages().get("alert.kind.returnQcOverdue")));
        Button declare = robot.lookup("#declare-" + TASK).queryAs(Button.class);
        assertThat(declare.isDisabled()).as("the past cannot be declared").isTrue();
        Node actions = declare.getParent();
        assertThat(actions.getProperties().get("javafx.scene.control.Tooltip"))
                .isInstanceOfSatisfying(Tooltip.class, t ->
                        assertThat(t.getText()).isEqualTo(window.messages().get("flags.past.readOnly")));

        // The past does not count down.
        robot.interact(() -> window.flagsViewModel().tick(FakeBoards.NOW.plusSeconds(600)));
        assertThat(robot.lookup("#countdown-" + TASK).queryAs(Label.class).getText()).isEqualTo(frozen);

        // View → Language rebuilds the window: same moment, same screen.
        robot.interact(() -> host.switchLocale(UiContext.CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        MainWindow rebuilt = host.current();
        assertThat(rebuilt).isNotSameAs(window);
        assertThat(rebuilt.timeTravel().asOfProperty().get()).isEqualTo(M2);
        assertThat(rebuilt.currentScreen()).isEqualTo(Screen.FLAGS);
        assertThat(robot.lookup("#pastBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#task-" + TASK).tryQuery()).isPresent();
        assertThat(robot.lookup("#countdown-" + TASK).queryAs(Label.class).getText()).isEqualTo(frozen);

        // Back to now: the task is history, the actions come back.
        robot.interact(() -> rebuilt.timeTravel().backToNow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#task-" + TASK).tryQuery()).isEmpty();
        assertThat(robot.lookup("#pastScreenNote").queryAs(Label.class).isVisible()).isFalse();
        robot.interact(host::close);
    }
}
