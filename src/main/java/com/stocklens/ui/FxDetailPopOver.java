package com.stocklens.ui;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.PopOver;

/**
 * The whole of a line a card can only show cut short (an alert's working, a calibration's likely causes) in
 * a ControlsFX {@link PopOver}: a click on the line opens it beside the line, with a title; a click elsewhere
 * or Esc closes it. One at a time per owner. The line shows it can be opened ({@code .has-details} in app.css).
 */
public final class FxDetailPopOver {
    /** The id of the shown text (tests look it up). */
    public static final String TEXT_ID = "detailPopOverText";

    private PopOver shown;

    /**
     * Makes a click on {@code line} open what {@code text} gives at that moment (a reused cell's line reads its
     * current item), titled {@code title}; nothing opens while it gives null or blank.
     */
    public void attach(Label line, Supplier<String> title, Supplier<String> text) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        line.getStyleClass().add("has-details");
        line.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                String t = text.get();
                if (t != null && !t.isBlank()) {
                    show(line, title.get(), t);
                    e.consume();
                }
            }
        });
    }

    /** Opens {@code text} beside {@code line}, closing the one shown before. */
    public void show(Label line, String title, String text) {
        hide();
        Label body = new Label(text);
        body.setId(TEXT_ID);
        body.setWrapText(true);
        body.setMaxWidth(460);
        body.getStyleClass().add("detail-popover-text");
        PopOver pop = new PopOver(body);
        pop.setTitle(title);
        pop.setHeaderAlwaysVisible(true);
        pop.setCloseButtonEnabled(false);
        pop.setDetachable(false);
        pop.setAnimated(false);
        pop.setArrowLocation(PopOver.ArrowLocation.TOP_LEFT);
        pop.getRoot().getStyleClass().add("detail-popover");
        // A pop-over is a window of its own: the theme's tokens and the CJK font are given to it here.
        FxTheme.style(pop.getRoot());
        pop.show(line);
        shown = pop;
    }

    /** Closes the one shown, if any. */
    public void hide() {
        if (shown != null) {
            shown.hide();
            shown = null;
        }
    }

    /** The one shown, null when none (tests). */
    public PopOver shown() {
        return shown;
    }
}
