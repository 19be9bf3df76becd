package com.stocklens.ui.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.PushScope;
import com.stocklens.ui.FakeBoards;
import com.stocklens.service.ReportFormat;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import com.stocklens.ui.flags.FakeFlags;
import com.stocklens.ui.flags.FlagsView;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.flags.TaskRowViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The push dialog's content and the calibration card's push action on a real stage, headless, by fx:id. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class PushViewsTest {
    private final FakePushes pushes = new FakePushes();
    private Stage stage;
    private Messages messages;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        messages = new Messages(UiContext.ENGLISH);
    }

    /** Confirms every question; records nothing else. */
    private static DialogService yes() {
        return new DialogService() {
            @Override
            public CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form) {
                throw new AssertionError("not asked here");
            }

            @Override
            public CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String name, ReportFormat format) {
                throw new AssertionError("not asked here");
            }

            @Override
            public CompletionStage<Boolean> confirm(String titleKey, String messageKey, Object... args) {
                return CompletableFuture.completedFuture(true);
            }
        };
    }

    private void show(Parent root) {
        FxTheme.style(root);
        stage.setScene(new Scene(root, 1000, 620));
        stage.show();
    }

    private static boolean refused(Node row) {
        return row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("refused"));
    }

    @Test
    void thePlanThenTheOutcomeShowInTheTables(FxRobot robot) {
        PushPlanViewModel vm = new PushPlanViewModel(pushes, PushScope.task(12), NameMemory.inMemory("amy"), yes(),
                Runnable::run, new FxExecutor());
        robot.interact(() -> {
            show(PushPlanDialog.content(vm, messages));
            vm.plan();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> items = robot.lookup("#itemsTable").queryAs(TableView.class);
        assertThat(items.getItems()).hasSize(2);
        assertThat(robot.lookup("#refusedTable").queryAs(TableView.class).getItems()).hasSize(1);
        assertThat(robot.lookup("#planSummary").queryAs(Label.class).getText()).contains("p-1a2b3c4d")
                .startsWith("2 figure(s) to set (25 units), 1 refused, 3 already right");
        assertThat(robot.lookup("#outcomeColumn").tryQuery()).isEmpty();

        robot.interact(vm::apply);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.phaseProperty().get()).isEqualTo(PushPlanViewModel.Phase.DONE);
        assertThat(items.getItems()).hasSize(2);
        assertThat(items.getColumns().get(3).isVisible()).as("the outcome column").isTrue();
        assertThat(robot.lookup("#sendProgress").query().isVisible()).isTrue();
        assertThat(robot.lookup("#planSummary").queryAs(Label.class).getText())
                .startsWith("Push #1: TikTok accepted 1, refused 1");
        List<Node> rows = new ArrayList<>(robot.lookup(".push-table .table-row-cell").queryAll());
        assertThat(rows).anyMatch(PushViewsTest::refused);
    }

    @Test
    void theCalibrationCardOpensThePlanAndNamesItsLatestPush(FxRobot robot) {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        FlagsViewModel flagsVm = new FlagsViewModel(flags, flags.triage(), flags, flags, yes(), NameMemory.inMemory("amy"),
                FakeBoards.CLOCK, Duration.ofHours(2), Runnable::run, new FxExecutor());
        FlagsView[] view = new FlagsView[1];
        List<Long> opened = new ArrayList<>();
        TaskPushesViewModel taskPushes = new TaskPushesViewModel(pushes, flags, Runnable::run, new FxExecutor());
        robot.interact(() -> {
            view[0] = new FxViewLoader(messages.bundle(), type -> new FlagsView(flagsVm, messages))
                    .<FlagsView>load(FlagsView.class).controller();
            view[0].withPush(taskPushes, (TaskRowViewModel t) -> opened.add(t.id()));
            show(view[0].root());
            flagsVm.start();
            taskPushes.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        long id = flagsVm.tasks().getFirst().id();
        assertThat(robot.lookup("#pushed-" + id).query().isVisible()).as("no push yet").isFalse();

        robot.interact(() -> robot.lookup("#pushTask-" + id).queryAs(Button.class).fire());
        assertThat(opened).containsExactly(id);

        // A push made for task 12 (the fake's) shows on that task's card once the pushes are read again.
        PushPlanViewModel vm = new PushPlanViewModel(pushes, PushScope.task(id), NameMemory.inMemory("amy"), yes(),
                Runnable::run, Runnable::run);
        vm.plan();
        vm.apply();
        robot.interact(taskPushes::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        if (id == 12) {
            assertThat(robot.lookup("#pushed-12").queryAs(Label.class).getText()).startsWith("Pushed #1 by amy");
        }
        assertThat(taskPushes.latest()).containsKey(12L);
        robot.interact(() -> {
            view[0].dispose();
            flagsVm.close();
        });
    }
}
