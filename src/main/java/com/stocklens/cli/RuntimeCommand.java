package com.stocklens.cli;

import com.stocklens.AppRuntime;
import com.stocklens.LaunchOptions;
import com.stocklens.Logs;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** Base of the headless subcommands: opens the workspace, runs, closes, maps failures to exit codes. */
abstract class RuntimeCommand implements Callable<Integer> {
    static final int EXIT_SOURCE_FAILED = 1;
    static final int EXIT_WORKSPACE = 3;

    /** The root command, or a command group under it (e.g. {@code report}) that knows the root. */
    @ParentCommand
    Object parent;

    CliPrinter printer = CliPrinter.system();

    @Override
    public final Integer call() {
        LaunchOptions options = root().launchOptions(System.getenv());
        Logs.configure(options.workspace());
        try (AppRuntime runtime = AppRuntime.open(options)) {
            return run(runtime);
        } catch (AppRuntime.StartupException e) {
            printer.message(e.getMessage());
            return EXIT_WORKSPACE;
        }
    }

    abstract int run(AppRuntime runtime);

    /** The root command whose global options (--demo, --data-dir …) this run uses. */
    StockLensCommand root() {
        return parent instanceof ReportCommand group ? group.root : (StockLensCommand) parent;
    }
}
