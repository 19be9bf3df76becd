package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.domain.HealthIndicator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** {@code report health} end to end in demo mode: a sync, then the report as XLSX, PDF, CSV and JSON. */
class ReportCliTest extends CliHarness {

    @Test
    void reportHealthWritesXlsxPdfCsvAndJsonAfterADemoSync() throws Exception {
        assertThat(run("--demo", "sync", "--once")).isZero();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String from = today.minusDays(6).toString();
        // A period past today is cut at yesterday: only complete Beijing days count.
        String to = today.plusDays(3).toString();

        Path xlsx = dir.resolve("out").resolve("health.xlsx");
        assertThat(run("--demo", "report", "health", "--from", from, "--to", to, "--out", xlsx.toString(),
                "--lang", "zh")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("总体");
            assertThat(wb.getSheetName(2)).isEqualTo("单品");
            assertThat(wb.getSheetAt(2).getPhysicalNumberOfRows()).isGreaterThan(100);
            assertThat(wb.getSheetAt(2).getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(wb.getSheetAt(0).getPaneInformation().isFreezePane()).isTrue();
        }

        Path pdf = dir.resolve("health.pdf");
        assertThat(run("--demo", "report", "health", "--from", from, "--to", to, "--out", pdf.toString(),
                "--lang", "zh")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        PdfReader reader = new PdfReader(pdf.toString());
        try {
            assertThat(reader.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("周转天数");
        } finally {
            reader.close();
        }

        Path csv = dir.resolve("health.csv");
        assertThat(run("--demo", "report", "health", "--from", from, "--to", to, "--out", csv.toString(),
                "--lang", "en")).isZero();
        assertThat(Files.readAllBytes(csv)[0]).isEqualTo((byte) 0xEF);
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("Turnover days");

        assertThat(run("--demo", "report", "health", "--from", from, "--to", to, "--json")).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(r.get("from").asText()).isEqualTo(from);
        // Issue 17: "Only complete Beijing days count" (today is not over; it was the last day before).
        assertThat(r.get("to").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(r.get("bands").get("turnoverDaysMax").asDouble()).isEqualTo(45.0);
        assertThat(r.get("overall").size()).isEqualTo(HealthIndicator.values().length);
        assertThat(r.get("overall").get(0).get("indicator").asText()).isEqualTo("TURNOVER_DAYS");
        assertThat(r.get("overall").get(0).has("working")).isTrue();
        // The demo has a past (issue 17: one day of history was the old demo's fault): every day of the
        // period is covered, so nothing is "no data".
        assertThat(r.get("overall").get(0).get("working").asText()).doesNotContain("no data");
        assertThat(r.get("overall").get(0).get("value").isNumber()).isTrue();
        assertThat(r.get("bands").get("minHistoryPercent").asDouble()).isEqualTo(50.0);
        assertThat(r.get("perWarehouse").fieldNames()).toIterable().anyMatch(w -> w.startsWith("shipbob:"));
        JsonNode sku = r.get("perSku").get(0);
        assertThat(sku.has("sku")).isTrue();
        // The demo's past gives every complete day of the period its stock: the average on hand is known.
        assertThat(sku.get("averageOnHand").isNumber()).isTrue();
        assertThat(sku.has("ageKnownPercent")).isTrue();
        assertThat(sku.has("oldestDays")).isTrue();
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(run("--demo", "report", "health", "--quarter", "2026Q5", "--json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2026Q5");
        assertThat(run("--demo", "report", "health", "--quarter", "2026Q3", "--out", dir.resolve("x.doc").toString()))
                .isEqualTo(2);
        assertThat(run("--demo", "report", "health", "--from", "2026-07-01", "--json")).isEqualTo(2);
        assertThat(run("--demo", "report", "health", "--quarter", "2999Q1", "--json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("after today");
    }
}
