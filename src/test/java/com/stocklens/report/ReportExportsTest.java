package com.stocklens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.CodeFinding;
import com.stocklens.domain.CodeFindingKind;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Wording;
import com.stocklens.rules.HealthCalculator;
import com.stocklens.rules.HealthLine;
import com.stocklens.rules.ListingStatus;
import com.stocklens.service.ReportFormat;
import com.stocklens.support.PdfFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exports read back: XLSX with POI, PDF with OpenPDF, CSV as bytes. */
class ReportExportsTest {
    @TempDir
    Path dir;

    private final FileReportExports exports = new FileReportExports();

    static HealthReport sample() {
        HealthLine a = new HealthLine("MUG-1", "马克杯", "shipbob:228", Collections.nCopies(10, 450), 100,
                List.of(400, 500), 90, 10.0, 450, 20, 30, 450, 200, ListingStatus.ACTIVE);
        HealthLine b = new HealthLine("=SUM(A1)", "Cap, \"red\"", "shipbob:229", Collections.nCopies(10, 50), 0,
                List.of(50), 0, 0.0, 50, 0, 0, 50, 20, ListingStatus.UNMAPPED);
        return new HealthCalculator(HealthBands.DEFAULTS, 30, 30)
                .report(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 10), List.of(a, b));
    }

    @Test
    void xlsxHasOneSheetPerViewWithNumericCellsAndFrozenHeaders() throws Exception {
        Path out = dir.resolve("health.xlsx");
        exports.exportHealth(sample(), ReportFormat.XLSX, Locale.SIMPLIFIED_CHINESE, out);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(0)).isEqualTo("总体");
            assertThat(wb.getSheetName(1)).isEqualTo("分仓");
            assertThat(wb.getSheetName(2)).isEqualTo("单品");
            Sheet overall = wb.getSheetAt(0);
            assertThat(overall.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(overall.getRow(1).getCell(0).getStringCellValue()).isEqualTo("周转天数");
            assertThat(overall.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(overall.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(50.0);
            for (int i = 0; i < 3; i++) {
                assertThat(wb.getSheetAt(i).getPaneInformation().isFreezePane()).isTrue();
                assertThat(wb.getSheetAt(i).getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            }
            Sheet perSku = wb.getSheetAt(2);
            assertThat(perSku.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=SUM(A1)");
            assertThat(perSku.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING); // text, not a formula
            assertThat(perSku.getRow(2).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(perSku.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(100.0);
            assertThat(perSku.getColumnWidth(1)).isGreaterThan(256 * 4);
        }
    }

    @Test
    void chineseFilesWorkInChineseNameWarehousesAndGroupThousands() throws Exception {
        Path out = dir.resolve("health-zh.xlsx");
        HealthReport named = sample().withWarehouseNames(Map.of("shipbob:228", "Moreno Valley (CA)"));
        exports.exportHealth(named, ReportFormat.XLSX, Locale.SIMPLIFIED_CHINESE, out);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet overall = wb.getSheetAt(0);
            String working = overall.getRow(1).getCell(4).getStringCellValue();
            assertThat(overall.getRow(0).getCell(4).getStringCellValue()).isEqualTo("计算过程");
            assertThat(working).startsWith("平均在仓").doesNotContain("average on hand");
            Sheet perWarehouse = wb.getSheetAt(1);
            List<String> scopes = new ArrayList<>();
            for (int r = 1; r <= perWarehouse.getLastRowNum(); r++) {
                scopes.add(perWarehouse.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(scopes).contains("Moreno Valley (CA)", "shipbob:229").doesNotContain("shipbob:228");
            assertThat(overall.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        }
    }

    @Test
    void xlsxSheetNamesFollowTheLocale() throws Exception {
        Path out = dir.resolve("health-en.xlsx");
        exports.exportHealth(sample(), ReportFormat.XLSX, Locale.ENGLISH, out);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Overall");
            assertThat(wb.getSheetName(1)).isEqualTo("Per warehouse");
            assertThat(wb.getSheetName(2)).isEqualTo("Per SKU");
        }
    }

    @Test
    void codeCheckXlsxHasFindings() throws Exception {
        CodeCheckResult c = new CodeCheckResult(List.of(new CodeFinding(CodeFindingKind.BAD_CHECK_DIGIT, "MUG-1",
                List.of(3, 7), Wording.text("barcode 123 fails the GS1 check digit"))), 10, 1);
        Path out = dir.resolve("codes.xlsx");
        exports.exportCodeCheck(c, ReportFormat.XLSX, Locale.ENGLISH, out);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Findings").getRow(1).getCell(2).getStringCellValue()).isEqualTo("3, 7");
            assertThat(wb.getSheet("Summary").getRow(1).getCell(2).getNumericCellValue()).isEqualTo(10.0);
        }
    }

    @Test
    void pdfHasPagesAndChineseText() throws Exception {
        Path out = dir.resolve("health.pdf");
        exports.exportHealth(sample(), ReportFormat.PDF, Locale.SIMPLIFIED_CHINESE, out);
        List<String> pages = PdfFiles.pages(out);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(pages.get(0)).contains("库存健康度报告").contains("周转天数").contains("2026-07-01");
        assertThat(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1)).contains("FontFile2");
        assertEveryFontEmbeddedAndSmall(out);
    }

    @Test
    void englishPdfEmbedsItsFontsToo() throws Exception {
        Path out = dir.resolve("health-en.pdf");
        exports.exportHealth(sample(), ReportFormat.PDF, Locale.ENGLISH, out);
        List<String> pages = PdfFiles.pages(out);
        assertThat(pages.get(0)).contains("Turnover days");
        // The SKU's own Chinese name shows in an English report as well.
        assertThat(String.join("\n", pages)).contains("马克杯");
        assertEveryFontEmbeddedAndSmall(out);
    }

    /** Every font embedded (no spacer in Helvetica), the bundled one, as a subset: the file stays small. */
    static void assertEveryFontEmbeddedAndSmall(Path pdf) throws Exception {
        Map<String, Boolean> fonts = PdfFiles.fonts(pdf);
        assertThat(fonts).isNotEmpty().allSatisfy((name, embedded) -> {
            assertThat(name).matches("[A-Z]{6}\\+NotoSansSC-Regular");
            assertThat(embedded).as(name).isTrue();
        });
        assertThat(Files.size(pdf)).as("a subset of a 7.7 MB font").isLessThan(300_000);
    }

    @Test
    void codeCheckPdfReadsBack() throws Exception {
        Path out = dir.resolve("codes.pdf");
        exports.exportCodeCheck(new CodeCheckResult(List.of(), 5, 0), ReportFormat.PDF, Locale.SIMPLIFIED_CHINESE,
                out);
        assertThat(PdfFiles.pages(out).get(0)).contains("三码核对");
        assertEveryFontEmbeddedAndSmall(out);
    }

    @Test
    void aDamagedInstallationWithoutTheBundledFontSaysWhatToDo() {
        assertThatThrownBy(() -> CjkFonts.load(List.of("/nonexistent/font.ttc,0"), new ArrayList<>()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(CjkFonts.BUNDLED_FILE)
                .hasMessageContaining("Reinstall StockLens")
                .hasMessageContaining(CjkFonts.PROPERTY);
    }

    @Test
    void csvHasBomQuotesAndNeutralisedFormulas() throws Exception {
        Path out = dir.resolve("health.csv");
        exports.exportHealth(sample(), ReportFormat.CSV, Locale.SIMPLIFIED_CHINESE, out);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("范围,指标,数值").contains("周转天数,50.0,").contains("\r\n");

        Table t = new Table("t", List.of("a", "b", "c"), List.of(Table.row("=SUM(A1)", "Cap, \"red\"", -5),
                Table.row("+1", "@cmd", "-x"), Table.row(null, "plain", 1.5)));
        Path csv = dir.resolve("t.csv");
        try (var os = Files.newOutputStream(csv)) {
            new CsvTableWriter().write(t, os);
        }
        String s = new String(Files.readAllBytes(csv), StandardCharsets.UTF_8);
        assertThat(s).isEqualTo("\uFEFFa,b,c\r\n'=SUM(A1),\"Cap, \"\"red\"\"\",-5\r\n'+1,'@cmd,'-x\r\n,plain,1.5\r\n");
    }

    @Test
    void aFailedExportLeavesThePreviousFileAndNoPartFile() throws Exception {
        Path out = dir.resolve("keep.xlsx");
        Files.writeString(out, "previous");
        HealthReport r = sample();
        assertThatThrownBy(() -> exports.exportHealth(r, null, Locale.ENGLISH, out))
                .isInstanceOf(NullPointerException.class);
        assertThat(Files.readString(out)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.xlsx");
        }
    }
}
