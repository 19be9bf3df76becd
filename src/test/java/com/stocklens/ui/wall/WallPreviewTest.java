package com.stocklens.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.SourceKind;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeSyncEvents;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.FakeFlags;
import com.stocklens.ui.flags.FlagsViewModel;
import com.stocklens.ui.flags.ToastsViewModel;
import com.stocklens.ui.stock.StockViewModel;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the wall's red-flag page at 1920×1080 with one task per urgency (what the demo rarely has in
 * its first minutes) into {@code target/wall-flags-preview-zh.png} / {@code -en.png}, and the window's
 * offline indicator into {@code target/offline-indicator-en.png}.
 */
@ExtendWith(ApplicationExtension.class)
class WallPreviewTest {
    @Start
    void start(Stage stage) {
        FxTheme.applyDark();
    }

    @Test
    void renderFlagsPageChinese(FxRobot robot) throws Exception {
        render(robot, UiContext.CHINESE, new File("target/wall-flags-preview-zh.png"));
    }

    @Test
    void renderFlagsPageEnglish(FxRobot robot) throws Exception {
        render(robot, UiContext.ENGLISH, new File("target/wall-flags-preview-en.png"));
    }

    private void render(FxRobot robot, Locale locale, File out) throws Exception {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        WritableImage[] image = new WritableImage[1];
        Node[] firstCountdown = new Node[1];
        robot.interact(() -> {
            StockViewModel stock = new StockViewModel(FakeBoards::large, new FakeSyncEvents(), FakeBoards.CLOCK,
                    Duration.ofMinutes(15), Runnable::run, new FxExecutor());
            FlagsViewModel flagsVm = new FlagsViewModel(flags, flags, flags, WallViewModel.NO_DIALOGS,
                    NameMemory.inMemory("wall"), FakeBoards.CLOCK, FakeFlags.WINDOW, Runnable::run, new FxExecutor());
            WallViewModel vm = new WallViewModel(stock, flagsVm, new ToastsViewModel(flags.notices(), Runnable::run),
                    Duration.ofSeconds(20), FakeBoards.NOW);
            WallView view = new WallView(vm, new Messages(locale), FakeBoards.CLOCK);
            vm.start();
            flags.notice(new Notice(FakeBoards.NOW, NoticeKind.CALIBRATION_DUE_10, "YOGA-MAT", "shipbob:228",
                    "Moreno Valley (CA)", null, 104L, 485L, null));
            Scene scene = new Scene(view.root(), 1920, 1080);
            scene.snapshot(null);
            firstCountdown[0] = scene.lookup("#wallCountdown-0");
            image[0] = scene.snapshot(null);
            view.close();
            vm.close();
        });
        ScreenshotOnFailure.write(image[0], out);
        assertThat(firstCountdown[0]).isNotNull();
        assertThat(out).exists();
    }

    /** The main window when every polled source failed its latest attempt. */
    @Test
    void renderOfflineIndicator(FxRobot robot) throws Exception {
        StockBoard small = FakeBoards.small();
        List<SourceFreshness> failing = small.sources().stream().map(f -> new SourceFreshness(f.source(),
                f.lastSnapshotAt(), FakeBoards.NOW.minusSeconds(5),
                f.source().kind() == SourceKind.SHOP ? "TikTok: connection refused" : "connect timed out",
                f.rows(), f.requests(), f.durationMillis())).toList();
        StockBoard offline = new StockBoard(small.rows(), small.warehouses(), failing);
        UiContext context = TestUiContext.builder().board(() -> offline).build();
        WritableImage[] image = new WritableImage[1];
        boolean[] shown = new boolean[1];
        robot.interact(() -> {
            FxTheme.apply();
            MainWindow window = new MainWindow(context);
            Scene scene = new Scene(window.root(), MainWindowHost.WIDTH, MainWindowHost.HEIGHT);
            scene.snapshot(null);
            Node indicator = scene.lookup("#offlineIndicator");
            shown[0] = indicator != null && indicator.isVisible();
            image[0] = scene.snapshot(null);
            window.close();
            FxTheme.applyDark();
        });
        File out = new File("target/offline-indicator-en.png");
        ScreenshotOnFailure.write(image[0], out);
        assertThat(shown[0]).as("offline indicator visible").isTrue();
    }
}
