package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A snapshot file's window: the banner says whose data and when (Beijing time), and survives a language switch. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class SnapshotBannerTest {
    private static final Instant AT = Instant.parse("2026-11-27T04:00:00Z");
    private final List<Locale> remembered = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        stage.setScene(new Scene(new Group(), 1200, 720));
    }

    @Test
    void bannerShowsWhoseDataAndWhenAndSurvivesALanguageSwitch(FxRobot robot) {
        MainWindowHost[] host = new MainWindowHost[1];
        robot.interact(() -> {
            host[0] = MainWindowHost.install(stage, TestUiContext.builder().demo(true)
                    .switchLocale(remembered::add).build());
            host[0].decorate(w -> {
                w.showSnapshotBanner("Acme Shop", AT);
                w.setSnapshotFiles(new SnapshotFileDialogs() {
                    @Override
                    public void open(Window owner) {
                        calls.add("open");
                    }

                    @Override
                    public void export(Window owner) {
                        calls.add("export");
                    }
                });
            });
            stage.show();
        });
        Label banner = robot.lookup("#snapshotBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getHeight()).isGreaterThan(0);
        assertThat(banner.getText()).isEqualTo(new Messages(UiContext.ENGLISH)
                .format("snapshot.banner", "Acme Shop", "2026-11-27 12:00:00"));
        // The snapshot banner replaces the DEMO one; writing menu items are off.
        assertThat(robot.lookup("#demoBanner").tryQuery()).isEmpty();
        assertThat(menuItem(robot, "menuImportStock").isDisable()).isTrue();
        robot.interact(() -> menuItem(robot, "menuOpenSnapshot").fire());
        robot.interact(() -> menuItem(robot, "menuExportSnapshot").fire());
        assertThat(calls).containsExactly("open", "export");

        robot.interact(() -> host[0].switchLocale(UiContext.CHINESE));
        Label zh = robot.lookup("#snapshotBanner").queryAs(Label.class);
        assertThat(zh.getText()).contains("Acme Shop").contains("2026-11-27 12:00:00").contains("快照");
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return MenuItems.find(robot, id);
    }
}
