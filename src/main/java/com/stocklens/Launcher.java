package com.stocklens;

import com.stocklens.app.Logs;
import com.stocklens.cli.Moments;
import com.stocklens.cli.StockLensCommand;
import com.stocklens.support.StartupTrace;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Process entry point. Not an {@code Application} subclass, so the class-path start works (docs/STACK.md).
 * With a subcommand it runs headless, without starting the JavaFX toolkit; otherwise it opens the window.
 *
 * <p>A window start must not wait for the command-line parser (building the model of every subcommand
 * costs about as much as the toolkit's own start): a command line of window options only, checked by
 * {@link #opensWindow}, starts the toolkit at once and the window parses it fully on its opening thread
 * (issue 20). Anything else (a subcommand, {@code --help}, a bad value) goes through the parser here.
 */
public final class Launcher {
    /** Window options without a value. */
    static final Set<String> WINDOW_FLAGS = Set.of("--demo", "--wall");
    /** Window options with a value, and what a value must look like to skip the parser. */
    static final Map<String, Predicate<String>> WINDOW_OPTIONS = Map.of(
            "--data-dir", v -> !v.isBlank(),
            "--cadence", Launcher::isCount,
            "--stale-after", Launcher::isCount,
            "--lang", v -> v.equalsIgnoreCase("zh") || v.equalsIgnoreCase("en"),
            "--screen", v -> !v.isBlank(),
            "--snapshot", v -> !v.isBlank(),
            "--as-of", v -> Moments.parse(v).isPresent(),
            "--db", v -> !v.isBlank(),
            "--wall-rotate", v -> isCount(v) && Integer.parseInt(v) >= 5);

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything logs: this user's own log folder, never one shared with other users.
        Logs.useUserFolder();
        StartupTrace.mark("JVM up, Launcher.main");
        if (opensWindow(args)) {
            // The opening learns the language at once; its heavy work (parse, logging, workspace) follows the first frame.
            StockLensApp.beginOpening(args);
            Application.launch(StockLensApp.class, args);
            return;
        }
        Parsed.main(args);
    }

    /**
     * The parser's path, in a class of its own so that a window start never loads (or verifies against)
     * the parser's classes.
     */
    private static final class Parsed {
        static void main(String[] args) {
            // No window waits on this path: java.util.logging goes to SLF4J from now on.
            Logs.releaseJavaUtilLogging();
            CommandLine cli = StockLensCommand.commandLine(new StockLensCommand());
            ParseResult parsed;
            try {
                parsed = cli.parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                // execute() reports the bad argument in one line and returns exit code 2.
                System.exit(cli.execute(args));
                return;
            }
            if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested() || parsed.hasSubcommand()) {
                System.exit(cli.execute(args));
                return;
            }
            StartupTrace.mark("command line parsed");
            StockLensApp.beginOpening(args);
            Application.launch(StockLensApp.class, args);
        }
    }

    /**
     * True when {@code args} are window options only (each with a plausible value) and at most one
     * {@code .stocklens} file: the window opens, and nothing the parser would refuse or answer itself
     * (help, version, a subcommand, an unknown option) is among them.
     */
    static boolean opensWindow(String[] args) {
        boolean file = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (WINDOW_FLAGS.contains(name) && value == null) {
                continue;
            }
            Predicate<String> valid = WINDOW_OPTIONS.get(name);
            if (valid != null) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        return false;
                    }
                    value = args[++i];
                }
                if (!valid.test(value)) {
                    return false;
                }
                continue;
            }
            if (!file && !arg.startsWith("-")
                    && arg.toLowerCase(Locale.ROOT).endsWith(StockLensCommand.FILE_EXTENSION)) {
                file = true;
                continue;
            }
            return false;
        }
        return true;
    }

    private static boolean isCount(String v) {
        return !v.isEmpty() && v.length() < 9 && v.chars().allMatch(Character::isDigit);
    }
}
