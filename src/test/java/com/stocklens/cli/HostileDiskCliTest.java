package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.support.Tmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 items 1 and 2, on a real tmpfs (skipped where it cannot be mounted): a full disk or a read-only
 * file system is never taken for a damaged database. Reading commands answer from the file as it is (opened
 * read-only), writing commands refuse in one sentence with exit code 3, nothing is moved aside, and once the
 * disk has space (or is writable) again the same data opens and the next sync works.
 */
class HostileDiskCliTest extends CliHarness {
    private static final String LOGBACK_CONFIG = "logback.configurationFile";
    private Tmpfs fs;

    @Override
    Path dataDir() {
        return fs.dir();
    }

    /** The production logging (a file in the workspace, nothing on the console), as the real program has. */
    @BeforeEach
    void productionLogging() {
        System.setProperty(LOGBACK_CONFIG, getClass().getClassLoader().getResource("logback.xml").toString());
    }

    @AfterEach
    void unmount() throws JoranException {
        System.clearProperty(LOGBACK_CONFIG);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
        if (fs != null) {
            fs.close();
        }
    }

    @Test
    void aFullDiskKeepsTheDatabaseReadsItAndRefusesWritesUntilThereIsSpace() throws Exception {
        // Room for the demo workspace with its year of past (about 60 MB of H2) before the filler takes the rest.
        fs = Tmpfs.mountOrSkip(dir.resolve("full"), "192m");
        int rows = syncedRows();
        fs.fill("filler");
        report("full disk: filled with %d MB; %s", Files.size(fs.dir().resolve("filler")) >> 20,
                Files.getFileStore(fs.dir()).getUsableSpace() + " bytes left");

        Outcomes o = readAndWrite(rows, "full");
        fs.unfill("filler");
        assertThat(run("--demo", "stock", "--json")).as(stderr()).isZero();
        assertThat(json().size()).as("rows once space is back").isEqualTo(rows);
        assertThat(run("--demo", "sync", "--once")).as(stderr()).isZero();
        assertNothingMovedAside();
        report("full disk: %s; space back: %d rows, next sync exit 0, nothing moved aside", o, rows);
    }

    @Test
    void aReadOnlyFileSystemIsReadAndWritesAreRefusedInOneSentence() throws Exception {
        fs = Tmpfs.mountOrSkip(dir.resolve("ro"), "192m");
        int rows = syncedRows();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset(); // the log file is open on the mount
        fs.remount("ro");

        Outcomes o = readAndWrite(rows, "read-only file system");
        fs.remount("rw");
        assertThat(run("--demo", "sync", "--once")).as(stderr()).isZero();
        assertNothingMovedAside();
        report("read-only file system: %s; writable again: next sync exit 0, nothing moved aside", o);
    }

    /** What the commands answered on the hostile disk. */
    private record Outcomes(int status, int stock, int flags, int export, int sync, String syncMessage) {
        @Override
        public String toString() {
            return "status " + status + ", stock " + stock + ", flags " + flags + ", snapshot export " + export
                    + ", sync " + sync + " (\"" + syncMessage + "\")";
        }
    }

    /** Reads answer from the file as it is, with a one-line notice; writes refuse with exit 3, one sentence. */
    private Outcomes readAndWrite(int rows, String why) throws IOException {
        int status = run("--demo", "status", "--json");
        assertThat(status).as(stderr()).isZero();
        assertThat(json().path("mode").asText()).isEqualTo("demo"); // stdout is JSON and nothing else
        assertPlain(why);

        int stock = run("--demo", "stock", "--json");
        assertThat(stock).as(stderr()).isZero();
        assertThat(json().size()).as("rows read from the hostile disk").isEqualTo(rows);
        assertPlain(why);

        int flags = run("--demo", "flags", "--json");
        assertThat(flags).as(stderr()).isZero();
        assertThat(json().isObject()).isTrue();
        assertPlain(why);

        Path out = dir.resolve("elsewhere.stocklens");
        int export = run("--demo", "snapshot", "export", "--out", out.toString());
        assertThat(export).as(stderr()).isZero();
        assertPlain(why);
        assertThat(run("snapshot", "info", out.toString())).as(stderr()).isZero();

        int sync = run("--demo", "sync", "--once");
        String message = stderr().strip();
        assertThat(sync).as(message).isEqualTo(RuntimeCommand.EXIT_WORKSPACE);
        assertPlain(why);
        assertThat(message).contains("'sync' changes the workspace").endsWith(".");
        assertNothingMovedAside();
        return new Outcomes(status, stock, flags, export, sync, message);
    }

    private int syncedRows() throws IOException {
        assertThat(run("--demo", "sync", "--once")).as(stderr()).isZero();
        assertThat(run("--demo", "stock", "--json")).isZero();
        int rows = json().size();
        assertThat(rows).isPositive();
        return rows;
    }

    /** stderr is one plain line naming the reason: no trace, no SQL, no class or library names. */
    private void assertPlain(String why) {
        String err = stderr().strip();
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).containsIgnoringCase(why).endsWith(".")
                .doesNotContain("org.h2", "jdbi", "SQL", "Exception", "\tat ");
    }

    private void assertNothingMovedAside() throws IOException {
        Path db = fs.dir().resolve("demo").resolve("db");
        try (Stream<Path> files = Files.list(db)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).contains("stocklens.mv.db").noneMatch(n -> n.contains("corrupt"));
        }
        assertThat(Files.size(db.resolve("stocklens.mv.db"))).isGreaterThan(64 * 1024);
    }

    JsonNode json() throws IOException {
        return super.json();
    }
}
