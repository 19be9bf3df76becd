package com.stocklens.ui;

import com.stocklens.ui.ageing.AgeingView;
import com.stocklens.ui.codes.CodesView;
import com.stocklens.ui.connections.ConnectionsView;
import com.stocklens.ui.flags.FlagsView;
import com.stocklens.ui.health.HealthView;
import com.stocklens.ui.mapping.MappingView;
import com.stocklens.ui.scores.ScoresView;
import com.stocklens.ui.stock.StockView;
import com.stocklens.ui.triage.TriageView;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The screens of the window, in sidebar order: the one place a screen is registered. Each constant says
 * its sidebar entry, its shortcut, how it meets a past moment chosen on the time bar, whether it is built
 * with the window or on first visit, and how it is built: the factory lives in the feature's own package
 * ({@code XxxView.screen}). The sidebar, the View menu, the shortcuts and the past-moment notes all
 * follow this list; adding a screen is a constant here, its package and its {@code nav.*} text.
 *
 * <p>The constant's name is also the {@code --screen} option's value and part of the node ids
 * ({@code menuGoFLAGS}).
 */
public enum Screen {
    /**
     * What to do first: the red flags ranked. It reads nothing itself (the red flags' read ranks them); the
     * red flags are the window's, which moves them to the chosen moment for this screen and the next.
     */
    TRIAGE("nav.triage", 1, Past.noted("history.past.triage"), true, TriageView::screen),
    /**
     * Every red flag: the calibration cards and the alerts grouped by kind. Built on first visit: the badge and
     * the triage list read the red flags from the window (issue 20: its build was 0.13–0.19 s of the start).
     */
    FLAGS("nav.flags", 2, Past.noted("history.past.flags"), false, FlagsView::screen),
    STOCK("nav.stock", 3, Past.FOLLOWS, true, StockView::screen),
    AGEING("nav.ageing", 4, Past.noted("history.past.ageing"), false, AgeingView::screen),
    HEALTH("nav.health", 5, Past.noted("history.past.health"), false, HealthView::screen),
    /** The three-code check keeps no history: it says so in its place under a past moment. */
    CODES("nav.codes", 6, Past.nowOnly("history.codesNowOnly"), false, CodesView::screen),
    MAPPING("nav.mapping", 7, Past.TIMELESS, false, MappingView::screen),
    CONNECTIONS("nav.connections", 8, Past.TIMELESS, false, ConnectionsView::screen),
    SCORES("nav.scores", 9, Past.TIMELESS, false, ScoresView::screen);

    /**
     * How a screen meets a past moment.
     *
     * @param follows   the screen shows the chosen moment (it is told every change of it)
     * @param noteKey   the line over the screen saying what it shows of the moment, or null
     * @param nowOnlyKey the notice covering the screen because it cannot show the past, or null
     */
    public record Past(boolean follows, String noteKey, String nowOnlyKey) {
        /** Shows the moment; the time bar's banner says all there is to say. */
        public static final Past FOLLOWS = new Past(true, null, null);
        /** About no moment (settings and mappings): shown as it is now, without a word. */
        public static final Past TIMELESS = new Past(false, null, null);

        /** Shows the moment, with a line ({@code key}, the moment as argument) saying what of it. */
        public static Past noted(String key) {
            return new Past(true, Objects.requireNonNull(key, "key"), null);
        }

        /** Cannot show the past: covered by a notice ({@code key}, the moment as argument) while one is chosen. */
        public static Past nowOnly(String key) {
            return new Past(false, null, Objects.requireNonNull(key, "key"));
        }
    }

    private final String navKey;
    private final int shortcutDigit;
    private final Past past;
    private final boolean builtWithWindow;
    private final Function<ScreenServices, ScreenView> factory;

    Screen(String navKey, int shortcutDigit, Past past, boolean builtWithWindow,
           Function<ScreenServices, ScreenView> factory) {
        if (shortcutDigit < 1 || shortcutDigit > 9) {
            throw new IllegalArgumentException("Ctrl+1 … Ctrl+9 only (Ctrl+0 is back to now): " + shortcutDigit);
        }
        this.navKey = navKey;
        this.shortcutDigit = shortcutDigit;
        this.past = past;
        this.builtWithWindow = builtWithWindow;
        this.factory = factory;
    }

    /** The sidebar entry's text key: {@code nav.flags}. */
    public String navKey() {
        return navKey;
    }

    /** The sidebar entry's node id: {@code navFlags}. */
    public String navId() {
        String name = navKey.substring("nav.".length());
        return "nav" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** Ctrl (⌘) + this digit shows the screen. */
    public int shortcutDigit() {
        return shortcutDigit;
    }

    public Past past() {
        return past;
    }

    /**
     * Built with the window rather than on first visit: the screens it may open on (triage and stock), whose
     * parts the shell shows too (the stock screen's freshness bar). The others read the store or build many
     * nodes when they start, which a person who only watches stock should not pay for at start-up; the badge
     * reads the red flags from the window itself.
     */
    public boolean builtWithWindow() {
        return builtWithWindow;
    }

    /** Builds the screen's view and view model and starts it. FX thread. */
    public ScreenView open(ScreenServices services) {
        return factory.apply(services);
    }
}
