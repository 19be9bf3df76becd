package com.stocklens.ui.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.FlagBoard;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel inside the window: opens first when tasks are open, the badge, and a toast that leads to its task. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class MainWindowFlagsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        stage.setScene(new Scene(new Group(), 1200, 780));
    }

    private MainWindowHost show(FxRobot robot, FakeFlags flags) {
        UiContext context = TestUiContext.builder().locale(UiContext.CHINESE).flags(flags, "zhang.san").build();
        MainWindowHost[] host = new MainWindowHost[1];
        robot.interact(() -> {
            host[0] = MainWindowHost.install(stage, context);
            stage.show();
        });
        return host[0];
    }

    @Test
    void opensOnTheFlagsWithABadgeColouredByTheWorstTask(FxRobot robot) {
        MainWindowHost host = show(robot, new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW)));
        assertThat(robot.lookup("#navFlags").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#taskList").tryQuery()).isPresent();
        Label badge = robot.lookup("#flagsBadge").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("9");
        assertThat(badge.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("overdue"));

        robot.clickOn("#navStock");
        assertThat(robot.lookup("#stockTable").tryQuery()).isPresent();
        assertThat(robot.lookup("#taskList").tryQuery()).isEmpty();
        robot.interact(host::close);
    }

    @Test
    void staysOnStockWhenNothingIsOpenAndAToastLeadsToItsTask(FxRobot robot) {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY);
        MainWindowHost host = show(robot, flags);
        assertThat(robot.lookup("#navStock").queryAs(ToggleButton.class).isSelected()).isTrue();
        // A hidden badge is also dropped from the button's skin; either way it must not show.
        assertThat(robot.lookup("#flagsBadge").tryQuery().map(Node::isVisible).orElse(false)).isFalse();

        // A task opens: the service updates the board, fires, and sends a notice.
        flags.setBoard(FakeFlags.showcase(FakeBoards.NOW));
        robot.interact(() -> {
            flags.fire();
            flags.notice(new Notice(FakeBoards.NOW, NoticeKind.CALIBRATION_DUE_10, "YOGA-MAT", "shipbob:228",
                    "Moreno Valley (CA)", null, 104L, 485L, null));
        });
        // The window does not yank the person off the stock screen; the toast and badge say it.
        assertThat(robot.lookup("#navStock").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#flagsBadge").queryAs(Label.class).getText()).isEqualTo("9");
        Node toast = robot.lookup("#toast-0").query();
        robot.clickOn(toast);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#navFlags").queryAs(ToggleButton.class).isSelected()).isTrue();
        @SuppressWarnings("unchecked")
        ListView<TaskRowViewModel> list = robot.lookup("#taskList").queryAs(ListView.class);
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo(104L);
        assertThat(robot.lookup("#toast-0").tryQuery()).isEmpty();
        robot.interact(host::close);
    }
}
