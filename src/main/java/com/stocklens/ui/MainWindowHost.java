package com.stocklens.ui;

import com.stocklens.ui.stock.StockViewModel;
import com.stocklens.ui.wall.ScreenAwake;
import com.stocklens.ui.wall.WallView;
import com.stocklens.ui.wall.WallViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * Puts a {@link MainWindow} on a Stage and rebuilds it when the user switches language: closes the
 * old window, builds a new one in the new locale and swaps the Scene root. The context's own
 * {@code switchLocale} consumer is still called first, so the root can remember the choice.
 *
 * <p>Also switches the stage into wall mode ({@link #enterWall}) and back: the window is closed while the
 * wall is up (its timers and subscriptions stop), the wall gets the dark theme and full screen, and the
 * screen is kept awake where the OS allows.
 */
public final class MainWindowHost implements AutoCloseable {
    /** The window fits a 1366×768 laptop, the smallest screen sellers use. */
    public static final double WIDTH = 1366;
    public static final double HEIGHT = 768;

    private final Stage stage;
    private final UiContext baseContext;
    private MainWindow current;
    private final List<Consumer<MainWindow>> decorations = new ArrayList<>();
    private Locale locale;
    private Duration wallRotate = WallViewModel.DEFAULT_ROTATE;
    private Supplier<ScreenAwake> screenAwake = ScreenAwake::forThisMachine;
    private WallView wall;
    private ScreenAwake awake;
    private Rectangle2D windowBounds;

    private MainWindowHost(Stage stage, UiContext context) {
        this.stage = stage;
        this.baseContext = context;
        this.locale = context.shell().locale();
    }

    /** Builds the window for {@code context} on {@code stage} (creating the Scene if needed). Does not call {@code show()}. */
    public static MainWindowHost install(Stage stage, UiContext context) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(context, "context");
        MainWindowHost host = new MainWindowHost(stage, context);
        host.build(context.shell().locale());
        return host;
    }

    /**
     * Builds the wall straight away ({@code --wall}): full screen, and Esc does not leave it (there is no
     * window behind it to go back to on a wall screen; View → Wall mode is the way in from the window).
     */
    public static MainWindowHost installWall(Stage stage, UiContext context, Duration rotate) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(context, "context");
        MainWindowHost host = new MainWindowHost(stage, context);
        host.wallRotate = Objects.requireNonNull(rotate, "rotate");
        host.showWall(false);
        return host;
    }

    /** The window now on screen; null while the wall is up. */
    public MainWindow current() {
        return current;
    }

    /**
     * Applies {@code decoration} to the window now and to every window rebuilt later (language switch):
     * the snapshot banner, the File menu's snapshot actions.
     */
    public void decorate(Consumer<MainWindow> decoration) {
        decorations.add(decoration);
        if (current != null) {
            decoration.accept(current);
        }
    }

    /** The wall now on screen, or null. */
    public WallView wall() {
        return wall;
    }

    public boolean inWall() {
        return wall != null;
    }

    /** The page interval for wall mode entered later from the menu. */
    public void setWallRotate(Duration rotate) {
        this.wallRotate = Objects.requireNonNull(rotate, "rotate");
    }

    /** How the screen is kept awake (tests pass one that runs nothing). */
    public void setScreenAwake(Supplier<ScreenAwake> factory) {
        this.screenAwake = Objects.requireNonNull(factory, "factory");
    }

    /** Rebuilds the window in {@code locale}; what the language menu does. */
    public void switchLocale(Locale newLocale) {
        baseContext.shell().switchLocale().accept(newLocale);
        locale = newLocale;
        // The new window keeps what the person was looking at: the moment, the screen, and on the stock
        // screen the filter and the selection.
        Instant moment = null;
        Screen screen = null;
        StockViewModel.ScreenState stock = null;
        if (current != null) {
            moment = current.timeTravel().asOfProperty().get();
            screen = current.currentScreen();
            stock = current.viewModel().stock().screenState();
            current.close();
        }
        build(newLocale);
        if (stock != null) {
            current.viewModel().stock().restore(stock);
        }
        if (moment != null) {
            current.timeTravel().goTo(moment);
        }
        if (screen != null) {
            current.show(screen);
        }
    }

    /** View → Wall mode: replaces the window with the wall, full screen; Esc comes back. FX thread. */
    public void enterWall() {
        if (wall != null) {
            return;
        }
        if (current != null) {
            current.close();
            current = null;
        }
        windowBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        showWall(true);
    }

    /** Leaves wall mode: the window comes back in the light theme, not full screen. FX thread. */
    public void leaveWall() {
        if (wall == null) {
            return;
        }
        closeWall();
        FxTheme.apply();
        stage.setFullScreen(false);
        // Back where the window was before the wall.
        Rectangle2D b = windowBounds;
        if (b != null && b.getWidth() > 0 && b.getHeight() > 0) {
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
        }
        build(locale);
    }

    private void showWall(boolean canLeave) {
        FxTheme.applyDark();
        WallViewModel viewModel = WallViewModel.create(baseContext, wallRotate, new FxExecutor());
        wall = new WallView(viewModel, new Messages(locale), baseContext.shell().clock());
        if (canLeave) {
            wall.setOnExit(this::leaveWall);
        }
        wall.setOnToggleFullScreen(() -> stage.setFullScreen(!stage.isFullScreen()));
        setRoot(wall.root());
        stage.setTitle(new Messages(locale).get("app.title"));
        // Esc belongs to the wall (leave wall mode), not to JavaFX's own "exit full screen"; no hint overlay.
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        WallView.coverPrimaryScreen(stage);
        stage.setFullScreen(true);
        viewModel.start();
        awake = screenAwake.get();
        awake.start();
        wall.root().requestFocus();
    }

    private void closeWall() {
        wall.close();
        wall.viewModel().close();
        wall = null;
        if (awake != null) {
            awake.close();
            awake = null;
        }
    }

    private void build(Locale newLocale) {
        current = new MainWindow(baseContext, newLocale, this::switchLocale);
        current.setOnWallMode(this::enterWall);
        decorations.forEach(d -> d.accept(current));
        setRoot(current.root());
        stage.setTitle(current.viewModel().title());
    }

    private void setRoot(Parent root) {
        Scene scene = stage.getScene();
        if (scene == null) {
            stage.setScene(new Scene(root, WIDTH, HEIGHT));
        } else {
            scene.setRoot(root);
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
        if (wall != null) {
            closeWall();
        }
    }
}
