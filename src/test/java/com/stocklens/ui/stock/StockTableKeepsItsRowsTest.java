package com.stocklens.ui.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.StockLevel;
import com.stocklens.rules.Staleness;
import com.stocklens.service.BoardRow;
import com.stocklens.service.StockBoard;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeSyncEvents;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A sync that changes some rows keeps the table's rows on screen as they are, each showing its new row: none is
 * emptied and filled again (issue 20: that rebuild restyled every cell on screen after each sync's apply).
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class StockTableKeepsItsRowsTest {
    private final Messages messages = new Messages(UiContext.ENGLISH);
    private final AtomicReference<StockBoard> board = new AtomicReference<>(FakeBoards.large());
    private StockViewModel viewModel;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        viewModel = new StockViewModel(board::get, new FakeSyncEvents(), FakeBoards.CLOCK, Staleness.DEFAULT_WINDOW,
                Runnable::run, new FxExecutor());
        FxViewLoader loader = new FxViewLoader(messages.bundle(),
                type -> new StockView(viewModel, messages, FakeBoards.CLOCK));
        FxViewLoader.Loaded<StockView> loaded = loader.load(StockView.class);
        FxTheme.style(loaded.root());
        stage.setScene(new Scene(loaded.root(), 1280, 700));
        stage.show();
        viewModel.start();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSyncChangingRowsOnAndOffScreenKeepsTheRowNodesAndShowsTheNewFigures(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<StockRowViewModel> table = robot.lookup("#stockTable").queryAs(TableView.class);
        Set<Node> rowsBefore = identities(robot.lookup("#stockTable").lookup(".table-row-cell").queryAll());
        assertThat(rowsBefore).hasSizeGreaterThan(5);
        // The first row on show and every 25th of the board get one more unit on hand (on and off screen; the gaps,
        // and so the order, stay).
        StockRowViewModel top = table.getItems().get(0);
        List<BoardRow> rows = new ArrayList<>();
        List<BoardRow> old = board.get().rows();
        for (int i = 0; i < old.size(); i++) {
            BoardRow r = old.get(i);
            boolean change = i % 25 == 0 || r.sku().sellerSku().equals(top.sellerSku())
                    && r.warehouse().equals(top.warehouse());
            rows.add(change ? withOnHand(r, r.level().onHand() + 1) : r);
        }
        board.set(new StockBoard(rows, board.get().warehouses(), board.get().sources()));
        int applied = viewModel.appliedSnapshotsProperty().get();
        // A rebuilt table takes every row on screen through "empty" (index -1) and back: CSS for each cell again.
        AtomicInteger emptied = new AtomicInteger();
        robot.interact(() -> rowsBefore.forEach(n -> ((TableRow<?>) n).emptyProperty().addListener((o, was, now) -> {
            if (now) {
                emptied.incrementAndGet();
            }
        })));

        robot.interact(viewModel::refresh);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.appliedSnapshotsProperty().get()).isGreaterThan(applied);
        StockRowViewModel newTop = table.getItems().stream()
                .filter(r -> r.sellerSku().equals(top.sellerSku()) && r.warehouse().equals(top.warehouse()))
                .findFirst().orElseThrow();
        assertThat(newTop).isNotSameAs(top);
        assertThat(newTop.level().onHand()).isEqualTo(top.level().onHand() + 1);
        Set<Node> rowsAfter = identities(robot.lookup("#stockTable").lookup(".table-row-cell").queryAll());
        assertThat(rowsAfter).as("the same row nodes").containsAll(rowsBefore);
        assertThat(emptied.get()).as("rows on screen that went empty while the sync applied").isZero();
        // The row node showing the changed row shows its new figure.
        int at = table.getItems().indexOf(newTop);
        TableRow<?> shown = (TableRow<?>) rowsAfter.stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == at).findFirst().orElseThrow();
        assertThat(shown.getItem()).isSameAs(newTop);
        TableCell<?, ?> onHand = (TableCell<?, ?>) shown.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && "onHandColumn".equals(c.getTableColumn().getId()))
                .findFirst().orElseThrow();
        assertThat(onHand.getText()).isEqualTo(String.valueOf(top.level().onHand() + 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRowIsTheDenseTablesOneLineOfFixedHeight(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<StockRowViewModel> table = robot.lookup("#stockTable").queryAs(TableView.class);
        Set<Node> rows = robot.lookup("#stockTable").lookup(".table-row-cell").queryAll();
        // 2em of the rows' font (the dense rows' height): the table need not measure a row to lay them out.
        double em = ((TableRow<?>) rows.iterator().next()).getFont().getSize();
        assertThat(table.getFixedCellSize()).isEqualTo(2 * em);
        assertThat(rows).hasSizeGreaterThan(5)
                .allSatisfy(r -> assertThat(r.getLayoutBounds().getHeight()).isEqualTo(2 * em));
        // Nothing in a row is cut: each cell's text fits the row's height.
        for (Node cell : robot.lookup("#stockTable").lookup(".table-cell").queryAll()) {
            assertThat(((TableCell<?, ?>) cell).prefHeight(-1)).isLessThanOrEqualTo(2 * em);
        }
    }

    private static BoardRow withOnHand(BoardRow r, int onHand) {
        StockLevel l = r.level();
        StockLevel level = new StockLevel(onHand, l.available(), l.reserved(), l.inTransit(), l.qcHold(), l.frozen(),
                l.returnPendingQc());
        return new BoardRow(r.sku(), r.warehouse(), level, r.tiktokAvailable(), r.tiktokCommitted(),
                r.warehouseSnapshotAt(), r.tiktokSnapshotAt());
    }

    private static Set<Node> identities(Set<Node> nodes) {
        Set<Node> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.addAll(nodes);
        return out;
    }
}
