package com.stocklens.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a validated field shows ({@link FxValidation}): its problem's text from the mark's tooltip, or null. */
public final class Decorations {
    private Decorations() {
    }

    /**
     * The problem the field {@code id} shows now, null when it shows none; fails when the outline and the mark
     * disagree. Waits for ControlsFX's validation, which runs a pulse after the change.
     */
    public static String problem(FxRobot robot, String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Node field = robot.lookup(id).query();
        boolean outlined = field.getStyleClass().contains(FxValidation.ERROR_CLASS);
        Label mark = robot.from(field).lookup("." + FxValidation.MARK_CLASS).tryQueryAs(Label.class).orElse(null);
        if (outlined != (mark != null)) {
            throw new AssertionError(id + ": outline " + outlined + " but mark " + mark);
        }
        return mark == null ? null : mark.getTooltip().getText();
    }
}
