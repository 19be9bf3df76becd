package com.stocklens.ui.scores;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.service.Scorecards;
import com.stocklens.ui.Decorations;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The profile form inside the real window, headless: Ctrl+N opens it, a candidate typed in is ranked at
 * once, Edit… changes it (and re-ranks), Delete… asks and removes it; connected warehouses have no Delete;
 * Save stays disabled while a field is wrong, and the field shows why (a ControlsFX decoration); Reset weights puts the sliders back and clears the store.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class ScoresProfileDialogTest {
    /** A small store in memory, shared by the screen and the test. */
    static final class Store implements Scorecards {
        final Map<String, WarehouseProfile> profiles = new LinkedHashMap<>();
        final Map<String, WarehouseKpis> kpis = new LinkedHashMap<>();
        volatile Map<String, Double> weights = Map.of();

        @Override
        public synchronized Board read() {
            List<Entry> entries = new ArrayList<>();
            profiles.values().forEach(p -> entries.add(new Entry(p, kpis.getOrDefault(p.id(), WarehouseKpis.none(p.id())),
                    !p.candidate())));
            return new Board(entries, 350, 900, Instant.EPOCH, Instant.EPOCH);
        }

        @Override
        public synchronized void save(WarehouseProfile profile) {
            profiles.put(profile.id(), profile);
        }

        @Override
        public synchronized void delete(String id) {
            profiles.remove(id);
        }

        @Override
        public List<WarehouseProfile> importCandidates(Path csv) {
            return List.of();
        }

        @Override
        public Map<String, Double> weights() {
            return weights;
        }

        @Override
        public void saveWeights(Map<String, Double> w) {
            weights = Map.copyOf(w);
        }
    }

    private final Store store = new Store();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store.profiles.put("shipbob:228", new WarehouseProfile("shipbob:228", "Moreno Valley (CA)", false,
                List.of(Market.US), List.of("US-West"), true, false, 48, true, List.of(), 0.6, null, null, 3.0, null,
                "USD", null, Instant.EPOCH));
        store.kpis.put("shipbob:228", new WarehouseKpis("shipbob:228", 0.8, 2.0, 300, 0.01, 9000, 3, 0.3, 0.02, 30.0,
                60.0, 0.03, 120.0));
        store.profiles.put("candidate:slow", new WarehouseProfile("candidate:slow", "Slow Co", true,
                List.of(Market.US), List.of(), false, false, 120, false, List.of(), 2.0, null, null, 6.0, null, "USD",
                null, Instant.EPOCH));
        FxTheme.apply();
        UiContext context = TestUiContext.builder().scorecards(store).build();
        window = new MainWindow(context);
        stage.setScene(new Scene(window.root(), 1240, 760));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(window::close);
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w != stage && w.isShowing())
                .forEach(Window::hide));
    }

    private static List<String> cards(FxRobot robot) {
        return robot.lookup("#cardPane").queryAs(FlowPane.class).getChildren().stream().map(Node::getId).toList();
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    private static boolean saveDisabled(FxRobot robot) {
        return robot.lookup("#profileSave").queryAs(Button.class).isDisabled();
    }

    @Test
    void addEditAndDeleteACandidateThroughTheDialog(FxRobot robot) {
        robot.clickOn("#navScores");
        assertThat(cards(robot)).containsExactly("card-shipbob_228", "card-candidate_slow");
        assertThat(robot.lookup("#delete-shipbob_228").tryQuery()).as("connected: edit only").isEmpty();
        assertThat(robot.lookup("#edit-shipbob_228").tryQuery()).isPresent();

        robot.interact(stage::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileDialog").tryQuery()).as("Ctrl+N opens the form").isPresent();
        assertThat(saveDisabled(robot)).as("no name yet").isTrue();
        assertThat(Decorations.problem(robot, "#profileName")).as("it opens without telling off").isNull();

        set(robot, "#profileName", "Best Ever");
        robot.interact(() -> {
            robot.lookup("#market-US").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#market-GB").queryAs(CheckBox.class).setSelected(true);
            for (String id : List.of("#profileApiReady", "#profileCertified", "#profileLocalReturns")) {
                @SuppressWarnings("unchecked")
                ComboBox<ProfileFormViewModel.Answer> box = robot.lookup(id).queryAs(ComboBox.class);
                box.setValue(ProfileFormViewModel.Answer.YES);
            }
        });
        set(robot, "#profileSla", "-12");
        assertThat(saveDisabled(robot)).isTrue();
        assertThat(Decorations.problem(robot, "#profileSla")).isEqualTo("Cannot be negative");
        assertThat(robot.lookup("#profileProblem").queryAs(Label.class).getText()).isEqualTo("Cannot be negative");
        set(robot, "#profileSla", "12");
        set(robot, "#profileStorage0", "0.2");
        set(robot, "#profilePickPack", "abc");
        assertThat(Decorations.problem(robot, "#profilePickPack")).startsWith("Enter a number");
        assertThat(saveDisabled(robot)).isTrue();
        set(robot, "#profilePickPack", "1");
        assertThat(Decorations.problem(robot, "#profileSla")).isNull();
        assertThat(robot.lookup("#profileProblem").queryAs(Label.class).getText()).isEmpty();
        assertThat(saveDisabled(robot)).isFalse();
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cards(robot)).containsExactly("card-candidate_best-ever", "card-shipbob_228", "card-candidate_slow");
        assertThat(store.profiles.get("candidate:best-ever").pickPack()).isEqualTo(1.0);

        // Edit: the slow candidate becomes the best of all.
        fire(robot, "#edit-candidate_slow"); // the third card may be below the fold
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#profileName").queryAs(TextField.class).getText()).isEqualTo("Slow Co");
        assertThat(robot.lookup("#profileSla").queryAs(TextField.class).getText()).isEqualTo("120");
        set(robot, "#profileSla", "6");
        set(robot, "#profileStorage0", "0.05");
        set(robot, "#profilePickPack", "0.5");
        robot.interact(() -> {
            for (Market m : Market.values()) {
                robot.lookup("#market-" + m.name()).queryAs(CheckBox.class).setSelected(true);
            }
            for (String id : List.of("#profileApiReady", "#profileCertified", "#profileLocalReturns")) {
                @SuppressWarnings("unchecked")
                ComboBox<ProfileFormViewModel.Answer> box = robot.lookup(id).queryAs(ComboBox.class);
                box.setValue(ProfileFormViewModel.Answer.YES);
            }
        });
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cards(robot).get(0)).isEqualTo("card-candidate_slow");
        assertThat(store.profiles.get("candidate:slow").outboundSlaHours()).isEqualTo(6);

        // Delete: asked first; No keeps it, Yes removes it.
        robot.clickOn("#delete-candidate_slow"); // ranked first again: on screen
        robot.clickOn("#confirmNo");
        assertThat(cards(robot)).contains("card-candidate_slow");
        robot.clickOn("#delete-candidate_slow");
        robot.clickOn("#confirmYes");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cards(robot)).containsExactly("card-candidate_best-ever", "card-shipbob_228");
        assertThat(store.profiles).doesNotContainKey("candidate:slow");
    }

    @Test
    void aConnectedWarehouseIsEditedByDoubleClickAndKeepsItsName(FxRobot robot) {
        robot.clickOn("#navScores");
        robot.doubleClickOn("#card-shipbob_228");
        WaitForAsyncUtils.waitForFxEvents();
        TextField name = robot.lookup("#profileName").queryAs(TextField.class);
        assertThat(name.isEditable()).isFalse();
        assertThat(name.getText()).isEqualTo("Moreno Valley (CA)");
        set(robot, "#profileCurrency", "US$");
        assertThat(saveDisabled(robot)).isTrue();
        assertThat(Decorations.problem(robot, "#profileCurrency")).isNotNull();
        set(robot, "#profileCurrency", "usd");
        set(robot, "#profileInbound", "0.3");
        robot.clickOn("#profileSave");
        WaitForAsyncUtils.waitForFxEvents();
        WarehouseProfile saved = store.profiles.get("shipbob:228");
        assertThat(saved.inbound()).isEqualTo(0.3);
        assertThat(saved.candidate()).isFalse();
        assertThat(saved.name()).isEqualTo("Moreno Valley (CA)");
        assertThat(robot.lookup("#delete-shipbob_228").tryQuery()).isEmpty();
    }

    @Test
    void resetWeightsPutsTheSlidersBackAndForgetsTheStoredOnes(FxRobot robot) {
        store.weights = Map.of("SYSTEM", 0.0);
        robot.clickOn("#navScores");
        WaitForAsyncUtils.waitForFxEvents();
        Slider system = robot.lookup("#weightAxis-SYSTEM").queryAs(Slider.class);
        assertThat(system.getValue()).as("stored weight loaded").isZero();
        robot.interact(() -> robot.lookup("#weightAxis-COVERAGE").queryAs(Slider.class).setValue(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.weights).containsExactlyInAnyOrderEntriesOf(Map.of("SYSTEM", 0.0, "COVERAGE", 3.0));
        robot.clickOn("#resetWeightsButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(system.getValue()).isEqualTo(1.0);
        assertThat(store.weights).isEmpty();
    }
}
