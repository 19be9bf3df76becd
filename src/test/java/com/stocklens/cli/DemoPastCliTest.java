package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One demo everywhere, with a past: after {@code --demo sync --once} every command shows the window's nine
 * warehouses, and the health report and ageing have the sandbox's year behind them (issues 17 and 19).
 */
class DemoPastCliTest extends CliHarness {

    @Test
    void oneSyncGivesNineWarehousesAQuarterOfHistoryAndAYearsTrend() throws Exception {
        assertThat(run("--demo", "sync", "--once")).as(stderr()).isZero();
        assertThat(stderr()).contains("Demo history: 400 days before today written");

        assertThat(run("--demo", "stock", "--json")).isZero();
        Set<String> warehouses = new TreeSet<>();
        for (JsonNode row : json()) {
            warehouses.add(row.get("warehouse").asText());
        }
        assertThat(warehouses).hasSize(9);
        // A provider of each of the six kinds, the spreadsheet-fed warehouse among them.
        assertThat(warehouses.stream().map(w -> w.substring(0, w.indexOf(':'))).distinct())
                .containsExactlyInAnyOrder("shipbob", "winit", "goodcang", "shipmonk", "flexport", "csv");

        // The current quarter once it has 45 days, else the previous one: either is covered day by day.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate start = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate quarter = ChronoUnit.DAYS.between(start, today) + 1 >= 45 ? today : start.minusDays(1);
        String q = quarter.getYear() + "Q" + quarter.get(IsoFields.QUARTER_OF_YEAR);
        assertThat(run("--demo", "report", "health", "--quarter", q, "--json")).as(stderr()).isZero();
        JsonNode report = json();
        long days = ChronoUnit.DAYS.between(LocalDate.parse(report.get("from").asText()),
                LocalDate.parse(report.get("to").asText())) + 1;
        assertThat(days).isGreaterThanOrEqualTo(45);
        JsonNode turnover = report.get("overall").get(0);
        assertThat(turnover.get("indicator").asText()).isEqualTo("TURNOVER_DAYS");
        assertThat(turnover.get("value").isNumber()).isTrue();
        assertThat(turnover.get("working").asText()).doesNotContain("no data");
        assertThat(report.get("perWarehouse").size()).isEqualTo(9);
        for (JsonNode f : report.get("overall")) {
            assertThat(f.get("verdict").asText()).as(f.get("indicator").asText()).isNotEqualTo("INSUFFICIENT_HISTORY");
        }

        assertThat(run("--demo", "ageing", "--json")).isZero();
        JsonNode trend = json().get("trend");
        assertThat(trend.size()).isGreaterThanOrEqualTo(12);
        for (JsonNode p : trend) {
            LocalDate day = LocalDate.parse(p.get("day").asText());
            assertThat(day).isAfter(today.minusDays(365)).isBeforeOrEqualTo(today);
            assertThat(p.get("agedUnits").asInt()).isPositive();
        }

        // Once per workspace: the next sync writes no past.
        assertThat(run("--demo", "sync", "--once")).isZero();
        assertThat(stderr()).doesNotContain("Demo history");
    }
}
