package com.stocklens.ui.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.DeclaredCause;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FxDetailPopOver;
import com.stocklens.ui.FxDialogService;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The red-flag panel on a real stage, headless: urgency shows as pseudo-classes, and a task goes from
 * open to declared through the real declare dialog and {@code FlagActions}. Nodes are found by id only.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class FlagsViewTest {
    /** A clock the test moves; the test ticks the view model with it (the window ticks it in the app). */
    private static final class MovableClock extends Clock {
        private volatile Instant now = FakeBoards.NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final FakeFlags flags = new FakeFlags(clock, FakeFlags.showcase(FakeBoards.NOW));
    private FlagsViewModel viewModel;
    private FlagsView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        Messages messages = new Messages(UiContext.CHINESE);
        FxDialogService dialogs = new FxDialogService(messages, () -> stage);
        // Same-thread background: the fake answers at once, and FxExecutor runs inline on the FX thread.
        viewModel = new FlagsViewModel(flags, flags.triage(), flags, flags, dialogs, NameMemory.inMemory("zhang.san"),
                clock, Duration.ofHours(2), Runnable::run, new FxExecutor());
        view = new FxViewLoader(messages.bundle(), type -> new FlagsView(viewModel, messages))
                .<FlagsView>load(FlagsView.class).controller();
        FxTheme.style(view.root());
        // Smaller than Monocle's 1280×800 headless screen.
        stage.setScene(new Scene(view.root(), 1200, 780));
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
    void eachTaskCarriesItsUrgencyAsAPseudoClass(FxRobot robot) {
        assertThat(has(robot.lookup("#task-105").query(), "overdue")).isTrue();
        assertThat(has(robot.lookup("#task-104").query(), "critical")).isTrue();
        assertThat(has(robot.lookup("#task-104").query(), "overdue")).isFalse();
        assertThat(has(robot.lookup("#task-103").query(), "warning")).isTrue();
        assertThat(has(robot.lookup("#task-102").query(), "notice")).isTrue();
        assertThat(has(robot.lookup("#task-101").query(), "calm")).isTrue();
        assertThat(has(robot.lookup("#countdown-105").query(), "overdue")).isTrue();
        assertThat(robot.lookup("#countdown-105").queryAs(Label.class).getText()).isEqualTo("-00:03:12");
        assertThat(robot.lookup("#countdown-104").queryAs(Label.class).getText()).isEqualTo("00:08:05");

        // Time passes: the 8-minute task crosses its deadline on a tick.
        clock.now = FakeBoards.NOW.plus(Duration.ofMinutes(8)).plusSeconds(6);
        robot.interact(() -> viewModel.tick(clock.instant()));
        assertThat(has(robot.lookup("#task-104").query(), "overdue")).isTrue();
        assertThat(robot.lookup("#countdown-104").queryAs(Label.class).getText()).isEqualTo("-00:00:01");
    }

    @Test
    void aTaskGoesFromOpenToDeclaredThroughTheDialog(FxRobot robot) {
        assertThat(robot.lookup("#declaration-104").queryAs(Label.class).isVisible()).isFalse();
        robot.clickOn("#declare-104");
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ComboBox<DeclaredCause> cause = robot.lookup("#declareCause").queryAs(ComboBox.class);
        // Pre-selected from the top hint (returns in QC).
        assertThat(cause.getValue()).isEqualTo(DeclaredCause.RETURN_AWAITING_QC);
        assertThat(robot.lookup("#declareWho").queryAs(TextField.class).getText()).isEqualTo("zhang.san");
        Button ok = robot.lookup("#declareOk").queryAs(Button.class);
        assertThat(ok.isDisabled()).isFalse();

        robot.interact(() -> cause.setValue(DeclaredCause.OTHER));
        assertThat(ok.isDisabled()).as("OTHER without a note").isTrue();
        assertThat(robot.lookup("#declareProblem").queryAs(Label.class).getText()).isNotEmpty();
        TextArea note = robot.lookup("#declareNote").queryAs(TextArea.class);
        robot.interact(() -> note.setText("Carton crushed on receipt"));
        TextField who = robot.lookup("#declareWho").queryAs(TextField.class);
        robot.interact(() -> who.setText("li.wei"));
        assertThat(ok.isDisabled()).isFalse();

        robot.clickOn("#declareOk");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(flags.declared).containsExactly(
                new FakeFlags.Declared(104, DeclaredCause.OTHER, "Carton crushed on receipt", "li.wei"));
        // The declared task moved below the open ones; bring it into view and check its card.
        @SuppressWarnings("unchecked")
        ListView<TaskRowViewModel> list = robot.lookup("#taskList").queryAs(ListView.class);
        robot.interact(() -> list.scrollTo(list.getItems().size() - 1));
        Node card = robot.lookup("#task-104").query();
        assertThat(has(card, "declared")).isTrue();
        assertThat(has(card, "critical")).isFalse();
        Label declaration = robot.lookup("#declaration-104").queryAs(Label.class);
        assertThat(declaration.isVisible()).isTrue();
        assertThat(declaration.getText()).contains("Carton crushed on receipt");
        Label by = robot.lookup("#declaredBy-104").queryAs(Label.class);
        assertThat(by.isVisible()).isTrue();
        assertThat(by.getText()).contains("li.wei").contains("2026-03-02 14:30:00");
        assertThat(robot.lookup("#declare-104").queryAs(Button.class).isVisible()).isFalse();
        assertThat(viewModel.openTaskCountProperty().get()).isEqualTo(4);
    }

    @Test
    void aClickOnHintsOrAnAlertsWorkingShowsItWholeInAPopOver(FxRobot robot) {
        Label hints = robot.lookup("#hints-104").queryAs(Label.class);
        assertThat(hints.getText()).isNotBlank();
        robot.clickOn(hints);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + FxDetailPopOver.TEXT_ID).queryAs(Label.class).getText())
                .isEqualTo(hints.getText());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        AlertRowViewModel withWorking = viewModel.alertLines().stream()
                .filter(l -> l instanceof AlertRowViewModel a && a.detail() != null && !a.detail().english().isBlank())
                .map(AlertRowViewModel.class::cast).findFirst().orElseThrow();
        Label detail = robot.lookup("#alertDetail-" + FlagsView.idOf(withWorking.key())).queryAs(Label.class);
        robot.clickOn(detail);
        WaitForAsyncUtils.waitForFxEvents();
        // The working in the window's language, all of it.
        assertThat(robot.lookup("#" + FxDetailPopOver.TEXT_ID).queryAs(Label.class).getText())
                .isEqualTo(detail.getText()).isNotBlank();
        robot.interact(view::dispose);
        assertThat(robot.lookup("#" + FxDetailPopOver.TEXT_ID).tryQuery()).as("closed with the screen").isEmpty();
    }

    @Test
    void acknowledgingDimsTheAlertAndSnoozingHidesIt(FxRobot robot) {
        String oversell = FlagsView.idOf("OVERSELL_RISK:BOTTLE-1L@goodcang:USEA");
        robot.clickOn("#ack-" + oversell);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flags.acknowledged).containsExactly("OVERSELL_RISK:BOTTLE-1L@goodcang:USEA|zhang.san");
        assertThat(has(robot.lookup("#alert-" + oversell).query(), "acknowledged")).isTrue();

        String prealloc = FlagsView.idOf("MISSING_PREALLOCATION:MUG-001@shipbob:228");
        robot.clickOn("#snooze-" + prealloc);
        robot.clickOn("#snooze-1h-" + prealloc);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(flags.snoozed).containsExactly("MISSING_PREALLOCATION:MUG-001@shipbob:228|PT1H|zhang.san");
        assertThat(robot.lookup("#alert-" + prealloc).tryQuery()).isEmpty();
    }
}
