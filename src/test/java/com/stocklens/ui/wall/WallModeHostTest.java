package com.stocklens.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.FakeFlags;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View → Wall mode swaps the window for the wall, and Esc brings the window back; nothing is run to keep the screen on. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class WallModeHostTest {
    private MainWindowHost host;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        UiContext context = TestUiContext.builder().demo(true).flags(flags, "wall").build();
        // Smaller than Monocle's 1280×800 headless screen (the wall then takes exactly the screen).
        stage.setScene(new Scene(new Group(), 1200, 760));
        host = MainWindowHost.install(stage, context);
        host.setScreenAwake(() -> new ScreenAwake(ScreenAwake.plan("Plan 9", n -> false, 1)));
        stage.show();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> {
            host.close();
            FxTheme.apply();
            stage.setFullScreen(false);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theViewMenuEntersWallModeAndEscapeLeavesIt(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem wall = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menuWallMode".equals(i.getId())).findFirst().orElseThrow();
        assertThat(wall.isDisable()).isFalse();
        assertThat(wall.getAccelerator().getName()).contains("W");
        robot.interact(wall::fire);
        assertThat(host.inWall()).isTrue();
        assertThat(robot.lookup("#wallView").tryQuery()).isPresent();
        assertThat(robot.lookup("#mainWindow").tryQuery()).isEmpty();
        assertThat(List.of(robot.lookup("#wallCountdown-0").queryLabeled().getText())).containsExactly("-00:03:12");
        robot.interact(() -> host.wall().root().requestFocus());
        robot.type(KeyCode.ESCAPE);
        assertThat(host.inWall()).isFalse();
        assertThat(robot.lookup("#mainWindow").tryQuery()).isPresent();
        assertThat(robot.lookup("#wallView").tryQuery()).isEmpty();
    }
}
