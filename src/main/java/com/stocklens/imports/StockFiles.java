package com.stocklens.imports;

import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportProblem;
import java.time.Instant;
import java.util.List;

/** The pure entry point: bytes of a CSV or XLSX file in, an {@link ImportCheck} out. */
public final class StockFiles {
    private StockFiles() {
    }

    /**
     * Reads and validates. With {@code mapping} null the file is judged under {@code remembered} (its
     * headers present in the file) completed by suggestions from the header names.
     */
    public static ImportCheck check(byte[] bytes, String fileName, Instant fileTime, ColumnMapping mapping,
                                    ColumnMapping remembered) {
        Sheet sheet;
        try {
            sheet = SheetReader.read(bytes);
        } catch (UnreadableFileException e) {
            return unreadable(fileName, fileTime, e.problem());
        }
        ColumnMapping used = mapping != null ? mapping
                : HeaderSuggestions.suggest(StockFileValidator.headers(sheet),
                        remembered == null ? ColumnMapping.empty() : remembered);
        return StockFileValidator.check(sheet, fileName, fileTime, used);
    }

    /** A check for a file that could not be read at all. */
    public static ImportCheck unreadable(String fileName, Instant fileTime, ImportProblem problem) {
        return new ImportCheck(fileName, fileTime, "", 0, List.of(), List.of(), ColumnMapping.empty(), List.of(),
                List.of(new ImportError(0, null, problem, null)), 0);
    }
}
