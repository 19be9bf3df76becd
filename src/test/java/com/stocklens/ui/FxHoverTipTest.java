package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tooltips made on the first hover: none before, the node's own text after, none while its text is empty. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class FxHoverTipTest {
    private final AtomicReference<String> labelText = new AtomicReference<>("full label text");
    private final AtomicReference<String> regionText = new AtomicReference<>("");
    private Label label;
    private Region region;
    private Region away;
    private FxHoverTip labelTip;
    private FxHoverTip regionTip;

    @Start
    void start(Stage stage) {
        label = new Label("cut…");
        label.setMinSize(120, 40);
        region = new Region();
        region.setMinSize(120, 40);
        away = new Region();
        away.setMinSize(120, 40);
        stage.setScene(new Scene(new HBox(20, away, label, region), 500, 80));
        stage.show();
    }

    private static Tooltip installedOn(Node node) {
        return node.getProperties().values().stream().filter(Tooltip.class::isInstance).map(Tooltip.class::cast)
                .findFirst().orElse(null);
    }

    @Test
    void aControlGetsItsTooltipOnTheFirstHoverAndFollowsItsText(FxRobot robot) {
        robot.moveTo(away);
        robot.interact(() -> labelTip = FxHoverTip.on(label, labelText::get));
        robot.interact(labelTip::refresh);
        assertThat(label.getTooltip()).as("nothing made before the pointer was over it").isNull();

        robot.moveTo(label);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label.getTooltip().getText()).isEqualTo("full label text");

        robot.moveTo(away);
        labelText.set("another row's text");
        robot.interact(labelTip::refresh);
        assertThat(label.getTooltip().getText()).isEqualTo("another row's text");
        labelText.set("");
        robot.interact(labelTip::refresh);
        assertThat(label.getTooltip()).as("an empty text shows no tooltip").isNull();
    }

    @Test
    void anotherNodeGetsItWhenItsTextComesWhileThePointerRestsOnIt(FxRobot robot) {
        robot.moveTo(away);
        robot.interact(() -> regionTip = FxHoverTip.on(region, regionText::get));
        robot.moveTo(region);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(installedOn(region)).as("empty text: none").isNull();

        regionText.set("a gap now pending");
        robot.interact(regionTip::refresh);
        assertThat(installedOn(region)).isNotNull().extracting(Tooltip::getText).isEqualTo("a gap now pending");

        regionText.set("");
        robot.interact(regionTip::refresh);
        assertThat(installedOn(region)).as("taken off again").isNull();
    }
}
