package com.stocklens.ui;

import com.stocklens.domain.Connection;
import com.stocklens.service.Connections;
import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Thresholds;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.CodeChecks;
import com.stocklens.service.DemandReader;
import com.stocklens.service.FlagActions;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagReader;
import com.stocklens.service.HealthReports;
import com.stocklens.service.Notices;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.service.SkuMappings;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.TeamPush;
import com.stocklens.service.SyncEvents;
import java.time.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import com.stocklens.service.StockImports;
import java.util.function.Consumer;

/**
 * Everything the window needs from the composition root, passed in one value so {@link MainWindow}
 * can be rebuilt (for example after a language switch) without the root re-wiring services.
 *
 * @param boardReader     blocking read of the stock board; only ever called on {@code background}
 * @param syncEvents      one event per finished sync run, on the sync engine's thread
 * @param clock           the time source for ages and staleness (fixed in tests)
 * @param stalenessWindow a source older than this is flagged red (DOMAIN.md §3; a setting)
 * @param demo            true when running against the built-in sandbox: shows the DEMO banner
 * @param background      executor for database reads, owned and shut down by the root
 * @param locale          the language to build the window in
 * @param switchLocale    called with the new locale when the user picks a language; the root is
 *                        expected to close the old window and build a new one (see {@link #withLocale})
 * @param flagReader      blocking read of the red flags (tasks and alerts); only ever called on {@code background}
 * @param flagActions     declare / acknowledge / snooze; blocking, only ever called on {@code background}
 * @param flagEvents      one event per rule evaluation or flag action, on a background thread
 * @param notices         desktop notifications to show as toasts, on a background thread
 * @param thresholds      policy figures; the calibration deadline is the countdown window when a task
 *                        does not carry a usable one
 * @param declarer        who the person at the keyboard is, for the audit trail (remembered by the root)
 * @param ageingReader    FIFO age profiles and the > 180-day trend; blocking, only ever called on {@code background}
 * @param healthReports   the inventory health report for a period; blocking, only on {@code background}
 * @param codeChecks      the three-code check; blocking, only on {@code background}
 * @param reportExports   writes health and code-check reports to XLSX/PDF/CSV; blocking, only on {@code background}
 * @param demandReader    daily units sold per SKU, for days of supply on the ageing screen; blocking
 * @param skuMappings     SKU identities and mappings (the SKU mapping screen); blocking, only on {@code background}
 * @param connections     the connections screen's service; blocking, only on {@code background}
 * @param authorizeShop   opens TikTok's authorization dialog for a connection (FX thread), or null when none exists
 * @param scorecards      warehouse profiles and measured KPIs (the scorecard screen); blocking, only on {@code background}
 * @param pollers         team mode: who polls which source ("polled here" / "polled by" in the freshness bar);
 *                        null or a lone workspace's leases show nothing; {@code poller()} is blocking
 * @param teamDatabase    team mode's settings and the workspace move (File → Team database…); blocking but
 *                        {@code current()}, only on {@code background}; null means {@code TeamDatabase.NONE}
 */
public record UiContext(
        StockBoardReader boardReader,
        SyncEvents syncEvents,
        Clock clock,
        Duration stalenessWindow,
        boolean demo,
        Executor background,
        Locale locale,
        Consumer<Locale> switchLocale,
        FlagReader flagReader,
        FlagActions flagActions,
        FlagEvents flagEvents,
        Notices notices,
        Thresholds thresholds,
        NameMemory declarer,
        AgeingReader ageingReader,
        HealthReports healthReports,
        CodeChecks codeChecks,
        ReportExports reportExports,
        DemandReader demandReader,
        TeamPush teamPush,
        ReturnsPoolReader returnsPool,
        StockImports stockImports,
        SkuMappings skuMappings,
        Connections connections,
        Consumer<Connection> authorizeShop,
        com.stocklens.service.Scorecards scorecards,
        com.stocklens.service.PollerLeases pollers,
        com.stocklens.service.TeamDatabase teamDatabase) {

    /** Simplified Chinese, the default language of the app (users read Chinese first). */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** English, the second language. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    public UiContext {
        if (pollers == null) {
            pollers = com.stocklens.service.PollerLeases.local("this desk"); // a lone workspace: nothing to show
        }
        Objects.requireNonNull(boardReader, "boardReader");
        Objects.requireNonNull(syncEvents, "syncEvents");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stalenessWindow, "stalenessWindow");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(switchLocale, "switchLocale");
        Objects.requireNonNull(flagReader, "flagReader");
        Objects.requireNonNull(flagActions, "flagActions");
        Objects.requireNonNull(flagEvents, "flagEvents");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(declarer, "declarer");
        Objects.requireNonNull(ageingReader, "ageingReader");
        Objects.requireNonNull(healthReports, "healthReports");
        Objects.requireNonNull(codeChecks, "codeChecks");
        Objects.requireNonNull(reportExports, "reportExports");
        Objects.requireNonNull(demandReader, "demandReader");
        Objects.requireNonNull(teamPush, "teamPush");
        Objects.requireNonNull(returnsPool, "returnsPool");
        Objects.requireNonNull(stockImports, "stockImports");
        Objects.requireNonNull(skuMappings, "skuMappings");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(scorecards, "scorecards");
        teamDatabase = teamDatabase == null ? com.stocklens.service.TeamDatabase.NONE : teamDatabase;
    }

    /** The context without team-mode pollers (a lone workspace). */
    public UiContext(StockBoardReader boardReader, SyncEvents syncEvents, Clock clock, Duration stalenessWindow,
                     boolean demo, Executor background, Locale locale, Consumer<Locale> switchLocale,
                     FlagReader flagReader, FlagActions flagActions, FlagEvents flagEvents, Notices notices,
                     Thresholds thresholds, NameMemory declarer, AgeingReader ageingReader, HealthReports healthReports,
                     CodeChecks codeChecks, ReportExports reportExports, DemandReader demandReader, TeamPush teamPush,
                     ReturnsPoolReader returnsPool, StockImports stockImports, SkuMappings skuMappings,
                     Connections connections, Consumer<Connection> authorizeShop,
                     com.stocklens.service.Scorecards scorecards) {
        this(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale, flagReader,
                flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports, codeChecks,
                reportExports, demandReader, teamPush, returnsPool, stockImports, skuMappings, connections,
                authorizeShop, scorecards, null, null);
    }

    /** The same context with team mode's pollers: the freshness bar says who polls each source. */
    public UiContext withPollers(com.stocklens.service.PollerLeases newPollers) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, teamPush, returnsPool, stockImports, skuMappings, connections,
                authorizeShop, scorecards, newPollers, teamDatabase);
    }

    /** The same context with warehouse profiles and KPIs (the scorecard screen). */
    public UiContext withScorecards(com.stocklens.service.Scorecards newScorecards) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, teamPush, returnsPool, stockImports, skuMappings, connections,
                authorizeShop, newScorecards, pollers, teamDatabase);
    }

    /** The same context with stock-file imports (File → Import stock file…). */
    public UiContext withImports(StockImports newImports) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, teamPush, returnsPool, newImports, skuMappings, connections, authorizeShop, scorecards, pollers, teamDatabase);
    }

    /**
     * The context before the ageing, health and code-check screens existed: those screens show empty
     * data and exports fail with a plain message. The root adds the real services with {@link #withReports}.
     */
    public UiContext(StockBoardReader boardReader, SyncEvents syncEvents, Clock clock, Duration stalenessWindow,
                     boolean demo, Executor background, Locale locale, Consumer<Locale> switchLocale,
                     FlagReader flagReader, FlagActions flagActions, FlagEvents flagEvents, Notices notices,
                     Thresholds thresholds, NameMemory declarer) {
        this(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer,
                NoReports.AGEING, NoReports.HEALTH, NoReports.CODES, NoReports.EXPORTS, (from, to) -> Map.of(),
                NoTeamPush.INSTANCE, ReturnsPoolReader.NONE, NoImports.INSTANCE, SkuMappings.NONE,
                NoConnections.INSTANCE, null, com.stocklens.service.Scorecards.NONE, null, null);
    }

    /**
     * The context before the red-flag panel existed: no flags (an empty board, no events, no notices),
     * default thresholds, the OS user name in memory. Keeps existing call sites compiling; the root adds
     * the real flag services with {@link #withFlags}.
     */
    public UiContext(StockBoardReader boardReader, SyncEvents syncEvents, Clock clock, Duration stalenessWindow,
                     boolean demo, Executor background, Locale locale, Consumer<Locale> switchLocale) {
        this(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                () -> FlagBoard.EMPTY, NoFlags.ACTIONS, listener -> () -> { }, listener -> () -> { },
                Thresholds.DEFAULTS, NameMemory.inMemory(NameMemory.osUserName()));
    }

    /**
     * The same context with the report services: ageing, the health report, the three-code check, report
     * exports and the demand series (for days of supply). What the composition root calls once they exist.
     */
    public UiContext withReports(AgeingReader ageing, HealthReports health, CodeChecks codes, ReportExports exports,
                                 DemandReader demand) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageing, health, codes, exports,
                demand, teamPush, returnsPool, stockImports, skuMappings, connections, authorizeShop, scorecards, pollers, teamDatabase);
    }

    /** The same context with the red-flag services (what the composition root calls once they exist). */
    public UiContext withFlags(FlagReader reader, FlagActions actions, FlagEvents events, Notices newNotices,
                               Thresholds newThresholds, NameMemory newDeclarer) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                reader, actions, events, newNotices, newThresholds, newDeclarer, ageingReader, healthReports, codeChecks,
                reportExports, demandReader, teamPush, returnsPool, stockImports, skuMappings, connections, authorizeShop, scorecards, pollers, teamDatabase);
    }

    /** The same context with the team-push settings (Settings → Team push…) and the TikTok returns pool. */
    public UiContext withTeam(TeamPush newTeamPush, ReturnsPoolReader newReturnsPool) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, newTeamPush, newReturnsPool, stockImports, skuMappings, connections, authorizeShop, scorecards, pollers, teamDatabase);
    }

    /**
     * The same context with the connections screen's service and, when another part of the app supplies
     * it, the TikTok authorization dialog (null leaves the Authorize… button disabled).
     */
    public UiContext withConnections(Connections newConnections, Consumer<Connection> newAuthorizeShop) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, teamPush, returnsPool, stockImports, skuMappings,
                newConnections, newAuthorizeShop, scorecards, pollers, teamDatabase);
    }

    /** Connections for a context without them: an empty list, and every change says it is not available. */
    private static final class NoConnections implements Connections {
        static final Connections INSTANCE = new NoConnections();

        @Override
        public boolean isDemo() {
            return false;
        }

        @Override
        public boolean changesNeedRestart() {
            return true;
        }

        @Override
        public List<ConnectionStatus> list() {
            return List.of();
        }

        @Override
        public void save(Connection connection, Map<String, String> enteredSecrets) throws ConnectionException {
            throw new ConnectionException("connections are not available in this build");
        }

        @Override
        public void remove(String connectionId) throws ConnectionException {
            throw new ConnectionException("connections are not available in this build");
        }

        @Override
        public TestOutcome test(Connection connection, Map<String, String> enteredSecrets) {
            return TestOutcome.failed(Failure.NOT_SUPPORTED, null, connection.displayName());
        }

        @Override
        public String newId(com.stocklens.domain.ConnectionKind kind, String displayName) {
            return kind.name().toLowerCase(Locale.ROOT) + ":main";
        }
    }

    /** Imports for a context without them: no CSV warehouse, and importing says plainly it is not wired. */
    private static final class NoImports implements StockImports {
        static final StockImports INSTANCE = new NoImports();

        @Override
        public List<com.stocklens.service.CsvWarehouse> warehouses() {
            return List.of();
        }

        @Override
        public com.stocklens.service.CsvWarehouse saveWarehouse(String id, String name, com.stocklens.domain.Market market,
                                                                String region, java.time.ZoneId zone) {
            throw new UnsupportedOperationException("stock imports are not available in this build");
        }

        @Override
        public List<String> mappingNames(String warehouseId) {
            return List.of();
        }

        @Override
        public java.util.Optional<String> lastMappingName(String warehouseId) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<com.stocklens.service.ColumnMapping> mapping(String warehouseId, String name) {
            return java.util.Optional.empty();
        }

        @Override
        public com.stocklens.service.ImportCheck check(Path file, String warehouseId, String mappingName,
                                                       com.stocklens.service.ColumnMapping mapping) {
            throw new UnsupportedOperationException("stock imports are not available in this build");
        }

        @Override
        public com.stocklens.service.ImportOutcome importFile(Path file, String warehouseId, String mappingName,
                                                              com.stocklens.service.ColumnMapping mapping) {
            throw new UnsupportedOperationException("stock imports are not available in this build");
        }
    }

    /** Team push for a context without it: no robots, and a test says it is not available. */
    private static final class NoTeamPush implements TeamPush {
        static final TeamPush INSTANCE = new NoTeamPush();

        @Override
        public List<RobotSetting> robots() {
            return List.of();
        }

        @Override
        public void setRobots(List<RobotSetting> robots) {
            throw new IllegalArgumentException("team push is not available in this build");
        }

        @Override
        public java.util.concurrent.CompletionStage<TestResult> test(RobotSetting robot) {
            return java.util.concurrent.CompletableFuture.completedFuture(
                    new TestResult(false, "team push is not available in this build"));
        }
    }

    /** The same context with the SKU mapping service (the SKU mapping screen). */
    public UiContext withSkuMappings(SkuMappings newSkuMappings) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, teamPush, returnsPool, stockImports, newSkuMappings, connections, authorizeShop, scorecards, pollers, teamDatabase);
    }

    /** The same context with team mode's settings and the workspace move (File → Team database…). */
    public UiContext withTeamDatabase(com.stocklens.service.TeamDatabase newTeamDatabase) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, teamPush, returnsPool, stockImports, skuMappings, connections,
                authorizeShop, scorecards, pollers, newTeamDatabase);
    }

    /** The same context in another language. */
    public UiContext withLocale(Locale newLocale) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, newLocale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, teamPush, returnsPool, stockImports, skuMappings, connections, authorizeShop, scorecards, pollers, teamDatabase);
    }

    /** The same context with another language-switch handler (the root usually sets it once it has a Scene). */
    public UiContext withSwitchLocale(Consumer<Locale> handler) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, handler,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer, ageingReader, healthReports,
                codeChecks, reportExports, demandReader, teamPush, returnsPool, stockImports, skuMappings, connections, authorizeShop, scorecards, pollers, teamDatabase);
    }

    /** Actions for a context without flags: there is never a task or alert to act on, so any call is a bug. */
    private static final class NoFlags {
        static final FlagActions ACTIONS = new FlagActions() {
            @Override
            public com.stocklens.domain.CalibrationTask declare(long taskId, com.stocklens.domain.DeclaredCause cause,
                                                                String note, String who) {
                throw new UnsupportedOperationException("no flag service wired");
            }

            @Override
            public void acknowledge(String alertKey, String who) {
                throw new UnsupportedOperationException("no flag service wired");
            }

            @Override
            public void snooze(String alertKey, Duration duration, String who) {
                throw new UnsupportedOperationException("no flag service wired");
            }
        };
    }

    /** Report services for a context without them: nothing to show, and exports say plainly why they fail. */
    private static final class NoReports {
        static final AgeingReader AGEING = new AgeingReader() {
            @Override
            public List<com.stocklens.domain.AgeProfile> current() {
                return List.of();
            }

            @Override
            public List<com.stocklens.service.AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
                return List.of();
            }
        };
        static final HealthReports HEALTH = (from, to) ->
                new HealthReport(from, to, HealthBands.DEFAULTS, List.of(), Map.of(), List.of());
        static final CodeChecks CODES = () -> new CodeCheckResult(List.of(), 0, 0);
        static final ReportExports EXPORTS = new ReportExports() {
            @Override
            public void exportHealth(HealthReport report, ReportFormat format, Locale locale, Path out)
                    throws IOException {
                throw new IOException("report export is not available in this build");
            }

            @Override
            public void exportCodeCheck(CodeCheckResult result, ReportFormat format, Locale locale, Path out)
                    throws IOException {
                throw new IOException("report export is not available in this build");
            }
        };
    }
}
