package com.stocklens.ui;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A node's tooltip, made the first time the pointer enters the node rather than with the node. A Tooltip is a
 * popup window with a scene of its own: a table's cells and headers each making theirs cost the first pulse
 * that showed a 100,000-row board about a hundred of them at once (issue 20). One tooltip shared by many nodes
 * is no way out: JavaFX shows a tooltip with the window as its owner, so a shared one cannot tell which node it
 * is over, and taking it off any node (a cell that turns empty) hides it wherever it shows.
 *
 * <p>The text is asked for again on every entry and on {@link #refresh()} (a cell given another row, or a
 * text that comes while the pointer rests on the node); an empty text takes the tooltip off. A {@link Control} gets it as its own tooltip property, any other node through
 * {@link Tooltip#install}.
 */
public final class FxHoverTip {
    private final Node node;
    private final Supplier<String> text;
    private Tooltip tip;
    private boolean installed;
    /** The pointer is over the node (a tooltip may be made now). */
    private boolean hovered;

    private FxHoverTip(Node node, Supplier<String> text) {
        this.node = node;
        this.text = text;
    }

    /** Gives {@code node} a tooltip reading {@code text} once the pointer has been over it. FX thread. */
    public static FxHoverTip on(Node node, Supplier<String> text) {
        FxHoverTip hover = new FxHoverTip(Objects.requireNonNull(node, "node"), Objects.requireNonNull(text, "text"));
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            hover.hovered = true;
            hover.refresh();
        });
        node.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.hovered = false);
        return hover;
    }

    /** Brings the tooltip in line with the text now; none is made before the pointer is over the node. */
    public void refresh() {
        if (tip == null && !hovered) {
            return;
        }
        String now = text.get();
        if (now == null || now.isEmpty()) {
            show(null);
            return;
        }
        if (tip == null) {
            tip = new Tooltip();
        }
        tip.setText(now);
        show(tip);
    }

    private void show(Tooltip t) {
        if (node instanceof Control control) {
            if (control.getTooltip() != t) {
                control.setTooltip(t);
            }
            return;
        }
        if (t != null && !installed) {
            Tooltip.install(node, t);
            installed = true;
        } else if (t == null && installed) {
            Tooltip.uninstall(node, tip);
            installed = false;
        }
    }
}
