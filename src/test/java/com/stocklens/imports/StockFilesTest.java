package com.stocklens.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportField;
import com.stocklens.service.ImportProblem;
import com.stocklens.service.ImportedRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class StockFilesTest {
    static final Instant T = Instant.parse("2026-11-27T01:00:00Z");
    static final String GOOD = "SKU,Barcode,Available,On hand\r\nMUG-01,0012345678905,12,15\r\nMUG-02,,0,3\r\n";

    static ImportCheck check(byte[] bytes) {
        return StockFiles.check(bytes, "f.csv", T, null, null);
    }

    static byte[] bom(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(b, 0, out, 3, b.length);
        return out;
    }

    @Test
    void utf8WithoutBomImportsEveryRowWithUnmappedBucketsUnknown() {
        ImportCheck c = check(GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(c.valid()).isTrue();
        assertThat(c.encoding()).isEqualTo("UTF-8");
        assertThat(c.rows()).extracting(ImportedRow::sellerSku).containsExactly("MUG-01", "MUG-02");
        ImportedRow first = c.rows().get(0);
        assertThat(first.barcode()).isEqualTo("0012345678905");
        assertThat(first.level().available()).isEqualTo(12);
        assertThat(first.level().onHand()).isEqualTo(15);
        assertThat(first.level().frozen()).as("unmapped bucket is unknown, not 0").isNull();
        assertThat(c.rows().get(1).barcode()).isNull();
        assertThat(c.rows().get(1).level().available()).isZero();
        assertThat(c.fileTime()).isEqualTo(T);
    }

    @Test
    void utf8WithBomDropsTheBomFromTheFirstHeader() {
        ImportCheck c = check(bom(GOOD));
        assertThat(c.encoding()).isEqualTo("UTF-8 BOM");
        assertThat(c.headers().get(0)).isEqualTo("SKU");
        assertThat(c.valid()).isTrue();
        assertThat(c.rows()).hasSize(2);
    }

    @Test
    void gbkWithChineseHeadersIsSuggestedAndImported() {
        String text = "马尼拉合作仓 库存报表\r\n商品编码,商品名称,条形码,在库数量,可用数量,预占数量,在途数量,待上架,冻结数量,退货待检\r\n"
                + "PH-1,杯子,6901234567892,10,7,2,30,1,1,0\r\n";
        ImportCheck c = check(text.getBytes(Charset.forName("GBK")));
        assertThat(c.encoding()).isEqualTo("GBK");
        assertThat(c.headerRow()).as("the title line above the header is skipped").isEqualTo(2);
        ColumnMapping m = c.mapping();
        assertThat(m.header(ImportField.SKU)).isEqualTo("商品编码");
        assertThat(m.header(ImportField.BARCODE)).isEqualTo("条形码");
        assertThat(m.header(ImportField.ON_HAND)).isEqualTo("在库数量");
        assertThat(m.header(ImportField.AVAILABLE)).isEqualTo("可用数量");
        assertThat(m.header(ImportField.RESERVED)).isEqualTo("预占数量");
        assertThat(m.header(ImportField.IN_TRANSIT)).isEqualTo("在途数量");
        assertThat(m.header(ImportField.QC_HOLD)).isEqualTo("待上架");
        assertThat(m.header(ImportField.FROZEN)).isEqualTo("冻结数量");
        assertThat(m.header(ImportField.RETURN_PENDING_QC)).isEqualTo("退货待检");
        assertThat(m.columns()).doesNotContainValue("商品名称");
        assertThat(c.valid()).isTrue();
        assertThat(c.rows().get(0).level()).isEqualTo(new com.stocklens.domain.StockLevel(10, 7, 2, 30, 1, 1, 0));
    }

    @Test
    void utf16WithBomIsRead() {
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[body.length + 2];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFE;
        System.arraycopy(body, 0, b, 2, body.length);
        assertThat(check(b).rows()).hasSize(2);
    }

    @Test
    void semicolonAndTabDelimitersAreDetected() {
        assertThat(check("SKU;Available\nA;1\nB;2\n".getBytes(StandardCharsets.UTF_8)).rows()).hasSize(2);
        ImportCheck tab = check("SKU\tAvailable\tOn hand\nA\t1,234\t2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(tab.rows().get(0).level().available()).isEqualTo(1234);
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRowsCountAsExcelRows() {
        String text = "SKU,Name,Available\n\"A,1\",\"Mug \"\"big\"\"\nline two\",5\nB,x,-1\n";
        ImportCheck c = check(text.getBytes(StandardCharsets.UTF_8));
        assertThat(c.preview().get(0)).containsExactly("A,1", "Mug \"big\"\nline two", "5");
        assertThat(c.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).as("the quoted line break is inside Excel row 2").isEqualTo(3);
            assertThat(e.problem()).isEqualTo(ImportProblem.NEGATIVE);
        });
    }

    @Test
    void xlsxFirstSheetWithNumericCellsAndCachedFormulas() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = book.createSheet("库存");
            XSSFRow h = s.createRow(0);
            h.createCell(0).setCellValue("产品代码");
            h.createCell(1).setCellValue("可售");
            h.createCell(2).setCellValue("在途");
            h.createCell(3).setCellValue("UPC");
            XSSFRow r = s.createRow(1);
            r.createCell(0).setCellValue("CUP-9");
            r.createCell(1).setCellValue(8.0);
            r.createCell(2).setCellFormula("B2*2");
            r.createCell(3).setCellValue(12345678905.0);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll(); // Excel saves cached values
            XSSFRow r2 = s.createRow(2);
            r2.createCell(0).setCellValue("CUP-10");
            r2.createCell(1).setCellValue(0);
            book.write(out);
            bytes = out.toByteArray();
        }
        ImportCheck c = StockFiles.check(bytes, "stock.xlsx", T, null, null);
        assertThat(c.encoding()).isEqualTo("XLSX");
        assertThat(c.valid()).as("%s", c.errors()).isTrue();
        assertThat(c.rows()).hasSize(2);
        assertThat(c.rows().get(0).level().available()).isEqualTo(8);
        assertThat(c.rows().get(0).level().inTransit()).isEqualTo(16);
        assertThat(c.rows().get(0).barcode()).isEqualTo("12345678905");
        assertThat(c.rows().get(1).level().inTransit()).as("empty cell").isNull();
    }

    @Test
    void xlsxFormulaWithoutSavedValueIsRejectedNotEvaluated() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = book.createSheet();
            s.createRow(0).createCell(0).setCellValue("SKU");
            s.getRow(0).createCell(1).setCellValue("available");
            s.createRow(1).createCell(0).setCellValue("A");
            s.getRow(1).createCell(1).setCellFormula("1+1");
            book.write(out);
            bytes = out.toByteArray();
        }
        ImportCheck c = StockFiles.check(bytes, "x.xlsx", T, null, null);
        assertThat(c.valid()).isFalse();
        assertThat(c.errors()).extracting(ImportError::problem).containsExactly(ImportProblem.FORMULA);
    }

    @Test
    void everyBadRowKindRejectsTheWholeFileWithRowColumnAndReason() {
        String text = "SKU,Available\nGOOD-1,3\n6.9012E+12,1\nGOOD-2,-4\nGOOD-3,abc\nGOOD-1,2\n,5\nGOOD-4,2.5\n";
        ImportCheck c = check(text.getBytes(StandardCharsets.UTF_8));
        assertThat(c.valid()).isFalse();
        assertThat(c.rows()).as("nothing is half-imported").isEmpty();
        assertThat(c.errors()).extracting(ImportError::english).containsExactly(
                "row 3, column SKU: unknown SKU format (6.9012E+12)",
                "row 4, column Available: negative quantity (-4)",
                "row 5, column Available: not a whole number (abc)",
                "row 6, column SKU: duplicate SKU (GOOD-1, also on row 2)",
                "row 7, column SKU: SKU is blank",
                "row 8, column Available: not a whole number (2.5)");
    }

    @Test
    void aBarcodeOfFortyCharactersIsKeptAndOneOfFortyOneIsRefusedNotCut() {
        String forty = "1".repeat(40);
        ImportCheck ok = check(("SKU,Barcode,Available\nA-1," + forty + ",3\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.rows().get(0).barcode()).isEqualTo(forty);

        ImportCheck c = check(("SKU,Barcode,Available\nA-1," + forty + "2,3\nA-2,0012345678905,4\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(c.valid()).isFalse();
        assertThat(c.rows()).isEmpty();
        assertThat(c.errors()).extracting(ImportError::problem).containsExactly(ImportProblem.BARCODE_TOO_LONG);
        assertThat(c.errors().get(0).english()).startsWith("row 2, column Barcode: barcode longer than 40 characters");
    }

    @Test
    void missingRequiredColumnRejectsTheFile() {
        ImportCheck c = check("Barcode,Available\n123,4\n".getBytes(StandardCharsets.UTF_8));
        assertThat(c.valid()).isFalse();
        assertThat(c.errors()).extracting(ImportError::problem).contains(ImportProblem.MISSING_COLUMN);
        assertThat(c.errors().get(0).english()).isEqualTo("row 1, column SKU: required column missing");
    }

    @Test
    void aRememberedColumnMissingFromAnExplicitMappingIsAnError() {
        ColumnMapping m = new ColumnMapping(java.util.Map.of(ImportField.SKU, "SKU", ImportField.AVAILABLE, "可售"));
        ImportCheck c = StockFiles.check(GOOD.getBytes(StandardCharsets.UTF_8), "f", T, m, null);
        assertThat(c.errors()).extracting(ImportError::english).containsExactly("row 1, column 可售: required column missing");
    }

    @Test
    void rememberedMappingWinsOverSuggestions() {
        String text = "Item,Qty A,Qty B\nX,1,2\n";
        ColumnMapping remembered = new ColumnMapping(java.util.Map.of(ImportField.SKU, "Item",
                ImportField.AVAILABLE, "Qty B"));
        ImportCheck c = StockFiles.check(text.getBytes(StandardCharsets.UTF_8), "f", T, null, remembered);
        assertThat(c.valid()).isTrue();
        assertThat(c.rows().get(0).level().available()).isEqualTo(2);
    }

    @Test
    void blankAndDashCellsAreUnknownAndNoQuantityColumnIsAnError() {
        ImportCheck c = check("SKU,Available,Frozen\nA,,-\nB,1,0\n".getBytes(StandardCharsets.UTF_8));
        assertThat(c.valid()).isTrue();
        assertThat(c.rows().get(0).level().available()).isNull();
        assertThat(c.rows().get(0).level().frozen()).isNull();
        ImportCheck none = check("SKU,Name\nA,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(none.errors()).extracting(ImportError::problem).containsExactly(ImportProblem.NO_QUANTITY_COLUMN);
    }

    @Test
    void binaryGarbageIsNotText() {
        byte[] b = {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFF, 0};
        assertThat(check(b).errors()).extracting(ImportError::problem).containsExactly(ImportProblem.NOT_TEXT);
    }

    /**
     * Issue 18 item 12: headers are matched on whole words with a stated precedence (docs/guide/stock-files.md).
     * On main "Unavailable" was taken for available and "Reorder threshold" for frozen ("hold" inside it).
     */
    @Test
    void headersMatchOnWholeWordsNeverInsideAnotherWordOrAfterANegation() {
        ColumnMapping m = HeaderSuggestions.suggest(List.of("SKU", "Unavailable", "Reorder threshold", "Available",
                "On hand"), ColumnMapping.empty());
        assertThat(m.header(ImportField.AVAILABLE)).isEqualTo("Available");
        assertThat(m.header(ImportField.FROZEN)).isNull();
        assertThat(m.columns()).doesNotContainValue("Unavailable").doesNotContainValue("Reorder threshold");

        ColumnMapping words = HeaderSuggestions.suggest(List.of("Item SKU", "QTY ON HAND (pcs)", "availableQty",
                "Not available", "Unavailable qty", "Reserved qty", "In-transit"), ColumnMapping.empty());
        assertThat(words.header(ImportField.SKU)).isEqualTo("Item SKU");
        assertThat(words.header(ImportField.ON_HAND)).isEqualTo("QTY ON HAND (pcs)");
        assertThat(words.header(ImportField.AVAILABLE)).isEqualTo("availableQty");
        assertThat(words.header(ImportField.RESERVED)).isEqualTo("Reserved qty");
        assertThat(words.header(ImportField.IN_TRANSIT)).isEqualTo("In-transit");
        assertThat(words.columns()).doesNotContainValue("Not available").doesNotContainValue("Unavailable qty");

        ColumnMapping chinese = HeaderSuggestions.suggest(List.of("商品编码", "不可用", "可用库存数量", "退货待检"),
                ColumnMapping.empty());
        assertThat(chinese.header(ImportField.AVAILABLE)).isEqualTo("可用库存数量");
        assertThat(chinese.header(ImportField.RETURN_PENDING_QC)).as("returns before QC hold").isEqualTo("退货待检");
        assertThat(chinese.header(ImportField.QC_HOLD)).isNull();
        assertThat(chinese.columns()).doesNotContainValue("不可用");

        ColumnMapping generic = HeaderSuggestions.suggest(List.of("SKU", "Qty", "Stock value"), ColumnMapping.empty());
        assertThat(generic.header(ImportField.ON_HAND)).as("a generic name counts as the whole header only")
                .isEqualTo("Qty");
    }

    /** Issue 18 item 12: the row cap (main read every row of a 2M-row file into memory). */
    @Test
    void aFileOfMoreRowsThanOneImportTakesIsRefusedAtTheCap() {
        StringBuilder b = new StringBuilder("SKU,On hand\n");
        for (int i = 0; i <= StockFileValidator.MAX_ROWS; i++) {
            b.append("S-").append(i).append(",1\n");
        }
        b.append("S-LAST,oops\n");
        ImportCheck c = check(b.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(c.valid()).isFalse();
        assertThat(c.rows()).isEmpty();
        assertThat(c.errors()).extracting(ImportError::english).containsExactly("row 200002: the file has more stock "
                + "rows than one import takes (200,000); split it (more than 200,000)");
    }

    /** Issue 18 item 12: an unclosed quote swallowing the rest of a file stops at a row's cap, in plain words. */
    @Test
    void aRowLongerThanAnyStockFilesIsRefused() {
        String text = "SKU,On hand\nA,1\n\"" + "x".repeat(SheetReader.MAX_ROW_CHARS + 10) + "\n";
        ImportCheck c = check(text.getBytes(StandardCharsets.UTF_8));
        assertThat(c.errors()).extracting(ImportError::english).containsExactly("row 3: a row longer than "
                + "1,000,000 characters (an unclosed quote?); the file was not read further");
    }
}
