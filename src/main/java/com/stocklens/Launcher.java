package com.stocklens;

import com.stocklens.app.Logs;
import com.stocklens.boot.WindowArgs;
import com.stocklens.cli.Moments;
import com.stocklens.cli.StockLensCommand;
import com.stocklens.support.StartupTrace;
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
     * True when {@code args} open the window ({@link WindowArgs}) and each option's value is plausible, so that
     * the parser would not refuse it.
     */
    static boolean opensWindow(String[] args) {
        return WindowArgs.opensWindow(args, Launcher::plausible);
    }

    /** Whether the parser would take {@code value} for the window option {@code name}. */
    private static boolean plausible(String name, String value) {
        return switch (name) {
            case "--cadence", "--stale-after" -> isCount(value);
            case "--lang" -> value.equalsIgnoreCase("zh") || value.equalsIgnoreCase("en");
            case "--as-of" -> Moments.parse(value).isPresent();
            case "--wall-rotate" -> isCount(value) && Integer.parseInt(value) >= 5;
            default -> !value.isBlank();
        };
    }

    private static boolean isCount(String v) {
        return !v.isEmpty() && v.length() < 9 && v.chars().allMatch(Character::isDigit);
    }
}
