package com.stocklens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Warehouse;
import com.stocklens.ui.stock.StockRowViewModel;
import com.stocklens.ui.stock.StockViewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window frame: DEMO banner only in demo mode, a language switch that rebuilds in Chinese, and one
 * sidebar entry, View menu item and Ctrl+digit shortcut per registered screen.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class MainWindowTest {
    private final FakeSyncEvents events = new FakeSyncEvents();
    private final List<Locale> remembered = new ArrayList<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        // Smaller than Monocle's 1280×800 headless screen; a 1366-wide window overflows its framebuffer.
        stage.setScene(new Scene(new Group(), 1200, 720));
    }

    private UiContext context(boolean demo, Locale locale) {
        return TestUiContext.builder().syncEvents(events).demo(demo)
                .locale(locale).switchLocale(remembered::add).build();
    }

    private MainWindowHost show(FxRobot robot, UiContext context) {
        MainWindowHost[] host = new MainWindowHost[1];
        robot.interact(() -> {
            host[0] = MainWindowHost.install(stage, context);
            stage.show();
        });
        return host[0];
    }

    @Test
    void demoModeShowsTheBanner(FxRobot robot) {
        show(robot, context(true, UiContext.CHINESE));
        Label banner = robot.lookup("#demoBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getHeight()).isGreaterThan(0);
        assertThat(banner.getText()).isEqualTo(new Messages(UiContext.CHINESE).get("demo.banner"));
    }

    @Test
    void liveModeHasNoBanner(FxRobot robot) {
        show(robot, context(false, UiContext.CHINESE));
        assertThat(robot.lookup("#demoBanner").tryQuery()).isEmpty();
        assertThat(robot.lookup("#stockTable").tryQuery()).isPresent();
    }

    @Test
    void switchingLanguageRebuildsTheWindowInChinese(FxRobot robot) {
        MainWindowHost host = show(robot, context(true, UiContext.ENGLISH));
        Messages en = new Messages(UiContext.ENGLISH);
        Messages zh = new Messages(UiContext.CHINESE);
        assertThat(robot.lookup("#navStock").queryAs(ToggleButton.class).getText()).isEqualTo(en.get("nav.stock"));
        assertThat(events.subscribers()).isEqualTo(1);

        MenuItem chinese = menuItem(robot, "menuLanguageZh");
        robot.interact(chinese::fire);

        assertThat(remembered).containsExactly(UiContext.CHINESE);
        assertThat(host.current().messages().locale()).isEqualTo(UiContext.CHINESE);
        assertThat(robot.lookup("#navStock").queryAs(ToggleButton.class).getText()).isEqualTo(zh.get("nav.stock"));
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getPromptText())
                .isEqualTo(zh.get("stock.filter.prompt"));
        assertThat(stage.getTitle()).isEqualTo(zh.get("app.title"));
        assertThat(robot.lookup("#tileTitle-onHand").queryAs(Label.class).getText())
                .isEqualTo(zh.get("stock.bucket.onHand"));
        // The old window let go of its subscription: one live screen, one subscriber.
        assertThat(events.subscribers()).isEqualTo(1);
        robot.interact(host::close);
        assertThat(events.subscribers()).isZero();
    }

    @Test
    void switchingLanguageKeepsTheStockFilterWarehouseAndSelection(FxRobot robot) {
        MainWindowHost host = show(robot, context(false, UiContext.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            StockViewModel stock = host.current().viewModel().stock();
            stock.filterTextProperty().set("mug");
            stock.warehouseFilter().choose(List.of(FakeBoards.SHIPBOB_CA.id()));
        });
        TableView<StockRowViewModel> before = stockTable(robot);
        robot.interact(() -> {
            before.requestFocus();
            before.getSelectionModel().select(0);
            before.getFocusModel().focus(0);
        });
        String selected = before.getSelectionModel().getSelectedItem().key();

        robot.interact(() -> menuItem(robot, "menuLanguageZh").fire());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(host.current().messages().locale()).isEqualTo(UiContext.CHINESE);
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getText()).isEqualTo("mug");
        @SuppressWarnings("unchecked")
        CheckComboBox<Warehouse> warehouse = robot.lookup("#warehouseChoice").queryAs(CheckComboBox.class);
        assertThat(warehouse.getCheckModel().getCheckedItems()).containsExactly(FakeBoards.SHIPBOB_CA);
        TableView<StockRowViewModel> after = stockTable(robot);
        assertThat(after).isNotSameAs(before);
        assertThat(after.getItems()).extracting(StockRowViewModel::sellerSku).containsOnly("MUG-001");
        assertThat(after.getSelectionModel().getSelectedItems()).extracting(StockRowViewModel::key)
                .containsExactly(selected);
        robot.interact(host::close);
    }

    @SuppressWarnings("unchecked")
    private static TableView<StockRowViewModel> stockTable(FxRobot robot) {
        return robot.lookup("#stockTable").queryAs(TableView.class);
    }

    @Test
    void eachScreenHasASidebarEntryAMenuItemAndCtrlDigitInRegistryOrder(FxRobot robot) {
        MainWindowHost host = show(robot, context(false, UiContext.ENGLISH));
        robot.interact(stage::requestFocus);
        VBox sidebar = robot.lookup("#sidebar").queryAs(VBox.class);
        assertThat(sidebar.getChildren()).extracting(Node::getId)
                .containsExactlyElementsOf(Arrays.stream(Screen.values()).map(Screen::navId).toList());
        for (Screen screen : Screen.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + screen.shortcutDigit());
            assertThat(menuItem(robot, "menuGo" + screen.name()).getAccelerator())
                    .isEqualTo(new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN));
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(host.current().currentScreen()).isEqualTo(screen);
            assertThat(robot.lookup("#" + screen.navId()).queryAs(ToggleButton.class).isSelected())
                    .as("%s selected in the sidebar", screen).isTrue();
        }
        robot.interact(host::close);
    }

    @Test
    void everyEnglishKeyHasAChineseTranslation() {
        var en = new Messages(UiContext.ENGLISH).bundle();
        var zh = new Messages(UiContext.CHINESE).bundle();
        assertThat(zh.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        for (String key : en.keySet()) {
            if (!key.startsWith("menu.view.language.") && !key.startsWith("age.")) {
                assertThat(zh.getString(key)).as(key).isNotEqualTo(en.getString(key));
            }
        }
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        for (Menu menu : bar.getMenus()) {
            MenuItem found = find(menu, id);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static MenuItem find(Menu menu, String id) {
        for (MenuItem item : menu.getItems()) {
            if (id.equals(item.getId())) {
                return item;
            }
            if (item instanceof Menu sub) {
                MenuItem found = find(sub, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
