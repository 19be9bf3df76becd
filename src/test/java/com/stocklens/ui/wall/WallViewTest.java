package com.stocklens.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeSyncEvents;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.FakeFlags;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.stock.StockViewModel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wall on a real stage, headless: pages, countdowns, dashes and keys, found by id only. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class WallViewTest {
    private final FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
    private final AtomicInteger exits = new AtomicInteger();
    private WallViewModel viewModel;
    private WallView view;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        Messages messages = new Messages(UiContext.ENGLISH);
        StockViewModel stock = new StockViewModel(FakeBoards::small, new FakeSyncEvents(), FakeBoards.CLOCK,
                Duration.ofMinutes(15), Runnable::run, new FxExecutor());
        FlagsViewModel flagsVm = new FlagsViewModel(flags, flags.triage(), flags, flags, WallViewModel.NO_DIALOGS,
                NameMemory.inMemory("wall"), FakeBoards.CLOCK, FakeFlags.WINDOW, Runnable::run, new FxExecutor());
        viewModel = new WallViewModel(stock, flagsVm, WallViewModelTest.notifications(flags),
                Duration.ofSeconds(20), FakeBoards.NOW, false);
        view = new WallView(viewModel, messages, FakeBoards.CLOCK);
        view.setOnExit(exits::incrementAndGet);
        stage.setScene(new Scene(view.root(), 1280, 720));
        viewModel.start();
        stage.show();
        stage.requestFocus();
        view.root().requestFocus();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> {
            view.close();
            viewModel.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void flagsPageShowsTheMostUrgentCountdownFirst(FxRobot robot) {
        assertThat(robot.lookup("#wallPageFlags").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#wallPageStock").queryAs(Node.class).isVisible()).isFalse();
        Label first = robot.lookup("#wallCountdown-0").queryAs(Label.class);
        assertThat(first.getText()).isEqualTo("-00:03:12");
        // On screen whole, never cut to "-00:0...": the most urgent figure on the wall is the overdue one.
        assertThat(((Text) first.lookup(".text")).getText()).isEqualTo("-00:03:12");
        Node row = robot.lookup("#wallTask-0").query();
        assertThat(row.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("overdue"));
        assertThat(robot.lookup("#wallCountdown-1").queryAs(Label.class).getText()).isEqualTo("00:08:05");
        assertThat(robot.lookup("#wallTask-1").query().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("critical"));
        assertThat(robot.lookup("#wallCountdown-0").queryAs(Label.class).getFont().getSize())
                .as("readable from two metres").isGreaterThanOrEqualTo(72);
        assertThat(robot.lookup("#wallClock").queryAs(Label.class).getText()).isEqualTo("14:30:00");
    }

    @Test
    void arrowKeysFlipPagesAndEscapeLeaves(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        assertThat(viewModel.getPage()).isEqualTo(WallViewModel.Page.STOCK);
        assertThat(robot.lookup("#wallPageStock").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#wallPageFlags").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#wallTotal-onHand").queryAs(Label.class).getText()).isEqualTo("150");
        robot.type(KeyCode.RIGHT);
        assertThat(robot.lookup("#wallPageSources").queryAs(Node.class).isVisible()).isTrue();
        Node firstSource = robot.lookup("#wallSource-0").query();
        assertThat(firstSource.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("stale"));
        assertThat(robot.lookup("#wallSourceAge-0").queryAs(Label.class).getText()).isEqualTo("20 min ago");
        robot.type(KeyCode.LEFT);
        assertThat(viewModel.getPage()).isEqualTo(WallViewModel.Page.STOCK);
        robot.type(KeyCode.ESCAPE);
        assertThat(exits.get()).isEqualTo(1);
    }

    @Test
    void unknownTotalsShowADash(FxRobot robot) {
        robot.interact(() -> viewModel.show(WallViewModel.Page.STOCK));
        // GoodCang reports no frozen, the others do: frozen is a partial sum, never a dash.
        assertThat(robot.lookup("#wallTotal-frozen").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#wallTile-frozen").query().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("partial"));
        assertThat(robot.lookup("#wallTotal-onHand").queryAs(Label.class).getFont().getSize())
                .isGreaterThanOrEqualTo(72);
        assertThat(robot.lookup("#wallOffline").queryAs(Node.class).isVisible()).isFalse();
    }
}
