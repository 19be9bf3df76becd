package com.stocklens;

import com.stocklens.app.Logs;
import com.stocklens.cli.StockLensCommand;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Process entry point. Not an {@code Application} subclass, so the class-path start works (docs/STACK.md).
 * With a subcommand it runs headless, without starting the JavaFX toolkit; otherwise it opens the window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything logs: this user's own log folder, never one shared with other users.
        Logs.useUserFolder();
        CommandLine cli = StockLensCommand.commandLine(new StockLensCommand());
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            // execute() reports the bad argument with the usage text and returns exit code 2.
            System.exit(cli.execute(args));
            return;
        }
        if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested() || parsed.hasSubcommand()) {
            System.exit(cli.execute(args));
            return;
        }
        Application.launch(StockLensApp.class, args);
    }
}
