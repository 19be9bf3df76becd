package com.stocklens.ui;

import com.stocklens.service.TeamDatabase;
import com.stocklens.service.WorkspaceBackups;
import com.stocklens.ui.backups.RestoreBackupDialog;
import com.stocklens.ui.history.TimeTravelViewModel;
import com.stocklens.ui.imports.ImportDialog;
import com.stocklens.ui.push.PushHistoryViewModel;
import com.stocklens.ui.settings.TeamPushDialog;
import com.stocklens.ui.teamdb.TeamDatabaseDialogs;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The window's menu bar: File (import, snapshots, backups, team database, quit), View (refresh, one item
 * per {@link Screen} on Ctrl+1…, moments, compare, wall mode, language), Settings and Help. Decides
 * nothing the shell's view model decides; opens the dialogs the items name.
 */
final class MainMenuView {
    private final MainWindowViewModel viewModel;
    private final Messages messages;
    private final Supplier<Window> owner;
    private final MenuBar bar;
    private final MenuItem restoreBackup;
    private final MenuItem wallMode;
    private SnapshotFileDialogs snapshotFiles;
    private WorkspaceBackups backups;
    private Runnable reopenWorkspace;
    private Runnable onWallMode;

    /**
     * @param owner        the window dialogs belong to
     * @param refresh      View → Refresh (F5)
     * @param openCompare  View → Compare moments… (Ctrl+D)
     * @param switchLocale told the language picked
     */
    MainMenuView(MainWindowViewModel viewModel, UiContext context, Messages messages, Supplier<Window> owner,
                 Runnable refresh, Runnable openCompare, Consumer<Locale> switchLocale) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Objects.requireNonNull(context, "context");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.owner = Objects.requireNonNull(owner, "owner");
        Executor background = context.shell().background();

        MenuItem importStock = item("menuImportStock", "menu.file.importStock", shortcut(KeyCode.I),
                e -> ImportDialog.show(owner.get(), context.setup().imports(), messages, background, refresh));
        MenuItem stockPushes = item("menuStockPushes", "menu.file.stockPushes", null, e -> {
            FxDialogService dialogs = new FxDialogService(messages, owner);
            dialogs.showPushHistory(new PushHistoryViewModel(context.flags().pushes(), context.setup().imports(),
                    context.shell().declarer(), dialogs, background, new FxExecutor()));
        });
        MenuItem openSnapshot = item("menuOpenSnapshot", "menu.file.openSnapshot", shortcut(KeyCode.O), e -> {
            if (snapshotFiles != null) {
                snapshotFiles.open(owner.get());
            }
        });
        MenuItem exportSnapshot = item("menuExportSnapshot", "menu.file.exportSnapshot", shortcut(KeyCode.E), e -> {
            if (snapshotFiles != null) {
                snapshotFiles.export(owner.get());
            }
        });
        restoreBackup = item("menuRestoreBackup", "menu.file.restoreBackup",
                new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), e -> {
                    if (backups != null) {
                        RestoreBackupDialog.show(owner.get(), backups, messages, background, reopenWorkspace);
                    }
                });
        viewModel.readOnlyProperty().addListener(o -> enableRestore());
        enableRestore(); // off until the root hands over the workspace's backups (setBackups)
        TeamDatabase team = context.setup().teamDatabase();
        MenuItem teamDatabase = item("menuTeamDatabase", "menu.file.teamDatabase", null,
                e -> TeamDatabaseDialogs.showSettings(owner.get(), team, background, messages));
        MenuItem moveToTeam = item("menuMoveToTeam", "menu.file.moveToTeam", null,
                e -> TeamDatabaseDialogs.showMove(owner.get(), team, background, messages));
        // Platform.exit runs the app root's stop(), which shuts the services down.
        MenuItem quit = item("menuQuit", "menu.file.quit", shortcut(KeyCode.Q), e -> Platform.exit());
        Menu file = menu("menuFile", "menu.file", importStock, stockPushes, new SeparatorMenuItem(), openSnapshot,
                exportSnapshot,
                new SeparatorMenuItem(), restoreBackup, new SeparatorMenuItem(), teamDatabase, moveToTeam,
                new SeparatorMenuItem(), quit);

        Menu view = menu("menuView", "menu.view",
                item("menuRefresh", "menu.view.refresh", new KeyCodeCombination(KeyCode.F5), e -> refresh.run()),
                new SeparatorMenuItem());
        for (Screen screen : Screen.values()) {
            view.getItems().add(item("menuGo" + screen.name(), screen.navKey(),
                    shortcut(KeyCode.valueOf("DIGIT" + screen.shortcutDigit())), e -> viewModel.choose(screen)));
        }
        TimeTravelViewModel time = viewModel.timeTravel();
        MenuItem back = item("menuPreviousMoment", "menu.view.previousMoment",
                new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), e -> time.stepBack());
        MenuItem forward = item("menuNextMoment", "menu.view.nextMoment",
                new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), e -> time.stepForward());
        MenuItem now = item("menuBackToNow", "menu.view.backToNow", shortcut(KeyCode.DIGIT0), e -> time.backToNow());
        MenuItem compare = item("menuCompare", "menu.view.compare", shortcut(KeyCode.D), e -> openCompare.run());
        wallMode = item("menuWallMode", "menu.view.wall",
                new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), e -> {
                    if (onWallMode != null) {
                        onWallMode.run();
                    }
                });
        wallMode.setDisable(true); // until the host says what wall mode does (setOnWallMode)
        ToggleGroup languages = new ToggleGroup();
        Menu language = menu("menuLanguage", "menu.view.language",
                language("menuLanguageZh", "menu.view.language.zh", UiContext.CHINESE, languages, switchLocale),
                language("menuLanguageEn", "menu.view.language.en", UiContext.ENGLISH, languages, switchLocale));
        view.getItems().addAll(new SeparatorMenuItem(), back, forward, now, compare, new SeparatorMenuItem(),
                wallMode, new SeparatorMenuItem(), language);

        MenuItem teamPush = item("menuTeamPush", "menu.settings.teamPush", null,
                e -> TeamPushDialog.show(owner.get(), context.setup().teamPush(), messages));
        Menu settings = menu("menuSettings", "menu.settings", teamPush);
        // A snapshot file changes nothing: every item that would write is off, and says so in its own text
        // (a menu item has no tooltip).
        MenuItem[] writers = {importStock, stockPushes, teamDatabase, moveToTeam, teamPush};
        viewModel.readOnlyProperty().addListener(o -> readOnly(writers));
        readOnly(writers);
        Menu help = menu("menuHelp", "menu.help", item("menuAbout", "menu.help.about", null, e -> showAbout()));

        bar = new MenuBar(file, view, settings, help);
        bar.setId("menuBar");
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }

    private MenuItem item(String id, String key, KeyCombination accelerator, EventHandler<ActionEvent> action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(action);
        return item;
    }

    private Menu menu(String id, String key, MenuItem... items) {
        Menu menu = new Menu(messages.get(key), null, items);
        menu.setId(id);
        return menu;
    }

    private RadioMenuItem language(String id, String key, Locale locale, ToggleGroup group,
                                   Consumer<Locale> switchLocale) {
        RadioMenuItem item = new RadioMenuItem(messages.get(key));
        item.setId(id);
        item.setToggleGroup(group);
        boolean current = locale.getLanguage().equals(messages.locale().getLanguage());
        item.setSelected(current);
        item.setOnAction(e -> {
            if (!current) {
                switchLocale.accept(locale);
            }
        });
        return item;
    }

    private void enableRestore() {
        restoreBackup.setDisable(backups == null || viewModel.readOnlyProperty().get());
        markReadOnly(restoreBackup, viewModel.readOnlyProperty().get());
    }

    private void readOnly(MenuItem... items) {
        boolean on = viewModel.readOnlyProperty().get();
        for (MenuItem item : items) {
            item.setDisable(on);
            markReadOnly(item, on);
        }
    }

    /** In a snapshot file an item that would write reads "Import stock file… (not in a snapshot file)". */
    private void markReadOnly(MenuItem item, boolean on) {
        String plain = (String) item.getProperties().computeIfAbsent("plainText", k -> item.getText());
        item.setText(on ? messages.format("menu.readOnly", plain) : plain);
    }

    private void showAbout() {
        String version = MainMenuView.class.getPackage().getImplementationVersion();
        Alert alert = FxAlerts.of(Alert.AlertType.INFORMATION, messages.get("menu.help.about"), viewModel.title(),
                messages.format("about.text", version == null ? messages.get("about.devVersion") : version));
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.show();
    }

    /** File → Open snapshot… / Export snapshot… (the root's implementation). */
    void setSnapshotFiles(SnapshotFileDialogs files) {
        this.snapshotFiles = files;
    }

    /** File → Restore backup… over {@code workspaceBackups}; {@code reopen} applies a restore at once (or null). */
    void setBackups(WorkspaceBackups workspaceBackups, Runnable reopen) {
        this.backups = workspaceBackups;
        this.reopenWorkspace = reopen;
        enableRestore();
    }

    /** What View → Wall mode does; without one the item is off. */
    void setOnWallMode(Runnable action) {
        this.onWallMode = action;
        wallMode.setDisable(action == null);
    }

    MenuBar node() {
        return bar;
    }
}
