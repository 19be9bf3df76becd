package com.stocklens.ui.stock;

import java.util.Comparator;
import javafx.scene.control.TableColumn;

/**
 * A column comparator over precomputed values that keeps unknown ({@code null}) values at the
 * bottom in both sort directions: the seller sorts to find the biggest or smallest real figure,
 * and a page of dashes first would hide it.
 */
final class UnknownLast {
    private UnknownLast() {
    }

    static <T> Comparator<T> of(TableColumn<?, T> column, Comparator<T> known) {
        return (a, b) -> {
            if (a == b) {
                return 0;
            }
            // TableView reverses the comparator for a descending column; pre-invert so null stays last.
            boolean ascending = column.getSortType() == TableColumn.SortType.ASCENDING;
            if (a == null) {
                return ascending ? 1 : -1;
            }
            if (b == null) {
                return ascending ? -1 : 1;
            }
            return known.compare(a, b);
        };
    }
}
