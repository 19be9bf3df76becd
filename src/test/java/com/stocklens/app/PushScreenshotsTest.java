package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.CalibrationState;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.service.PushPlan;
import com.stocklens.service.PushRecord;
import com.stocklens.service.PushScope;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.StockPushes;
import com.stocklens.service.TaskRow;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.MainWindow;
import com.stocklens.ui.MainWindowHost;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.Screen;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.TestUiContext;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import com.stocklens.ui.push.PushHistoryDialog;
import com.stocklens.ui.push.PushHistoryViewModel;
import com.stocklens.ui.push.PushPlanDialog;
import com.stocklens.ui.push.PushPlanViewModel;
import com.stocklens.ui.push.PushTexts;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The push dialogs on real demo data at 1366×768 (the guide's pictures, copied to docs/screenshots by hand):
 * {@code target/push-plan-zh.png} (the plan over the red flags), {@code push-outcome-*.png} (TikTok's answer,
 * one line refused by a promotion lock) and {@code push-audit-*.png} (the audit after a push, a calibration push
 * and its undo), each in Chinese and English. Each dialog is drawn in the window's scene over a dimmed screen.
 */
@ExtendWith(ApplicationExtension.class)
class PushScreenshotsTest {
    @TempDir
    Path dir;

    private SandboxClock clock;
    private AppRuntime runtime;

    @Start
    void start(Stage stage) {
        FxTheme.apply();
    }

    @BeforeEach
    void open() {
        clock = new SandboxClock(Instant.parse("2026-12-08T02:30:00Z"));
        runtime = AppRuntime.open(new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15)),
                clock);
        runtime.syncEngine().syncAllOnce();
        runtime.importDemoSpreadsheets();
        // A few more Manila lines for the pictures (the demo's small shelves drift by a unit or two).
        ManilaDrift.drift(runtime, 5);
        runtime.syncEngine().syncAllOnce();
        runtime.importDemoSpreadsheets();
        runtime.flagEngine().evaluateNow();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private static final DialogService YES = new DialogService() {
        @Override
        public CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form) {
            throw new AssertionError("not asked");
        }

        @Override
        public CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String name, ReportFormat format) {
            throw new AssertionError("not asked");
        }

        @Override
        public CompletionStage<Boolean> confirm(String titleKey, String messageKey, Object... args) {
            return CompletableFuture.completedFuture(true);
        }
    };

    @Test
    void renderThePlanTheOutcomeAndTheAudit(FxRobot robot) throws Exception {
        StockPushes pushes = runtime.stockPushes();
        // The audit's story: a calibration task fixed by a push, then undone; the pictures' own pushes follow.
        TaskRow task = runtime.flagReader().read().tasks().stream()
                .filter(t -> t.task().state() == CalibrationState.OPEN && t.task().warehouseId().startsWith("shipbob:"))
                .findFirst().orElseThrow();
        PushRecord fixed = pushes.apply(pushes.plan(PushScope.task(task.task().id())).id(), "zhang.san", null);
        pushes.undo(fixed.id(), "zhang.san");
        PushPlan csv = pushes.plan(PushScope.csv());
        runtime.sandbox().lockTikTokStockForPromotion(csv.items().get(2).sellerSku(), 500);

        Locale[] languages = {UiContext.CHINESE, UiContext.ENGLISH};
        PushPlanViewModel plan = new PushPlanViewModel(pushes, PushScope.csv(), NameMemory.inMemory("zhang.san"), YES,
                Runnable::run, Runnable::run);
        plan.plan();
        for (Locale locale : languages) {
            render(robot, locale, planPane(plan, new Messages(locale), true), new File("target/push-plan-" + lang(locale)
                    + ".png"));
        }
        plan.apply();
        assertThat(plan.phaseProperty().get()).isEqualTo(PushPlanViewModel.Phase.DONE);
        assertThat(plan.resultProperty().get().status()).isEqualTo(PushRecord.Status.PARTIAL);
        for (Locale locale : languages) {
            render(robot, locale, planPane(plan, new Messages(locale), false),
                    new File("target/push-outcome-" + lang(locale) + ".png"));
        }
        PushHistoryViewModel history = new PushHistoryViewModel(pushes, runtime.stockImports(),
                NameMemory.inMemory("zhang.san"), YES, Runnable::run, Runnable::run);
        history.load();
        history.selectedProperty().set(history.history().getFirst());
        for (Locale locale : languages) {
            Messages messages = new Messages(locale);
            render(robot, locale, new Dialog(messages.get("stockpush.history.title"),
                    messages.get("stockpush.history.header"), PushHistoryDialog.content(history, messages), null,
                    messages.get("stockpush.close")), new File("target/push-audit-" + lang(locale) + ".png"));
        }
    }

    private static String lang(Locale locale) {
        return locale == UiContext.CHINESE ? "zh" : "en";
    }

    private static Dialog planPane(PushPlanViewModel plan, Messages messages, boolean apply) {
        return new Dialog(messages.get("stockpush.plan.title"), new PushTexts(messages).scope(plan.scope()),
                PushPlanDialog.content(plan, messages), apply ? messages.get("stockpush.apply") : null,
                messages.get("stockpush.close"));
    }

    /** What the real dialog shows: title, header, content and its own buttons (Apply only on a plan). */
    private record Dialog(String title, String header, Node content, String apply, String close) {
    }

    private void render(FxRobot robot, Locale locale, Dialog dialog, File out) throws Exception {
        UiContext context = TestUiContext.builder().demo(true).locale(locale).clock(clock)
                .board(runtime.boardReader())
                .flags(runtime.flagReader(), runtime.flagEngine(), runtime.flagEngine(), listener -> () -> { })
                .pushes(runtime.stockPushes()).build();
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(context);
            window[0].show(Screen.FLAGS);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            Label title = new Label(dialog.title());
            title.setStyle("-fx-font-size: 13px; -fx-text-fill: #24292f;");
            StackPane titleBar = new StackPane(title);
            titleBar.setAlignment(Pos.CENTER_LEFT);
            titleBar.setPadding(new Insets(6, 12, 6, 12));
            titleBar.setStyle("-fx-background-color: #e6e8eb;");
            Label header = new Label(dialog.header());
            header.setStyle("-fx-font-size: 15px; -fx-padding: 10 14 10 14;");
            header.setMaxWidth(Double.MAX_VALUE);
            HBox buttons = new HBox(8);
            buttons.setAlignment(Pos.CENTER_RIGHT);
            buttons.setPadding(new Insets(10, 14, 12, 14));
            if (dialog.apply() != null) {
                Button apply = new Button(dialog.apply());
                apply.setDefaultButton(true);
                buttons.getChildren().add(apply);
            }
            buttons.getChildren().add(new Button(dialog.close()));
            StackPane body = new StackPane(dialog.content());
            body.setPadding(new Insets(0, 14, 0, 14));
            VBox frame = new VBox(titleBar, header, body, buttons);
            VBox.setVgrow(body, Priority.ALWAYS);
            frame.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: #8c959f;");
            frame.setEffect(new DropShadow(24, Color.rgb(0, 0, 0, 0.35)));
            frame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            frame.setPrefSize(1040, 680);
            Region scrim = new Region();
            scrim.setStyle("-fx-background-color: rgba(0, 0, 0, 0.22);");
            StackPane root = new StackPane(window[0].root(), scrim, frame);
            FxTheme.style(root);
            Scene scene = new Scene(root, MainWindowHost.WIDTH, MainWindowHost.HEIGHT);
            scene.snapshot(null);
            image[0] = scene.snapshot(null);
            root.getChildren().clear();
            window[0].close();
        });
        out.getParentFile().mkdirs();
        ScreenshotOnFailure.write(image[0], out);
        assertThat(image[0].getWidth()).isEqualTo(MainWindowHost.WIDTH);
    }
}
