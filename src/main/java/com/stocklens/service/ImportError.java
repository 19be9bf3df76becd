package com.stocklens.service;

import java.util.Objects;

/**
 * One reason a file is rejected, where the seller can find it.
 *
 * @param row     the row as the seller sees it in Excel (header = its own row number, usually 1); 0 when
 *                the problem is the whole file
 * @param column  the column's header text, or null when the problem is not about one column
 * @param problem what is wrong
 * @param detail  the offending value, or a hint such as "also on row 7"; may be null
 */
public record ImportError(int row, String column, ImportProblem problem, String detail) {
    public ImportError {
        Objects.requireNonNull(problem, "problem");
    }

    /** "row 5, column 可用: negative quantity (-3)" — the command line's line per error. */
    public String english() {
        StringBuilder b = new StringBuilder();
        if (row > 0) {
            b.append("row ").append(row);
        } else {
            b.append("file");
        }
        if (column != null) {
            b.append(", column ").append(column);
        }
        b.append(": ").append(problem.english());
        if (detail != null && !detail.isBlank()) {
            b.append(" (").append(detail).append(')');
        }
        return b.toString();
    }
}
