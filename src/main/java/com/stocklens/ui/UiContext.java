package com.stocklens.ui;

import com.stocklens.domain.Connection;
import com.stocklens.domain.Thresholds;
import com.stocklens.service.AgeingReader;
import com.stocklens.service.CodeChecks;
import com.stocklens.service.Connections;
import com.stocklens.service.FlagActions;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagReader;
import com.stocklens.service.HealthReports;
import com.stocklens.service.NoticePreferences;
import com.stocklens.service.Notices;
import com.stocklens.service.PollerLeases;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReturnsPoolReader;
import com.stocklens.service.Scorecards;
import com.stocklens.service.SkuDemandReader;
import com.stocklens.service.SkuDetails;
import com.stocklens.service.SkuMappings;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.StockImports;
import com.stocklens.service.StockPushes;
import com.stocklens.service.SyncEvents;
import com.stocklens.service.SyncProgress;
import com.stocklens.service.TeamDatabase;
import com.stocklens.service.TeamPush;
import com.stocklens.service.Triage;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Everything the window needs from the composition root, built once, in a few groups: what every screen
 * uses ({@link Shell}) and the services of each kind of screen. The window can be rebuilt (after a
 * language switch) from the same value without the root re-wiring anything.
 *
 * <p>Every service is blocking unless said otherwise and is only ever called on {@code background}.
 */
public record UiContext(Shell shell, Stock stock, Flags flags, Reports reports, Setup setup) {

    /** Simplified Chinese, the default language of the app (users read Chinese first). */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** English, the second language. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    public UiContext {
        Objects.requireNonNull(shell, "shell");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(setup, "setup");
    }

    /**
     * What the whole window uses.
     *
     * @param clock        the time source for ages, countdowns and staleness (fixed in tests)
     * @param locale       the language the first window is built in; the window host keeps the current one
     * @param switchLocale told the new locale when the person picks a language (the root remembers it)
     * @param background   executor for blocking service calls, owned and shut down by the root
     * @param demo         running against the built-in sandbox: the window shows the DEMO banner
     * @param thresholds   policy figures: the countdown window of a task without a usable one, the
     *                     demand window of days of supply
     * @param declarer     who is at the keyboard, for the audit trail (remembered by the root)
     */
    public record Shell(Clock clock, Locale locale, Consumer<Locale> switchLocale, Executor background, boolean demo,
                        Thresholds thresholds, NameMemory declarer) {
        public Shell {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(switchLocale, "switchLocale");
            Objects.requireNonNull(background, "background");
            Objects.requireNonNull(thresholds, "thresholds");
            Objects.requireNonNull(declarer, "declarer");
        }
    }

    /**
     * The stock board and its history (the stock screen, the time bar, the wall).
     *
     * @param board           the stock board; {@code board.history()} the moments and past boards
     * @param syncEvents      one event per finished sync run, on the sync engine's thread
     * @param stalenessWindow a source older than this is flagged red (a setting)
     * @param returnsPool     the TikTok returns pool shown beside the board
     * @param pollers         team mode: who polls which source ("polled here" / "polled by" in the freshness
     *                        bar); null means a lone workspace, which shows nothing
     * @param skuDetails      one SKU across the workspace (the SKU detail pane); null knows nothing
     * @param progress        the syncs under way, source by source (the freshness chips' "syncing")
     */
    public record Stock(StockBoardReader board, SyncEvents syncEvents, Duration stalenessWindow,
                        ReturnsPoolReader returnsPool, PollerLeases pollers, SkuDetails skuDetails,
                        SyncProgress progress) {
        public Stock {
            Objects.requireNonNull(board, "board");
            Objects.requireNonNull(syncEvents, "syncEvents");
            Objects.requireNonNull(stalenessWindow, "stalenessWindow");
            Objects.requireNonNull(returnsPool, "returnsPool");
            pollers = pollers == null ? PollerLeases.local("this desk") : pollers;
            skuDetails = skuDetails == null ? SkuDetails.NONE : skuDetails;
            progress = progress == null ? SyncProgress.NONE : progress;
        }

        /** Without the SKU detail pane's reads and without sync progress (the chips never say "syncing"). */
        public Stock(StockBoardReader board, SyncEvents syncEvents, Duration stalenessWindow,
                     ReturnsPoolReader returnsPool, PollerLeases pollers) {
            this(board, syncEvents, stalenessWindow, returnsPool, pollers, null, null);
        }
    }

    /**
     * The red flags (the triage and flags screens, the sidebar badge, the notification centre, the wall).
     *
     * @param reader      the tasks and alerts, now or at a past moment
     * @param actions     declare / acknowledge / snooze
     * @param events      one event per rule evaluation or flag action, on a background thread
     * @param notices     desktop notices, one batch per evaluation, on a background thread
     * @param triage      the flags ranked by what to do first (the triage screen, the badge, the wall)
     * @param preferences which notices pop up, kept in the workspace settings
     * @param pushes      pushing the warehouse's figures to TikTok: plans, apply, audit, undo (docs/guide/push.md)
     */
    public record Flags(FlagReader reader, FlagActions actions, FlagEvents events, Notices notices, Triage triage,
                        NoticePreferences preferences, StockPushes pushes) {
        public Flags {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(actions, "actions");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(notices, "notices");
            Objects.requireNonNull(triage, "triage");
            Objects.requireNonNull(preferences, "preferences");
            pushes = pushes == null ? StockPushes.NONE : pushes;
        }

        /** The red flags without pushing to TikTok. */
        public Flags(FlagReader reader, FlagActions actions, FlagEvents events, Notices notices, Triage triage,
                     NoticePreferences preferences) {
            this(reader, actions, events, notices, triage, preferences, StockPushes.NONE);
        }
    }

    /**
     * The report screens: ageing, health, the three-code check, and their exports.
     *
     * @param ageing  FIFO age profiles and the &gt; 180-day trend
     * @param health  the inventory health report for a period
     * @param codes   the three-code check
     * @param exports writes reports to XLSX/PDF/CSV
     * @param demand  each SKU's d̄, for days of supply
     */
    public record Reports(AgeingReader ageing, HealthReports health, CodeChecks codes, ReportExports exports,
                          SkuDemandReader demand) {
        public Reports {
            Objects.requireNonNull(ageing, "ageing");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(codes, "codes");
            Objects.requireNonNull(exports, "exports");
            Objects.requireNonNull(demand, "demand");
        }
    }

    /**
     * Setting the workspace up: connections, SKU mappings, stock-file imports, the team database, team push
     * and the warehouse scorecards.
     *
     * @param connections   the connections screen's service
     * @param authorizeShop opens TikTok's authorization dialog for a connection (FX thread); null while none
     *                      exists: the Authorize… button stays disabled
     * @param skuMappings   SKU identities and mappings
     * @param imports       stock-file imports (File → Import stock file…)
     * @param teamDatabase  team mode's settings and the workspace move (File → Team database…); its
     *                      {@code current()} is not blocking; null means {@link TeamDatabase#NONE}
     * @param teamPush      Settings → Team push…
     * @param scorecards    warehouse profiles and measured KPIs
     */
    public record Setup(Connections connections, Consumer<Connection> authorizeShop, SkuMappings skuMappings,
                        StockImports imports, TeamDatabase teamDatabase, TeamPush teamPush, Scorecards scorecards) {
        public Setup {
            Objects.requireNonNull(connections, "connections");
            Objects.requireNonNull(skuMappings, "skuMappings");
            Objects.requireNonNull(imports, "imports");
            teamDatabase = teamDatabase == null ? TeamDatabase.NONE : teamDatabase;
            Objects.requireNonNull(teamPush, "teamPush");
            Objects.requireNonNull(scorecards, "scorecards");
        }
    }
}
