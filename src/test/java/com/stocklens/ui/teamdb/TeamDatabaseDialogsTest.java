package com.stocklens.ui.teamdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.TeamDatabase;
import com.stocklens.ui.Decorations;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File → Team database… and File → Move to team database…, headless, looked up by fx:id. */
@ExtendWith(ApplicationExtension.class)
class TeamDatabaseDialogsTest {
    private Stage stage;
    private final Fake fake = new Fake();

    /** A team database service that answers from memory. */
    static final class Fake implements TeamDatabase {
        Config saved;
        String savedPassword;
        boolean refuse;
        final AtomicInteger tests = new AtomicInteger();

        @Override
        public Config current() {
            return new Config("jdbc:postgresql://db.example.com:5432/stocklens", "desk", SslMode.VERIFY_FULL,
                    "/etc/ssl/team-ca.pem", false, false);
        }

        @Override
        public TestResult test(Config config, String password) {
            tests.incrementAndGet();
            return refuse ? new TestResult(false, "The server's certificate could not be verified (sslmode=verify-full) "
                    + "(jdbc:postgresql://db.example.com:5432/stocklens).")
                    : new TestResult(true, "Connected to PostgreSQL 14.22 at " + config.url() + ".");
        }

        @Override
        public void save(Config config, String password) {
            saved = config;
            savedPassword = password;
        }

        @Override
        public MoveOutcome moveTo(Config config, String password, Consumer<MoveProgress> progress,
                                  BooleanSupplier cancelled) {
            progress.accept(new MoveProgress("stock_row", 3, 5, 1000, 2000, 0.5));
            return new MoveOutcome(true, false, "3,010 rows in 2 tables moved and verified.",
                    List.of(new TableCount("snapshot", 10, 10), new TableCount("stock_row", 3000, 3000)));
        }
    }

    /** The dialog as a person sees it, for docs/screenshots (written to target/). */
    private static void shoot(FxRobot robot, Dialog<?> dialog, String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = dialog.getDialogPane().getScene().snapshot(null));
        ScreenshotOnFailure.write(image[0], new File("target/" + name + ".png"));
    }

    @Start
    void start(Stage stage) {
        FxTheme.apply();
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void theSettingsDialogTestsAndSaves(FxRobot robot) throws Exception {
        Messages messages = new Messages(UiContext.ENGLISH);
        Dialog<?>[] dialog = new Dialog<?>[1];
        robot.interact(() -> dialog[0] = TeamDatabaseDialogs.showSettings(stage, fake, Runnable::run, messages));
        TextField url = robot.lookup("#dbUrl").queryAs(TextField.class);
        assertThat(url.getText()).isEqualTo("jdbc:postgresql://db.example.com:5432/stocklens");
        assertThat(robot.lookup("#dbUser").queryAs(TextField.class).getText()).isEqualTo("desk");
        @SuppressWarnings("unchecked")
        ComboBox<TeamDatabase.SslMode> mode = robot.lookup("#dbSslMode").queryAs(ComboBox.class);
        assertThat(mode.getValue()).isEqualTo(TeamDatabase.SslMode.VERIFY_FULL);
        assertThat(robot.lookup("#dbRootCert").queryAs(TextField.class).getText()).isEqualTo("/etc/ssl/team-ca.pem");

        // A URL that cannot work is said on the field, and neither Test nor Save is offered for it.
        robot.interact(() -> url.setText("jdbc:postgresql://desk:s3cret@db.example.com:5432/stocklens"));
        assertThat(Decorations.problem(robot, "#dbUrl"))
                .isEqualTo("Leave the password out of the URL: type it in the Password field.");
        assertThat(robot.lookup("#dbProblem").queryAs(Label.class).getText()).startsWith("Leave the password out");
        assertThat(robot.lookup("#dbSave").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#dbTest").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> url.setText("jdbc:postgresql://db.example.com:5432/stocklens"));
        assertThat(Decorations.problem(robot, "#dbUrl")).isNull();
        assertThat(robot.lookup("#dbSave").queryAs(Button.class).isDisabled()).isFalse();

        robot.clickOn("#dbPassword").write("s3cret");
        robot.clickOn("#dbTest");
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#dbStatus").queryAs(Label.class);
        assertThat(status.getText()).isEqualTo("Connected to PostgreSQL 14.22 at jdbc:postgresql://db.example.com:5432/stocklens.");

        fake.refuse = true;
        robot.clickOn("#dbTest");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).startsWith("Refused: The server's certificate could not be verified");
        shoot(robot, dialog[0], "teamdb-settings-refused-en");

        robot.interact(() -> mode.setValue(TeamDatabase.SslMode.REQUIRE));
        assertThat(robot.lookup("#dbRootCert").queryAs(TextField.class).isDisabled()).as("only for verify-full").isTrue();
        robot.clickOn("#dbSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fake.saved.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/stocklens?sslmode=require");
        assertThat(fake.saved.user()).isEqualTo("desk");
        assertThat(fake.savedPassword).isEqualTo("s3cret");
        assertThat(status.getText()).isEqualTo("Saved. Restart StockLens to use the team database.");
    }

    @Test
    void theMoveDialogShowsProgressAndTheVerification(FxRobot robot) throws Exception {
        Messages messages = new Messages(UiContext.CHINESE);
        Dialog<?>[] dialog = new Dialog<?>[1];
        robot.interact(() -> dialog[0] = TeamDatabaseDialogs.showMove(stage, fake, Runnable::run, messages));
        assertThat(robot.lookup("#moveTarget").queryAs(Label.class).getText())
                .isEqualTo("团队数据库：jdbc:postgresql://db.example.com:5432/stocklens");
        assertThat(robot.lookup("#moveCancel").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#moveStart");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<TeamDatabase.TableCount> table = robot.lookup("#moveTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(TeamDatabase.TableCount::table).containsExactly("snapshot", "stock_row");
        assertThat(robot.lookup("#moveProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#moveResult").queryAs(Label.class).getText())
                .isEqualTo("已迁移 3,010 行、2 张表，每张表的行数一致。");
        assertThat(robot.lookup("#moveStatus").queryAs(Label.class).getText()).startsWith("已迁移并核对");
        assertThat(robot.lookup("#moveStart").queryAs(Button.class).isDisabled()).as("done once").isTrue();
        shoot(robot, dialog[0], "teamdb-move-done-zh");
    }

    @Test
    void withoutASavedDatabaseTheMoveCannotStart(FxRobot robot) {
        List<String> none = new ArrayList<>();
        robot.interact(() -> TeamDatabaseDialogs.showMove(stage, TeamDatabase.NONE, Runnable::run,
                new Messages(UiContext.ENGLISH)));
        assertThat(robot.lookup("#moveStart").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#moveStatus").queryAs(Label.class).getText())
                .isEqualTo("Set the team database first (File → Team database…).");
        assertThat(none).isEmpty();
    }
}
