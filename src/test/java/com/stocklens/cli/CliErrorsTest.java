package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every way the command line can be told something wrong answers in one sentence on stderr, with the exit code
 * its command documents: what was wrong and where the help is; never the usage text, a class name or a stack
 * trace (issue 19).
 */
class CliErrorsTest extends CliHarness {
    private static final Pattern TEST_LOG_LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ");
    private Path dataDir;

    @Override
    Path dataDir() {
        return dataDir != null ? dataDir : dir;
    }

    /** Runs the command line and returns its one line on stderr, checked for what must never be in it. */
    private String oneLine(int expectedExit, String... args) {
        assertThat(run(args)).as("exit code of %s", String.join(" ", args)).isEqualTo(expectedExit);
        // The test JVM's own log lines (logback-test.xml, from other tests' threads) are not the command's.
        String err = stderr().lines().filter(l -> !TEST_LOG_LINE.matcher(l).lookingAt())
                .collect(Collectors.joining("\n"));
        assertThat(err.lines()).as("stderr of %s", String.join(" ", args)).hasSize(1);
        assertThat(err).doesNotContain("Exception", "java.", "Usage:", "\tat ");
        assertThat(stdout()).isEmpty();
        return err.strip();
    }

    @Test
    void aMistypedOptionIsNamedWithTheOptionItResembles() {
        // The word after it is not taken for a file to open ("Unknown subcommand or file '5'").
        assertThat(oneLine(2, "--cadance", "5", "status"))
                .isEqualTo("Unknown option '--cadance' (did you mean --cadence?); see 'stocklens --help'.");
        assertThat(oneLine(2, "--cadance=5", "status"))
                .isEqualTo("Unknown option '--cadance' (did you mean --cadence?); see 'stocklens --help'.");
    }

    @Test
    void aMistypedOptionOfASubcommandPointsToThatSubcommandsHelp() {
        assertThat(oneLine(2, "--demo", "stock", "--jsn"))
                .isEqualTo("Unknown option '--jsn' (did you mean --json?); see 'stocklens stock --help'.");
    }

    @Test
    void aMistypedSubcommandIsNamedWithTheSubcommandItResembles() {
        assertThat(oneLine(2, "statsu"))
                .isEqualTo("Unknown subcommand or file 'statsu' (did you mean status?); see 'stocklens --help'.");
        assertThat(oneLine(2, "5")).isEqualTo(
                "Unknown subcommand or file '5' (a file to open ends in .stocklens); see 'stocklens --help'.");
    }

    @Test
    void aMomentThatCannotBeReadSaysWhatIsAccepted() {
        assertThat(oneLine(2, "--as-of", "yesterday", "flags")).isEqualTo("Invalid value for option '--as-of': "
                + "'yesterday' is not a moment: give an ISO instant (2026-11-27T04:00:00Z) or a Beijing time "
                + "(2026-11-27 12:00, or 2026-11-27 for the start of that day); see 'stocklens --help'.");
        assertThat(oneLine(2, "diff", "--from", "2026-13-01")).isEqualTo("Invalid value for option '--from': "
                + "'2026-13-01' is not a moment: give an ISO instant (2026-11-27T04:00:00Z) or a Beijing time "
                + "(2026-11-27 12:00, or 2026-11-27 for the start of that day); see 'stocklens diff --help'.");
    }

    @Test
    void asOfReadsIsoInstantsAndBeijingTimes() {
        assertThat(asOf("2026-11-27T04:00:00Z")).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        assertThat(asOf("2026-11-27T12:00+08:00")).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        assertThat(asOf("2026-11-27 12:00")).isEqualTo(Instant.parse("2026-11-27T04:00:00Z"));
        assertThat(asOf("2026-11-27T12:00:30")).isEqualTo(Instant.parse("2026-11-27T04:00:30Z"));
        assertThat(asOf("2026-11-27")).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
        assertThat(Moments.parse("yesterday")).isEmpty();
        assertThat(Moments.parse("2026-11-27 25:00")).isEmpty();
    }

    private static Instant asOf(String text) {
        StockLensCommand command = new StockLensCommand();
        StockLensCommand.commandLine(command).parseArgs("--as-of", text);
        return command.options().asOf().orElseThrow();
    }

    @Test
    void aLanguageOtherThanChineseOrEnglishIsRefused() {
        assertThat(oneLine(2, "--lang", "fr", "status")).isEqualTo("--lang takes zh or en, not 'fr'; see 'stocklens --help'.");
        assertThat(oneLine(2, "--demo", "report", "health", "--lang", "de", "--json"))
                .isEqualTo("--lang takes zh or en, not 'de'; see 'stocklens report health --help'.");
        StockLensCommand command = new StockLensCommand();
        StockLensCommand.commandLine(command).parseArgs("--lang", "ZH");
        assertThat(command.options().language()).contains(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aNumberThatIsNoNumberIsNamed() {
        assertThat(oneLine(2, "--cadence", "abc", "status"))
                .isEqualTo("Invalid value for option '--cadence': 'abc' is not a whole number; see 'stocklens --help'.");
    }

    @Test
    void aMissingValueIsNamed() {
        assertThat(oneLine(2, "--demo", "import-csv", "x.csv"))
                .isEqualTo("Missing required option: '--warehouse=ID'; see 'stocklens import-csv --help'.");
    }

    @Test
    void aDataFolderThatCannotBeCreatedSaysSo() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        dataDir = Path.of("/proc/x");
        assertThat(oneLine(3, "status"))
                .isEqualTo("Cannot create the folder /proc/x for the workspace /proc/x/demo: no such file or folder.");

        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        dataDir = file.resolve("ws");
        assertThat(oneLine(3, "status")).isEqualTo("Cannot create the folder " + dataDir + " for the workspace "
                + dataDir.resolve("demo") + ": a part of the path is a file, not a folder.");
    }

    @Test
    void aCodeSheetThatCannotBeReadSaysWhy() throws Exception {
        assertThat(oneLine(2, "codes", "check", "missing.csv")).isEqualTo("Cannot read missing.csv: no such file or folder.");
        assertThat(oneLine(2, "codes", "check", dir.toString()))
                .isEqualTo("Cannot read " + dir + ": it is a folder, not a file.");
    }

    @Test
    void everyCommandTakesHelp() {
        assertThat(run("stock", "--help")).isZero();
        assertThat(stdout()).startsWith("Usage: stocklens stock");
        assertThat(run("codes", "check", "-h")).isZero();
        assertThat(stdout()).startsWith("Usage: stocklens codes check");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aFailureNoCommandExpectedIsOneLineWithTheDetailsInTheLog() {
        assertThat(CliErrors.unexpected("stocklens stock", "the board is closed.", "/ws/logs"))
                .isEqualTo("'stocklens stock' stopped on an error (the board is closed); the details are in the log file in /ws/logs.");
        assertThat(CliErrors.unexpected("stocklens stock", "java.lang.IllegalStateException: boom", null))
                .isEqualTo("'stocklens stock' stopped on an unexpected error; the details are in the log file.");
    }
}
