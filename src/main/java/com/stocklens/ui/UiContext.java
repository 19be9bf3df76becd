package com.stocklens.ui;

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
 */
public record UiContext(
        StockBoardReader boardReader,
        SyncEvents syncEvents,
        Clock clock,
        Duration stalenessWindow,
        boolean demo,
        Executor background,
        Locale locale,
        Consumer<Locale> switchLocale) {

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
    }

    /** The same context in another language. */
    public UiContext withLocale(Locale newLocale) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, newLocale, switchLocale);
    }

    /** The same context with another language-switch handler (the root usually sets it once it has a Scene). */
    public UiContext withSwitchLocale(Consumer<Locale> handler) {
        return new UiContext(boardReader, syncEvents, clock, stalenessWindow, demo, background, locale, handler);
    }
}
