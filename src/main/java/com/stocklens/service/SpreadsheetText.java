package com.stocklens.service;

/** Text that goes into a spreadsheet cell: CSV and XLSX exports, rows copied to the clipboard. */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    /**
     * Text a spreadsheet would evaluate (starting with {@code = + - @}, tab or carriage return) with a
     * leading apostrophe, so a cell never runs as a formula (CSV / formula injection, OWASP).
     */
    public static String neutralise(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
