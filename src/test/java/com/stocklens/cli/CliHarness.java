package com.stocklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.support.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the command line in-process, as the README's commands do, with stdout and stderr captured and a
 * fresh workspace per test. Uses the production parser ({@link StockLensCommand#commandLine}).
 */
abstract class CliHarness {
    @TempDir
    Path dir;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** The workspace given as {@code --data-dir}; a test may point it elsewhere. */
    Path dataDir() {
        return dir;
    }

    /** Runs {@code stocklens --data-dir <dataDir()> ARGS…} and returns the exit code. */
    int run(String... args) {
        return runIn(dataDir(), args);
    }

    private int runIn(Path dataDir, String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        return StockLensCommand.commandLine(new StockLensCommand()).execute(all.toArray(String[]::new));
    }

    /** Per test class: a data directory after one {@code --demo sync --once}, which every test of it copies. */
    private static final Map<Class<?>, Path> SYNCED_DEMO = new ConcurrentHashMap<>();

    /**
     * Makes this test's data directory a copy of one holding a demo workspace after {@code --demo sync --once},
     * synced once for the test class (a demo sync with its past takes 20-30 s here): for tests of what a synced
     * demo shows, not of the sync itself. The copy is the test's own to change.
     */
    void startFromSyncedDemo() throws IOException {
        Path synced;
        synchronized (SYNCED_DEMO) {
            synced = SYNCED_DEMO.get(getClass());
            if (synced == null) {
                synced = Files.createTempDirectory("stocklens-synced-demo");
                Path made = synced;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(made)));
                if (runIn(synced, "--demo", "sync", "--once") != 0) {
                    throw new AssertionError("the shared demo sync failed: " + stderr());
                }
                SYNCED_DEMO.put(getClass(), synced);
            }
        }
        FileTrees.copy(synced, dataDir());
        out.reset();
        err.reset();
    }

    /** Prints a test's own result line (its counts) past the capture, to the build's output. */
    void report(String line) {
        originalOut.println(line);
    }

    /** A line for the test's report (its counts), formatted, on the real stdout rather than the captured one. */
    void report(String format, Object... args) {
        originalOut.printf(format + "%n", args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    JsonNode json() throws IOException {
        return new ObjectMapper().readTree(stdout());
    }
}
