package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the whole window with fake data at 1366×768 (the smallest laptop screen) into
 * {@code target/ui-preview.png} (Chinese) and {@code target/ui-preview-en.png}, so a person can look
 * at the result without a display.
 */
@ExtendWith(ApplicationExtension.class)
class UiPreviewTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
    }

    @Test
    void renderChinese(FxRobot robot) throws Exception {
        render(robot, UiContext.CHINESE, new File("target/ui-preview.png"));
    }

    @Test
    void renderEnglish(FxRobot robot) throws Exception {
        render(robot, UiContext.ENGLISH, new File("target/ui-preview-en.png"));
    }

    private void render(FxRobot robot, Locale locale, File out) throws Exception {
        UiContext context = TestUiContext.builder().board(FakeBoards::large).demo(true).locale(locale).build();
        // Not shown on a stage: Monocle's headless screen is 1280×800 and a wider window overflows its
        // framebuffer. Scene.snapshot lays out and styles an unshown scene just the same.
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            MainWindow window = new MainWindow(context);
            Scene scene = new Scene(window.root(), MainWindowHost.WIDTH, MainWindowHost.HEIGHT);
            scene.snapshot(null);
            image[0] = scene.snapshot(null);
            LoggerFactory.getLogger(UiPreviewTest.class).info("Rendered {} with font {}", out,
                    ((Labeled) scene.lookup("#navStock")).getFont());
            window.close();
        });
        out.getParentFile().mkdirs();
        ScreenshotOnFailure.write(image[0], out);
        assertThat(image[0].getWidth()).isEqualTo(MainWindowHost.WIDTH);
        assertThat(out).exists();
    }
}
