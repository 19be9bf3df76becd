package com.stocklens.ui.skudetail;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.stock.StockRowViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Enter or a double-click on a stock row opens its SKU detail pane; nodes found by fx:id. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class SkuDetailViewTest {
    private final FakeSkuDetails details = new FakeSkuDetails();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        window = new MainWindow(TestUiContext.builder().skuDetails(details).build());
        stage.setScene(new Scene(window.root(), 1280, 760));
        stage.show();
    }

    @AfterEach
    void closeDetails(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                        && w.getScene().lookup("#skuDetailRoot") != null).toList()
                .forEach(Window::hide));
    }

    @SuppressWarnings("unchecked")
    private TableView<StockRowViewModel> table(FxRobot robot) {
        return robot.lookup("#stockTable").queryAs(TableView.class);
    }

    private Node detail(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#skuDetailRoot").query();
    }

    @Test
    void enterOnARowOpensItsSkuDetail(FxRobot robot) {
        TableView<StockRowViewModel> table = table(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        });
        String sku = table.getItems().get(0).sellerSku();
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);

        Node root = detail(robot);
        assertThat((Object) root).isNotNull();
        assertThat(robot.from(root).lookup("#skuDetailSku").queryAs(Label.class).getText()).isEqualTo(sku);
        assertThat(robot.from(root).lookup("#skuDetailLines").queryAs(TableView.class).getItems()).isNotEmpty();
        assertThat(robot.from(root).lookup("#skuDetailCalibrations").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(robot.from(root).lookup("#skuDetailFlags").queryAs(ListView.class).getItems()).hasSize(1);
        assertThat((Object) robot.from(root).lookup("#skuDetailStockChart").query()).isNotNull();
        assertThat(details.lastAt).isNull();
    }

    @Test
    void aDoubleClickOnARowOpensItsSkuDetail(FxRobot robot) {
        TableView<StockRowViewModel> table = table(robot);
        String sku = table.getItems().get(1).sellerSku();
        Node cell = robot.from(table).lookup(".table-row-cell").nth(1).query();
        robot.doubleClickOn(cell, MouseButton.PRIMARY);

        Node root = detail(robot);
        assertThat(robot.from(root).lookup("#skuDetailSku").queryAs(Label.class).getText()).isEqualTo(sku);
    }

    @Test
    void escapeClosesThePane(FxRobot robot) {
        TableView<StockRowViewModel> table = table(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getFocusModel().focus(0);
        });
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        Node root = detail(robot);
        robot.interact(() -> root.getScene().getWindow().requestFocus());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(root.getScene().getWindow().isShowing()).isFalse();
    }
}
