package com.stocklens.ui;

import com.stocklens.domain.Thresholds;
import com.stocklens.service.FlagActions;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagReader;
import com.stocklens.service.Notices;
import com.stocklens.service.StockBoardReader;
import com.stocklens.service.SyncEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
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
        NameMemory declarer) {

    /** Simplified Chinese, the default language of the app (users read Chinese first). */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** English, the second language. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    public UiContext {
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

    /** The same context with the red-flag services (what the composition root calls once they exist). */
    public UiContext withFlags(FlagReader reader, FlagActions actions, FlagEvents events, Notices newNotices,
                               Thresholds newThresholds, NameMemory newDeclarer) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, switchLocale,
                reader, actions, events, newNotices, newThresholds, newDeclarer);
    }

    /** The same context in another language. */
    public UiContext withLocale(Locale newLocale) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, newLocale, switchLocale,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer);
    }

    /** The same context with another language-switch handler (the root usually sets it once it has a Scene). */
    public UiContext withSwitchLocale(Consumer<Locale> handler) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, handler,
                flagReader, flagActions, flagEvents, notices, thresholds, declarer);
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
}
