package com.stocklens.ui;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Puts a {@link MainWindow} on a Stage and rebuilds it when the user switches language: closes the
 * old window, builds a new one in the new locale and swaps the Scene root. The context's own
 * {@code switchLocale} consumer is still called first, so the root can remember the choice.
 */
public final class MainWindowHost implements AutoCloseable {
    /** The window fits a 1366×768 laptop, the smallest screen sellers use. */
    public static final double WIDTH = 1366;
    public static final double HEIGHT = 768;

    private final Stage stage;
    private final UiContext baseContext;
    private MainWindow current;
    private final java.util.List<Consumer<MainWindow>> decorations = new java.util.ArrayList<>();

    private MainWindowHost(Stage stage, UiContext context) {
        this.stage = stage;
        this.baseContext = context;
    }

    /** Builds the window for {@code context} on {@code stage} (creating the Scene if needed). Does not call {@code show()}. */
    public static MainWindowHost install(Stage stage, UiContext context) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(context, "context");
        MainWindowHost host = new MainWindowHost(stage, context);
        host.build(context.locale());
        return host;
    }

    /** The window now on screen. */
    public MainWindow current() {
        return current;
    }

    /**
     * Applies {@code decoration} to the window now and to every window rebuilt later (language switch):
     * the snapshot banner, the File menu's snapshot actions.
     */
    public void decorate(Consumer<MainWindow> decoration) {
        decorations.add(decoration);
        decoration.accept(current);
    }

    /** Rebuilds the window in {@code locale}; what the language menu does. */
    public void switchLocale(Locale locale) {
        baseContext.switchLocale().accept(locale);
        current.close();
        build(locale);
    }

    private void build(Locale locale) {
        Consumer<Locale> rebuild = this::switchLocale;
        current = new MainWindow(baseContext.withLocale(locale).withSwitchLocale(rebuild));
        decorations.forEach(d -> d.accept(current));
        Scene scene = stage.getScene();
        if (scene == null) {
            stage.setScene(new Scene(current.root(), WIDTH, HEIGHT));
        } else {
            scene.setRoot(current.root());
        }
        stage.setTitle(current.messages().get("app.title"));
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
