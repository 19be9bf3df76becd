package com.stocklens.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 12, measured: {@code stocklens import-csv} in a child JVM ({@link ChildJvm}, {@code -Xmx1g},
 * peak RSS from {@code /proc}). A 2,000,000-row, 39 MB CSV and a 1,048,576-row XLSX (Excel's most) are refused
 * plainly at the row cap ({@code StockFileValidator.MAX_ROWS}, 200,000) without reading on; a 200,000-row file
 * imports; a one-row import after it is a one-row import.
 *
 * <p>On the main of 2026-12-06 (issue 18): a 50k-row file took 1.46 GB RSS; the 2M-row file was accepted
 * and took 6.4 GB over 110 s (OutOfMemoryError with {@code -Xmx2g}); the 1,048,576-row XLSX was "cannot be
 * read"; a one-row import after a large one took 15–22 s and 2–3 GB.
 */
class HostileStockFilesRssTest {
    /** Peak RSS of any of these imports (measured 222–544 MB here; the 200,000-row import is the largest). */
    static final long PEAK_RSS_BOUND_MB = 768;

    @TempDir
    Path dir;

    @Test
    void largeStockFilesAreRefusedAtTheRowCapOrImportedInBoundedMemory() throws Exception {
        Path ws = dir.resolve("ws");
        List<String> lines = new ArrayList<>();

        Path twoMillion = csv("two-million.csv", 2_000_000);
        ChildJvm.Child refused = importCsv(ws, twoMillion, "--name", "Two million");
        lines.add(line("2,000,000-row CSV (" + (Files.size(twoMillion) >> 20) + " MB)", refused));
        assertThat(refused.exit()).as(refused.stderr()).isEqualTo(1);
        assertThat(refused.stderr()).contains("row 200002: the file has more stock rows than one import takes "
                + "(200,000); split it");

        Path xlsx = xlsx("excel-max.xlsx", 1_048_576);
        ChildJvm.Child sheet = importCsv(ws, xlsx, "--name", "Excel max");
        lines.add(line("1,048,576-row XLSX (" + (Files.size(xlsx) >> 20) + " MB)", sheet));
        assertThat(sheet.exit()).as(sheet.stderr()).isEqualTo(1);
        assertThat(sheet.stderr()).contains("the file has more stock rows than one import takes (200,000)")
                .doesNotContain("cannot be read");

        ChildJvm.Child large = importCsv(ws, csv("cap.csv", 200_000), "--name", "At the cap");
        lines.add(line("200,000-row CSV", large));
        assertThat(large.exit()).as(large.stderr()).isZero();
        assertThat(large.stdout()).contains("Imported 200000 rows");

        Path one = dir.resolve("one.csv");
        Files.writeString(one, "SKU,On hand,Available\nONE-1,5,5\n", StandardCharsets.UTF_8);
        ChildJvm.Child after = ChildJvm.run(List.of("com.stocklens.Launcher", "--data-dir", ws.toString(),
                "import-csv", one.toString(), "--warehouse", "W"), Map.of(), dir.resolve("one"));
        lines.add(line("1-row import after it", after));
        assertThat(after.exit()).as(after.stderr()).isZero();

        lines.forEach(System.out::println);
        for (ChildJvm.Child c : List.of(refused, sheet, large, after)) {
            assertThat(c.peakRssMb()).as("peak RSS in MB").isLessThan(PEAK_RSS_BOUND_MB);
        }
    }

    private static String line(String what, ChildJvm.Child c) {
        String said = (c.exit() == 0 ? c.stdout() : c.stderr()).lines()
                .filter(l -> l.startsWith("row ") || l.startsWith("Imported") || l.startsWith("file"))
                .findFirst().orElse("").strip();
        return String.format("hostile stock files: %s: exit %d (%s); peak RSS %d MB; %d s", what, c.exit(), said,
                c.peakRssMb(), c.seconds());
    }

    private ChildJvm.Child importCsv(Path ws, Path file, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("com.stocklens.Launcher", "--data-dir", ws.toString(),
                "import-csv", file.toString(), "--warehouse", "W"));
        args.addAll(List.of(more));
        return ChildJvm.run(args, Map.of(), dir.resolve(file.getFileName() + ".run"));
    }

    /** SKU, on hand, available: about 20 bytes a row (2,000,000 rows ≈ 39 MB). */
    private Path csv(String name, int rows) throws Exception {
        Path f = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("SKU,On hand,Available\n");
            for (int i = 0; i < rows; i++) {
                w.write("SKU-" + i + "," + (i % 1000) + "," + (i % 700) + "\n");
            }
        }
        return f;
    }

    /** A header and {@code rows} − 1 data rows: every row of an Excel sheet used. */
    private Path xlsx(String name, int rows) throws Exception {
        Path f = dir.resolve(name);
        try (SXSSFWorkbook book = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(f)) {
            SXSSFSheet s = book.createSheet("stock");
            Row header = s.createRow(0);
            header.createCell(0).setCellValue("SKU");
            header.createCell(1).setCellValue("On hand");
            for (int i = 1; i < rows; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("SKU-" + i);
                r.createCell(1).setCellValue(i % 1000);
            }
            book.write(out);
            book.dispose();
        }
        return f;
    }
}
