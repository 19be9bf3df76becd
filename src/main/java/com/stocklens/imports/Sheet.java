package com.stocklens.imports;

import java.util.List;

/**
 * A stock file as a grid of text cells.
 *
 * @param encoding how the file was decoded ("UTF-8", "UTF-8 BOM", "UTF-16", "GBK", "XLSX")
 * @param rows     the rows in file order; row i (0-based) is row i + 1 in Excel
 */
public record Sheet(String encoding, List<List<String>> rows) {
    /**
     * The text of an XLSX formula cell that has no saved result. Such a value would need the formula
     * evaluated, which StockLens never does with content from outside.
     */
    public static final String FORMULA_WITHOUT_VALUE = "\u0000formula";

    public Sheet {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Cell text, "" beyond a short row's end. */
    public static String cell(List<String> row, int column) {
        return column < row.size() && row.get(column) != null ? row.get(column) : "";
    }

    public static boolean isBlank(List<String> row) {
        return row.stream().allMatch(c -> c == null || c.isBlank());
    }
}
