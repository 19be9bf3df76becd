package com.stocklens.ui.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.SourceKind;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import com.stocklens.service.TaskRow;
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
import com.stocklens.ui.stock.StockViewModel;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
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

    /** The wall of the demo (DEMO shown) over {@code flags} and the large fake board; FX thread. */
    private static WallViewModel demoWall(FakeFlags flags) {
        StockViewModel stock = new StockViewModel(FakeBoards::large, new FakeSyncEvents(), FakeBoards.CLOCK,
                Duration.ofMinutes(15), Runnable::run, new FxExecutor());
        FlagsViewModel flagsVm = new FlagsViewModel(flags, flags.triage(), flags, flags, WallViewModel.NO_DIALOGS,
                NameMemory.inMemory("wall"), FakeBoards.CLOCK, FakeFlags.WINDOW, Runnable::run, new FxExecutor());
        return new WallViewModel(stock, flagsVm, WallViewModelTest.notifications(flags), Duration.ofSeconds(20),
                FakeBoards.NOW, true);
    }

    private void render(FxRobot robot, Locale locale, File out) throws Exception {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        WritableImage[] image = new WritableImage[1];
        Node[] firstCountdown = new Node[1];
        robot.interact(() -> {
            WallViewModel vm = demoWall(flags);
            WallView view = new WallView(vm, new Messages(locale), FakeBoards.CLOCK);
            vm.start();
            flags.notice(new Notice(FakeBoards.NOW, NoticeKind.CALIBRATION_OPENED, "YOGA-MAT", "shipbob:228",
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

    /**
     * Nine open tasks and three orders at risk: more than a 1080-pixel wall holds. The line counting the rest
     * is laid out whole, below the rows and above the notice strip, and says how many did not fit.
     */
    @Test
    void theOverflowLineIsWhollyVisibleAboveTheStripAt1920x1080(FxRobot robot) throws Exception {
        List<TaskRow> tasks = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            tasks.add(FakeFlags.task(200 + i, "SKU-" + i, "Product " + i, FakeBoards.SHIPBOB_CA, FakeBoards.NOW,
                    Duration.ofMinutes(20 + 10L * i), 10, 20));
        }
        List<AlertRow> alerts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alerts.add(FakeFlags.alert(AlertKind.OVERSELL_RISK, "OVER-" + i, FakeBoards.SHIPBOB_CA, FakeBoards.NOW,
                    30 + i, 10, null, AlertState.ACTIVE, null));
        }
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, new FlagBoard(tasks, alerts, FakeBoards.NOW));
        Bounds[] more = new Bounds[1];
        Bounds[] strip = new Bounds[1];
        String[] shown = new String[2];
        int[] actNow = new int[1];
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            WallViewModel vm = demoWall(flags);
            WallView view = new WallView(vm, new Messages(UiContext.CHINESE), FakeBoards.CLOCK);
            vm.start();
            Scene scene = new Scene(view.root(), 1920, 1080);
            scene.snapshot(null);
            scene.snapshot(null);
            Label label = (Label) scene.lookup("#wallMoreFlags");
            more[0] = label.localToScene(label.getBoundsInLocal());
            Node notice = scene.lookup("#wallNotice");
            strip[0] = notice.localToScene(notice.getBoundsInLocal());
            shown[0] = label.getText();
            shown[1] = ((Text) label.lookup(".text")).getText();
            actNow[0] = vm.actNow().size();
            assertThat(scene.lookup("#wallDemo").isVisible()).isTrue();
            image[0] = scene.snapshot(null);
            view.close();
            vm.close();
        });
        ScreenshotOnFailure.write(image[0], new File("target/wall-overflow-1920x1080.png"));
        assertThat(actNow[0]).isEqualTo(12);
        assertThat(shown[0]).isNotBlank();
        assertThat(shown[1]).as("not cut").isEqualTo(shown[0]);
        assertThat(more[0].getHeight()).isPositive();
        assertThat(more[0].getMaxY()).as("above the strip").isLessThanOrEqualTo(strip[0].getMinY());
        assertThat(more[0].getMinY()).isPositive();
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
