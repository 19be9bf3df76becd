package com.stocklens.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the window hands a screen's factory ({@link Screen#open}): the root's services, the window's
 * language and dialogs, the executor onto the FX thread, and the window's view model, which knows the
 * moment shown and moves between screens.
 *
 * @param context  the root's services
 * @param messages the window's language
 * @param dialogs  questions and file choosers, owned by the window
 * @param ui       runs on the FX thread
 * @param window   the window's own state: the moment shown, the view models it shares, navigation
 */
public record ScreenServices(UiContext context, Messages messages, DialogService dialogs, Executor ui,
                             MainWindowViewModel window) {
    public ScreenServices {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(ui, "ui");
        Objects.requireNonNull(window, "window");
    }

    /** The window's language (not necessarily the one the context started with). */
    public Locale locale() {
        return messages.locale();
    }

    public Clock clock() {
        return context.shell().clock();
    }

    /** Where blocking service calls run. */
    public Executor background() {
        return context.shell().background();
    }

    /** The moment the window shows, null for now: where a screen that follows moments starts. */
    public Instant moment() {
        return window.timeTravel().asOfProperty().get();
    }
}
