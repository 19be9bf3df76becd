package com.stocklens.ui.scores;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Messages;
import com.stocklens.ui.Screen;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import java.io.File;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the "Add candidate" form over the scores screen at 1366×768 into
 * {@code target/scores-candidate-form-zh.png} and {@code -en.png} (copied to docs/screenshots by hand), so
 * a person can judge it without a display. The dialog is drawn inside the window's scene, over a dimmed
 * screen, with a plain title bar standing in for the window manager's.
 */
@ExtendWith(ApplicationExtension.class)
class ScoresCandidateFormPreviewTest {

    @Start
    void start(Stage stage) {
        FxTheme.apply();
    }

    static ScoresProfileDialogTest.Store demoStore() {
        ScoresProfileDialogTest.Store store = new ScoresProfileDialogTest.Store();
        Instant at = Instant.EPOCH;
        add(store, new WarehouseProfile("shipbob:228", "ShipBob Moreno Valley (CA)", false, List.of(Market.US),
                List.of("US-West"), true, true, 24, true, List.of("Shenzhen → Los Angeles (sea)"), 0.45, 0.90, 1.80,
                2.95, 0.25, "USD", null, at),
                new WarehouseKpis("shipbob:228", 0.7, 1.6, 2880, 0.004, 9000, 2, 0.2, 0.01, 20.0, 52.0, 0.03, 410.0));
        add(store, new WarehouseProfile("winit:UKBH", "WINIT Birmingham (UK)", false, List.of(Market.GB),
                List.of("UK-Midlands"), true, true, 48, true, List.of("Yiwu → Birmingham (rail)"), 0.38, 0.75, 1.60,
                2.20, 0.20, "USD", null, at),
                new WarehouseKpis("winit:UKBH", 1.2, 3.9, 2880, 0.01, 6000, 4, 0.7, 0.03, 30.0, 70.0, 0.06, 230.0));
        add(store, new WarehouseProfile("goodcang:USEA", "GoodCang New Jersey", false, List.of(Market.US),
                List.of("US-East"), false, false, 72, true, List.of("Shenzhen → New York (sea)"), 0.28, 0.60, 1.40,
                1.80, 0.15, "USD", null, at),
                new WarehouseKpis("goodcang:USEA", 3.5, 14.0, 2880, 0.05, 4000, 9, 2.2, 0.06, 44.0, 110.0, 0.12, 150.0));
        add(store, new WarehouseProfile("candidate:4px-los-angeles", "4PX Los Angeles", true, List.of(Market.US),
                List.of("US-West"), true, true, 24, true, List.of("Shenzhen → Los Angeles (sea)"), 0.42, 0.85, 1.70,
                2.40, 0.20, "USD", null, at), null);
        add(store, new WarehouseProfile("candidate:bangkok-3pl", "Bangkok 3PL", true, List.of(Market.TH, Market.VN),
                List.of("TH-Central"), null, false, 48, null, List.of("Guangzhou → Bangkok (truck)"), 0.25, null, null,
                1.10, null, "USD", null, at), null);
        return store;
    }

    private static void add(ScoresProfileDialogTest.Store store, WarehouseProfile p, WarehouseKpis k) {
        store.profiles.put(p.id(), p);
        if (k != null) {
            store.kpis.put(p.id(), k);
        }
    }

    @Test
    void renderChinese(FxRobot robot) throws Exception {
        render(robot, UiContext.CHINESE, new File("target/scores-candidate-form-zh.png"), f -> {
            f.nameProperty().set("递四方 达拉斯仓");
            f.marketProperty(Market.US).set(true);
            f.regionsProperty().set("美南, 美中");
            f.apiReadyProperty().set(ProfileFormViewModel.Answer.YES);
            f.localReturnsProperty().set(ProfileFormViewModel.Answer.YES);
            f.slaHoursProperty().set("48.5");
            f.routesProperty().set("深圳 → 洛杉矶（海运）\n宁波 → 休斯顿（海运）");
            f.storage0to90Property().set("0.40");
            f.storage91to180Property().set("0.80");
            f.pickPackProperty().set("2.30");
            f.inboundProperty().set("0.20");
            f.notesProperty().set("2026-11 报价单；认证申请中");
        });
    }

    @Test
    void renderEnglish(FxRobot robot) throws Exception {
        render(robot, UiContext.ENGLISH, new File("target/scores-candidate-form-en.png"), f -> {
            f.nameProperty().set("4PX Dallas");
            f.marketProperty(Market.US).set(true);
            f.regionsProperty().set("US-South, US-Central");
            f.apiReadyProperty().set(ProfileFormViewModel.Answer.YES);
            f.localReturnsProperty().set(ProfileFormViewModel.Answer.YES);
            f.slaHoursProperty().set("24");
            f.routesProperty().set("Shenzhen → Los Angeles (sea)\nNingbo → Houston (sea)");
            f.storage0to90Property().set("0.40");
            f.storage91to180Property().set("0.80");
            f.pickPackProperty().set("2.30");
            f.inboundProperty().set("0.20");
            f.notesProperty().set("Quote of Nov 2026; certification applied for");
        });
    }

    private void render(FxRobot robot, Locale locale, File out, Consumer<ProfileFormViewModel> fill) throws Exception {
        ScoresProfileDialogTest.Store store = demoStore();
        UiContext context = TestUiContext.builder().demo(true).locale(locale).scorecards(store).build();
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(context);
            window[0].show(Screen.SCORES);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[2];
        robot.interact(() -> {
            Scene plain = new Scene(window[0].root(), MainWindowHost.WIDTH, MainWindowHost.HEIGHT);
            plain.snapshot(null);
            image[1] = plain.snapshot(null);
            plain.setRoot(new StackPane());
            Messages messages = new Messages(locale);
            ProfileFormViewModel form = ProfileFormViewModel.forNew(store.profiles.keySet(),
                    store.profiles.values().stream().map(WarehouseProfile::name).toList());
            fill.accept(form);
            ProfileView view = ProfileDialog.load(form, messages);
            Label title = new Label(messages.get("scores.form.addTitle"));
            title.setStyle("-fx-font-size: 13px; -fx-text-fill: #24292f;");
            StackPane titleBar = new StackPane(title);
            titleBar.setAlignment(Pos.CENTER_LEFT);
            titleBar.setPadding(new Insets(6, 12, 6, 12));
            titleBar.setStyle("-fx-background-color: #e6e8eb;");
            VBox frame = new VBox(titleBar, view.root());
            frame.setStyle("-fx-background-color: white; -fx-border-color: #8c959f;");
            frame.setEffect(new DropShadow(24, Color.rgb(0, 0, 0, 0.35)));
            frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            Region scrim = new Region();
            scrim.setStyle("-fx-background-color: rgba(0, 0, 0, 0.22);");
            StackPane root = new StackPane(window[0].root(), scrim, frame);
            FxTheme.style(root); // the colour tokens hang off the scene's .root, as in the real window
            Scene scene = new Scene(root, MainWindowHost.WIDTH, MainWindowHost.HEIGHT);
            scene.snapshot(null);
            image[0] = scene.snapshot(null);
            window[0].close();
        });
        out.getParentFile().mkdirs();
        ScreenshotOnFailure.write(image[0], out);
        ScreenshotOnFailure.write(image[1], new File(out.getParentFile(), out.getName().replace("-form-", "-screen-")));
        assertThat(image[0].getWidth()).isEqualTo(MainWindowHost.WIDTH);
        assertThat(out).exists();
    }
}
