package com.stocklens.ui.flags;

import com.stocklens.domain.AlertKind;

/**
 * One line of the red-flag panel's alert list: a kind's heading (the list is grouped by kind) or an alert
 * under it.
 */
public sealed interface AlertLine permits AlertLine.Group, AlertRowViewModel {

    /**
     * A kind's heading.
     *
     * @param kind      the alert kind
     * @param shown     its alerts that pass the filter
     * @param collapsed its alerts are folded away under the heading
     */
    record Group(AlertKind kind, int shown, boolean collapsed) implements AlertLine {
    }
}
