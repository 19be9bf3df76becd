package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code mapping} against the demo: the JSON document and the exit codes of {@code set} and {@code clear}. */
class MappingCommandTest extends CliHarness {
    @Test
    void listsIdentitiesAndMapsByHandWithExitCodes() throws Exception {
        assertThat(run("--demo", "sync", "--once")).isZero();
        assertThat(run("--demo", "mapping", "--json")).isZero();
        JsonNode doc = json();
        assertThat(doc.get("identities").size()).isPositive();
        JsonNode first = doc.get("identities").get(0);
        assertThat(first.has("sellerSku")).isTrue();
        assertThat(first.get("tiktokSkuIds").isArray()).isTrue();
        assertThat(doc.get("mappings").size()).isPositive();
        assertThat(doc.get("unmapped").isArray()).isTrue();
        assertThat(doc.get("conflicts").isArray()).isTrue();
        String sku = first.get("sellerSku").asText();
        JsonNode someCode = doc.get("mappings").get(0);
        String source = someCode.get("source").asText();
        String code = someCode.get("code").asText();

        assertThat(run("--demo", "mapping", "set", "--source", source, "--code", code, "--sku", "NO-SUCH-SKU")).isEqualTo(1);
        assertThat(stderr()).contains("not a known seller SKU");
        assertThat(run("--demo", "mapping", "set", "--source", source, "--code", code)).as("--sku missing").isEqualTo(2);
        assertThat(run("--demo", "mapping", "set", "--source", source, "--code", code, "--sku", sku, "--by", "Li Wei")).isZero();
        assertThat(run("--demo", "mapping", "--json")).isZero();
        JsonNode manual = null;
        for (JsonNode m : json().get("mappings")) {
            if (m.get("source").asText().equals(source) && m.get("code").asText().equals(code)) {
                manual = m;
            }
        }
        assertThat(manual).isNotNull();
        assertThat(manual.get("method").asText()).isEqualTo("MANUAL");
        assertThat(manual.get("sellerSku").asText()).isEqualTo(sku);
        assertThat(manual.get("by").asText()).isEqualTo("Li Wei");
        assertThat(run("--demo", "mapping", "clear", "--source", source, "--code", code)).isZero();
        assertThat(run("--demo", "mapping", "clear", "--source", source, "--code", code)).as("nothing left to clear").isEqualTo(1);
    }
}
