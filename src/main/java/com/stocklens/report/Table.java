package com.stocklens.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One view of a report as a table: a title (the sheet name), headers, and rows of cells. A cell is a
 * {@link Number} (written as a real number), a {@link String}, or null (empty: unknown, never 0).
 */
public record Table(String title, List<String> headers, List<List<Object>> rows) {
    public Table {
        Objects.requireNonNull(title, "title");
        headers = List.copyOf(headers);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(r))); // nulls allowed
        }
        rows = List.copyOf(copy);
    }

    /** A row from cells (nulls allowed). */
    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
