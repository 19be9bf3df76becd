package com.stocklens.ui.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FxDialogService;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.Screen;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the whole window on the red-flag screen at 1366×768, with one task per urgency, a declared
 * one, alerts and two toasts, into {@code target/flags-preview.png} (Chinese) and
 * {@code target/flags-preview-en.png}: the screenshot the issue asks for, and a check that the window
 * opens on the flags screen when tasks are open.
 */
@ExtendWith(ApplicationExtension.class)
class FlagsPreviewTest {
    @Start
    void start(Stage stage) {
        FxTheme.apply();
    }

    @Test
    void renderChinese(FxRobot robot) throws Exception {
        render(robot, UiContext.CHINESE, new File("target/flags-preview.png"));
    }

    @Test
    void renderEnglish(FxRobot robot) throws Exception {
        render(robot, UiContext.ENGLISH, new File("target/flags-preview-en.png"));
    }

    /** The declare dialog for the critical task, with OTHER chosen and no note yet (OK disabled). */
    @Test
    void renderDeclareDialog(FxRobot robot) throws Exception {
        Messages messages = new Messages(UiContext.CHINESE);
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        FlagsViewModel vm = new FlagsViewModel(flags, flags.triage(), flags, flags,
                new FxDialogService(messages, () -> null), NameMemory.inMemory("zhang.san"),
                FakeBoards.CLOCK, Duration.ofHours(2), Runnable::run, Runnable::run);
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            vm.start();
            TaskRowViewModel critical = vm.tasks().get(1);
            vm.declare(critical);
        });
        @SuppressWarnings("unchecked")
        ComboBox<DeclaredCause> cause =
                robot.lookup("#declareCause").queryAs(ComboBox.class);
        robot.interact(() -> {
            cause.setValue(DeclaredCause.OTHER);
            image[0] = cause.getScene().snapshot(null);
            cause.getScene().getWindow().hide();
        });
        File out = new File("target/flags-declare-preview.png");
        ScreenshotOnFailure.write(image[0], out);
        assertThat(out).exists();
    }

    private void render(FxRobot robot, Locale locale, File out) throws Exception {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        UiContext context = TestUiContext.builder().board(FakeBoards::large).demo(true)
                .locale(locale).flags(flags, "zhang.san").build();
        WritableImage[] image = new WritableImage[2];
        boolean[] onTriage = new boolean[1];
        robot.interact(() -> {
            MainWindow window = new MainWindow(context);
            // One evaluation: a new oversell and a 10-minute reminder, summed up in one notification.
            flags.notices(List.of(new Notice(FakeBoards.NOW, NoticeKind.ALERT_RAISED, "BOTTLE-1L", "goodcang:USEA",
                    "New Jersey (US-East)", AlertKind.OVERSELL_RISK, null, null, null),
                    new Notice(FakeBoards.NOW, NoticeKind.CALIBRATION_OPENED, "YOGA-MAT", "shipbob:228",
                    "Moreno Valley (CA)", null, 104L, 485L, null)));
            // Not shown on a stage: Monocle's headless screen is 1280×800, smaller than the window.
            Scene scene = new Scene(window.root(), MainWindowHost.WIDTH, MainWindowHost.HEIGHT);
            scene.snapshot(null);
            onTriage[0] = scene.lookup("#triageRoot") != null && scene.lookup("#stockTable") == null;
            image[0] = scene.snapshot(null);
            window.show(Screen.FLAGS);
            scene.snapshot(null);
            image[1] = scene.snapshot(null);
            window.close();
        });
        out.getParentFile().mkdirs();
        ScreenshotOnFailure.write(image[1], out);
        File triage = new File(out.getParentFile(), out.getName().replace("flags-", "triage-"));
        ScreenshotOnFailure.write(image[0], triage);
        assertThat(onTriage[0]).as("opens on the triage list when tasks are open").isTrue();
        assertThat(out).exists();
        assertThat(triage).exists();
    }
}
