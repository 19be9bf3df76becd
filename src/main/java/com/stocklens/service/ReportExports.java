package com.stocklens.service;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.HealthReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes reports to files a seller can send on. Blocking I/O: never on the FX thread. Files are written
 * to a temporary sibling and moved into place, so a failed export never leaves half a file.
 */
public interface ReportExports {
    void exportHealth(HealthReport report, ReportFormat format, Locale locale, Path out) throws IOException;

    void exportCodeCheck(CodeCheckResult result, ReportFormat format, Locale locale, Path out) throws IOException;
}
