package com.stocklens.ui.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.MatchMethod;
import com.stocklens.ui.FakeSyncEvents;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.table.TableFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The SKU mapping screen on a real stage, headless, in Chinese. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class MappingViewTest {
    private final FakeMappings service = new FakeMappings();
    private MappingViewModel viewModel;
    private MappingView view;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        Messages messages = new Messages(UiContext.CHINESE);
        viewModel = new MappingViewModel(service, new FakeSyncEvents(), NameMemory.inMemory("Li Wei"), Runnable::run,
                new FxExecutor());
        view = new FxViewLoader(messages.bundle(), type -> new MappingView(viewModel, messages))
                .<MappingView>load(MappingView.class).controller();
        FxTheme.style(view.root());
        stage.setScene(new Scene(view.root(), 1200, 700));
        stage.show();
        viewModel.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            viewModel.close();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void filterToProblemsPickAConflictAndAssignIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<MappingRowViewModel> table = robot.lookup("#mappingTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText()).contains("1 个未映射").contains("1 个冲突");

        robot.clickOn("#onlyProblems");
        assertThat(robot.lookup("#onlyProblems").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(table.getItems()).hasSize(2);

        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#codeField").queryAs(TextField.class).getText()).isEqualTo("CA1-10077");
        TextField sku = robot.lookup("#skuField").queryAs(TextField.class);
        robot.interact(() -> sku.setText("TTS-PS-WHT-01"));
        robot.clickOn("#assignButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(service.calls).containsExactly("assign shipmonk:main CA1-10077 TTS-PS-WHT-01 Li Wei");
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("已保存");
        assertThat(table.getItems()).as("the conflict is gone after the re-read").hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aColumnFilterKeepsTheRowsOfTheTickedValues(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<MappingRowViewModel> table = robot.lookup("#mappingTable").queryAs(TableView.class);
        TableColumn<MappingRowViewModel, ?> status = table.getColumns().stream()
                .filter(c -> "statusColumn".equals(c.getId())).findFirst().orElseThrow();
        assertThat(table.getItems()).hasSize(4);

        // The header's menu (a right click) is the column's filter: ControlsFX's TableFilter panel, which
        // collects the column's values when it first opens.
        Node header = robot.from(table).lookup("#statusColumn").query();
        robot.interact(() -> status.getContextMenu().show(header, Side.BOTTOM, 0, 0));
        assertThat(robot.lookup(".filter-panel").tryQuery()).isPresent();
        assertThat(view.columnFilters().getColumnFilter(status).orElseThrow().getFilterValues()).hasSize(4);
        robot.interact(() -> status.getContextMenu().hide());

        // Only "conflict" ticked, as the panel's None, a tick and Apply do.
        String conflict = new Messages(UiContext.CHINESE).get("mapping.method.CONFLICT");
        TableFilter<MappingRowViewModel> filters = view.columnFilters();
        robot.interact(() -> {
            filters.unSelectAllValues(status);
            filters.selectValue(status, conflict);
            filters.getColumnFilter(status).orElseThrow().applyFilter();
        });
        assertThat(table.getItems()).extracting(MappingRowViewModel::status).containsExactly(MatchMethod.CONFLICT);
        // It works on what the view model shows: the quick "only problems" toggle still applies under it.
        robot.clickOn("#onlyProblems");
        assertThat(table.getItems()).hasSize(1);

        robot.interact(filters::resetAllFilters);
        assertThat(table.getItems()).hasSize(2);
    }

    @Test
    void aRefusedChangeSaysWhy(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#codeField").queryAs(TextField.class).setText("CA1-99999");
            robot.lookup("#skuField").queryAs(TextField.class).setText("NOPE-9");
        });
        robot.clickOn("#clearButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("未保存").contains("no manual mapping");
    }
}
