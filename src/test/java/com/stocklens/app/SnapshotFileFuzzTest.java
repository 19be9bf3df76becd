package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.workspace.StartupException;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.SnapshotManifest;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotArchive;
import com.stocklens.service.SnapshotFileException;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 9, bad input: property-based fuzzing of {@code .stocklens} snapshot files (docs/SNAPSHOT-FORMAT.md).
 * Valid files are generated (random SKUs, names in any script, quotes and line breaks, unknown quantities)
 * and opened as they are — they must come back with exactly their data — then mutated: truncated, bytes
 * flipped, zip entries dropped, duplicated and reordered, huge entries, a wrong manifest version, wrong
 * checksums and row counts, malformed JSON lines, negative, overflowing and mistyped numbers, duplicate
 * keys. Opening a mutant either succeeds with exactly the data the file holds or refuses with a
 * {@link SnapshotFileException} carrying one plain sentence; never another exception, never partial data
 * visible, never a temporary workspace left behind.
 *
 * <p>CI runs {@value #CI_MUTANTS} mutants (plus 8 through AppRuntime); {@code -Dstocklens.nightly=true} runs
 * {@value #NIGHTLY_FACTOR} times as many.
 */
class SnapshotFileFuzzTest {
    static final int CI_MUTANTS = 120;
    static final int NIGHTLY_FACTOR = 20;
    static final boolean NIGHTLY = Boolean.getBoolean("stocklens.nightly");
    static final Instant T0 = Instant.parse("2026-11-27T04:00:00Z");
    /** Reads JSON as strictly as the reader should: a duplicate key is ambiguous. */
    static final ObjectMapper STRICT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static final AtomicInteger GENERATED = new AtomicInteger();
    static final AtomicInteger OPENED_WHOLE = new AtomicInteger();
    static final AtomicInteger MUTANTS = new AtomicInteger();
    static final AtomicInteger MUTANTS_OPENED = new AtomicInteger();
    static final AtomicInteger MUTANTS_REFUSED = new AtomicInteger();
    static final AtomicInteger THROUGH_APP = new AtomicInteger();
    static final Map<String, int[]> BY_KIND = new TreeMap<>();
    /** One refusal message per mutation kind, printed at the end (-Dstocklens.fuzz.examples=true). */
    static final Map<String, String> EXAMPLES = new TreeMap<>();

    static Path root;
    static Database source;
    static SnapshotRepository repo;
    static int readings;
    /** Valid files to mutate: a moment export and a range export of a workspace with every kind of row. */
    static final List<byte[]> BASES = new ArrayList<>();

    @BeforeContainer
    static void prepare() throws Exception {
        root = Files.createTempDirectory("snapshot-fuzz");
        source = Database.open(root.resolve("source"));
        repo = new SnapshotRepository(source.jdbi());
        commit(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(T0, 40, 3));
        commit(StoreFixtures.TIKTOK, StoreFixtures.tiktok(T0.plusSeconds(60), 40));
        commit(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(T0.plusSeconds(3600), 40, 9));
        commit(StoreFixtures.WINIT, weird(T0.plusSeconds(3700), new Random(1), 30));
        source.jdbi().useHandle(h -> {
            var batch = h.prepareBatch("INSERT INTO calibration_task (seller_sku, warehouse_id, detected_at, deadline, "
                    + "warehouse_qty, tiktok_qty, state, hints) VALUES (:sku, 'shipbob:228', :at, :deadline, 5, 9, 'OPEN', '')");
            for (int i = 0; i < 5; i++) {
                batch.bind("sku", StoreFixtures.sku(i)).bind("at", T0.plusSeconds(3800).atOffset(java.time.ZoneOffset.UTC))
                        .bind("deadline", T0.plusSeconds(9000).atOffset(java.time.ZoneOffset.UTC)).add();
            }
            batch.execute();
        });
        BASES.add(export(T0.plusSeconds(4000), null));
        BASES.add(export(T0.plusSeconds(4000), T0.plusSeconds(1800)));
    }

    @AfterContainer
    static void finish() throws IOException {
        source.close();
        SnapshotArchive.discard(root);
        System.out.printf("snapshot-file fuzz: %d generated files opened with exactly their data (%d/%d); %d mutants: "
                        + "%d opened with exactly the data they hold, %d refused with one plain sentence, 0 other "
                        + "outcomes; %d of them opened through AppRuntime with no temporary workspace left%n",
                GENERATED.get(), OPENED_WHOLE.get(), GENERATED.get(), MUTANTS.get(), MUTANTS_OPENED.get(),
                MUTANTS_REFUSED.get(), THROUGH_APP.get());
        FAILURES.forEach(f -> System.out.println("  FAILED " + f.substring(0, Math.min(600, f.length()))));
        synchronized (BY_KIND) {
            System.out.println("  by mutation (opened/refused): " + BY_KIND.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).collect(Collectors.joining(", ")));
            if (Boolean.getBoolean("stocklens.fuzz.examples")) {
                EXAMPLES.forEach((k, v) -> System.out.println("  e.g. " + k + ": " + v));
            }
        }
    }

    // --- valid files ---------------------------------------------------------------------------

    @Provide
    Arbitrary<String> name() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(30),
                Arbitraries.of("商品 \"引号\"", "line\nbreak", "tab\there", "back\\slash", "emoji 📦", "'; DROP TABLE sku; --",
                        "\u0000nul", "\uFEFFbom", "{\"json\": 1}", "عربي", "x".repeat(190)));
    }

    /** A generated reading: SKUs with any names, quantities known or unknown. */
    @Provide
    Arbitrary<Reading> reading() {
        Arbitrary<Integer> qty = Arbitraries.oneOf(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 50), Arbitraries.just(null).map(x -> (Integer) null));
        Arbitrary<StockLevel> level = Combinators.combine(qty, qty, qty, qty, qty, qty, qty).as(StockLevel::new);
        Arbitrary<List<Object[]>> rows = Combinators.combine(name(), level)
                .as((n, l) -> new Object[] {n, l}).list().ofMinSize(0).ofMaxSize(30);
        return rows.map(list -> {
            int n = readings++;
            Instant at = T0.plusSeconds(86_400L + n * 60L);
            Warehouse w = new Warehouse("shipbob:gen" + n, Provider.SHIPBOB, "gen" + n, "Generated " + n, Market.US,
                    "US", ZoneId.of("UTC"), null);
            List<Sku> skus = new ArrayList<>();
            List<StockRow> stock = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String sku = "GEN-" + n + "-" + i;
                skus.add(new Sku(new SkuCodes(sku, null, null, null), (String) list.get(i)[0]));
                stock.add(new StockRow(sku, w.id(), null, (StockLevel) list.get(i)[1]));
            }
            return Reading.ofWarehouse(at, List.of(w), skus, stock, 1);
        });
    }

    /** A valid generated file opens with exactly its data. */
    @Property(tries = 12)
    void aGeneratedSnapshotFileOpensWithExactlyItsData(@ForAll("reading") Reading reading) throws Exception {
        commit(new SourceInfo("shipbob:gen", SourceKind.WAREHOUSE, Provider.SHIPBOB, "Generated"), reading);
        byte[] file = export(reading.takenAt(), null);
        GENERATED.incrementAndGet();
        Outcome o = open(file, "generated");
        assertThat(o.error).as("a valid file is refused").isNull();
        assertThat(o.restored).isEqualTo(tables(file));
        OPENED_WHOLE.incrementAndGet();
    }

    // --- mutants -------------------------------------------------------------------------------

    /** A mutation of a valid file: what was done, and whether its checksums and row counts were kept true. */
    record Mutant(String kind, byte[] bytes, boolean resigned) {
    }

    /** Which valid file, which mutation, and the seed of its random choices. */
    record Recipe(int base, int mutation, long seed) {
        Mutant make(int k) throws IOException {
            return MUTATIONS.get(mutation).apply(BASES.get(base), new Random(seed + k));
        }
    }

    @Provide
    Arbitrary<Recipe> recipe() {
        return Combinators.combine(Arbitraries.integers().between(0, BASES.size() - 1),
                Arbitraries.integers().between(0, MUTATIONS.size() - 1), Arbitraries.longs()).as(Recipe::new);
    }

    /** Each try is one mutant in CI and {@value #NIGHTLY_FACTOR} (same mutation, other random choices) nightly. */
    @Property(tries = CI_MUTANTS, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void aMutatedSnapshotFileOpensWhollyOrIsRefusedInOneSentence(@ForAll("recipe") Recipe recipe) throws Exception {
        for (int k = 0; k < (NIGHTLY ? NIGHTLY_FACTOR : 1); k++) {
            runMutant(recipe.make(k), false);
        }
    }

    /** The same through AppRuntime (what the window and the CLI do): no temporary workspace is left behind. */
    @Property(tries = 8, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void aMutantOpenedThroughTheAppLeavesNoTemporaryWorkspace(@ForAll("recipe") Recipe recipe) throws Exception {
        runMutant(recipe.make(0), true);
    }

    /** {@code -Dstocklens.fuzz.collect=true}: go on after a failure and list every failing mutant at the end. */
    static final boolean COLLECT = Boolean.getBoolean("stocklens.fuzz.collect");
    static final List<String> FAILURES = Collections.synchronizedList(new ArrayList<>());

    private void runMutant(Mutant m, boolean throughApp) throws Exception {
        if (!COLLECT) {
            check(m, throughApp);
            return;
        }
        try {
            check(m, throughApp);
        } catch (AssertionError | Exception e) {
            FAILURES.add(m.kind + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
    }

    private void check(Mutant m, boolean throughApp) throws Exception {
        MUTANTS.incrementAndGet();
        Outcome o = throughApp ? openThroughApp(m.bytes) : open(m.bytes, m.kind);
        if (o.error == null) {
            // Opened: exactly what the file holds; and when nothing was re-signed, that is the original data.
            assertThat(o.restored).as("%s: restored data", m.kind).isEqualTo(tables(m.bytes));
            if (!m.resigned) {
                assertThat(BASES.stream().anyMatch(b -> {
                    try {
                        return tables(b).equals(o.restored);
                    } catch (IOException e) {
                        return false;
                    }
                })).as("%s: an unsigned change opened with other data than the original", m.kind).isTrue();
            }
            MUTANTS_OPENED.incrementAndGet();
        } else {
            assertThat(o.error).as("%s: refused with %s", m.kind, o.error).isInstanceOf(SnapshotFileException.class);
            assertOneSentence(m.kind, o.error.getMessage());
            MUTANTS_REFUSED.incrementAndGet();
        }
        if (throughApp) {
            THROUGH_APP.incrementAndGet();
        }
        synchronized (BY_KIND) {
            BY_KIND.computeIfAbsent(m.kind, k -> new int[2])[o.error == null ? 0 : 1]++;
            if (o.error != null) {
                EXAMPLES.putIfAbsent(m.kind.replaceAll(" \\(.*", ""), o.error.getMessage());
            }
        }
    }

    static void assertOneSentence(String kind, String message) {
        assertThat(message).as("%s: message", kind).isNotBlank().doesNotContain("\n", "\r", "\tat ", "SQL statement",
                "Exception", "java.", "org.h2", "com.fasterxml").endsWith(".").hasSizeLessThan(400);
    }

    interface Mutation {
        Mutant apply(byte[] base, Random r) throws IOException;
    }

    static final List<Mutation> MUTATIONS = List.of(
            (b, r) -> new Mutant("truncate", Arrays.copyOf(b, r.nextInt(b.length)), false),
            (b, r) -> {
                byte[] c = b.clone();
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    c[r.nextInt(c.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return new Mutant("flip bytes", c, false);
            },
            (b, r) -> {
                List<Map.Entry<String, byte[]>> e = entries(b);
                e.remove(r.nextInt(e.size()));
                return new Mutant("drop entry", zip(e), false);
            },
            (b, r) -> {
                List<Map.Entry<String, byte[]>> e = entries(b);
                Map.Entry<String, byte[]> d = e.get(r.nextInt(e.size()));
                e.add(r.nextInt(e.size() + 1), d);
                return new Mutant("duplicate entry", zip(e), false);
            },
            (b, r) -> {
                List<Map.Entry<String, byte[]>> e = entries(b);
                int i = 1 + r.nextInt(e.size() - 1);
                e.add(r.nextInt(e.size() + 1), Map.entry(e.get(i).getKey(), new byte[0]));
                return new Mutant("duplicate entry, other content", zip(e), false);
            },
            (b, r) -> {
                List<Map.Entry<String, byte[]>> e = entries(b);
                Collections.shuffle(e, r);
                return new Mutant("reorder entries", zip(e), false);
            },
            (b, r) -> {
                List<Map.Entry<String, byte[]>> e = entries(b);
                Map.Entry<String, byte[]> first = e.remove(0);
                Collections.shuffle(e, r);
                e.add(0, first);
                return new Mutant("reorder data entries", zip(e), false);
            },
            (b, r) -> {
                List<Map.Entry<String, byte[]>> e = entries(b);
                e.add(1 + r.nextInt(e.size()), Map.entry("data/huge.jsonl", new byte[24 << 20]));
                return new Mutant("huge extra entry", zip(e), false);
            },
            (b, r) -> {
                List<Map.Entry<String, byte[]>> e = entries(b);
                int i = 1 + r.nextInt(e.size() - 1);
                byte[] huge = "{}\n".repeat(8 << 20).getBytes(StandardCharsets.US_ASCII);
                e.set(i, Map.entry(e.get(i).getKey(), huge));
                return new Mutant("huge data entry", zip(e), r.nextBoolean() ? resign(e) : false);
            },
            (b, r) -> manifest(b, "manifest version", false, m -> {
                Object[] versions = {0, -1, 2, 999, 2147483648L, 4294967297L, "1", 1.5, null, "missing"};
                Object v = versions[r.nextInt(versions.length)];
                if ("missing".equals(v)) {
                    m.remove("formatVersion");
                } else {
                    m.set("formatVersion", STRICT.valueToTree(v));
                }
            }),
            (b, r) -> manifest(b, "manifest format", false, m -> m.put("format", r.nextBoolean() ? "stocklens" : "")),
            (b, r) -> manifest(b, "wrong checksum", false, m -> {
                ObjectNode e = (ObjectNode) m.get("entries").get(r.nextInt(m.get("entries").size()));
                String sha = e.get("sha256").asText();
                switch (r.nextInt(4)) {
                    case 0 -> e.put("sha256", "0".repeat(64));
                    case 1 -> e.put("sha256", sha.toUpperCase(java.util.Locale.ROOT)); // the same checksum
                    case 2 -> e.remove("sha256");
                    default -> e.put("sha256", sha.substring(1) + "0");
                }
            }),
            (b, r) -> manifest(b, "wrong row count", false, m -> {
                ObjectNode e = (ObjectNode) m.get("entries").get(r.nextInt(m.get("entries").size()));
                long rows = e.get("rows").asLong();
                Object[] wrong = {rows + 1, rows - 1, -1, Long.MAX_VALUE, "9223372036854775808", 1e300, "12", null};
                e.set("rows", STRICT.valueToTree(wrong[r.nextInt(wrong.length)]));
            }),
            (b, r) -> manifest(b, "hostile entry name", false, m -> {
                ObjectNode e = (ObjectNode) m.get("entries").get(r.nextInt(m.get("entries").size()));
                String[] names = {"../../etc/passwd", "/tmp/x.jsonl", "data/../manifest.json", "data/sku; DROP TABLE sku.jsonl"};
                e.put(r.nextBoolean() ? "name" : "table", names[r.nextInt(names.length)]);
            }),
            (b, r) -> {
                List<Map.Entry<String, byte[]>> e = entries(b);
                String[] garbage = {"", "{", "[]", "null", "{\"format\":\"stocklens-snapshot\",\"formatVersion\":1}",
                        "{\"format\":\"stocklens-snapshot\",\"formatVersion\":1,\"format\":\"x\"}", "\u00ff\u00fe"};
                e.set(0, Map.entry(SnapshotArchive.MANIFEST, garbage[r.nextInt(garbage.length)].getBytes(StandardCharsets.ISO_8859_1)));
                return new Mutant("malformed manifest", zip(e), false);
            },
            (b, r) -> manifestText(b, "duplicate manifest key", t -> t.replaceFirst("\"formatVersion\" : 1",
                    "\"formatVersion\" : 1, \"formatVersion\" : " + (r.nextBoolean() ? 1 : 2))),
            (b, r) -> data(b, "malformed JSON line", r, "stock_row", lines -> {
                String[] bad = {"{", "[1,2]", "null", "\"text\"", "{\"on_hand\":}", "{\"on_hand\": 1,}", "\u0000",
                        "{'on_hand': 1}", "{\"snapshot_id\": 1} trailing"};
                lines.set(r.nextInt(lines.size()), bad[r.nextInt(bad.length)]);
            }),
            (b, r) -> data(b, "number", r, "stock_row", lines -> {
                Object[] values = {-1, -2147483649L, 2147483648L, new java.math.BigInteger("9223372036854775808"),
                        new java.math.BigInteger("99999999999999999999999"), 1.5, -0.0, "12", "n/a", true, null, 0, 7};
                String[] columns = {"on_hand", "available", "reserved", "in_transit", "qc_hold", "frozen", "return_pending_qc"};
                int i = r.nextInt(lines.size());
                ObjectNode row = (ObjectNode) STRICT.readTree(lines.get(i));
                row.set(columns[r.nextInt(columns.length)], STRICT.valueToTree(values[r.nextInt(values.length)]));
                lines.set(i, STRICT.writeValueAsString(row));
            }),
            (b, r) -> data(b, "raw number", r, "stock_row", lines -> {
                String[] raw = {"1e400", "-1e400", "1E2", "0x10", "NaN", "012", "1_000", "+5", "9".repeat(400)};
                int i = r.nextInt(lines.size());
                lines.set(i, lines.get(i).replaceFirst("\"on_hand\":[^,}]*", "\"on_hand\":" + raw[r.nextInt(raw.length)]));
            }),
            (b, r) -> data(b, "duplicate key", r, "stock_row", lines -> {
                int i = r.nextInt(lines.size());
                lines.set(i, lines.get(i).replaceFirst("\\{", "{\"on_hand\":" + r.nextInt(3) + ","));
            }),
            (b, r) -> data(b, "wrong type", r, null, lines -> {
                int i = r.nextInt(lines.size());
                ObjectNode row = (ObjectNode) STRICT.readTree(lines.get(i));
                List<String> names = new ArrayList<>();
                row.fieldNames().forEachRemaining(names::add);
                JsonNode[] values = {STRICT.createObjectNode(), STRICT.createArrayNode(), STRICT.valueToTree("yesterday"),
                        STRICT.valueToTree(12), STRICT.valueToTree(false), STRICT.valueToTree("x".repeat(5000))};
                row.set(names.get(r.nextInt(names.size())), values[r.nextInt(values.length)]);
                lines.set(i, STRICT.writeValueAsString(row));
            }),
            (b, r) -> data(b, "drop or repeat a row", r, null, lines -> {
                int i = r.nextInt(lines.size());
                if (r.nextBoolean()) {
                    lines.remove(i);
                } else {
                    lines.add(i, lines.get(i));
                }
            }),
            (b, r) -> data(b, "blank lines", r, null, lines -> lines.add(r.nextInt(lines.size() + 1), "")));

    // --- opening -------------------------------------------------------------------------------

    /** What opening did: the tables restored (when it succeeded) or the exception. */
    record Outcome(Map<String, List<String>> restored, Throwable error) {
    }

    /** {@link SnapshotArchive#restore} into a fresh workspace, as AppRuntime does; then the data as re-exported. */
    static Outcome open(byte[] file, String kind) throws Exception {
        Path dir = Files.createTempDirectory(root, "open-");
        Path f = dir.resolve("fuzz.stocklens");
        Files.write(f, file);
        Path ws = dir.resolve("ws");
        try {
            SnapshotManifest m;
            try {
                m = SnapshotArchive.restore(f, ws);
            } catch (Throwable t) {
                assertNothingVisible(kind, ws);
                return new Outcome(null, t);
            }
            try (Database db = Database.open(ws)) {
                byte[] again = reexport(db, m);
                return new Outcome(tables(again), null);
            }
        } finally {
            SnapshotArchive.discard(dir);
        }
    }

    /** A refused file leaves no row in the workspace it was being restored into. */
    private static void assertNothingVisible(String kind, Path ws) {
        if (!Files.exists(ws.resolve("db"))) {
            return;
        }
        try (Database db = Database.open(ws)) {
            for (String t : List.of("source", "sku", "snapshot", "sync_run", "stock_row", "channel_row", "stock_import",
                    "calibration_task", "warehouse")) {
                int n = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Integer.class).one());
                assertThat(n).as("%s: rows of %s visible after a refused restore", kind, t).isZero();
            }
        }
    }

    /** AppRuntime in snapshot mode: refused as a StartupException caused by the file's problem, or opened. */
    static Outcome openThroughApp(byte[] file) throws Exception {
        Path dir = Files.createTempDirectory(root, "app-");
        Path f = dir.resolve("fuzz.stocklens");
        Files.write(f, file);
        Set<Path> before = snapshotTemps();
        Outcome o = null;
        try {
            LaunchOptions options = new LaunchOptions(false, dir.resolve("base"), null, Duration.ofSeconds(60),
                    Duration.ofMinutes(15), f);
            AppRuntime runtime;
            try {
                runtime = AppRuntime.open(options);
            } catch (StartupException e) {
                assertThat(e.getCause()).as("startup refused: %s", e.getMessage()).isInstanceOf(SnapshotFileException.class);
                o = new Outcome(null, e.getCause());
                runtime = null;
            }
            if (runtime != null) {
                runtime.close();
                o = open(file, "through the app"); // the data, compared by the caller
            }
        } finally {
            SnapshotArchive.discard(dir);
        }
        Set<Path> left = snapshotTemps();
        left.removeAll(before);
        assertThat(left).as("temporary snapshot workspaces left behind").isEmpty();
        return o;
    }

    private static Set<Path> snapshotTemps() throws IOException {
        try (var s = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "stocklens-snapshot-*")) {
            Set<Path> out = new java.util.HashSet<>();
            s.forEach(out::add);
            return out;
        }
    }

    private static byte[] reexport(Database db, SnapshotManifest m) throws IOException {
        Path out = Files.createTempFile(root, "again-", ".stocklens");
        try {
            SnapshotArchive.export(db.jdbi(), new SnapshotArchive.Request(m.at(), m.from(), m.workspaceName(), m.mode(),
                    m.appVersion(), m.settings()), m.exportedAt(), out);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * The data a file holds: table → its rows (blank lines skipped), each row parsed strictly and written
     * back canonically (keys sorted), sorted. The manifest's entries say which zip entry is which table.
     */
    static Map<String, List<String>> tables(byte[] file) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries(file)) {
            byName.putIfAbsent(e.getKey(), e.getValue());
        }
        JsonNode manifest = STRICT.readTree(byName.get(SnapshotArchive.MANIFEST));
        ObjectMapper sorted = new ObjectMapper().configure(com.fasterxml.jackson.databind.SerializationFeature
                .ORDER_MAP_ENTRIES_BY_KEYS, true);
        for (JsonNode e : manifest.get("entries")) {
            List<String> rows = new ArrayList<>();
            for (String line : new String(byName.get(e.get("name").asText()), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(sorted.writeValueAsString(sorted.treeToValue(STRICT.readTree(line), Object.class)));
                }
            }
            Collections.sort(rows);
            out.put(e.get("table").asText(), rows);
        }
        return out;
    }

    // --- zip and manifest surgery --------------------------------------------------------------

    static List<Map.Entry<String, byte[]>> entries(byte[] file) throws IOException {
        Path tmp = Files.createTempFile(root, "entries-", ".zip");
        try {
            Files.write(tmp, file);
            List<Map.Entry<String, byte[]>> out = new ArrayList<>();
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                for (var en = zip.entries(); en.hasMoreElements(); ) {
                    ZipEntry e = en.nextElement();
                    try (InputStream in = zip.getInputStream(e)) {
                        out.add(Map.entry(e.getName(), in.readAllBytes()));
                    }
                }
            }
            return out;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes entries as a zip; duplicate names (which {@link ZipOutputStream} refuses) are written under a
     * placeholder name of the same length and patched afterwards.
     */
    static byte[] zip(List<Map.Entry<String, byte[]>> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> patches = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            int k = 0;
            for (Map.Entry<String, byte[]> e : entries) {
                String name = e.getKey();
                if (!seen.add(name)) {
                    String placeholder = String.format("%0" + name.length() + "d", k++).substring(0, name.length());
                    placeholder = "~" + placeholder.substring(1);
                    patches.put(placeholder, name);
                    name = placeholder;
                }
                z.putNextEntry(new ZipEntry(name));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        byte[] out = bytes.toByteArray();
        for (Map.Entry<String, String> p : patches.entrySet()) {
            replaceAll(out, p.getKey().getBytes(StandardCharsets.UTF_8), p.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void replaceAll(byte[] in, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, in, i, to.length);
            }
        }
    }

    interface ManifestChange {
        void change(ObjectNode manifest) throws IOException;
    }

    static Mutant manifest(byte[] base, String kind, boolean resigned, ManifestChange change) throws IOException {
        List<Map.Entry<String, byte[]>> e = entries(base);
        ObjectNode m = (ObjectNode) STRICT.readTree(e.get(0).getValue());
        change.change(m);
        e.set(0, Map.entry(SnapshotArchive.MANIFEST, STRICT.writerWithDefaultPrettyPrinter().writeValueAsBytes(m)));
        return new Mutant(kind, zip(e), resigned);
    }

    static Mutant manifestText(byte[] base, String kind, java.util.function.UnaryOperator<String> change) throws IOException {
        List<Map.Entry<String, byte[]>> e = entries(base);
        e.set(0, Map.entry(SnapshotArchive.MANIFEST, change.apply(new String(e.get(0).getValue(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8)));
        return new Mutant(kind, zip(e), false);
    }

    interface LinesChange {
        void change(List<String> lines) throws IOException;
    }

    /**
     * Changes the lines of one data entry ({@code table}, or a random non-empty one) and re-signs the file:
     * the manifest's rows, bytes and checksum are made true again, so only the reader's own checks remain.
     */
    static Mutant data(byte[] base, String kind, Random r, String table, LinesChange change) throws IOException {
        List<Map.Entry<String, byte[]>> e = entries(base);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < e.size(); i++) {
            if (e.get(i).getValue().length > 0 && (table == null || e.get(i).getKey().equals("data/" + table + ".jsonl"))) {
                candidates.add(i);
            }
        }
        int i = candidates.get(r.nextInt(candidates.size()));
        List<String> lines = new ArrayList<>(List.of(new String(e.get(i).getValue(), StandardCharsets.UTF_8).split("\n")));
        change.change(lines);
        String text = lines.stream().map(l -> l + "\n").collect(Collectors.joining());
        e.set(i, Map.entry(e.get(i).getKey(), text.getBytes(StandardCharsets.UTF_8)));
        resign(e);
        return new Mutant(kind + " (" + e.get(i).getKey().replace("data/", "").replace(".jsonl", "") + ")", zip(e), true);
    }

    /** Makes the manifest's rows, bytes and checksums true for the entries' current content. */
    static boolean resign(List<Map.Entry<String, byte[]>> e) throws IOException {
        ObjectNode m = (ObjectNode) STRICT.readTree(e.get(0).getValue());
        Map<String, byte[]> byName = new LinkedHashMap<>();
        e.forEach(x -> byName.put(x.getKey(), x.getValue()));
        for (JsonNode n : (ArrayNode) m.get("entries")) {
            byte[] content = byName.get(n.get("name").asText());
            if (content == null) {
                continue;
            }
            long rows = 0;
            for (byte c : content) {
                rows += c == '\n' ? 1 : 0;
            }
            ((ObjectNode) n).put("rows", rows).put("bytes", content.length).put("sha256", sha256(content));
        }
        e.set(0, Map.entry(SnapshotArchive.MANIFEST, STRICT.writerWithDefaultPrettyPrinter().writeValueAsBytes(m)));
        return true;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the source workspace ------------------------------------------------------------------

    static void commit(SourceInfo s, Reading reading) {
        long run = repo.beginRun(s.id(), reading.takenAt());
        repo.commit(s, run, reading, reading.takenAt(), 5);
    }

    /** Names in several scripts, with quotes and line breaks, and unknown quantities. */
    static Reading weird(Instant at, Random r, int n) {
        String[] names = {"商品 \"引号\"", "line\nbreak", "tab\there", "back\\slash", "emoji 📦", "عربي", null};
        Warehouse w = new Warehouse("winit:UKLH", Provider.WINIT, "UKLH", "London \"Heathrow\"", Market.GB, "UK",
                ZoneId.of("Europe/London"), null);
        List<Sku> skus = new ArrayList<>();
        List<StockRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sku = "W-" + i + (i % 5 == 0 ? "-商品" : "");
            skus.add(new Sku(new SkuCodes(sku, null, null, null), names[r.nextInt(names.length)]));
            Integer q = i % 4 == 0 ? null : r.nextInt(1000);
            rows.add(new StockRow(sku, w.id(), null, new StockLevel(q, q, null, i, 0, null, 0)));
        }
        return Reading.ofWarehouse(at, List.of(w), skus, rows, 1);
    }

    static byte[] export(Instant at, Instant from) throws IOException {
        Path out = Files.createTempFile(root, "base-", ".stocklens");
        try {
            SnapshotArchive.export(source.jdbi(), new SnapshotArchive.Request(at, from, "Fuzz shop \"測試\"", "live",
                    "0.1.0", Map.of("calibration.units", "5")), at.plusSeconds(1), out);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
