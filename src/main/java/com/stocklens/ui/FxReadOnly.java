package com.stocklens.ui;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tooltip;

/**
 * Turns a screen's actions off in a snapshot file (read-only), each saying why: a disabled control shows no
 * tooltip, so the tooltip goes on the control's holder (its toolbar or form row), which stays enabled and
 * shows it when the pointer is over the disabled control. The banner says once that the file is read-only;
 * this says it where a person reaches for an action.
 */
public final class FxReadOnly {
    /** Where a locked control keeps the reason (tests read it with {@link #reason}). */
    private static final String REASON = "stocklens.readOnlyReason";

    private FxReadOnly() {
    }

    /** Disables {@code actions} for good (whatever their own rule was) and explains why on their holders. */
    public static void lock(String why, Node... actions) {
        Objects.requireNonNull(why, "why");
        for (Node action : actions) {
            if (action == null) {
                continue;
            }
            action.disableProperty().unbind();
            action.setDisable(true);
            action.getProperties().put(REASON, why);
            Parent holder = action.getParent();
            if (holder != null && !holder.getProperties().containsKey(REASON)) {
                holder.getProperties().put(REASON, why);
                Tooltip.install(holder, new Tooltip(why));
            }
        }
    }

    /** Why {@code action} is off in a snapshot file, or null when it was not locked. */
    public static String reason(Node action) {
        Object why = action.getProperties().get(REASON);
        return why instanceof String s ? s : null;
    }
}
