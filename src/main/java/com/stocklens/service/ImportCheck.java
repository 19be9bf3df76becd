package com.stocklens.service;

import java.time.Instant;
import java.util.List;

/**
 * A stock file read and validated under one mapping: what the import dialog previews and what an
 * import stores. Valid only when there are rows and no errors; then every row is imported, else none.
 *
 * @param fileName   the file's name (for messages)
 * @param fileTime   the file's last-modified time: the snapshot's time
 * @param encoding   "UTF-8", "UTF-8 BOM", "GBK", "UTF-16", "XLSX"
 * @param headerRow  the header's row number as in Excel (0 when none was found)
 * @param headers    the header texts, in column order
 * @param preview    the first rows after the header, as text (at most {@link #PREVIEW_ROWS})
 * @param mapping    the mapping the file was validated under
 * @param rows       the valid rows (empty when any error)
 * @param errors     every problem found, in file order (capped at {@link #MAX_ERRORS})
 * @param dataRows   how many non-blank rows follow the header
 */
public record ImportCheck(String fileName, Instant fileTime, String encoding, int headerRow, List<String> headers,
                          List<List<String>> preview, ColumnMapping mapping, List<ImportedRow> rows,
                          List<ImportError> errors, int dataRows) {
    public static final int PREVIEW_ROWS = 20;
    public static final int MAX_ERRORS = 500;

    public ImportCheck {
        headers = List.copyOf(headers);
        preview = preview.stream().map(List::copyOf).toList();
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty() && !rows.isEmpty();
    }
}
