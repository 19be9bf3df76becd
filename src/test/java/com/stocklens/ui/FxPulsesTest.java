package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first board's "on screen" signal: after the next layout of a shown scene, or by the fallback, once. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class FxPulsesTest {
    private Scene shown;
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("before");
        shown = new Scene(new StackPane(label), 800, 80);
        stage.setScene(shown);
        stage.show();
    }

    @Test
    void aShownSceneRunsTheActionAfterTheLayoutOfWhatChangedNotBefore(FxRobot robot) throws Exception {
        // An hour's fallback: if the action runs in this test, the pulse ran it.
        runsOnceAfterTheLayoutOfTheChange(robot,
                action -> FxPulses.afterNextLayout(shown, Duration.ofHours(1), action));
    }

    @Test
    void withoutAFallbackTheActionRunsAfterTheNextLayoutOnce(FxRobot robot) throws Exception {
        runsOnceAfterTheLayoutOfTheChange(robot, action -> FxPulses.afterNextLayout(shown, action));
    }

    /**
     * Schedules through {@code schedule} an action that reads the label's width, then lengthens the label: the
     * action runs after the pulse that laid the new text out (not before), and once though another pulse follows.
     */
    private void runsOnceAfterTheLayoutOfTheChange(FxRobot robot, Consumer<Runnable> schedule) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger widthSeen = new AtomicInteger(-1);
        robot.interact(() -> {
            label.setText("x");
            schedule.accept(() -> {
                runs.incrementAndGet();
                widthSeen.set((int) Math.round(label.getWidth()));
            });
            label.setText("a much longer text than before, laid out by the next pulse before the action");
            assertThat(runs).as("not before the pulse").hasValue(0);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.get() > 0);
        robot.interact(() -> label.setText("changed again: another pulse"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs).as("once").hasValue(1);
        assertThat(widthSeen.get()).as("the label was laid out with its new text").isGreaterThan(150);
    }

    @Test
    void aSceneWithoutAWindowGetsNoPulseAndRunsTheActionByTheFallbackOnce(FxRobot robot) throws Exception {
        AtomicInteger runs = new AtomicInteger();
        robot.interact(() -> FxPulses.afterNextLayout(new Scene(new StackPane(new Label("never shown"))),
                Duration.ofMillis(50), runs::incrementAndGet));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.get() > 0);
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runs).hasValue(1);
    }

    @Test
    void noSceneRunsTheActionAtOnce(FxRobot robot) {
        AtomicInteger runs = new AtomicInteger();
        robot.interact(() -> FxPulses.afterNextLayout(null, Duration.ofHours(1), runs::incrementAndGet));
        assertThat(runs).hasValue(1);
    }
}
