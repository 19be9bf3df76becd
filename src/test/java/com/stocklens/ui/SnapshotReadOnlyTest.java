package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.ui.flags.FakeFlags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A snapshot file is read-only everywhere: every action of every screen is off and says why, the time bar
 * says the file's moment, and the screens that cannot apply to a file say so.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class SnapshotReadOnlyTest {
    private static final Instant AT = FakeBoards.NOW;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        stage.setScene(new Scene(new Group(), 1260, 760));
    }

    @Test
    void everyActionIsOffAndSaysWhy(FxRobot robot) {
        FakeFlags flags = new FakeFlags(FakeBoards.CLOCK, FakeFlags.showcase(FakeBoards.NOW));
        MainWindowHost[] host = new MainWindowHost[1];
        robot.interact(() -> {
            host[0] = MainWindowHost.install(stage, TestUiContext.builder().flags(flags, "zhang.san").build());
            host[0].decorate(w -> w.showSnapshotBanner("Acme Shop", AT));
            stage.show();
        });
        Messages en = new Messages(UiContext.ENGLISH);
        String why = en.get("snapshot.readOnly.action");
        List<String> enabled = new ArrayList<>();

        // The triage list and the red flags: declare, acknowledge, snooze.
        assertThat(robot.lookup("#triageRoot").tryQuery()).isPresent();
        actions(robot, "triageDeclare-", enabled);
        assertThat(robot.lookup("#timeMoment").queryAs(Label.class).getText())
                .isEqualTo(en.format("history.snapshot.label", Formats.beijingTime(AT)));
        robot.interact(() -> host[0].current().show(Screen.FLAGS));
        actions(robot, "declare-", enabled);
        actions(robot, "ack-", enabled);
        actions(robot, "snooze-", enabled);
        Node declareBox = robot.lookup("#declare-104").queryAs(Node.class).getParent();
        assertThat(tooltip(declareBox)).isEqualTo(why);

        // Connections: nothing to add, edit, test, authorize or remove; the list says why it is empty.
        robot.interact(() -> host[0].current().show(Screen.CONNECTIONS));
        for (String id : List.of("addMenu", "editButton", "testButton", "authorizeButton", "removeButton")) {
            locked(robot, id, why, enabled);
        }
        assertThat(robot.lookup("#connectionsSnapshotNote").tryQuery()).isPresent();
        // SKU mappings are shown, never changed.
        robot.interact(() -> host[0].current().show(Screen.MAPPING));
        for (String id : List.of("assignButton", "clearButton", "codeField", "skuField", "sourceBox")) {
            locked(robot, id, why, enabled);
        }
        // Scorecards: no candidate, import or weight.
        robot.interact(() -> host[0].current().show(Screen.SCORES));
        for (String id : List.of("addCandidateButton", "importCsvButton", "resetWeightsButton")) {
            locked(robot, id, why, enabled);
        }
        for (Node slider : robot.lookup(".slider").queryAll()) {
            if (!slider.isDisabled()) {
                enabled.add("slider " + slider.getId());
            }
        }
        // The menu items that would write.
        for (String id : List.of("menuImportStock", "menuRestoreBackup", "menuTeamDatabase", "menuMoveToTeam",
                "menuTeamPush")) {
            MenuItem item = menuItem(robot, id);
            if (!item.isDisable()) {
                enabled.add(id);
            }
        }
        assertThat(menuItem(robot, "menuImportStock").getText()).endsWith("(not in a snapshot file)");
        assertThat(enabled).as("actions still enabled in a snapshot file").isEmpty();
        robot.interact(host[0]::close);
    }

    private static void actions(FxRobot robot, String prefix, List<String> enabled) {
        List<Node> found = new ArrayList<>();
        for (Node n : robot.lookup(node -> node.getId() != null && node.getId().startsWith(prefix)).queryAll()) {
            if (n.isVisible()) {
                found.add(n);
                if (!n.isDisabled()) {
                    enabled.add(n.getId());
                }
            }
        }
        assertThat(found).as(prefix + "*").isNotEmpty();
    }

    private static void locked(FxRobot robot, String id, String why, List<String> enabled) {
        Node n = robot.lookup("#" + id).query();
        if (!n.isDisabled()) {
            enabled.add(id);
        }
        assertThat(FxReadOnly.reason(n)).as(id).isEqualTo(why);
        assertThat(tooltip(n.getParent())).as("the holder of %s says why", id).isEqualTo(why);
    }

    private static String tooltip(Node n) {
        Object t = n.getProperties().get("javafx.scene.control.Tooltip");
        return t instanceof Tooltip tip ? tip.getText() : null;
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return MenuItems.find(robot, id);
    }
}
