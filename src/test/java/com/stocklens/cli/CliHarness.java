package com.stocklens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir().toString()));
        all.addAll(List.of(args));
        return StockLensCommand.commandLine(new StockLensCommand()).execute(all.toArray(String[]::new));
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
