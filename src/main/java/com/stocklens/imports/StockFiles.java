package com.stocklens.imports;

import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportProblem;
import java.time.Instant;
import java.util.List;

/** The pure entry point: a CSV or XLSX file in, an {@link ImportCheck} out, read as a stream. */
public final class StockFiles {
    private StockFiles() {
    }

    /**
     * Reads and validates. With {@code mapping} null the file is judged under {@code remembered} (its
     * headers present in the file) completed by suggestions from the header names.
     */
    public static ImportCheck check(byte[] bytes, String fileName, Instant fileTime, ColumnMapping mapping,
                                    ColumnMapping remembered) {
        return check(FileBytes.of(bytes), fileName, fileTime, mapping, remembered);
    }

    /** {@link #check(byte[], String, Instant, ColumnMapping, ColumnMapping)} of a file read as it streams in. */
    public static ImportCheck check(FileBytes file, String fileName, Instant fileTime, ColumnMapping mapping,
                                    ColumnMapping remembered) {
        try {
            return StockFileValidator.check(file, fileName, fileTime, headers -> mapping != null ? mapping
                    : HeaderSuggestions.suggest(headers, remembered == null ? ColumnMapping.empty() : remembered));
        } catch (UnreadableFileException e) {
            return new ImportCheck(fileName, fileTime, "", 0, List.of(), List.of(), ColumnMapping.empty(), List.of(),
                    List.of(new ImportError(e.row(), null, e.problem(), null)), 0);
        }
    }

    /** A check for a file that could not be read at all. */
    public static ImportCheck unreadable(String fileName, Instant fileTime, ImportProblem problem) {
        return new ImportCheck(fileName, fileTime, "", 0, List.of(), List.of(), ColumnMapping.empty(), List.of(),
                List.of(new ImportError(0, null, problem, null)), 0);
    }
}
