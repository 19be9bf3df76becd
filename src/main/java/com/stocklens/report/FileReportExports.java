package com.stocklens.report;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.HealthReport;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes reports to files: first to a temporary sibling in the same folder, then an atomic move over
 * the target, so a failed export (disk full, a folder that refuses the file) never leaves half a file or
 * destroys the previous one. A sibling rather than the system temp folder: a move across file systems is
 * a copy. The file's permissions follow the umask, like any file the seller saves.
 */
public final class FileReportExports implements ReportExports {
    private final XlsxReportWriter xlsx = new XlsxReportWriter();
    private final PdfReportWriter pdf = new PdfReportWriter();
    private final CsvTableWriter csv = new CsvTableWriter();

    @Override
    public void exportHealth(HealthReport report, ReportFormat format, Locale locale, Path out) throws IOException {
        Labels l = Labels.of(locale);
        write(out, os -> {
            switch (format) {
                case XLSX -> xlsx.write(ReportTables.health(report, l), os);
                case PDF -> pdf.writeHealth(report, l, os);
                case CSV -> csv.write(ReportTables.healthIndicators(report, l), os);
            }
        });
    }

    @Override
    public void exportCodeCheck(CodeCheckResult result, ReportFormat format, Locale locale, Path out)
            throws IOException {
        Labels l = Labels.of(locale);
        write(out, os -> {
            switch (format) {
                case XLSX -> xlsx.write(ReportTables.codeCheck(result, l), os);
                case PDF -> pdf.writeCodeCheck(result, l, os);
                case CSV -> csv.write(ReportTables.findings(result, l), os);
            }
        });
    }

    @Override
    public void exportTable(String title, List<String> headers, List<List<Object>> rows,
                            ReportFormat format, Locale locale, Path out) throws IOException {
        Table table = new Table(title.length() > 31 ? title.substring(0, 31) : title, headers, rows);
        write(out, os -> {
            switch (format) {
                case XLSX -> xlsx.write(List.of(table), os);
                case PDF -> pdf.writeTable(title, table, os);
                case CSV -> csv.write(table, os);
            }
        });
    }

    /** The format a file name asks for by its extension, or null when it names none we write. */
    public static ReportFormat formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return ReportFormat.XLSX;
        }
        if (name.endsWith(".pdf")) {
            return ReportFormat.PDF;
        }
        if (name.endsWith(".csv")) {
            return ReportFormat.CSV;
        }
        return null;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path out, Body body) throws IOException {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // Created like any file the seller saves (the umask decides, 0644 under 022), not 0600 like
        // Files.createTempFile: an export is the seller's to send on. CREATE_NEW never follows a planted file.
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.write(os);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
