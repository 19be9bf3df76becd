package com.stocklens.ui;

import com.stocklens.app.triage.TriageService;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.HealthBands;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.Market;
import com.stocklens.domain.Thresholds;
import com.stocklens.rules.Staleness;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.CodeChecks;
import com.stocklens.service.ColumnMapping;
import com.stocklens.service.Connections;
import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.FlagActions;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagReader;
import com.stocklens.service.HealthReports;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportOutcome;
import com.stocklens.service.NoticePreferences;
import com.stocklens.service.NoticeSettings;
import com.stocklens.service.Notices;
import com.stocklens.service.PollerLeases;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.service.Scorecards;
import com.stocklens.service.SkuDetails;
import com.stocklens.service.SkuMappings;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.StockImports;
import com.stocklens.service.StockPushes;
import com.stocklens.service.SyncEvents;
import com.stocklens.service.TeamDatabase;
import com.stocklens.service.TeamPush;
import com.stocklens.service.Triage;
import com.stocklens.ui.flags.FakeFlags;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A {@link UiContext} for tests: the small fake board, a fixed clock, everything on the calling thread,
 * English, and for every other service one that has nothing (no flags, no reports, no connections) and
 * says so plainly when asked to change something. Each part can be replaced.
 */
public final class TestUiContext {
    private StockBoardReader board = FakeBoards::small;
    private SyncEvents syncEvents = new FakeSyncEvents();
    private Clock clock = FakeBoards.CLOCK;
    private Duration stalenessWindow = Staleness.DEFAULT_WINDOW;
    private boolean demo;
    private Executor background = Runnable::run;
    private Locale locale = UiContext.ENGLISH;
    private Consumer<Locale> switchLocale = l -> { };
    private Thresholds thresholds = Thresholds.DEFAULTS;
    private NameMemory declarer = NameMemory.inMemory(NameMemory.osUserName());
    private ReturnsPoolReader returnsPool = ReturnsPoolReader.NONE;
    private PollerLeases pollers;
    private SkuDetails skuDetails = SkuDetails.NONE;
    private UiContext.Flags flags = flagsOf(() -> FlagBoard.EMPTY, NO_FLAG_ACTIONS, listener -> () -> { },
            listener -> () -> { });
    private UiContext.Reports reports = new UiContext.Reports(NO_AGEING, NO_HEALTH, NO_CODES, NO_EXPORTS,
            (from, to, skus) -> Map.of());
    private Scorecards scorecards = Scorecards.NONE;
    private StockPushes pushes = StockPushes.NONE;

    private TestUiContext() {
    }

    public static TestUiContext builder() {
        return new TestUiContext();
    }

    public TestUiContext board(StockBoardReader value) {
        this.board = value;
        return this;
    }

    public TestUiContext skuDetails(SkuDetails value) {
        this.skuDetails = value;
        return this;
    }

    public TestUiContext syncEvents(SyncEvents value) {
        this.syncEvents = value;
        return this;
    }

    public TestUiContext demo(boolean value) {
        this.demo = value;
        return this;
    }

    public TestUiContext locale(Locale value) {
        this.locale = value;
        return this;
    }

    public TestUiContext switchLocale(Consumer<Locale> value) {
        this.switchLocale = value;
        return this;
    }

    /** The red flags of {@code fake}, and {@code who} at the keyboard. */
    public TestUiContext flags(FakeFlags fake, String who) {
        this.flags = flagsOf(fake, fake, fake, fake.notices());
        this.declarer = NameMemory.inMemory(who);
        return this;
    }

    public TestUiContext flags(FlagReader reader, FlagActions actions, FlagEvents events, Notices notices) {
        this.flags = flagsOf(reader, actions, events, notices);
        return this;
    }

    /** Which notices pop up (default: {@link NoticeSettings#DEFAULT}, kept in memory). */
    public TestUiContext noticePreferences(NoticePreferences value) {
        this.flags = new UiContext.Flags(flags.reader(), flags.actions(), flags.events(), flags.notices(),
                flags.triage(), value);
        return this;
    }

    /**
     * The flags with the application's own triage over them (on the fake board, without demand: the units at
     * risk rank the orders at risk) and notification settings in memory.
     */
    private UiContext.Flags flagsOf(FlagReader reader, FlagActions actions, FlagEvents events, Notices notices) {
        Triage triage = new TriageService(reader, () -> board.read(), null, () -> thresholds, clock);
        return new UiContext.Flags(reader, actions, events, notices, triage,
                NoticePreferences.inMemory(NoticeSettings.DEFAULT));
    }

    /** Ageing, health, the code check, exports and demand, all from {@code fake}. */
    public TestUiContext reports(FakeReports fake) {
        this.reports = new UiContext.Reports(fake, fake, fake, fake, fake);
        return this;
    }

    /** Pushing to TikTok through {@code value} (kept with whatever red flags are set, before or after). */
    public TestUiContext pushes(StockPushes value) {
        this.pushes = value;
        return this;
    }

    public TestUiContext clock(Clock value) {
        this.clock = value;
        return this;
    }

    public TestUiContext scorecards(Scorecards value) {
        this.scorecards = value;
        return this;
    }

    public UiContext build() {
        return new UiContext(
                new UiContext.Shell(clock, locale, switchLocale, background, demo, thresholds, declarer),
                new UiContext.Stock(board, syncEvents, stalenessWindow, returnsPool, pollers, skuDetails, null),
                new UiContext.Flags(flags.reader(), flags.actions(), flags.events(), flags.notices(), flags.triage(),
                        flags.preferences(), pushes),
                reports,
                new UiContext.Setup(NO_CONNECTIONS, null, SkuMappings.NONE, NO_IMPORTS, TeamDatabase.NONE, NO_TEAM_PUSH,
                        scorecards));
    }

    // ---- services that have nothing ----------------------------------------------------------------

    /** There is never a task or alert to act on, so any call is a bug. */
    private static final FlagActions NO_FLAG_ACTIONS = new FlagActions() {
        @Override
        public CalibrationTask declare(long taskId, DeclaredCause cause, String note, String who) {
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

    private static final AgeingReader NO_AGEING = new AgeingReader() {
        @Override
        public List<AgeProfile> current() {
            return List.of();
        }

        @Override
        public List<AgeTrendPoint> over180Trend(LocalDate from, LocalDate to) {
            return List.of();
        }
    };

    private static final HealthReports NO_HEALTH = (from, to) ->
            new HealthReport(from, to, HealthBands.DEFAULTS, List.of(), Map.of(), List.of());

    private static final CodeChecks NO_CODES = () -> new CodeCheckResult(List.of(), 0, 0);

    /** Exports say plainly why they fail. */
    private static final ReportExports NO_EXPORTS = new ReportExports() {
        @Override
        public void exportHealth(HealthReport report, ReportFormat format, Locale locale, Path out) throws IOException {
            throw new IOException("report export is not available in this build");
        }

        @Override
        public void exportCodeCheck(CodeCheckResult result, ReportFormat format, Locale locale, Path out)
                throws IOException {
            throw new IOException("report export is not available in this build");
        }
    };

    /** An empty list, and every change says it is not available. */
    private static final Connections NO_CONNECTIONS = new Connections() {
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
        public String newId(ConnectionKind kind, String displayName) {
            return kind.name().toLowerCase(Locale.ROOT) + ":main";
        }
    };

    /** No CSV warehouse, and importing says plainly it is not wired. */
    private static final StockImports NO_IMPORTS = new StockImports() {
        @Override
        public List<CsvWarehouse> warehouses() {
            return List.of();
        }

        @Override
        public CsvWarehouse saveWarehouse(String id, String name, Market market, String region, ZoneId zone) {
            throw new UnsupportedOperationException("stock imports are not available in this build");
        }

        @Override
        public List<String> mappingNames(String warehouseId) {
            return List.of();
        }

        @Override
        public Optional<String> lastMappingName(String warehouseId) {
            return Optional.empty();
        }

        @Override
        public Optional<ColumnMapping> mapping(String warehouseId, String name) {
            return Optional.empty();
        }

        @Override
        public ImportCheck check(Path file, String warehouseId, String mappingName, ColumnMapping mapping) {
            throw new UnsupportedOperationException("stock imports are not available in this build");
        }

        @Override
        public ImportOutcome importFile(Path file, String warehouseId, String mappingName, ColumnMapping mapping) {
            throw new UnsupportedOperationException("stock imports are not available in this build");
        }

        @Override
        public ImportOutcome importIntoNew(Path file, CsvWarehouse warehouse, String mappingName) {
            throw new UnsupportedOperationException("stock imports are not available in this build");
        }
    };

    /** No robots, and a test says it is not available. */
    private static final TeamPush NO_TEAM_PUSH = new TeamPush() {
        @Override
        public List<RobotSetting> robots() {
            return List.of();
        }

        @Override
        public void setRobots(List<RobotSetting> robots) {
            throw new IllegalArgumentException("team push is not available in this build");
        }

        @Override
        public CompletionStage<TestResult> test(RobotSetting robot) {
            return CompletableFuture.completedFuture(new TestResult(false, "team push is not available in this build"));
        }
    };
}
