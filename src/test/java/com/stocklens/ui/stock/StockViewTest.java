package com.stocklens.ui.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.CodeCheckResult;
import com.stocklens.domain.HealthReport;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.rules.Staleness;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.ReportExports;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockTable;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeDialogs;
import com.stocklens.ui.FakeSyncEvents;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import eu.hansolo.tilesfx.Tile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The stock screen on a headless stage, nodes found by fx:id only (the UI is translated). */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class StockViewTest {
    private final FakeSyncEvents events = new FakeSyncEvents();
    private final Messages messages = new Messages(UiContext.ENGLISH);
    private StockViewModel viewModel;
    private final FakeDialogs dialogs = new FakeDialogs(Path.of("stock-export.xlsx"));
    /** What the last export wrote: title, headers, rows, format. */
    private final List<Object> written = new CopyOnWriteArrayList<>();
    private final ReportExports exports = new ReportExports() {
        @Override
        public void exportHealth(HealthReport report, ReportFormat format, Locale locale, Path out) {
            throw new AssertionError("not a health report");
        }

        @Override
        public void exportCodeCheck(CodeCheckResult result, ReportFormat format, Locale locale, Path out) {
            throw new AssertionError("not a code check");
        }

        @Override
        public void exportTable(String title, List<String> headers, List<List<Object>> rows, ReportFormat format,
                                Locale locale, Path out) {
            written.addAll(List.of(title, headers, rows, format, out));
        }
    };
    private StockView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        viewModel = new StockViewModel(FakeBoards::small, events, FakeBoards.CLOCK, Staleness.DEFAULT_WINDOW,
                Runnable::run, new FxExecutor());
        StockExportViewModel export = new StockExportViewModel(exports, () -> FlagBoard.EMPTY, messages,
                FakeBoards.CLOCK, dialogs,
                Runnable::run, new FxExecutor());
        FxViewLoader loader = new FxViewLoader(messages.bundle(),
                type -> new StockView(viewModel, messages, FakeBoards.CLOCK, export));
        FxViewLoader.Loaded<StockView> loaded = loader.load(StockView.class);
        view = loaded.controller();
        FxTheme.style(loaded.root());
        stage.setScene(new Scene(loaded.root(), 1280, 700));
        stage.show();
        viewModel.start();
    }

    @SuppressWarnings("unchecked")
    private TableView<StockRowViewModel> table(FxRobot robot) {
        return robot.lookup("#stockTable").queryAs(TableView.class);
    }

    @Test
    void tableShowsOneLinePerSkuAndWarehouse(FxRobot robot) {
        assertThat(table(robot).getItems()).hasSize(3);
        assertThat(robot.lookup("#rowCountLabel").queryAs(Label.class).getText())
                .isEqualTo(messages.format("stock.rows", 3));
    }

    @Test
    void unknownCellsShowADashNeverZero(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell<?, ?>> unknown = robot.lookup("#stockTable").lookup(".number-cell")
                .queryAllAs(TableCell.class).stream()
                .<TableCell<?, ?>>map(c -> c)
                .filter(c -> !c.isEmpty() && c.getItem() == null)
                .toList();
        // WINIT in-transit, GoodCang QC/frozen/returns, GoodCang TikTok and gap.
        assertThat(unknown).hasSizeGreaterThanOrEqualTo(6);
        for (TableCell<?, ?> cell : unknown) {
            assertThat(cell.getText()).isEqualTo("—");
            assertThat(cell.getPseudoClassStates()).contains(StockView.UNKNOWN);
        }
    }

    @Test
    void gapCellsAreHighlightedWhenNonZero(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell<?, ?>> gaps = robot.lookup("#stockTable").lookup(".gap-cell")
                .queryAllAs(TableCell.class).stream()
                .<TableCell<?, ?>>map(c -> c)
                .filter(c -> c.getPseudoClassStates().contains(StockView.GAP))
                .toList();
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).getItem()).isEqualTo(2);
        assertThat(gaps.get(0).getPseudoClassStates()).contains(StockView.OVERSELL);
    }

    @Test
    void typingInTheFilterFieldFiltersTheTable(FxRobot robot) {
        robot.interact(stage::requestFocus);
        robot.clickOn("#filterField").write("lamp");
        // The filter runs once typing pauses (debounce).
        WaitForAsyncUtils.sleep((long) StockView.FILTER_DEBOUNCE.toMillis() + 200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getText()).isEqualTo("lamp");
        assertThat(table(robot).getItems()).extracting(StockRowViewModel::sellerSku).containsExactly("LAMP-RGB");
        assertThat(robot.lookup("#rowCountLabel").queryAs(Label.class).getText())
                .isEqualTo(messages.format("stock.rows.filtered", 1, 3));

        // The field's × (ControlsFX's clearable field) empties it, and the table shows every row again.
        robot.clickOn(robot.from(robot.lookup("#filterField").queryAs(TextField.class)).lookup(".clear-button")
                .queryAs(Node.class));
        WaitForAsyncUtils.sleep((long) StockView.FILTER_DEBOUNCE.toMillis() + 200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#filterField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(viewModel.filterTextProperty().get()).isEmpty();
        assertThat(table(robot).getItems()).hasSize(3);
    }

    @Test
    void unknownValuesSortLastInBothDirections(FxRobot robot) {
        TableView<StockRowViewModel> table = table(robot);
        @SuppressWarnings("unchecked")
        TableColumn<StockRowViewModel, Integer> inTransit =
                (TableColumn<StockRowViewModel, Integer>) table.getColumns().stream()
                        .filter(c -> "inTransitColumn".equals(c.getId())).findFirst().orElseThrow();
        robot.interact(() -> {
            inTransit.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(inTransit));
        });
        assertThat(table.getItems()).extracting(r -> r.level().inTransit()).containsExactly(0, 50, null);
        robot.interact(() -> inTransit.setSortType(TableColumn.SortType.DESCENDING));
        assertThat(table.getItems()).extracting(r -> r.level().inTransit()).containsExactly(50, 0, null);
    }

    @Test
    void gapsOnlyToggleShowsOnlyRowsWithAGap(FxRobot robot) {
        robot.interact(() -> robot.lookup("#gapsOnlyToggle").queryAs(ToggleButton.class).fire());
        assertThat(table(robot).getItems()).extracting(StockRowViewModel::gap).containsExactly(2);
        assertThat(viewModel.gapsOnlyProperty().get()).isTrue();
    }

    @Test
    void staleSourceChipCarriesTheStalePseudoClass(FxRobot robot) {
        List<Node> chips = List.copyOf(robot.lookup("#freshnessBar").lookup(".freshness-chip").queryAll());
        assertThat(chips).hasSize(4);
        List<Node> stale = chips.stream().filter(n -> n.getPseudoClassStates().contains(StockView.STALE)).toList();
        assertThat(stale).hasSize(1);
        assertThat(stale.get(0).getStyleClass()).contains("warehouse-chip");
        assertThat(((Label) stale.get(0)).getTooltip().getText())
                .contains(messages.format("status.chip.lastError", "HTTP 503 from api.goodcang.com"));
    }

    @Test
    void tilesShowTotalsAndCoverage(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Tile onHand = robot.lookup("#tile-onHand").queryAs(Tile.class);
        assertThat(onHand.getValue()).isEqualTo(150.0);
        assertThat(onHand.getSkin()).as("NUMBER skin renders headless").isNotNull();
        assertThat(robot.lookup("#tileNote-onHand").queryAs(Label.class).getText())
                .isEqualTo(messages.format("stock.tile.allReport", 3));

        Tile inTransit = robot.lookup("#tile-inTransit").queryAs(Tile.class);
        assertThat(inTransit.getValue()).isEqualTo(50.0);
        assertThat(robot.lookup("#tileNote-inTransit").queryAs(Label.class).getText())
                .isEqualTo(messages.format("stock.tile.partial", 2, 3));
        assertThat(robot.lookup("#tileCard-inTransit").query().getPseudoClassStates()).contains(StockView.PARTIAL);
        assertThat(robot.lookup("#tileUnknown-inTransit").query().isVisible()).isFalse();

        Tile tiktok = robot.lookup("#tile-tiktokAvailable").queryAs(Tile.class);
        assertThat(tiktok.getValue()).isEqualTo(112.0);
        assertThat(robot.lookup("#tileTitle-tiktokAvailable").queryAs(Label.class).getText())
                .isEqualTo(messages.get("stock.bucket.tiktokAvailable"));

        // A large figure is not clamped to the tile's default 0..100 range.
        assertThat(onHand.getMaxValue()).isGreaterThan(1e9);
    }

    @Test
    void allUnknownTotalShowsADash(FxRobot robot) {
        robot.interact(() -> viewModel.apply(new StockBoard(List.of(
                FakeBoards.row(FakeBoards.sku("X", "x"), FakeBoards.WINIT_UK,
                        StockLevel.UNKNOWN, null, FakeBoards.NOW)),
                List.of(FakeBoards.WINIT_UK), List.of())));
        assertThat(robot.lookup("#tileUnknown-frozen").query().isVisible()).isTrue();
        assertThat(robot.lookup("#tileNote-frozen").queryAs(Label.class).getText())
                .isEqualTo(messages.get("stock.tile.noneReport"));
    }

    @Test
    void selectionAndKeyboardFocusSurviveARefresh(FxRobot robot) {
        TableView<StockRowViewModel> table = table(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(1);
            table.getSelectionModel().select(2);
            table.getFocusModel().focus(2);
        });
        List<String> selected = table.getSelectionModel().getSelectedItems().stream().map(StockRowViewModel::key).toList();
        String focused = table.getFocusModel().getFocusedItem().key();
        int applied = viewModel.appliedSnapshotsProperty().get();

        robot.interact(viewModel::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.appliedSnapshotsProperty().get()).isGreaterThan(applied);
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(StockRowViewModel::key)
                .containsExactlyInAnyOrderElementsOf(selected);
        assertThat(table.getFocusModel().getFocusedItem().key()).isEqualTo(focused);
        assertThat(table.getSelectionModel().getSelectionMode()).isEqualTo(SelectionMode.MULTIPLE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkingTwoWarehousesFiltersTheTableAndTheTilesSumThem(FxRobot robot) {
        CheckComboBox<Warehouse> box = robot.lookup("#warehouseChoice").queryAs(CheckComboBox.class);
        assertThat(box.getItems()).containsExactly(FakeBoards.SHIPBOB_CA, FakeBoards.WINIT_UK, FakeBoards.GOODCANG_NJ);
        assertThat(drawnTitle(robot, box)).isEqualTo(messages.get("stock.warehouse.all"));

        // One warehouse, as a person clicks it in the drop-down: the table and the tiles are that warehouse.
        robot.clickOn(box);
        robot.clickOn(checkCell(robot, FakeBoards.SHIPBOB_CA));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).extracting(r -> r.warehouse().id()).containsExactly("shipbob:228");
        assertThat(robot.lookup("#tile-onHand").queryAs(Tile.class).getValue()).isEqualTo(100.0);
        assertThat(robot.lookup("#tileNote-onHand").queryAs(Label.class).getText())
                .isEqualTo(messages.format("stock.tile.oneWarehouse", "ShipBob · Moreno Valley (CA)"));

        // A second one: both warehouses' rows, and every tile sums the two.
        robot.clickOn(checkCell(robot, FakeBoards.WINIT_UK));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.warehouseFilter().chosen()).containsExactly("shipbob:228", "winit:UKBH");
        assertThat(table(robot).getItems()).extracting(r -> r.warehouse().id())
                .containsExactlyInAnyOrder("shipbob:228", "winit:UKBH");
        assertThat(robot.lookup("#tile-onHand").queryAs(Tile.class).getValue()).isEqualTo(140.0);
        assertThat(robot.lookup("#tile-available").queryAs(Tile.class).getValue()).isEqualTo(110.0);
        assertThat(robot.lookup("#tile-tiktokAvailable").queryAs(Tile.class).getValue()).isEqualTo(112.0);
        assertThat(robot.lookup("#tileNote-onHand").queryAs(Label.class).getText())
                .isEqualTo(messages.format("stock.tile.chosen", 2));
        // WINIT reports no in-transit: ShipBob's figure, and the note says one of the two reports it.
        assertThat(robot.lookup("#tile-inTransit").queryAs(Tile.class).getValue()).isEqualTo(50.0);
        assertThat(robot.lookup("#tileNote-inTransit").queryAs(Label.class).getText())
                .isEqualTo(messages.format("stock.tile.chosenPartial", 1, 2));
        assertThat(drawnTitle(robot, box)).isEqualTo(messages.format("stock.warehouse.some", 2));

        // Nothing ticked is every warehouse again.
        robot.interact(() -> viewModel.warehouseFilter().choose(List.of()));
        assertThat(box.getCheckModel().getCheckedItems()).isEmpty();
        assertThat(drawnTitle(robot, box)).isEqualTo(messages.get("stock.warehouse.all"));
        assertThat(table(robot).getItems()).hasSize(3);
        assertThat(robot.lookup("#tile-onHand").queryAs(Tile.class).getValue()).isEqualTo(150.0);
    }

    /** The text the warehouse box shows closed (its button cell's). */
    private static String drawnTitle(FxRobot robot, CheckComboBox<Warehouse> box) {
        WaitForAsyncUtils.waitForFxEvents();
        // The cell inside the box's combo box, not the drop-down's own cells.
        return robot.from(box).lookup(".combo-box > .list-cell").queryAs(ListCell.class).getText();
    }

    /** The drop-down's check box cell of {@code w} (found by its item, never by its text). */
    private static Node checkCell(FxRobot robot, Warehouse w) {
        return robot.lookup(".check-box-list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> w.equals(c.getItem())).findFirst().orElseThrow();
    }

    @Test
    void tilesPrintThousandsSeparators(FxRobot robot) {
        robot.interact(() -> viewModel.apply(new StockBoard(List.of(
                FakeBoards.row(FakeBoards.sku("X", "x"), FakeBoards.SHIPBOB_CA,
                        new StockLevel(192100, 192100, 0, 0, 0, 0, 0), 192100, FakeBoards.NOW)),
                List.of(FakeBoards.SHIPBOB_CA), List.of())));
        WaitForAsyncUtils.waitForFxEvents();
        Tile onHand = robot.lookup("#tile-onHand").queryAs(Tile.class);
        assertThat(onHand.lookupAll("Text")).extracting(n -> ((Text) n).getText()).contains("192,100");
    }

    @Test
    void headersAndCutCellsShowTheirFullTextOnHoverAndMakeNoTooltipBefore(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell<?, ?>> textCells = new java.util.ArrayList<>();
        for (String id : List.of("sellerSkuColumn", "nameColumn", "warehouseColumn")) {
            robot.lookup("#stockTable").lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> c.getTableColumn() != null && id.equals(c.getTableColumn().getId()) && !c.isEmpty())
                    .forEach(textCells::add);
        }
        // No popup window per cell until the pointer is over it (at most the one cell it may rest on already).
        assertThat(textCells).hasSizeGreaterThan(3);
        assertThat(textCells.stream().filter(c -> c.getTooltip() != null).count()).isLessThanOrEqualTo(1);

        TableCell<?, ?> sku = textCells.stream().filter(c -> "sellerSkuColumn".equals(c.getTableColumn().getId()))
                .findFirst().orElseThrow();
        StockRowViewModel row = (StockRowViewModel) sku.getTableRow().getItem();
        robot.moveTo(sku);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sku.getTooltip()).isNotNull();
        assertThat(sku.getTooltip().getText())
                .isEqualTo(row.name().isEmpty() ? row.sellerSku() : row.sellerSku() + "\n" + row.name());
        TableCell<?, ?> warehouse = textCells.stream()
                .filter(c -> "warehouseColumn".equals(c.getTableColumn().getId())).findFirst().orElseThrow();
        robot.moveTo(warehouse);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(warehouse.getTooltip().getText()).isEqualTo(warehouse.getItem());

        // Every header is ready to make its tooltip; three are hovered (a second of pointer travel each): the first,
        // a cut one, the last.
        for (TableColumn<StockRowViewModel, ?> column : table(robot).getColumns()) {
            Node header = robot.lookup("#stockTable").lookup("#" + column.getId()).query();
            assertThat(header.getProperties().values()).as(column.getId())
                    .anySatisfy(v -> assertThat(v).isInstanceOf(com.stocklens.ui.FxHoverTip.class));
        }
        java.util.Set<Object> tips = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<TableColumn<StockRowViewModel, ?>> columns = table(robot).getColumns();
        TableColumn<StockRowViewModel, ?> pool = columns.stream()
                .filter(c -> "returnsPoolColumn".equals(c.getId())).findFirst().orElseThrow();
        for (TableColumn<StockRowViewModel, ?> column : List.of(columns.get(0), pool, columns.get(columns.size() - 1))) {
            Node header = robot.lookup("#stockTable").lookup("#" + column.getId()).query();
            robot.moveTo(header);
            WaitForAsyncUtils.waitForFxEvents();
            List<Tooltip> own = header.getProperties().values().stream().filter(Tooltip.class::isInstance)
                    .map(Tooltip.class::cast).toList();
            // Each header shows its own full text, not a tooltip that cannot tell which header it is over.
            assertThat(own).as(column.getId()).singleElement().satisfies(t -> assertThat(t.getText())
                    .isEqualTo(messages.get("stock.column." + column.getId().replace("Column", "") + ".tip")));
            tips.add(own.get(0));
        }
        assertThat(tips).hasSize(3);
    }

    @Test
    void ctrlCPutsTheSelectedRowsOnTheClipboardAsTabSeparatedCells(FxRobot robot) {
        TableView<StockRowViewModel> table = table(robot);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().selectIndices(0, 2);
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        String[] lines = text[0].split("\r\n");
        assertThat(lines).hasSize(2);
        String[] first = lines[0].split("\t", -1);
        StockRowViewModel row = table.getItems().get(0);
        assertThat(first[0]).isEqualTo(row.sellerSku());
        assertThat(first[2]).isEqualTo(row.warehouseLabel());
        // 3 texts, 7 buckets, returns pool, TikTok available, gap; numbers plain, unknown empty.
        assertThat(first).hasSize(13);
        assertThat(first[3]).isEqualTo(String.valueOf(row.level().onHand()));
        assertThat(lines[1].split("\t", -1)[0]).isEqualTo(table.getItems().get(2).sellerSku());
    }

    @Test
    void exportWritesTheRowsShownWithTheJsonColumnsOffTheFxThread(FxRobot robot) {
        robot.interact(() -> viewModel.filterTextProperty().set("mug"));
        robot.interact(() -> robot.lookup("#exportButton").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> "exportCsv".equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(written).hasSize(5);
        @SuppressWarnings("unchecked")
        List<String> headers = (List<String>) written.get(1);
        assertThat(headers).hasSize(StockTable.columns().size())
                .startsWith(messages.get("stock.export.column.sku"));
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) written.get(2);
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("MUG-001"));
        assertThat(written.get(3)).isEqualTo(ReportFormat.CSV);
        assertThat(dialogs.suggested).singleElement().asString().startsWith("stock-").endsWith(".csv");
        assertThat(robot.lookup("#exportStatus").queryAs(Label.class).getText())
                .isEqualTo(messages.format("export.saved", Path.of("stock-export.xlsx").toString()));
    }
}
