package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code codes check FILE} of the README: no workspace, findings with line numbers, exit 0 / 1 / 2. */
class CodesCommandTest extends CliHarness {
    /** A data dir that does not exist: the check must not create or open a workspace. */
    @Override
    Path dataDir() {
        return dir.resolve("no-workspace");
    }

    private static final String HEADER = "tiktok_sku,seller_sku,barcode,warehouse,wms_sku\n";

    private Path csv(String body) throws Exception {
        Path f = dir.resolve("codes-" + System.nanoTime() + ".csv");
        Files.writeString(f, HEADER + body, StandardCharsets.UTF_8);
        return f;
    }

    private static final String FLAWED = ""
            + "1001,A-1,4006381333932,us-east,W1\n"      // line 2: bad check digit
            + "1002,B-1,5012345678900,us-east,\n"        // line 3: missing warehouse SKU id
            + "1003,C-1,036000291452,us-east,W3\n"       // line 4
            + "1003,C-1,036000291452,us-east,W3\n"       // line 5: duplicate of line 4
            + "1004,D-1,96385074,us-east,W4\n";          // line 6: clean

    @Test
    void aBadCheckDigitAMissingLinkAndADuplicateAreEachReportedAndExitOne() throws Exception {
        Path f = csv(FLAWED);
        assertThat(run("codes", "check", f.toString())).isEqualTo(1);
        String text = stdout();
        assertThat(text).contains("Barcode check digit wrong").contains("line 2: ").contains("4006381333932");
        assertThat(text).contains("Missing warehouse SKU id").contains("line 3: ").contains("B-1");
        assertThat(text).contains("Duplicate link").contains("lines 4, 5: ");
        assertThat(text).contains("4 seller SKUs, 3 flagged, mismatch rate 75.0%");
        assertThat(Files.exists(dir.resolve("no-workspace"))).as("no workspace opened").isFalse();
    }

    @Test
    void jsonListsEachFindingWithKindSkuLinesAndDetail() throws Exception {
        Path f = csv(FLAWED);
        assertThat(run("codes", "check", "--json", f.toString())).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("file").asText()).isEqualTo(f.toString());
        assertThat(json.get("skus").asInt()).isEqualTo(4);
        assertThat(json.get("flaggedSkus").asInt()).isEqualTo(3);
        assertThat(json.get("mismatchRate").asDouble()).isEqualTo(75.0);
        JsonNode findings = json.get("findings");
        assertThat(findings).hasSize(3);
        List<String> kinds = new ArrayList<>();
        for (JsonNode n : findings) {
            kinds.add(n.get("kind").asText());
            assertThat(n.get("sku").isTextual()).isTrue();
            assertThat(n.get("lines").isArray()).isTrue();
            assertThat(n.get("detail").asText()).isNotBlank();
        }
        assertThat(kinds).containsExactly("MISSING_WMS_SKU", "BAD_CHECK_DIGIT", "DUPLICATE_LINK");
        assertThat(findings.get(2).get("lines").toString()).isEqualTo("[4,5]");
        assertThat(findings.get(1).get("sku").asText()).isEqualTo("A-1");
    }

    @Test
    void aCleanFileExitsZero() throws Exception {
        Path f = csv("1001,A-1,4006381333931,us-east,W1\n1001,A-1,4006381333931,us-west,W1\n"
                + "1002,B-1,0036000291452,us-east,W2\n");
        assertThat(run("codes", "check", f.toString())).isZero();
        assertThat(stdout()).contains("2 seller SKUs, 0 flagged, mismatch rate 0.0%");

        assertThat(run("codes", "check", "--json", f.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("findings")).isEmpty();
        assertThat(json.get("mismatchRate").asDouble()).isZero();
    }

    @Test
    void anInvalidOrMissingFileExitsTwoWithTheReason() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "tiktok_sku,seller_sku,barcode\n1,A,4006381333931\n");
        assertThat(run("codes", "check", f.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no column warehouse, wms_sku");
        assertThat(stdout()).isEmpty();

        assertThat(run("codes", "check", dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot read");

        assertThat(run("codes")).as("no subcommand").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("check").contains("current");
    }

    @Test
    void currentChecksTheDemoWorkspaceAfterASync() throws Exception {
        assertThat(run("--demo", "sync", "--once")).isZero();
        assertThat(run("--demo", "codes", "current", "--json")).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("file").isNull()).isTrue();
        // 300 seller SKUs, plus the partner warehouses' own codes for some of them (until SKU mapping)
        assertThat(json.get("skus").asInt()).isGreaterThanOrEqualTo(300);
        assertThat(json.get("findings").size()).isPositive();
    }
}
