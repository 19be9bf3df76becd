package com.stocklens.cli;

import com.stocklens.app.settings.DataDirectory;
import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.settings.LiveConfig;
import com.stocklens.app.team.TeamDatabaseConfig;
import com.stocklens.app.workspace.WorkspaceOpener;
import com.stocklens.rules.Staleness;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The root command's options: the window's, and the global ones every subcommand shares. A mixin of
 * {@link StockLensCommand}; the window's start parses them alone ({@link #parseWindow}), without building the
 * model of every subcommand (issue 20: that model cost about 0.2 s of the start's critical path).
 */
public final class StockLensOptions {

    @Option(names = "--demo", description = "Run against the embedded sandbox (a simulated shop and warehouses).")
    boolean demo;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Workspace folder (default: $STOCKLENS_HOME or the OS data folder). Demo data lives in DIR/demo.")
    Path dataDir;

    @Option(names = "--cadence", paramLabel = "SECONDS",
            description = "Seconds between syncs of each source (default 10 in demo, 60 live).")
    Integer cadenceSeconds;

    @Option(names = "--stale-after", paramLabel = "MINUTES",
            description = "Minutes after which a source counts as stale (default 15).")
    Integer staleAfterMinutes;

    private Locale language;

    @Option(names = "--lang", paramLabel = "zh|en",
            description = "Language of the window and of the commands' text output: zh (中文) or en. Default: for "
                    + "the window the last choice, else the OS language; for text output English. JSON is the same "
                    + "in every language.")
    void setLanguage(String value) {
        language = language(spec(), "--lang", value);
    }

    @Option(names = "--screen", paramLabel = "NAME",
            description = "Window screen to open on: triage, flags, stock, ageing, health, codes, mapping, connections or scores (default: triage when something needs acting on, else stock).")
    String screen;

    @Option(names = "--snapshot", paramLabel = "FILE",
            description = "Open a snapshot file (.stocklens) read-only: no network, no credentials; status, stock, flags, triage, returns, demand, ageing, report health, codes current and settings answer from it; commands that write exit 2.")
    Path snapshotFile;
    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "A past moment instead of now: ISO-8601 (2026-11-27T04:00:00Z), or Beijing time "
                    + "(2026-11-27 12:00, or 2026-11-27 for the start of that day). The window opens on it (every "
                    + "screen shows it); flags and ageing answer as of it.")
    Instant asOf;
    @Option(names = "--wall",
            description = "Open the window full screen in wall mode: dark, large tiles, rotating pages, for a monitor on the wall.")
    boolean wall;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Team mode: keep the data in this shared PostgreSQL (jdbc:postgresql://host:5432/db?sslmode=verify-full) "
                    + "instead of the workspace's own file; every subcommand uses it. The password comes from "
                    + "STOCKLENS_DB_PASSWORD or the secret store, never the command line.")
    String sharedDb;

    @Option(names = "--wall-rotate", paramLabel = "SECONDS",
            description = "Seconds each wall-mode page stays on screen (default 20, or wall.rotateSeconds in settings.properties).")
    Integer wallRotateSeconds;

    /** The root command these options are mixed into; null when they are parsed alone (the window's start). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;
    /** These options' own command: the one parsed when they are parsed alone. */
    @Spec
    CommandSpec self;

    private Path fileToOpen;

    /** The command these options were parsed for, whose parser a refusal names. */
    private CommandSpec spec() {
        return mixee != null ? mixee : self;
    }

    /**
     * The options of a window's command line, parsed alone: what the window's start reads once the launcher has
     * found window options only ({@code Launcher.opensWindow}). The same options, converters and refusals as
     * {@link StockLensCommand#commandLine}.
     *
     * @throws ParameterException a value the options refuse
     */
    public static StockLensOptions parseWindow(List<String> args) {
        StockLensOptions options = new StockLensOptions();
        withConverters(new CommandLine(options)).parseArgs(args.toArray(String[]::new));
        return options;
    }

    /**
     * The workspace whose settings.properties says which team database to use: the demo's with
     * {@code --demo}, else the live one (never the demo a first start falls back to).
     */
    public Path settingsWorkspace() {
        return DataDirectory.workspace(DataDirectory.resolve(dataDir), demo);
    }

    /**
     * A {@code .stocklens} file to open: the desktop passes it when the user opens such a file (file
     * association of the installers). Any other bare word stays an error, so a mistyped subcommand is
     * still reported rather than silently starting the window.
     */
    @Parameters(arity = "0..1", paramLabel = "FILE.stocklens",
            description = "A StockLens snapshot file to open (what the desktop passes for a double-clicked .stocklens file).")
    void setFileToOpen(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(StockLensCommand.FILE_EXTENSION)) {
            // A mistyped option before this word (--cadance 5) is the error to report, not the word.
            List<String> unmatched = spec().commandLine().getUnmatchedArguments();
            throw new UnmatchedArgumentException(spec().commandLine(),
                    unmatched.isEmpty() ? List.of(file.toString()) : unmatched);
        }
        fileToOpen = file;
    }

    /** True with {@code --demo}. */
    public boolean demo() {
        return demo;
    }

    /** The team database asked for with {@code --db}, as typed; null without it. */
    public String sharedDb() {
        return sharedDb;
    }

    /** The {@code .stocklens} file given on the command line, if any. */
    public Optional<Path> fileToOpen() {
        return Optional.ofNullable(fileToOpen);
    }

    /** The past moment the window should open on (--as-of), if any. */
    public Optional<Instant> asOf() {
        return Optional.ofNullable(asOf);
    }

    /** The screen asked for on the command line, upper-cased (FLAGS, STOCK …), if any. */
    public Optional<String> screen() {
        return screen == null || screen.isBlank() ? Optional.empty()
                : Optional.of(screen.strip().toUpperCase(Locale.ROOT));
    }

    /** True when {@code --wall} asks for the window to open full screen in wall mode. */
    public boolean wall() {
        return wall;
    }

    /** The wall-mode page interval from {@code --wall-rotate}, if given (at least 5 seconds). */
    public Optional<Duration> wallRotate() {
        if (wallRotateSeconds == null) {
            return Optional.empty();
        }
        if (wallRotateSeconds < 5) {
            throw new ParameterException(spec().commandLine(), "--wall-rotate must be at least 5 seconds");
        }
        return Optional.of(Duration.ofSeconds(wallRotateSeconds));
    }

    /** The language asked for on the command line, if any. */
    public Optional<Locale> language() {
        return Optional.ofNullable(language);
    }

    /** {@code value} of a {@code --lang} option: zh or en (any case), refused otherwise. */
    static Locale language(CommandSpec spec, String option, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            case "en" -> Locale.ENGLISH;
            default -> throw new ParameterException(spec.commandLine(),
                    option + " takes zh or en, not '" + value + "'");
        };
    }

    /**
     * {@code cli} reading moments ({@code --as-of}, {@code diff --from} …) as {@link Moments}, paths and whole
     * numbers with a plain sentence for what it refuses; returns it.
     */
    static CommandLine withConverters(CommandLine cli) {
        cli.registerConverter(Instant.class, text -> Moments.parse(text)
                .orElseThrow(() -> new TypeConversionException(Moments.refusal(text))));
        cli.registerConverter(Path.class, StockLensOptions::path);
        ITypeConverter<Integer> integer = text -> (int) wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        ITypeConverter<Long> whole = text -> wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE);
        return cli.registerConverter(Integer.class, integer).registerConverter(int.class, integer)
                .registerConverter(Long.class, whole).registerConverter(long.class, whole);
    }

    /** A path typed on the command line; a NUL or another character the OS refuses is one plain sentence. */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + text + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    /** A whole number typed on the command line, within {@code min}…{@code max}; anything else in plain words. */
    private static long wholeNumber(String text, long min, long max) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        throw new TypeConversionException("'" + text + "' is out of range");
    }

    /** Resolves demo/live and the workspace from the options and the environment. */
    public LaunchOptions launchOptions(Map<String, String> env) {
        Path snapshot = snapshotFile != null ? snapshotFile : fileToOpen;
        if (snapshot != null) {
            // A snapshot file needs nothing of the environment: no connection, no secret, no network.
            return new LaunchOptions(false, DataDirectory.resolve(dataDir), null, LaunchOptions.LIVE_CADENCE,
                    staleAfterMinutes != null ? Duration.ofMinutes(Math.max(1, staleAfterMinutes))
                            : Staleness.DEFAULT_WINDOW, snapshot.toAbsolutePath());
        }
        Optional<LiveConfig> live = demo ? Optional.empty() : LiveConfig.from(env);
        // --db wins; else the workspace's settings.properties (db.url, written by `settings db`).
        String sharedDb = this.sharedDb != null && !this.sharedDb.isBlank() ? this.sharedDb
                : TeamDatabaseConfig.settingsUrl(settingsWorkspace()).orElse(null);
        // Nothing configured (no environment, no stored connection) → the demo, as a first start should be.
        // A shared team database is configured by definition: the demo runs there only when asked for.
        boolean runDemo = demo || (sharedDb == null && live.isEmpty()
                && !WorkspaceOpener.hasStoredConnections(DataDirectory.resolve(dataDir)));
        Duration cadence = cadenceSeconds != null ? Duration.ofSeconds(Math.max(1, cadenceSeconds))
                : runDemo ? LaunchOptions.DEMO_CADENCE : LaunchOptions.LIVE_CADENCE;
        Duration stale = staleAfterMinutes != null ? Duration.ofMinutes(Math.max(1, staleAfterMinutes))
                : Staleness.DEFAULT_WINDOW;
        return new LaunchOptions(runDemo, DataDirectory.resolve(dataDir), live.orElse(null), cadence, stale, null,
                sharedDb == null || sharedDb.isBlank() ? null : sharedDb.strip());
    }
}
