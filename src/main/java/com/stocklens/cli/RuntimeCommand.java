package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.Logs;
import com.stocklens.app.team.TeamDatabaseConfig;
import com.stocklens.app.workspace.StartupException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the headless subcommands: opens the workspace, runs, closes, maps failures to exit codes. */
abstract class RuntimeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeCommand.class);
    static final int EXIT_SOURCE_FAILED = 1;
    static final int EXIT_WORKSPACE = 3;
    /** A bad argument the command found itself. */
    static final int EXIT_USAGE = 2;
    /** A snapshot file that cannot be opened, or a command that would write into one. */
    static final int EXIT_SNAPSHOT = 2;

    /**
     * Found through the spec rather than {@code @ParentCommand}: nested subcommands ({@code codes current})
     * have a group command as parent, and the global options live on the root.
     */
    @Spec
    CommandSpec spec;

    CliPrinter printer = CliPrinter.system();

    @Override
    public final Integer call() {
        LaunchOptions options = root().options().launchOptions(System.getenv());
        if (options.snapshotMode() && writes()) {
            printer.message("'" + name() + "' changes the workspace; a snapshot file is read-only ("
                    + options.snapshot() + ").");
            return EXIT_SNAPSHOT;
        }
        if (root().options().sharedDb() != null) {
            try {
                TeamDatabaseConfig.checkCommandLineUrl(root().options().sharedDb());
            } catch (IllegalArgumentException e) {
                printer.message(e.getMessage());
                return EXIT_USAGE;
            }
        }
        Logs.configure(options.workspace());
        try (AppRuntime runtime = AppRuntime.open(options)) {
            runtime.storeNotice().ifPresent(printer::message);
            Optional<String> refusal = runtime.writeRefusal();
            if (refusal.isPresent() && writes()) {
                printer.message("'" + name() + "' changes the workspace, which cannot be written now: "
                        + refusal.get() + "; nothing was changed.");
                return EXIT_WORKSPACE;
            }
            refusal.ifPresent(r -> printer.message("The workspace is open read-only: " + r + "."));
            try {
                return run(runtime);
            } catch (RuntimeException e) {
                // A write the disk refused (read-only, or full during the command): one plain sentence, exit 3.
                Optional<String> failed = refusal.map(r -> "'" + name() + "' needed to write to the workspace, "
                        + "which cannot be written now: " + r + "; nothing was changed.")
                        .or(() -> AppRuntime.storeWriteFailure(e).map(r -> "'" + name()
                                + "' could not write to the workspace: " + r + "."));
                if (failed.isEmpty()) {
                    throw e;
                }
                LOG.warn("'{}' stopped: the workspace could not be written", name(), e);
                printer.message(failed.get());
                return EXIT_WORKSPACE;
            }
        } catch (StartupException e) {
            printer.message(e.getMessage());
            return options.snapshotMode() ? EXIT_SNAPSHOT : EXIT_WORKSPACE;
        }
    }

    abstract int run(AppRuntime runtime);

    /** This command as typed after {@code stocklens}: "sync", "codes current". */
    private String name() {
        return spec.qualifiedName(" ").replaceFirst("^stocklens ", "");
    }

    /** True for commands that change the workspace: refused under {@code --snapshot} (read-only). */
    boolean writes() {
        return false;
    }

    /** The {@code stocklens} command holding the global options, however deep this subcommand sits. */
    StockLensCommand root() {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof StockLensCommand root) {
                return root;
            }
        }
        throw new IllegalStateException(spec.qualifiedName() + " is not under the stocklens command");
    }
}
