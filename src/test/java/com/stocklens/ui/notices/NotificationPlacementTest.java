package com.stocklens.ui.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.Screen;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.FakeFlags;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measured: a notification on screen never lies over the stock table's TikTok and gap columns, nor over the
 * action buttons of the red flags and the triage list, at 1366×768 (the smallest laptop) and 1024×700 (the
 * smallest window).
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class NotificationPlacementTest {
    @Start
    void start(Stage stage) {
        FxTheme.apply();
    }

    @Test
    void at1366x768(FxRobot robot) throws Exception {
        measure(robot, 1366, 768);
    }

    @Test
    void at1024x700(FxRobot robot) throws Exception {
        measure(robot, 1024, 700);
    }

    private void measure(FxRobot robot, double width, double height) throws Exception {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        UiContext context = TestUiContext.builder().board(FakeBoards::large).locale(UiContext.CHINESE)
                .flags(flags, "zhang.san").build();
        List<String> overlaps = new ArrayList<>();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            MainWindow window = new MainWindow(context);
            // Not on a stage: Monocle's headless screen (1280×800) is smaller than 1366×768.
            Scene scene = new Scene(window.root(), width, height);
            flags.notices(List.of(new Notice(FakeBoards.NOW, NoticeKind.CALIBRATION_OPENED, "YOGA-MAT",
                    "shipbob:228", "Moreno Valley (CA)", null, 104L, 485L, null),
                    new Notice(FakeBoards.NOW, NoticeKind.ALERT_RAISED, "BOTTLE-1L", "goodcang:USEA",
                            "New Jersey (US-East)", AlertKind.OVERSELL_RISK, null, null, null)));
            for (Screen screen : new Screen[] {Screen.STOCK, Screen.FLAGS, Screen.TRIAGE}) {
                window.show(screen);
                scene.snapshot(null);
                NotificationPane pane = (NotificationPane) scene.lookup("#notificationPane");
                assertThat(pane.isShowing()).as("a notification is up on %s", screen).isTrue();
                // The lane clips its bar to itself: wherever the bar slides, it stays inside the lane's bounds.
                assertThat(pane.getClip()).as("the lane clips its bar").isNotNull();
                Node bar = pane.lookup(".notification-bar");
                List<Bounds> notification = List.of(pane.localToScene(pane.getBoundsInLocal()),
                        bar.localToScene(bar.getBoundsInLocal()));
                for (Bounds target : targets(scene, screen)) {
                    for (Bounds n : notification) {
                        if (n.intersects(target)) {
                            overlaps.add(screen + ": " + n + " over " + target);
                        }
                    }
                }
                if (screen == Screen.STOCK) {
                    image[0] = scene.snapshot(null);
                }
            }
            window.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
        File out = new File("target/notification-placement-" + (int) width + "x" + (int) height + ".png");
        ScreenshotOnFailure.write(image[0], out);
        assertThat(overlaps).isEmpty();
    }

    /** What a notification must never cover on {@code screen}. */
    private static List<Bounds> targets(Scene scene, Screen screen) {
        List<Bounds> targets = new ArrayList<>();
        if (screen == Screen.STOCK) {
            Node table = scene.lookup("#stockTable");
            Bounds t = table.localToScene(table.getBoundsInLocal());
            for (Node n : table.lookupAll(".column-header")) {
                if (n instanceof TableColumnHeader h && h.getTableColumn() != null
                        && Set.of("tiktokAvailableColumn", "gapColumn").contains(h.getTableColumn().getId())) {
                    Bounds header = h.localToScene(h.getBoundsInLocal());
                    // The whole column: from its header down to the table's bottom.
                    targets.add(new BoundingBox(header.getMinX(), header.getMinY(),
                            header.getWidth(), t.getMaxY() - header.getMinY()));
                }
            }
            assertThat(targets).as("the TikTok and gap columns are on screen").hasSize(2);
        } else {
            List<Node> actions = new ArrayList<>(scene.getRoot().lookupAll(".button"));
            actions.addAll(scene.getRoot().lookupAll(".menu-button"));
            for (Node n : actions) {
                String id = n.getId();
                if (id != null && n.isVisible() && (id.startsWith("declare-") || id.startsWith("ack-")
                        || id.startsWith("snooze-") || id.startsWith("triageDeclare-"))) {
                    targets.add(n.localToScene(n.getBoundsInLocal()));
                }
            }
            assertThat(targets).as("action buttons on %s", screen).isNotEmpty();
        }
        return targets;
    }
}
