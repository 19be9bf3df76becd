package com.stocklens.ui.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Screen;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The red flags inside the window: the triage list opens first when a calibration is open, the badge is its
 * top part, and the notification centre: one notification per evaluation, closing it stays put, its body
 * opens the item.
 */
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
        return show(robot, flags, UiContext.CHINESE);
    }

    private MainWindowHost show(FxRobot robot, FakeFlags flags, Locale locale) {
        UiContext context = TestUiContext.builder().locale(locale).flags(flags, "zhang.san").build();
        MainWindowHost[] host = new MainWindowHost[1];
        robot.interact(() -> {
            host[0] = MainWindowHost.install(stage, context);
            stage.show();
        });
        return host[0];
    }

    /** What the demo's first evaluation raises: six new tasks, oversell, pre-allocation and two big bursts. */
    static List<Notice> demoEvaluation() {
        List<Notice> batch = new ArrayList<>();
        String[] skus = {"TTS-CHP-GRY-01", "TTS-RNG-18-04", "TTS-SCK-S-05", "TTS-EBD-GRY-06", "TTS-RNG-12-06",
                "TTS-NAI-12C-06"};
        for (int i = 0; i < skus.length; i++) {
            batch.add(new Notice(FakeBoards.NOW, NoticeKind.CALIBRATION_OPENED, skus[i], "shipbob:228",
                    "Moreno Valley (CA)", null, 101L + i, 7200L, null));
        }
        batch.add(new Notice(FakeBoards.NOW, NoticeKind.ALERT_RAISED, "TTS-RNG-12-06", "shipbob:228",
                "Moreno Valley (CA)", AlertKind.OVERSELL_RISK, null, null, "TikTok 588 > warehouse 560"));
        batch.add(new Notice(FakeBoards.NOW, NoticeKind.ALERT_RAISED, "TTS-PS-PNK-05", "shipbob:228",
                "Moreno Valley (CA)", AlertKind.MISSING_PREALLOCATION, null, null, "5 > 0"));
        batch.add(new Notice(FakeBoards.NOW, NoticeKind.ALERT_RAISED, null, null, null,
                AlertKind.BELOW_SAFETY_STOCK, null, null, "58"));
        batch.add(new Notice(FakeBoards.NOW, NoticeKind.ALERT_RAISED, null, null, null,
                AlertKind.SLOW_MOVING, null, null, "97"));
        return batch;
    }

    @Test
    void theTriageListOpensFirstWhenACalibrationIsOpenWithTheBadgeOfItsTopPart(FxRobot robot) {
        MainWindowHost host = show(robot, new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW)));
        assertThat(robot.lookup("#navTriage").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(host.current().currentScreen()).isEqualTo(Screen.TRIAGE);
        Label badge = robot.lookup("#triageBadge").queryAs(Label.class);
        // 5 open tasks + oversell + missing pre-allocation + the stale source; safety stock waits in the digest.
        assertThat(badge.getText()).isEqualTo("8");
        assertThat(badge.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("overdue"));
        assertThat(robot.lookup(".triage-row").queryAll()).hasSize(8);
        // Rank 1 is the overdue task, its countdown ticking from the red flags.
        Node first = robot.lookup("#triageItem-1").query();
        assertThat(first.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("overdue"));
        assertThat(robot.lookup("#triageDigest-BELOW_SAFETY_STOCK").tryQuery()).isPresent();

        // "Open the list" of a digest kind: the red flags, only that kind.
        robot.interact(() -> robot.lookup("#triageDigest-BELOW_SAFETY_STOCK")
                .queryAs(TitledPane.class).setExpanded(true));
        // Below the fold of a 780-pixel window: fired rather than clicked.
        robot.interact(() -> robot.lookup("#triageOpenList-BELOW_SAFETY_STOCK").queryAs(Hyperlink.class).fire());
        assertThat(host.current().currentScreen()).isEqualTo(Screen.FLAGS);
        assertThat(host.current().flagsViewModel().kindFilterProperty().get()).isEqualTo(AlertKind.BELOW_SAFETY_STOCK);
        robot.interact(host::close);
    }

    @Test
    void theKindsOfEveryTriageLineLineUpWhateverTheirFiguresSayInEnglish(FxRobot robot) {
        MainWindowHost host = show(robot, new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW)),
                Locale.ENGLISH);
        WaitForAsyncUtils.waitForFxEvents();
        // Every line's figure block: the calibrations' countdowns, the orders at risk, the stale sources.
        List<Node> figures = new ArrayList<>(robot.lookup(".triage-clock").queryAll());
        assertThat(figures).hasSizeGreaterThan(1);
        // One line's sales as long as English makes them (this fake board has no sales history).
        Label sales = (Label) robot.lookup(".triage-impact").query();
        robot.interact(() -> sales.setText("1.5 sold a day over 28 days · impact 15"));
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> lefts = new ArrayList<>();
        for (Node figure : figures) {
            HBox row = (HBox) figure.getParent();
            Node kind = row.lookup(".triage-kind");
            lefts.add(kind.localToScene(kind.getBoundsInLocal()).getMinX());
            assertThat(figure.getLayoutBounds().getWidth()).isEqualTo(figures.get(0).getLayoutBounds().getWidth());
        }
        assertThat(lefts).as("the kinds' left edges").allSatisfy(x -> assertThat(x).isEqualTo(lefts.get(0)));
        robot.interact(host::close);
    }

    @Test
    void anEvaluationMakesAtMostOneNotificationAndClosingItKeepsTheScreenAndItsFilter(FxRobot robot) {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY);
        MainWindowHost host = show(robot, flags);
        assertThat(robot.lookup("#navStock").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("#filterField").write("MUG");

        robot.interact(() -> flags.notices(demoEvaluation()));
        WaitForAsyncUtils.waitForFxEvents();
        NotificationPane pane = robot.lookup("#notificationPane").queryAs(NotificationPane.class);
        assertThat(pane.isShowing()).isTrue();
        assertThat(host.current().viewModel().notifications().popupsShownProperty().get()).isEqualTo(1);
        // Six tasks and the oversell: one summary, not seven toasts; the digest kinds only in the bell.
        assertThat(pane.getText()).contains("7");
        assertThat(robot.lookup("#bellBadge").queryAs(Label.class).getText()).isEqualTo("7");

        // The bar slides in from the top: click its × once it is in place.
        Node close = robot.lookup("#notificationPane .close-button").queryAs(Node.class);
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> close.localToScene(close.getBoundsInLocal()).getMinY() >= 0);
        } catch (TimeoutException e) {
            throw new AssertionError("the notification bar never came into view", e);
        }
        robot.clickOn(close);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(host.current().viewModel().notifications().popupProperty().get()).isNull();
        assertThat(host.current().currentScreen()).isEqualTo(Screen.STOCK);
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getText()).isEqualTo("MUG");
        robot.interact(host::close);
    }

    @Test
    void aClickOnTheNotificationsBodyOpensItsTask(FxRobot robot) {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FlagBoard.EMPTY);
        MainWindowHost host = show(robot, flags);
        flags.setBoard(FakeFlags.showcase(FakeBoards.NOW));
        robot.interact(() -> {
            flags.fire();
            flags.notices(List.of(new Notice(FakeBoards.NOW, NoticeKind.CALIBRATION_OPENED, "YOGA-MAT", "shipbob:228",
                    "Moreno Valley (CA)", null, 104L, 485L, null)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        NotificationPane pane = robot.lookup("#notificationPane").queryAs(NotificationPane.class);
        assertThat(pane.isShowing()).isTrue();
        robot.clickOn(pane);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#navFlags").queryAs(ToggleButton.class).isSelected()).isTrue();
        @SuppressWarnings("unchecked")
        ListView<TaskRowViewModel> list = robot.lookup("#taskList").queryAs(ListView.class);
        assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo(104L);
        assertThat(pane.isShowing()).isFalse();
        robot.interact(host::close);
    }
}
