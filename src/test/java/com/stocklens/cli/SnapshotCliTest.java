package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.workspace.SnapshotCache;
import com.stocklens.store.SnapshotArchive;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Snapshot files end to end (issue 7): a demo workspace is synced and exported; the file is opened in a
 * fresh workspace with no source and no network and answers {@code stock} and {@code flags} as the
 * workspace did at export time; writing commands and bad files are refused with exit code 2.
 */
class SnapshotCliTest extends CliHarness {
    private Path dataDir;

    @Override
    Path dataDir() {
        return dataDir == null ? dir : dataDir;
    }

    @Test
    void exportThenOpenInAFreshWorkspaceShowsTheSameStockAndFlagsWithoutNetwork() throws Exception {
        startFromSyncedDemo();
        assertThat(run("--demo", "stock", "--json")).isZero();
        JsonNode stockThen = json();
        assertThat(run("--demo", "flags", "--json")).isZero();
        JsonNode flagsThen = json();
        Path file = dir.resolve("shop.stocklens");
        assertThat(run("--demo", "snapshot", "export", "--out", file.toString(), "--json")).as(stderr()).isZero();
        JsonNode manifest = json();
        assertThat(manifest.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(manifest.get("rows").get("stock_row").asInt()).isGreaterThan(900);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.entries().nextElement().getName()).isEqualTo("manifest.json");
        }

        // A fresh workspace: nothing synced there, no demo, no environment.
        dataDir = Files.createDirectory(dir.resolve("elsewhere"));
        assertThat(run("--snapshot", file.toString(), "stock", "--json")).as(stderr()).isZero();
        assertThat(json()).isEqualTo(stockThen);
        assertThat(run("--snapshot", file.toString(), "flags", "--json")).as(stderr()).isZero();
        JsonNode flagsNow = json();
        assertThat(openFlags(flagsNow)).isEqualTo(openFlags(flagsThen));
        assertThat(flagsNow.get("generatedAt").asText()).isEqualTo(manifest.get("at").asText());
        assertThat(run("--snapshot", file.toString(), "status", "--json")).isZero();
        assertThat(json().get("mode").asText()).isEqualTo("snapshot");
        // The positional file (what the desktop passes) works like --snapshot.
        assertThat(run(file.toString(), "returns", "--json")).as(stderr()).isZero();
        for (String[] cmd : List.of(new String[] {"ageing", "--json"}, new String[] {"codes", "current", "--json"},
                new String[] {"report", "health", "--quarter", "2026Q4", "--json"})) {
            List<String> args = new ArrayList<>(List.of("--snapshot", file.toString()));
            args.addAll(List.of(cmd));
            assertThat(run(args.toArray(String[]::new))).as("%s: %s", List.of(cmd), stderr()).isIn(0, 1);
        }
        // Nothing was restored into the fresh workspace or the live/demo ones; the file's database is kept once,
        // for the next open of the same file (the commands above after the first one started from it).
        assertThat(Files.exists(dataDir.resolve("db"))).isFalse();
        assertThat(Files.exists(dataDir.resolve("demo"))).isFalse();
        try (var kept = Files.list(dataDir.resolve(SnapshotCache.FOLDER))) {
            assertThat(kept.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".mv.db");
        }

        // No network: no source, no sandbox, no activity poll; the clock is frozen at the moment.
        LaunchOptions options = new LaunchOptions(false, dataDir, null, Duration.ofSeconds(60),
                Duration.ofMinutes(15), file);
        try (AppRuntime runtime = AppRuntime.open(options)) {
            assertThat(runtime.readOnly()).isTrue();
            assertThat(runtime.sources()).isEmpty();
            assertThat(runtime.activitySync()).isEmpty();
            assertThat(runtime.clock().instant()).isEqualTo(Instant.parse(manifest.get("at").asText()));
            assertThat(runtime.boardReader().read().sources()).hasSize(manifest.get("sources").size());
            // Even a connection test is refused: a snapshot never reaches the network.
            var outcome = runtime.connections().test(new com.stocklens.domain.Connection("shipbob:x",
                    com.stocklens.domain.ConnectionKind.SHIPBOB, "x", true, null,
                    Map.of("api_base", "http://127.0.0.1:9")), Map.of("token", "t"));
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.detail()).isEqualTo(AppRuntime.READ_ONLY_MESSAGE);
        }
    }

    @Test
    void writingCommandsAreRefusedOnASnapshot() throws Exception {
        startFromSyncedDemo();
        Path file = dir.resolve("shop.stocklens");
        assertThat(run("--demo", "snapshot", "export", "--out", file.toString())).isZero();
        assertThat(run("--snapshot", file.toString(), "sync", "--once")).isEqualTo(2);
        assertThat(stderr()).contains("read-only");
        assertThat(run("--snapshot", file.toString(), "import-csv", "--warehouse", "x", file.toString()))
                .isEqualTo(2);
        assertThat(run("snapshot", "info", file.toString())).isZero();
        assertThat(stdout()).contains("StockLens demo shop");
    }

    @Test
    void anEarlierMomentLeavesOutLaterSnapshots() throws Exception {
        startFromSyncedDemo();
        Path file = dir.resolve("before.stocklens");
        assertThat(run("--demo", "snapshot", "export", "--at", "2000-01-01T00:00:00Z", "--out", file.toString(),
                "--json")).isZero();
        assertThat(json().get("rows").get("stock_row").asInt()).isZero();
        assertThat(run("--snapshot", file.toString(), "stock", "--json")).isZero();
        assertThat(json().size()).isZero();
    }

    @Test
    void aNewerFormatIsRefusedWithAPlainMessage() throws Exception {
        Path file = dir.resolve("newer.stocklens");
        writeZip(file, manifest(99), Map.of());
        assertThat(run("--snapshot", file.toString(), "status")).isEqualTo(2);
        assertThat(stderr()).contains("This snapshot was made by a newer StockLens (format 99); update StockLens to open it.")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anOlderUnsupportedFormatIsRefused() throws Exception {
        Path file = dir.resolve("older.stocklens");
        writeZip(file, manifest(0), Map.of());
        assertThat(run("--snapshot", file.toString(), "stock")).isEqualTo(2);
        assertThat(stderr()).contains("format 0").contains("no longer reads").doesNotContain("\tat ");
    }

    @Test
    void aCorruptFileOrAChecksumMismatchIsRefused() throws Exception {
        Path garbage = dir.resolve("garbage.stocklens");
        Files.write(garbage, "PK\u0003\u0004 this is not really a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(run("--snapshot", garbage.toString(), "stock")).isEqualTo(2);
        assertThat(stderr()).contains("garbage.stocklens is not a readable StockLens snapshot").doesNotContain("\tat ");

        startFromSyncedDemo();
        Path good = dir.resolve("good.stocklens");
        assertThat(run("--demo", "snapshot", "export", "--out", good.toString())).isZero();
        // Same manifest, one data entry changed by one byte.
        Path tampered = dir.resolve("tampered.stocklens");
        try (ZipFile zip = new ZipFile(good.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals("data/stock_row.jsonl")) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    bytes = text.replaceFirst("\"available\":(\\d)", "\"available\":9$1")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(run("--snapshot", tampered.toString(), "stock")).isEqualTo(2);
        assertThat(stderr()).contains("checksum of data/stock_row.jsonl does not match");
        // Truncated: the zip's directory is gone.
        Path truncated = dir.resolve("truncated.stocklens");
        byte[] all = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        assertThat(run("--snapshot", truncated.toString(), "flags")).isEqualTo(2);
        assertThat(stderr()).contains("is not a readable StockLens snapshot");
        assertThat(run("snapshot", "info", truncated.toString())).isEqualTo(2);
    }

    /** The open tasks and active alerts, without the fields that depend on the reading time. */
    private static TreeSet<String> openFlags(JsonNode flags) {
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode t : flags.get("tasks")) {
            ObjectNode copy = t.deepCopy();
            copy.remove(List.of("secondsLeft", "urgency", "overdue"));
            out.add(copy.toString());
        }
        for (JsonNode a : flags.get("alerts")) {
            out.add(a.toString());
        }
        return out;
    }

    private static String manifest(int version) {
        return "{\"format\":\"stocklens-snapshot\",\"formatVersion\":" + version
                + ",\"moment\":{\"at\":\"2026-11-27T04:00:00Z\"},\"entries\":[]}";
    }

    private static void writeZip(Path file, String manifest, Map<String, String> entries) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.putNextEntry(new ZipEntry(SnapshotArchive.MANIFEST));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
