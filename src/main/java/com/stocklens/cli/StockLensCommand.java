package com.stocklens.cli;

import com.stocklens.boot.WindowArgs;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The root command: with no subcommand the GUI starts; subcommands run headless. Its options
 * ({@link StockLensOptions}) are the global ones every subcommand shares.
 */
@Command(name = "stocklens",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watches TikTok Shop and overseas-warehouse stock. With no subcommand, opens the window.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the window was closed, or --help / --version was printed",
                "1:a command stopped on an unexpected error (one line here, the details in the log file)",
                "2:an unknown option, subcommand or file, or a value it cannot take: one line saying which "
                        + "(every command takes --help)"},
        subcommands = {SyncCommand.class, StatusCommand.class, StockCommand.class, FlagsCommand.class,
                TriageCommand.class, ReturnsCommand.class, DemandCommand.class, CodesCommand.class, ReportCommand.class,
                AgeingCommand.class, SettingsCommand.class, ImportCsvCommand.class, MappingCommand.class,
                SnapshotCommand.class, HistoryCommand.class, DiffCommand.class, ScoresCommand.class,
                BackupCommand.class, ServeCommand.class,
                WorkspaceCommand.class, PushCommand.class})
public final class StockLensCommand {

    /** File name ending of StockLens snapshot files (the installers register it as application/x-stocklens). */
    public static final String FILE_EXTENSION = WindowArgs.FILE_EXTENSION;

    /** The root's options (the window's and the global ones), in a class of their own so the window parses them alone. */
    @Mixin
    private StockLensOptions options = new StockLensOptions();

    private Map<String, String> environment = System.getenv();

    /** The options given before any subcommand. */
    public StockLensOptions options() {
        return options;
    }

    /** The environment subcommands read secrets' settings from (tests hand in their own). */
    public Map<String, String> environment() {
        return environment;
    }

    /** This command reading {@code env} instead of the process environment. */
    public StockLensCommand withEnvironment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    /**
     * The parser for this command line. {@code --screen ageing} must read "ageing" as the option's value,
     * not as the {@code ageing} subcommand. Moments ({@code --as-of}, {@code diff --from} …) read as
     * {@link Moments} ({@link StockLensOptions#withConverters}); every command takes {@code --help}; a bad
     * argument or a failure is one line on stderr ({@link CliErrors}).
     */
    public static CommandLine commandLine(StockLensCommand command) {
        CommandLine cli = StockLensOptions.withConverters(new CommandLine(command)
                .setAllowSubcommandsAsOptionParameters(true));
        addHelp(cli);
        CliErrors errors = new CliErrors();
        return cli.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
    }

    /** {@code -h, --help} on every subcommand (the root has it from the standard mixin); hidden in the tables. */
    private static void addHelp(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.optionsMap().get("--help") == null) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).hidden(true)
                        .description("Show this help message and exit.").build());
            }
            addHelp(sub);
        }
    }
}
