package com.stocklens.service;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.HealthReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes reports to files a seller can send on. Blocking I/O: never on the FX thread. Files are written
 * to a temporary sibling and moved into place, so a failed export never leaves half a file.
 */
public interface ReportExports {
    void exportHealth(HealthReport report, ReportFormat format, Locale locale, Path out) throws IOException;

    void exportCodeCheck(CodeCheckResult result, ReportFormat format, Locale locale, Path out) throws IOException;

    /**
     * Writes one already-labelled table (the warehouse comparison of the scorecard screen): a sheet, a PDF
     * page (landscape, the app's own font embedded) or a CSV. Cells are numbers, strings or null (empty:
     * unknown).
     */
    default void exportTable(String title, List<String> headers, List<List<Object>> rows, ReportFormat format,
                             Locale locale, Path out) throws IOException {
        throw new IOException("table export is not available in this build");
    }
}
