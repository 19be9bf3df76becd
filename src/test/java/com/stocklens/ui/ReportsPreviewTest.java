package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the whole window at 1366×768 on the ageing screen and on the health report, in Chinese and
 * English: {@code target/ageing-preview-zh.png}, {@code -en.png}, {@code target/health-preview-zh.png},
 * {@code -en.png} (the screenshots issue 5 asks for).
 */
@ExtendWith(ApplicationExtension.class)
class ReportsPreviewTest {
    @Start
    void start(Stage stage) {
        FxTheme.apply();
    }

    @Test
    void ageingChinese(FxRobot robot) throws Exception {
        render(robot, UiContext.CHINESE, Screen.AGEING, new File("target/ageing-preview-zh.png"));
    }

    @Test
    void ageingEnglish(FxRobot robot) throws Exception {
        render(robot, UiContext.ENGLISH, Screen.AGEING, new File("target/ageing-preview-en.png"));
    }

    @Test
    void healthChinese(FxRobot robot) throws Exception {
        render(robot, UiContext.CHINESE, Screen.HEALTH, new File("target/health-preview-zh.png"));
    }

    @Test
    void healthEnglish(FxRobot robot) throws Exception {
        render(robot, UiContext.ENGLISH, Screen.HEALTH, new File("target/health-preview-en.png"));
    }

    @Test
    void codesChinese(FxRobot robot) throws Exception {
        render(robot, UiContext.CHINESE, Screen.CODES, new File("target/codes-preview-zh.png"));
    }

    private void render(FxRobot robot, Locale locale, Screen screen, File out) throws Exception {
        FakeReports reports = new FakeReports();
        UiContext context = TestUiContext.builder().board(FakeBoards::large).demo(true)
                .locale(locale).reports(reports).build();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            MainWindow window = new MainWindow(context);
            window.show(screen);
            // Not shown on a stage: Monocle's headless screen is 1280×800, smaller than the window.
            Scene scene = new Scene(window.root(), MainWindowHost.WIDTH, MainWindowHost.HEIGHT);
            if (screen == Screen.CODES) {
                scene.lookup("#runCheck").getProperties();
                ((Button) scene.lookup("#runCheck")).fire();
            }
            // The first pass lays the charts out, which sets the trend's pixel budget; the second draws it.
            scene.snapshot(null);
            scene.snapshot(null);
            image[0] = scene.snapshot(null);
            window.close();
        });
        out.getParentFile().mkdirs();
        ScreenshotOnFailure.write(image[0], out);
        assertThat(out).exists();
    }
}
