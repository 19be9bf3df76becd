package com.stocklens.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Market;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportField;
import com.stocklens.service.ImportOutcome;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiStockImportStore;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.app.imports.StockImportService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Issue 9, bad input: property-based fuzzing of CSV and XLSX stock files — wrong encodings, BOMs, quotes,
 * huge fields, negative and overflowing numbers, duplicate keys, formulas, random bytes. Never a crash,
 * every refusal carries row-level messages, and through the import service never a partial snapshot.
 *
 * <p>Snapshot files ({@code .stocklens}) are fuzzed the same way by {@code com.stocklens.app.SnapshotFileFuzzTest}.
 */
class ImportFuzzTest {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final List<String> HEADER = List.of("SKU", "Barcode", "On hand", "Available", "In transit");
    static final ColumnMapping MAPPING;

    static {
        Map<ImportField, String> m = new EnumMap<>(ImportField.class);
        m.put(ImportField.SKU, "SKU");
        m.put(ImportField.BARCODE, "Barcode");
        m.put(ImportField.ON_HAND, "On hand");
        m.put(ImportField.AVAILABLE, "Available");
        m.put(ImportField.IN_TRANSIT, "In transit");
        MAPPING = new ColumnMapping(m);
    }

    static final AtomicInteger CHECKS = new AtomicInteger();
    static final AtomicInteger VALID = new AtomicInteger();
    static final AtomicInteger REFUSED = new AtomicInteger();
    static final AtomicInteger IMPORTED = new AtomicInteger();
    static final AtomicInteger NOT_IMPORTED = new AtomicInteger();

    static Database db;
    static SnapshotRepository snapshots;
    static StockImportService imports;
    static Path dir;

    @BeforeContainer
    static void open() throws Exception {
        db = Database.inMemory("import-fuzz-" + System.nanoTime());
        snapshots = new SnapshotRepository(db.jdbi());
        imports = new StockImportService(new JdbiStockImportStore(db.jdbi(), snapshots), Clock.fixed(NOW, ZoneOffset.UTC));
        imports.saveWarehouse("PH-MNL", "Manila partner warehouse", Market.PH, "PH-Luzon", ZoneId.of("Asia/Manila"));
        dir = Files.createTempDirectory("import-fuzz");
    }

    @AfterContainer
    static void close() {
        db.close();
        System.out.printf("import fuzz: %d files checked (%d valid, %d refused with row-level messages); "
                        + "%d imported through the service as whole snapshots, %d refused with no snapshot written%n",
                CHECKS.get(), VALID.get(), REFUSED.get(), IMPORTED.get(), NOT_IMPORTED.get());
    }

    // --- generators ----------------------------------------------------------------------------

    @Provide
    Arbitrary<String> cell() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(12),
                Arbitraries.integers().between(-1_000, 1_000_000).map(String::valueOf),
                Arbitraries.of("99999999999999999999", "2147483648", "-2147483649", "1e9", "1,000", " 5 ", "-0",
                        "3.5", "NaN", "∞", "０１２", "٣", "", " ", "\"", "\"\"", "a,b", "line\nbreak", "=SUM(A1:A9)",
                        "+1", "-1+1", "@cmd", "=HYPERLINK(\"http://x\")", "\u0000", "\uFEFF", "商品", "\t", "'007"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().withChars('x').ofLength(70_000));
    }

    @Provide
    Arbitrary<List<List<String>>> table() {
        Arbitrary<List<String>> row = cell().list().ofMinSize(0).ofMaxSize(7);
        Arbitrary<List<String>> dupRow = Arbitraries.of("DUP-1", "DUP-2").map(s -> List.of(s, "", "1", "1", "1"));
        return Arbitraries.oneOf(row, row, row, dupRow).list().ofMinSize(0).ofMaxSize(25);
    }

    @Provide
    Arbitrary<Charset> charset() {
        return Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                StandardCharsets.ISO_8859_1, Charset.forName("GBK"), Charset.forName("Big5"), Charset.forName("Shift_JIS"));
    }

    @Provide
    Arbitrary<byte[]> csvFile() {
        return Combinators.combine(table(), charset(), Arbitraries.of(true, false), Arbitraries.of(",", ";", "\t"),
                Arbitraries.of("\r\n", "\n", "\r"), Arbitraries.of(true, false)).as(ImportFuzzTest::csv);
    }

    @Provide
    Arbitrary<byte[]> anyFile() {
        return Arbitraries.oneOf(csvFile(), csvFile(), csvFile(),
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(2_000),
                // A zip header: SheetReader takes it for XLSX.
                Arbitraries.bytes().array(byte[].class).ofMaxSize(500).map(b -> concat(new byte[] {'P', 'K', 3, 4}, b)));
    }

    static byte[] csv(List<List<String>> rows, Charset cs, boolean bom, String sep, String eol, boolean quoteAll) {
        StringBuilder sb = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                String v = r.get(i);
                if (i > 0) {
                    sb.append(sep);
                }
                boolean quote = quoteAll || v.contains(sep) || v.contains("\"") || v.contains("\n") || v.contains("\r");
                sb.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            sb.append(eol);
        }
        byte[] body = sb.toString().getBytes(cs);
        if (!bom) {
            return body;
        }
        byte[] mark = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                : cs == StandardCharsets.UTF_16BE ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        return concat(mark, body);
    }

    static byte[] xlsx(List<List<String>> rows, boolean numbersAsNumbers) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("stock");
            List<List<String>> all = new ArrayList<>();
            all.add(HEADER);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    String v = all.get(r).get(c);
                    if (v.length() > 32_767) {
                        v = v.substring(0, 32_767);
                    }
                    if (numbersAsNumbers && v.matches("-?\\d{1,18}")) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));
                    } else if (v.startsWith("=") && v.length() > 1 && v.matches("=[A-Z]+\\([A-Z0-9:]*\\)")) {
                        try {
                            row.createCell(c).setCellFormula(v.substring(1));
                        } catch (RuntimeException e) {
                            row.createCell(c).setCellValue(v);
                        }
                    } else {
                        row.createCell(c).setCellValue(v.replace("\u0000", ""));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // --- properties ----------------------------------------------------------------------------

    /** Never a crash; valid means rows and no error; refused means row-level, explained errors. */
    static void assertWholeOrExplained(ImportCheck check) {
        CHECKS.incrementAndGet();
        assertThat(check).isNotNull();
        if (check.valid()) {
            VALID.incrementAndGet();
            assertThat(check.errors()).isEmpty();
            assertThat(check.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.sellerSku()).isNotBlank());
            assertThat(check.rows()).extracting(r -> r.sellerSku()).doesNotHaveDuplicates();
        } else {
            REFUSED.incrementAndGet();
            assertThat(check.errors()).as("a refused file says why").isNotEmpty();
            for (ImportError e : check.errors()) {
                assertThat(e.row()).isGreaterThanOrEqualTo(0);
                assertThat(e.english()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    @Property(tries = 400)
    void anyCsvOrBytesIsWholeOrExplained(@ForAll("anyFile") byte[] file) {
        assertWholeOrExplained(StockFiles.check(file, "fuzz.csv", NOW, MAPPING, null));
        assertWholeOrExplained(StockFiles.check(file, "fuzz.csv", NOW, null, null));
    }

    @Property(tries = 40)
    void anyXlsxIsWholeOrExplained(@ForAll("table") List<List<String>> rows, @ForAll boolean numbers) {
        assertWholeOrExplained(StockFiles.check(xlsx(rows, numbers), "fuzz.xlsx", NOW, MAPPING, null));
    }

    /** End to end: a refused file writes no snapshot; an accepted one writes exactly its rows, in one snapshot. */
    @Property(tries = 60)
    void theImportServiceNeverWritesAPartialSnapshot(@ForAll("anyFile") byte[] file) throws Exception {
        Path f = dir.resolve("fuzz-" + System.nanoTime() + ".csv");
        Files.write(f, file);
        int before = snapshotCount();
        int rowsBefore = rowCount();
        ImportOutcome out = imports.importFile(f, "PH-MNL", null, MAPPING);
        Files.delete(f);
        assertWholeOrExplained(out.check());
        if (out.imported()) {
            IMPORTED.incrementAndGet();
            assertThat(snapshotCount()).isEqualTo(before + 1);
            assertThat(rowCount() - rowsBefore).isEqualTo(out.check().rows().size());
        } else {
            NOT_IMPORTED.incrementAndGet();
            assertThat(snapshotCount()).isEqualTo(before);
            assertThat(rowCount()).isEqualTo(rowsBefore);
        }
    }

    static int snapshotCount() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM snapshot").mapTo(Integer.class).one());
    }

    static int rowCount() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM stock_row").mapTo(Integer.class).one());
    }
}
