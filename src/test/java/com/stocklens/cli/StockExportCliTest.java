package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.imports.SheetReader;
import com.stocklens.service.StockTable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** {@code stock --out FILE.xlsx|FILE.csv}: written, re-readable, and cell for cell what {@code stock --json} says. */
class StockExportCliTest extends CliHarness {

    @Test
    void xlsxAndCsvHoldTheJsonColumnsCellForCell() throws Exception {
        assertThat(run("--demo", "sync", "--once")).isZero();
        assertThat(run("--demo", "stock", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.size()).isGreaterThan(1000);
        List<String> columns = new ArrayList<>();
        json.get(0).fieldNames().forEachRemaining(columns::add);
        assertThat(StockTable.columns()).isEqualTo(columns);

        Path xlsx = dir.resolve("out").resolve("stock.xlsx");
        assertThat(run("--demo", "stock", "--out", xlsx.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout()).doesNotContain(json.get(0).get("sku").asText());
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Row header = sheet.getRow(0);
            for (int c = 0; c < columns.size(); c++) {
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(columns.get(c));
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(json.size());
            for (int r = 0; r < json.size(); r++) {
                Row row = sheet.getRow(r + 1);
                for (int c = 0; c < columns.size(); c++) {
                    JsonNode v = json.get(r).get(columns.get(c));
                    Cell cell = row.getCell(c);
                    if (v.isNull()) {
                        assertThat(cell == null || cell.getCellType() == CellType.BLANK).as("%s row %d", columns.get(c), r)
                                .isTrue();
                    } else if (v.isNumber()) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getNumericCellValue()).isEqualTo(v.asDouble());
                    } else {
                        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                        assertThat(cell.getStringCellValue()).isEqualTo(v.asText());
                    }
                }
            }
        }

        Path csv = dir.resolve("stock.csv");
        assertThat(run("--demo", "stock", "--out", csv.toString())).isZero();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        var read = SheetReader.read(bytes);
        assertThat(read.rows().get(0)).isEqualTo(columns);
        assertThat(read.rows()).hasSize(json.size() + 1);
        for (int r = 0; r < json.size(); r++) {
            List<String> row = read.rows().get(r + 1);
            Iterator<String> names = columns.iterator();
            for (int c = 0; names.hasNext(); c++) {
                JsonNode v = json.get(r).get(names.next());
                assertThat(c < row.size() ? row.get(c) : "").isEqualTo(v.isNull() ? "" : v.asText());
            }
        }

        // The seller's files: created as the umask says, not 0600.
        if (Files.getFileStore(csv).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(csv);
            assertThat(perms).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ))
                    .as("umask-respecting permissions, got %s", perms).isTrue();
        }
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void aFileThatIsNotXlsxOrCsvIsAUsageError() {
        assertThat(run("--demo", "stock", "--out", dir.resolve("stock.pdf").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(".xlsx or .csv");
        assertThat(Files.exists(dir.resolve("stock.pdf"))).isFalse();
    }
}
