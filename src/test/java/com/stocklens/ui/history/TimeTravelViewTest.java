package com.stocklens.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Snapshot;
import com.stocklens.domain.StockLevel;
import com.stocklens.service.BoardRow;
import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.ui.FakeBoards;
import com.stocklens.ui.FakeSyncEvents;
import com.stocklens.ui.Formats;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Messages;
import com.stocklens.ui.Screen;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.stock.StockRowViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "as of" control in the window: slider, past banner, the stock screen reading the past, back to now. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class TimeTravelViewTest {
    private static final Instant M1 = FakeBoards.NOW.minusSeconds(7200);
    private static final Instant M2 = FakeBoards.NOW.minusSeconds(3600);

    private final FakeSyncEvents events = new FakeSyncEvents();
    private Stage stage;

    /** Now: the small board. In the past: the mug in ShipBob had 555 on hand, and nothing else existed. */
    private final StockBoardReader reader = new StockBoardReader() {
        @Override
        public StockBoard read() {
            return FakeBoards.small();
        }

        @Override
        public History history() {
            return new History() {
                @Override
                public List<Snapshot> moments() {
                    return List.of(new Snapshot(1, "shipbob:main", M1, 1), new Snapshot(2, "shipbob:main", M2, 1));
                }

                @Override
                public StockBoard boardAt(Instant at) {
                    BoardRow now = FakeBoards.small().rows().get(0);
                    BoardRow then = new BoardRow(now.sku(), now.warehouse(), new StockLevel(555, 500, 55, 0, 0, 0, 0),
                            null, null, at, null);
                    return new StockBoard(List.of(then), FakeBoards.small().warehouses(), FakeBoards.small().sources());
                }
            };
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        stage.setScene(new Scene(new Group(), 1200, 720));
    }

    private MainWindow show(FxRobot robot) {
        UiContext context = TestUiContext.builder().board(reader).syncEvents(events).demo(true).build();
        MainWindowHost[] host = new MainWindowHost[1];
        robot.interact(() -> {
            host[0] = MainWindowHost.install(stage, context);
            stage.show();
            stage.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return host[0].current();
    }

    @Test
    void steppingIntoThePastShowsTheBannerAndThePastBoardAndBackToNowRestoresIt(FxRobot robot) {
        MainWindow window = show(robot);
        Messages en = new Messages(Locale.ENGLISH);
        Node banner = robot.lookup("#pastBanner").query();
        Slider slider = robot.lookup("#timeSlider").queryAs(Slider.class);
        assertThat(banner.isVisible()).isFalse();
        assertThat(slider.getMax()).isEqualTo(2);
        assertThat(slider.getValue()).as("now is the last position").isEqualTo(2);
        assertThat(robot.lookup("#timeMoment").queryAs(Label.class).getText()).isEqualTo(en.get("history.now.label"));

        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.timeTravel().asOfProperty().get()).isEqualTo(M2);
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("#pastBannerText").queryAs(Label.class).getText())
                .isEqualTo(en.format("history.banner", Formats.beijingTime(M2)));
        assertThat(slider.getValue()).isEqualTo(1);
        assertThat(robot.lookup("#timeMoment").queryAs(Label.class).getText()).isEqualTo(Formats.beijingTime(M2));
        assertThat(stockOnHand(robot)).as("the stock screen shows the past board").containsExactly(555);

        // The slider moves the moment too.
        robot.interact(() -> slider.setValue(0));
        assertThat(window.timeTravel().asOfProperty().get()).isEqualTo(M1);

        // Red flags show the past moment (with a line saying what of it); the code check keeps no history and
        // says so instead of showing today's findings under a past banner.
        robot.interact(() -> window.show(Screen.FLAGS));
        assertThat(robot.lookup("#pastNotice").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#pastScreenNote").queryAs(Label.class).isVisible()).isTrue();
        robot.interact(() -> window.show(Screen.CODES));
        assertThat(robot.lookup("#pastNotice").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#pastScreenNote").queryAs(Label.class).isVisible()).isFalse();
        robot.interact(() -> window.show(Screen.STOCK));
        assertThat(robot.lookup("#pastNotice").queryAs(Label.class).isVisible()).isFalse();

        robot.interact(() -> robot.lookup("#pastBackToNow").queryAs(Hyperlink.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.timeTravel().asOfProperty().get()).isNull();
        assertThat(banner.isVisible()).isFalse();
        assertThat(slider.getValue()).isEqualTo(2);
        assertThat(stockOnHand(robot)).containsExactlyInAnyOrder(100, 40, 10);
    }

    @Test
    void ctrlZeroGoesBackToNow(FxRobot robot) {
        MainWindow window = show(robot);
        robot.interact(() -> window.timeTravel().goTo(M1));
        assertThat(robot.lookup("#pastBanner").query().isVisible()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.timeTravel().asOfProperty().get()).isNull();
        assertThat(robot.lookup("#pastBanner").query().isVisible()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> stockOnHand(FxRobot robot) {
        TableView<StockRowViewModel> table = robot.lookup("#stockTable").queryAs(TableView.class);
        return table.getItems().stream().map(r -> r.level().onHand()).toList();
    }
}
