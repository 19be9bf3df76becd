package com.stocklens.ui;

import com.stocklens.ui.stock.StockView;
import com.stocklens.ui.stock.StockViewModel;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The root of the StockLens window for one language: menu bar, DEMO banner (demo mode only), the
 * sidebar of screens that work, the current screen and the freshness bar. A language switch throws the
 * whole window away and builds a new one (see {@link MainWindowHost}), so no text needs rebinding.
 * Build on the FX thread; {@link #close()} when replaced.
 */
public final class MainWindow implements AutoCloseable {
    private final UiContext context;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final StockViewModel stockViewModel;
    private final StockView stockView;

    public MainWindow(UiContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.messages = new Messages(context.locale());
        this.stockViewModel = new StockViewModel(context.boardReader(), context.syncEvents(), context.clock(),
                context.stalenessWindow(), context.background(), new FxExecutor());
        ViewLoader loader = new ViewLoader(messages.bundle(), type -> {
            if (type == StockView.class) {
                return new StockView(stockViewModel, messages, context.clock());
            }
            throw new IllegalArgumentException("No controller for " + type.getName());
        });
        this.stockView = loader.<StockView>load(StockView.class).controller();

        root.setId("mainWindow");
        root.getStyleClass().add("main-window");
        Theme.style(root);
        VBox top = new VBox(menuBar());
        if (context.demo()) {
            Label banner = new Label(messages.get("demo.banner"));
            banner.setId("demoBanner");
            banner.getStyleClass().add("demo-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            top.getChildren().add(banner);
        }
        root.setTop(top);
        root.setLeft(sidebar());
        // The freshness bar belongs to the whole window: show it full width under the sidebar too.
        stockView.root().setBottom(null);
        root.setBottom(stockView.freshnessBar());
        root.setCenter(stockView.root());
        stockViewModel.start();
    }

    /** The node to put in a Scene. */
    public Parent root() {
        return root;
    }

    public Messages messages() {
        return messages;
    }

    public UiContext context() {
        return context;
    }

    /** Reloads the board now (View → Refresh, F5). */
    public void refresh() {
        stockViewModel.refresh();
    }

    /** Stops tickers and unsubscribes from sync events. */
    @Override
    public void close() {
        stockView.dispose();
        stockViewModel.close();
    }

    private MenuBar menuBar() {
        MenuItem quit = new MenuItem(messages.get("menu.file.quit"));
        quit.setId("menuQuit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        // Platform.exit runs the app root's stop(), which shuts the services down.
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu(messages.get("menu.file"), null, quit);
        file.setId("menuFile");

        ToggleGroup languages = new ToggleGroup();
        RadioMenuItem chinese = languageItem("menuLanguageZh", "menu.view.language.zh", UiContext.CHINESE, languages);
        RadioMenuItem english = languageItem("menuLanguageEn", "menu.view.language.en", UiContext.ENGLISH, languages);
        Menu language = new Menu(messages.get("menu.view.language"), null, chinese, english);
        language.setId("menuLanguage");
        MenuItem refresh = new MenuItem(messages.get("menu.view.refresh"));
        refresh.setId("menuRefresh");
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(e -> refresh());
        Menu view = new Menu(messages.get("menu.view"), null, refresh, new SeparatorMenuItem(), language);
        view.setId("menuView");

        MenuItem about = new MenuItem(messages.get("menu.help.about"));
        about.setId("menuAbout");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu(messages.get("menu.help"), null, about);
        help.setId("menuHelp");

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private RadioMenuItem languageItem(String id, String key, Locale locale, ToggleGroup group) {
        RadioMenuItem item = new RadioMenuItem(messages.get(key));
        item.setId(id);
        item.setToggleGroup(group);
        item.setSelected(locale.getLanguage().equals(context.locale().getLanguage()));
        item.setOnAction(e -> {
            if (!locale.getLanguage().equals(context.locale().getLanguage())) {
                context.switchLocale().accept(locale);
            }
        });
        return item;
    }

    private VBox sidebar() {
        ToggleGroup screens = new ToggleGroup();
        // Only screens that work are listed; new ones are added here as they land.
        ToggleButton stock = new ToggleButton(messages.get("nav.stock"));
        stock.setId("navStock");
        stock.getStyleClass().add("nav-item");
        stock.setToggleGroup(screens);
        stock.setSelected(true);
        stock.setMaxWidth(Double.MAX_VALUE);
        // Keep the one screen selected: a toggle that can be switched off would blank the content.
        screens.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        VBox sidebar = new VBox(stock);
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar");
        return sidebar;
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(messages.get("menu.help.about"));
        alert.setHeaderText(messages.get("app.title"));
        String version = MainWindow.class.getPackage().getImplementationVersion();
        alert.setContentText(messages.format("about.text", version == null ? "dev" : version));
        if (root.getScene() != null) {
            alert.initOwner(root.getScene().getWindow());
        }
        alert.show();
    }
}
