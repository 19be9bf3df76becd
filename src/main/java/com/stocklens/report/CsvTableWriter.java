package com.stocklens.report;

import com.stocklens.service.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one table as CSV: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the local
 * ANSI code page and Chinese turns to mojibake), RFC 4180 quoting and CRLF line ends, and text cells
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, or tab / carriage return)
 * neutralised with a leading apostrophe. Numbers are written as numbers, so -5 stays -5.
 */
public final class CsvTableWriter {
    private static final char BOM = '\uFEFF';

    /** Writes the table to {@code out} (flushed, not closed). */
    public void write(Table table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(BOM);
        writeRow(w, List.copyOf(table.headers()));
        for (List<Object> row : table.rows()) {
            writeRow(w, row);
        }
        w.flush();
    }

    private static void writeRow(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** One cell as CSV text: numbers plain, text neutralised then quoted when needed. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return quote(neutralise(v.toString()));
    }

    /** Prefixes an apostrophe to text a spreadsheet would evaluate (CSV / formula injection, OWASP). */
    static String neutralise(String s) {
        return SpreadsheetText.neutralise(s);
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
