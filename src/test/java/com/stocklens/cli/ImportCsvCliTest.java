package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** {@code import-csv}: exit codes, one line per bad row, nothing imported from a bad file. */
class ImportCsvCliTest extends CliHarness {

    private Path write(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private int stockRows() throws Exception {
        assertThat(run("--demo", "stock", "--json", "--warehouse", "csv:JKT")).isZero();
        return json().size();
    }

    @Test
    void oneBadRowImportsNothingExitsNonZeroAndNamesTheRow() throws Exception {
        Path bad = write("bad.csv", "SKU,Available\nA-1,4\nA-2,-3\nA-3,5\n".getBytes(StandardCharsets.UTF_8));
        int code = run("--demo", "import-csv", bad.toString(), "--warehouse", "JKT", "--name", "Jakarta 3PL",
                "--market", "ID");
        assertThat(code).isEqualTo(1);
        assertThat(stderr()).contains("row 3, column Available: negative quantity (-3)");
        assertThat(stdout()).isEmpty();
        assertThat(stockRows()).isZero();
    }

    @Test
    void goodFilesInEveryEncodingImportEveryRow() throws Exception {
        byte[] body = "SKU,Available,On hand\nA-1,4,5\nA-2,0,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        assertThat(run("--demo", "import-csv", write("bom.csv", bom).toString(), "--warehouse", "JKT",
                "--name", "Jakarta 3PL", "--market", "ID")).isZero();
        assertThat(stdout()).contains("Imported 2 rows");
        assertThat(stockRows()).isEqualTo(2);

        byte[] gbk = "商品编码,可售,在途\nB-1,7,1\nB-2,8,2\nB-3,9,3\n".getBytes(Charset.forName("GBK"));
        assertThat(run("--demo", "import-csv", write("gbk.csv", gbk).toString(), "--warehouse", "JKT",
                "--mapping", "gbk")).isZero();
        assertThat(stockRows()).isEqualTo(3);

        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = book.createSheet();
            s.createRow(0).createCell(0).setCellValue("SKU");
            s.getRow(0).createCell(1).setCellValue("Available");
            for (int i = 1; i <= 4; i++) {
                s.createRow(i).createCell(0).setCellValue("C-" + i);
                s.getRow(i).createCell(1).setCellValue(i * 10);
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(run("--demo", "import-csv", write("stock.xlsx", xlsx).toString(), "--warehouse", "JKT",
                "--mapping", "xlsx")).isZero();
        assertThat(stockRows()).isEqualTo(4);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path good = write("g.csv", "SKU,Available\nA,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(run("--demo", "import-csv", good.toString(), "--warehouse", "NOPE")).isEqualTo(2);
        assertThat(stderr()).contains("No CSV warehouse NOPE");
        assertThat(run("--demo", "import-csv", good.toString())).as("--warehouse is required").isEqualTo(2);
        assertThat(run("--demo", "import-csv", dir.resolve("missing.csv").toString(), "--warehouse", "X",
                "--name", "X")).isEqualTo(2);
    }
}
