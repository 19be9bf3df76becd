package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 12 through the command line. On the main of 2026-12-06: {@code --name} created the warehouse
 * even when its file was refused; a warehouse id of 97 characters ended in a raw SQL error; {@code codes check}
 * on a 2 GB file died of OutOfMemoryError (exit 1, documented 2).
 */
class HostileStockFilesCliTest extends CliHarness {
    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private int csvWarehouses() throws Exception {
        assertThat(run("--demo", "status", "--json")).isZero();
        int n = 0;
        for (var s : json().path("sources")) {
            n += s.path("id").asText().startsWith("csv:") ? 1 : 0;
        }
        return n;
    }

    @Test
    void nameCreatesTheWarehouseOnlyTogetherWithASuccessfulImport() throws Exception {
        Path bad = write("bad.csv", "SKU,On hand\nA-1,12.7\n");
        assertThat(run("--demo", "import-csv", bad.toString(), "--warehouse", "NEW", "--name", "New warehouse"))
                .isEqualTo(1);
        assertThat(stderr()).contains("row 2, column On hand: not a whole number (12.7)");
        // Not created: importing again without --name says the warehouse is unknown.
        Path good = write("good.csv", "SKU,On hand\nA-1,12\n");
        assertThat(run("--demo", "import-csv", good.toString(), "--warehouse", "NEW")).isEqualTo(2);
        assertThat(stderr()).contains("No CSV warehouse NEW");
        assertThat(csvWarehouses()).isZero();

        assertThat(run("--demo", "import-csv", good.toString(), "--warehouse", "NEW", "--name", "New warehouse"))
                .as(stderr()).isZero();
        assertThat(csvWarehouses()).isEqualTo(1);
        assertThat(run("--demo", "import-csv", good.toString(), "--warehouse", "NEW")).as(stderr()).isZero();
    }

    @Test
    void aWarehouseIdLongerThanTheColumnIsRefusedInOneSentence() throws Exception {
        Path good = write("good.csv", "SKU,On hand\nA-1,12\n");
        String id = "W".repeat(97);
        assertThat(run("--demo", "import-csv", good.toString(), "--warehouse", id, "--name", "Long")).isEqualTo(2);
        assertThat(stderr()).contains("A warehouse id has at most 96 characters; this one has 97.")
                .doesNotContain("SQL").doesNotContain("Exception").doesNotContain("VARCHAR");
        assertThat(run("--demo", "import-csv", good.toString(), "--warehouse", "W".repeat(96), "--name", "Longest"))
                .as(stderr()).isZero();
    }

    @Test
    void codesCheckRefusesAFileOfTwoGigabytesWithExitTwoBeforeReadingIt() throws Exception {
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write("tiktok_sku,seller_sku,barcode,warehouse,wms_sku\n".getBytes(StandardCharsets.UTF_8));
            f.setLength(2L << 30); // sparse: no disk spent
        }
        assertThat(run("codes", "check", huge.toString())).isEqualTo(2);
        assertThat(stderr()).contains("is 2048 MB, larger than a three-code sheet can be (32 MB, about 200,000 "
                + "links); split it.");

        StringBuilder many = new StringBuilder("tiktok_sku,seller_sku,barcode,warehouse,wms_sku\n");
        for (int i = 0; i <= 200_000; i++) {
            many.append(i).append(",S-").append(i).append(",,W,S-").append(i).append('\n');
        }
        assertThat(run("codes", "check", write("many.csv", many.toString()).toString())).isEqualTo(2);
        assertThat(stderr()).contains("has more than 200,000 links (line 200002); split it.");
    }
}
