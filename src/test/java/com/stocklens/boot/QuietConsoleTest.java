package com.stocklens.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as the jar runs it — {@link Bootstrap} on the production class path (no test classes, so
 * logging as shipped), with the native access the jar's manifest allows — prints results on stdout and its own
 * lines on stderr, nothing else: no JDK warning, no Log4j or SLF4J status line, no log line (issue 19).
 */
class QuietConsoleTest {
    /** What the jar's manifest gives {@code java -jar}: Enable-Native-Access: ALL-UNNAMED. */
    private static final List<String> MANIFEST = List.of("--enable-native-access=ALL-UNNAMED");

    @TempDir
    Path dir;

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run run(String stdin, String... args) throws IOException, InterruptedException {
        return run(MANIFEST, "test-classes", stdin, args);
    }

    /** The jar's command line with {@code jvmOptions}, on the class path without the entries naming {@code left}. */
    private Run run(List<String> jvmOptions, String left, String stdin, String... args)
            throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains(left))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, Bootstrap.class.getName(), "--data-dir", dir.resolve("ws").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().put("HOME", dir.resolve("home").toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void stockJsonOnAFreshFolderPrintsOnlyJson() throws Exception {
        Run r = run("", "--demo", "stock", "--json");
        assertThat(r.exit()).as(r.stderr()).isZero();
        JsonNode rows = new ObjectMapper().readTree(r.stdout());
        assertThat(rows.isArray()).isTrue();
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void aSpreadsheetExportPrintsOnlyItsOwnLine() throws Exception {
        // POI logs through the Log4j API: without a bridge, "Log4j API could not find a logging provider".
        Run unbridged = run(MANIFEST, "log4j-to-slf4j", "", "--demo", "stock", "--out",
                dir.resolve("before.xlsx").toString());
        assertThat(unbridged.stderr() + unbridged.stdout()).as("without the bridge").contains("Log4j API could not find");
        Run r = run("", "--demo", "stock", "--out", dir.resolve("stock.xlsx").toString());
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr().lines()).singleElement().asString().startsWith("wrote 0 rows to ");
    }

    @Test
    void theKeychainLoadsItsNativeLibraryQuietly() throws Exception {
        // Storing a password probes the OS keychain through JNA (System.load: a restricted method on JDK 24+).
        String[] store = {"settings", "db", "--url", "jdbc:postgresql://localhost:5432/x", "--user", "u",
                "--password-stdin"};
        if (Runtime.version().feature() >= Bootstrap.QUIET_OPTIONS_FROM) {
            Run unallowed = run(List.of(), "test-classes", "secret\n", store);
            assertThat(unallowed.stderr()).as("without the manifest's entry, the JDK warns")
                    .contains("WARNING: A restricted method in java.lang.System has been called");
        }
        Run r = run("secret\n", store);
        assertThat(r.stderr().lines()).as(r.stderr()).isNotEmpty()
                .noneMatch(l -> l.startsWith("WARNING") || l.contains("SLF4J") || l.contains("Log4j")
                        || l.contains("Exception") || l.contains(" INFO ") || l.contains(" WARN "));
    }
}
