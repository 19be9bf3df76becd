package com.stocklens.ui;

import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * A screen of the window as the shell handles it: its node, and what the shell tells it. Each feature's
 * view implements it; {@link Screen} says how one is built.
 */
public interface ScreenView extends AutoCloseable {
    /** The node shown in the window's content area. */
    Parent root();

    /** A bar the window shows full width along its bottom edge (the freshness bar), or null. */
    default Node statusBar() {
        return null;
    }

    /** The screen came to the front. */
    default void shown() {
    }

    /** The window now shows {@code at} (null: now); only told to screens whose {@link Screen.Past} follows it. */
    default void showMoment(Instant at) {
    }

    /** View → Refresh (F5): read again now. */
    default void refresh() {
    }

    /** Stops the view's timers and listeners and closes the view model it built. */
    @Override
    void close();
}
