package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code push} on the demo, as docs/cli.md documents it: each command a process of its own (a new sandbox world
 * each time, whose TikTok remembers the writes it accepted). The CSV-fed Manila warehouse's figures do not move
 * within the hour, so the flow is the same on every run.
 */
class PushCliTest extends CliHarness {

    @Test
    void planApplySyncHistoryOnTheDemo() throws Exception {
        assertThat(run("--demo", "sync", "--once")).isZero();

        assertThat(run("--demo", "push", "plan", "--csv", "--json")).isZero();
        JsonNode plan = json();
        assertThat(plan.get("id").asText()).startsWith("p-");
        assertThat(plan.get("createdAt").asText()).endsWith("Z");
        assertThat(plan.get("items")).isNotEmpty();
        for (JsonNode item : plan.get("items")) {
            assertThat(item.get("sku").asText()).isNotBlank();
            assertThat(item.get("warehouse").asText()).isEqualTo("csv:PH-MNL");
            assertThat(item.get("tiktokWarehouseId").asText()).isNotBlank();
            assertThat(item.get("before").isInt()).isTrue();
            assertThat(item.get("after").isInt()).isTrue();
            assertThat(item.get("before").asInt()).isNotEqualTo(item.get("after").asInt());
            assertThat(item.get("reason").asText()).startsWith("warehouse available ");
        }
        for (JsonNode refused : plan.get("refused")) {
            assertThat(refused.fieldNames()).toIterable().contains("sku", "warehouse", "reason");
        }

        assertThat(run("--demo", "push", "apply", plan.get("id").asText(), "--by", "amy")).as(stderr()).isZero();
        assertThat(stdout()).contains("ACCEPTED");

        assertThat(run("--demo", "sync", "--once")).isZero();
        assertThat(run("--demo", "stock", "--json")).isZero();
        List<String> gaps = new ArrayList<>();
        for (JsonNode row : json()) {
            if (row.get("warehouse").asText().equals("csv:PH-MNL") && row.get("tiktokAvailable").isInt()
                    && row.get("tiktokAvailable").asInt() != row.get("available").asInt()) {
                gaps.add(row.get("sku").asText());
            }
        }
        assertThat(gaps).as("every pushed figure is TikTok's after the next sync").isEmpty();

        assertThat(run("--demo", "push", "history", "--json")).isZero();
        JsonNode history = json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("by").asText()).isEqualTo("amy");
        assertThat(history.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(history.get(0).get("lines")).hasSize(plan.get("items").size());

        assertThat(run("--demo", "push", "apply", "p-00000000")).isEqualTo(2);
        assertThat(stderr()).contains("no push plan p-00000000");
        assertThat(run("--demo", "push", "plan", "--task", "999999")).isEqualTo(1);
        assertThat(run("--demo", "push", "plan", "--csv", "--returns")).as("one scope").isEqualTo(2);
    }

    @Test
    void settingsAreOffByDefaultAndChangeable() throws Exception {
        assertThat(run("--demo", "push", "settings", "--json")).isZero();
        JsonNode s = json();
        assertThat(s.get("buffer").asInt()).isZero();
        assertThat(s.get("autoCsv")).isEmpty();
        assertThat(s.get("autoReturns").asBoolean()).isFalse();

        assertThat(run("--demo", "push", "settings", "--buffer", "2", "--auto-csv", "PH-MNL=on", "--json")).isZero();
        assertThat(json().get("autoCsv").get(0).asText()).isEqualTo("csv:PH-MNL");
        assertThat(json().get("buffer").asInt()).isEqualTo(2);
        assertThat(run("--demo", "push", "settings", "--auto-returns", "maybe")).isEqualTo(2);
    }
}
