package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.cli.CliChildMain;
import com.stocklens.support.ChildJvm;
import com.stocklens.support.Redactor;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.stocklens.app.connections.ConnectionService;
import com.stocklens.app.connections.SourceFactory;
import com.stocklens.app.demo.DemoConnections;
import com.stocklens.app.settings.DataDirectory;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.settings.LiveConfig;
import com.stocklens.app.workspace.WorkspaceOpener;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.RedactingLoggingInterceptor;
import com.stocklens.connector.shipbob.ShipBobConfig;
import com.stocklens.connector.tiktok.TikTokConfig;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.secrets.SecretStores;
import com.stocklens.service.Connections;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.SecretStore;
import com.stocklens.store.ConnectionRepository;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Canary secrets (issue 3): connections configured with unique secret values, synced with every logger at
 * DEBUG (the redacting HTTP log included), tested, exported; then every file the run could have written —
 * logs, the H2 database (raw and through {@code SCRIPT TO}), settings, exports, the secrets file, new temp
 * files — is searched for the canaries and for the sandbox's own credentials. Zero hits.
 */
class CanarySecretsTest {
    private static final String LOGGER_ROOT = org.slf4j.Logger.ROOT_LOGGER_NAME;

    @TempDir
    Path base;

    private SandboxServer sandbox;
    private SandboxClock clock;
    private FileAppender<ILoggingEvent> appender;
    private Level rootLevel;
    private Level stocklensLevel;
    private final Instant started = Instant.now().minusSeconds(1);

    private final String shipbobCanary = "CANARY-" + UUID.randomUUID();
    private final String tiktokSecretCanary = "CANARY-" + UUID.randomUUID();
    private final String tiktokTokenCanary = "CANARY-" + UUID.randomUUID();
    private final String passphraseCanary = "CANARY-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        sandbox = SandboxServer.start(new SimulatedWorld(DemoConnections.DEMO_SEED, 60, clock));
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        // The log file's production layout (logback.xml): every line redacted before it is written.
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(ctx);
        layout.setPattern("%d %-5level [%thread] %logger - %msg%n%ex");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(ctx);
        encoder.setLayout(layout);
        encoder.start();
        appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setFile(workspace().resolve("logs").resolve("stocklens.log").toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger root = ctx.getLogger(LOGGER_ROOT);
        rootLevel = root.getLevel();
        stocklensLevel = ctx.getLogger("com.stocklens").getLevel();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        ctx.getLogger("com.stocklens").setLevel(Level.DEBUG);
    }

    @AfterEach
    void tearDown() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = ctx.getLogger(LOGGER_ROOT);
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(rootLevel);
        ctx.getLogger("com.stocklens").setLevel(stocklensLevel);
        sandbox.close();
    }

    private Path workspace() {
        return DataDirectory.workspace(base, false);
    }

    private Map<String, String> env() {
        return Map.of(SecretStores.STORE_ENV, "file", SecretStores.PASSPHRASE_ENV, passphraseCanary);
    }

    /** Every value that must never be written anywhere in the clear. */
    private List<String> canaries() {
        return List.of(shipbobCanary, tiktokSecretCanary, tiktokTokenCanary, passphraseCanary,
                SandboxCredentials.SHIPBOB_TOKEN, SandboxCredentials.TIKTOK_APP_SECRET,
                SandboxCredentials.TIKTOK_ACCESS_TOKEN);
    }

    @Test
    void noSecretReachesLogsDatabaseSettingsExportsOrTempFiles() throws Exception {
        String url = sandbox.baseUrl();
        // 1. Configure through the same service the screen uses: two that work, two with canary secrets.
        try (Database db = Database.open(workspace())) {
            SecretStore secrets = SecretStores.choose(workspace(), env(), PassphrasePrompt.NONE);
            ConnectionService service = new ConnectionService(false, List.of(), new ConnectionRepository(db.jdbi()),
                    secrets, new SnapshotRepository(db.jdbi()), new SourceFactory(new HttpClientFactory(), clock),
                    clock, Map.of());
            service.save(shipbob("shipbob:main", url), Map.of("token", SandboxCredentials.SHIPBOB_TOKEN));
            service.save(tiktok("tiktok:main", url), Map.of("app_secret", SandboxCredentials.TIKTOK_APP_SECRET,
                    "access_token", SandboxCredentials.TIKTOK_ACCESS_TOKEN));
            service.save(shipbob("shipbob:canary", url), Map.of("token", shipbobCanary));
            service.save(tiktok("tiktok:canary", url), Map.of("app_secret", tiktokSecretCanary,
                    "access_token", tiktokTokenCanary));
            // Tests with canaries: refused, in plain words that hold no secret.
            for (Connections.ConnectionStatus s : service.list()) {
                Connections.TestOutcome o = service.test(s.connection(), Map.of());
                assertNoCanary("test outcome of " + s.connection().id(), String.valueOf(o));
                if (s.connection().id().endsWith(":canary")) {
                    assertThat(o.failure()).as(s.connection().id()).isEqualTo(Connections.Failure.REFUSED);
                } else {
                    assertThat(o.succeeded()).as("%s: %s", s.connection().id(), o).isTrue();
                }
            }
            // A typed canary that is never saved is not stored either.
            Connections.TestOutcome typed = service.test(shipbob("shipbob:typed", url),
                    Map.of("token", shipbobCanary + "-typed"));
            assertNoCanary("typed test", String.valueOf(typed));
            assertNoCanary("connection list", String.valueOf(service.list()));
        }

        // 2. Start live from the stored connections and sync everything once, DEBUG logging on.
        assertThat(WorkspaceOpener.hasStoredConnections(base)).isTrue();
        LaunchOptions options = new LaunchOptions(false, base, null, Duration.ofSeconds(10), Duration.ofMinutes(15));
        try (AppRuntime runtime = AppRuntime.open(options, clock, env(), PassphrasePrompt.NONE)) {
            assertThat(runtime.sources()).hasSize(4);
            List<SyncRun> runs = runtime.syncEngine().syncAllOnce();
            Map<String, SyncStatus> byId = new HashMap<>();
            runs.forEach(r -> byId.put(r.sourceId(), r.status()));
            assertThat(byId).containsEntry("shipbob:main", SyncStatus.COMPLETE)
                    .containsEntry("tiktok:main", SyncStatus.COMPLETE)
                    .containsEntry("shipbob:canary", SyncStatus.FAILED)
                    .containsEntry("tiktok:canary", SyncStatus.FAILED);
            runs.forEach(r -> assertNoCanary("sync run error", String.valueOf(r.error())));
            runtime.activitySync().orElseThrow().syncOnce();
            Path exports = workspace().resolve("exports");
            Files.createDirectories(exports);
            LocalDate today = LocalDate.of(2026, 11, 27);
            for (ReportFormat f : List.of(ReportFormat.XLSX, ReportFormat.CSV)) {
                runtime.reportExports().exportHealth(runtime.healthReports().report(today.minusDays(28), today), f,
                        Locale.ENGLISH, exports.resolve("health." + f.name().toLowerCase(Locale.ROOT)));
            }
            runtime.reportExports().exportCodeCheck(runtime.codeChecks().checkCurrent(), ReportFormat.CSV,
                    Locale.ENGLISH, exports.resolve("codes.csv"));
            assertNoCanary("connections screen", String.valueOf(runtime.connections().list()));
            // A snapshot file (issue 7): neither secrets nor the connections' account settings.
            runtime.exportSnapshot(null, null, exports.resolve("workspace.stocklens"));
            String snapshot = readable(exports.resolve("workspace.stocklens"));
            assertThat(snapshot).contains("shipbob:canary").doesNotContain(SandboxCredentials.TIKTOK_APP_KEY);
        }
        appender.stop();

        // 3. The database through SCRIPT TO, then every file of the workspace and every new temp file.
        Path script = base.resolve("script.sql");
        try (Database db = Database.open(workspace())) {
            db.jdbi().useHandle(h -> h.execute("SCRIPT TO '" + script.toAbsolutePath() + "'"));
        }
        assertThat(Files.readString(script)).contains("SOURCE_CONNECTION").contains("shipbob:canary");
        String log = Files.readString(workspace().resolve("logs").resolve("stocklens.log"));
        assertThat(log).as("the wire log ran").contains("[shipbob] --> GET").contains("Authorization: REDACTED").contains(RedactingLoggingInterceptor.MASK);

        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(base)) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        files.addAll(newTempFiles());
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("stocklens.log", "stocklens.mv.db", "secrets.enc", "health.xlsx", "health.csv", "script.sql",
                        "workspace.stocklens");
        Map<Path, String> hits = new LinkedHashMap<>();
        for (Path f : files) {
            String text = readable(f);
            for (String canary : canaries()) {
                if (text.contains(canary)) {
                    hits.put(f, canary.substring(0, 10) + "…");
                }
            }
        }
        assertThat(hits).as("files holding a secret").isEmpty();
    }

    /**
     * Issue 18 item 3: providers that echo the credentials they were sent in every error path — 401, 403, 400,
     * an API error envelope (TikTok's code, ShipBob's problem+json), 500 until the retries run out, a body
     * that is not JSON — for a ShipBob and a TikTok connection each. The command line runs in a child JVM as
     * the jar does (secrets file unlocked from the environment, the production log configuration at DEBUG):
     * {@code sync --once --json}, {@code status --json}, {@code snapshot export}. Then the H2 file (raw and
     * {@code SCRIPT TO}), every file of the workspace (logs, exports), new temp files, stdout and stderr are
     * searched for every canary: zero hits.
     */
    @Test
    void providersThatEchoTheCredentialsLeakThemNowhere() throws Exception {
        String appKeyCanary = "CANARYKEY" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<EchoServer> servers = new ArrayList<>();
        try {
            for (EchoMode mode : EchoMode.values()) {
                servers.add(new EchoServer(mode));
            }
            try (Database db = Database.open(workspace())) {
                SecretStore secrets = SecretStores.choose(workspace(), env(), PassphrasePrompt.NONE);
                ConnectionService service = new ConnectionService(false, List.of(), new ConnectionRepository(db.jdbi()),
                        secrets, new SnapshotRepository(db.jdbi()), new SourceFactory(new HttpClientFactory(), clock),
                        clock, Map.of());
                for (EchoServer server : servers) {
                    String url = server.url();
                    service.save(shipbob("shipbob:" + server.mode.id(), url), Map.of("token", shipbobCanary));
                    Connection tiktok = new Connection("tiktok:" + server.mode.id(), ConnectionKind.TIKTOK_SHOP,
                            "tiktok:" + server.mode.id(), true, null,
                            Map.of("api_base", url, "auth_base", url, "app_key", appKeyCanary));
                    service.save(tiktok, Map.of("app_secret", tiktokSecretCanary, "access_token", tiktokTokenCanary));
                }
                // The connections screen's test, in this process: the outcome shown holds no canary.
                for (Connections.ConnectionStatus c : service.list()) {
                    Connections.TestOutcome o = service.test(c.connection(), Map.of());
                    assertThat(o.succeeded()).as(c.connection().id()).isFalse();
                    assertNoCanary("test outcome of " + c.connection().id(), String.valueOf(o));
                    assertThat(String.valueOf(o)).as(c.connection().id()).doesNotContain(appKeyCanary);
                }
            }

            // The command line as the jar runs it, in a child JVM.
            Path logConfig = debugProductionLogConfig();
            Map<String, String> childEnv = Map.of(SecretStores.STORE_ENV, "file", SecretStores.PASSPHRASE_ENV,
                    passphraseCanary);
            List<String> jvm = List.of("-Xmx512m", "-Dlogback.configurationFile=" + logConfig,
                    "-Djava.io.tmpdir=" + Files.createDirectories(base.resolve("child-tmp")));
            Path export = workspace().resolve("exports").resolve("echo.stocklens");
            StringBuilder printed = new StringBuilder();
            String syncJson = null;
            for (List<String> args : List.of(List.of("sync", "--once", "--json"), List.of("status", "--json"),
                    List.of("snapshot", "export", "--out", export.toString(), "--json"))) {
                List<String> all = new ArrayList<>(List.of("--data-dir", base.toString()));
                all.addAll(args);
                ChildJvm child = ChildJvm.start(CliChildMain.class, jvm, childEnv, all.toArray(String[]::new));
                int exit = child.await(300);
                printed.append(child.stdout()).append(child.stderr());
                assertThat(child.stderr()).as("%s", args).doesNotContain("child-error");
                if (args.get(0).equals("sync")) {
                    assertThat(exit).as("every echoing source failed").isEqualTo(1);
                    syncJson = child.stdout();
                } else {
                    assertThat(exit).as("%s: %s", args, child.stderr()).isZero();
                }
            }
            assertNoCanary("stdout and stderr", printed.toString());
            assertThat(printed.toString()).doesNotContain(appKeyCanary);

            // Every echoing source failed with its reason; the reasons are where the echo was cut.
            JsonNode runs = new ObjectMapper().readTree(syncJson);
            List<String> errors = new ArrayList<>();
            runs.forEach(r -> {
                if (r.path("source").asText().matches("(shipbob|tiktok):echo-.*")) {
                    assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("FAILED");
                    errors.add(r.path("error").asText());
                }
            });
            assertThat(errors).hasSize(2 * EchoMode.values().length);
            long cut = errors.stream().filter(e -> e.contains(Redactor.MASK)).count();

            // The H2 file: its sync_run errors, SCRIPT TO, and its raw bytes (below with every file).
            Path script = base.resolve("echo-script.sql");
            try (Database db = Database.open(workspace())) {
                List<String> stored = db.jdbi().withHandle(h -> h.createQuery("SELECT error FROM sync_run WHERE "
                        + "error IS NOT NULL").mapTo(String.class).list());
                assertThat(stored).hasSizeGreaterThanOrEqualTo(2 * EchoMode.values().length);
                stored.forEach(e -> assertThat(e).doesNotContain(appKeyCanary));
                db.jdbi().useHandle(h -> h.execute("SCRIPT TO '" + script.toAbsolutePath() + "'"));
            }
            assertThat(readable(export)).contains("shipbob:echo-401").doesNotContain(appKeyCanary);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> all = Files.walk(base)) {
                all.filter(Files::isRegularFile).forEach(files::add);
            }
            files.addAll(newTempFiles());
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("stocklens.log", "stocklens.mv.db", "secrets.enc", "echo.stocklens", "echo-script.sql");
            Map<Path, String> hits = new LinkedHashMap<>();
            for (Path f : files) {
                String text = readable(f);
                for (String canary : canaries()) {
                    if (text.contains(canary)) {
                        hits.put(f, canary.substring(0, 10) + "…");
                    }
                }
            }
            assertThat(hits).as("files holding a secret").isEmpty();
            int requests = servers.stream().mapToInt(s -> s.requests.get()).sum();
            System.out.printf("echo canaries: %d echoing connections (%d modes x ShipBob, TikTok), %d requests echoed "
                            + "the credentials; %d files, stdout/stderr of sync --json, status --json, snapshot export "
                            + "searched: 0 hits; %d of %d stored errors had a secret cut (%s)%n",
                    errors.size(), EchoMode.values().length, requests, files.size(), cut, errors.size(),
                    errors.get(0));
        } finally {
            for (EchoServer s : servers) {
                s.close();
            }
        }
    }

    /** How a provider answers while echoing every credential it was sent. */
    private enum EchoMode {
        UNAUTHORIZED(401), FORBIDDEN(403), BAD_REQUEST(400), API_ERROR(200), SERVER_ERROR(500), NOT_JSON(200);

        final int status;

        EchoMode(int status) {
            this.status = status;
        }

        String id() {
            return "echo-" + (this == API_ERROR ? "envelope" : this == NOT_JSON ? "notjson" : Integer.toString(status));
        }
    }

    /** A loopback provider answering every request in its mode, with the request's credentials in the words. */
    private static final class EchoServer implements AutoCloseable {
        final EchoMode mode;
        final MockWebServer server = new MockWebServer();
        final AtomicInteger requests = new AtomicInteger();

        EchoServer(EchoMode mode) throws IOException {
            this.mode = mode;
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    requests.incrementAndGet();
                    return answer(echo(r));
                }
            });
            server.start();
        }

        String url() {
            String u = server.url("/").toString();
            return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        }

        /** Every header and query value the request carried, and its body. */
        private static String echo(RecordedRequest r) {
            StringBuilder sb = new StringBuilder();
            r.getHeaders().forEach(h -> sb.append(h.getFirst()).append('=').append(h.getSecond()).append(' '));
            HttpUrl url = r.getUrl();
            for (int i = 0; i < url.querySize(); i++) {
                sb.append(url.queryParameterName(i)).append(' ').append(url.queryParameterValue(i)).append(' ');
            }
            if (r.getBody() != null) {
                sb.append(r.getBody().utf8());
            }
            return sb.toString().replace("\"", "'").replace("\\", "/");
        }

        private MockResponse answer(String echo) {
            String words = "credentials " + echo + " are not valid";
            MockResponse.Builder b = new MockResponse.Builder().code(mode.status)
                    .addHeader("Content-Type", "application/json");
            return switch (mode) {
                case API_ERROR -> b.body("{\"code\":36009004,\"message\":\"" + words + "\",\"request_id\":\""
                        + echo.strip() + "\",\"title\":\"" + words + "\"}").build();
                case NOT_JSON -> b.body(echo + " <html>not json").build();
                case BAD_REQUEST -> b.body("{\"error_description\":\"" + words + "\"}").build();
                default -> b.body("{\"message\":\"" + words + "\",\"detail\":\"" + words + "\"}").build();
            };
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The production logback.xml (its redacting layout), with every logger at DEBUG, written for the child. */
    private Path debugProductionLogConfig() throws IOException {
        String xml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("logback.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(xml).contains("RedactingLayout");
        String debug = xml.replaceAll("level=\"[A-Z]+\"", "level=\"DEBUG\"");
        Path file = base.resolve("logback-debug.xml");
        Files.writeString(file, debug);
        return file;
    }

    @Test
    void configsAndTheWireLogRedactEveryCredential() {
        ShipBobConfig sb = ShipBobConfig.of("https://api.shipbob.com", shipbobCanary);
        TikTokConfig tt = TikTokConfig.of("https://open-api.tiktokglobalshop.com", "key", tiktokSecretCanary,
                tiktokTokenCanary);
        assertNoCanary("ShipBobConfig.toString", sb.toString());
        assertNoCanary("TikTokConfig.toString", tt.toString());
        LiveConfig live = new LiveConfig("https://a", "key", tiktokSecretCanary, tiktokTokenCanary, "https://b",
                shipbobCanary, Map.of());
        assertNoCanary("LiveConfig.toString", live.toString());
        assertNoCanary("Connection.toString", tiktok("tiktok:x", "https://a").toString());

        String c = "CANARY-wire";
        Headers headers = new Headers.Builder().add("Authorization", "Bearer " + c).add("x-tts-access-token", c)
                .add("Api-Key", c).add("app-key", c).add("app-token", c).add("Content-Type", "application/json")
                .build();
        String h = RedactingLoggingInterceptor.redact(headers);
        assertThat(h).doesNotContain(c).contains("Content-Type: application/json");
        HttpUrl url = HttpUrl.get("https://x.example/api?app_key=public&access_token=" + c + "&sign=" + c
                + "&client_sign=" + c + "&token=" + c + "&app_secret=" + c + "&page=2");
        String u = RedactingLoggingInterceptor.redact(url);
        assertThat(u).doesNotContain(c).contains("page=2").contains("app_key=public");
    }

    private static Connection shipbob(String id, String url) {
        return new Connection(id, ConnectionKind.SHIPBOB, id, true, null, Map.of("api_base", url));
    }

    private static Connection tiktok(String id, String url) {
        return new Connection(id, ConnectionKind.TIKTOK_SHOP, id, true, null,
                Map.of("api_base", url, "auth_base", url, "app_key", SandboxCredentials.TIKTOK_APP_KEY));
    }

    private void assertNoCanary(String where, String text) {
        for (String canary : canaries()) {
            assertThat(text).as(where).doesNotContain(canary);
        }
    }

    /** Files in the temp folder (one level down too) written since the test began. */
    private List<Path> newTempFiles() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(tmp, 2)) {
            all.filter(p -> {
                try {
                    return Files.isRegularFile(p) && Files.isReadable(p) && Files.size(p) < 50_000_000
                            && Files.getLastModifiedTime(p).compareTo(FileTime.from(started)) >= 0
                            && !p.startsWith(base);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(out::add);
        } catch (java.io.UncheckedIOException e) {
            // A folder another process owns: skip what we cannot list.
        }
        return out;
    }

    /** The file's bytes as text; gzip logs and XLSX (zip) parts unpacked. */
    private static String readable(Path f) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            return "";
        }
        String name = f.getFileName().toString();
        if (name.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (name.endsWith(".xlsx") || name.endsWith(".zip") || name.endsWith(".stocklens")) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(bytes);
            try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(f))) {
                while (zip.getNextEntry() != null) {
                    all.write(zip.readAllBytes());
                }
            }
            return all.toString(StandardCharsets.UTF_8);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1) + new String(bytes, StandardCharsets.UTF_8)
                + new String(bytes, StandardCharsets.UTF_16BE);
    }
}
