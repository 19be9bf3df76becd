package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.domain.BeijingTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 9: two valid rows of 2,000,000,000 units (each a quantity, their sum not an int). On the main of
 * 2026-12-06 {@code status} died with "ArithmeticException: integer overflow" and stayed broken; every command
 * that shows a total must answer, with the total in 64 bits, and the snapshot file the export writes must open
 * again. A quantity past 2³¹−1, a fraction or a negative in a file is refused with its row.
 */
class LargeQuantitiesCliTest extends CliHarness {
    private static final String BIG = "2000000000";

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void totalsPastTwoToThe31AreShownByEveryCommandAndTheExportOpensAgain() throws Exception {
        Path file = write("big.csv", "SKU,On hand,Available\nBIG-1," + BIG + "," + BIG + "\nBIG-2," + BIG + "," + BIG
                + "\n");
        assertThat(run("--demo", "import-csv", file.toString(), "--warehouse", "BIG", "--name", "Big warehouse"))
                .as(stderr()).isZero();

        assertThat(run("--demo", "status", "--json")).as(stderr()).isZero();
        assertThat(json().path("totals").path("onHand").asLong()).isEqualTo(4_000_000_000L);
        assertThat(json().path("totals").path("available").asLong()).isEqualTo(4_000_000_000L);
        assertThat(run("--demo", "status")).as(stderr()).isZero();
        assertThat(stdout()).contains("4000000000");

        List<String> answered = new ArrayList<>();
        LocalDate today = LocalDate.now(BeijingTime.ZONE);
        for (String[] command : List.of(new String[] {"stock", "--json"}, new String[] {"flags", "--json"},
                new String[] {"ageing", "--json"}, new String[] {"scores", "--json"},
                new String[] {"report", "health", "--json", "--from", today.minusDays(7).toString(), "--to",
                        today.toString()}, new String[] {"history"})) {
            List<String> args = new ArrayList<>(List.of("--demo"));
            args.addAll(List.of(command));
            int code = run(args.toArray(String[]::new));
            assertThat(code).as(String.join(" ", command) + ": " + stderr()).isZero();
            assertThat(stderr()).doesNotContain("Exception").doesNotContain("overflow");
            if (command[0].equals("ageing")) {
                for (JsonNode w : json().path("warehouses")) {
                    if (w.path("warehouse").asText().equals("csv:BIG")) {
                        assertThat(w.path("total").asLong()).isEqualTo(4_000_000_000L);
                        answered.add("ageing total " + w.path("total").asLong());
                    }
                }
            }
            answered.add(command[0]);
        }

        Path export = dir.resolve("big.stocklens");
        assertThat(run("--demo", "snapshot", "export", "--out", export.toString())).as(stderr()).isZero();
        assertThat(run("snapshot", "info", export.toString())).as(stderr()).isZero();
        assertThat(run("--snapshot", export.toString(), "status", "--json")).as(stderr()).isZero();
        assertThat(json().path("totals").path("onHand").asLong()).isEqualTo(4_000_000_000L);
        report("large quantities: 2 rows of 2,000,000,000: status total 4000000000; " + answered
                + " answered; the export opened with the same total");
    }

    @Test
    void aQuantityPastTwoToThe31AFractionOrANegativeRefusesTheFileWithItsRow() throws Exception {
        Path file = write("bad.csv", "SKU,On hand\nA-1,2147483648\nA-2,12.7\nA-3,-4\nA-4,2147483647\n");
        assertThat(run("--demo", "import-csv", file.toString(), "--warehouse", "BAD", "--name", "Bad"))
                .isEqualTo(1);
        assertThat(stderr()).contains("row 2, column On hand: quantity too large (2147483648)")
                .contains("row 3, column On hand: not a whole number (12.7)")
                .contains("row 4, column On hand: negative quantity (-4)")
                .doesNotContain("row 5");
    }
}
