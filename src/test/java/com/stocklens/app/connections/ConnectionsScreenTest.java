package com.stocklens.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.demo.DemoConnections;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.Connection;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.secrets.EncryptedFileSecretStore;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.store.ConnectionRepository;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.ui.Decorations;
import com.stocklens.ui.FxDialogService;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.UiContext;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.connections.ConnectionsView;
import com.stocklens.ui.connections.ConnectionsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The connections screen against a running sandbox, headless: add a ShipBob connection through the
 * form, test it (the sandbox's warehouses show), then remove it and its token.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class ConnectionsScreenTest {
    private SandboxServer sandbox;
    private Database db;
    private EncryptedFileSecretStore secrets;
    private ConnectionsViewModel viewModel;
    private ConnectionsView view;
    private Path dir;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        SandboxClock clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        sandbox = SandboxServer.start(new SimulatedWorld(DemoConnections.DEMO_SEED, 40, clock));
        db = Database.inMemory("connections-ui-" + UUID.randomUUID());
        dir = Files.createTempDirectory("stocklens-conn-ui");
        secrets = new EncryptedFileSecretStore(dir.resolve("secrets.enc"), PassphrasePrompt.fixed("test passphrase"));
        ConnectionService service = new ConnectionService(false, List.of(), new ConnectionRepository(db.jdbi()),
                secrets, new SnapshotRepository(db.jdbi()), new SourceFactory(new HttpClientFactory(), clock), clock,
                Map.of());
        FxTheme.apply();
        Messages messages = new Messages(UiContext.ENGLISH);
        viewModel = new ConnectionsViewModel(service, new FxDialogService(messages, () -> stage),
                listener -> () -> { }, null, background, new FxExecutor());
        view = new FxViewLoader(messages.bundle(), type -> new ConnectionsView(viewModel, messages))
                .<ConnectionsView>load(ConnectionsView.class).controller();
        FxTheme.style(view.root());
        stage.setScene(new Scene(view.root(), 1200, 700));
        stage.show();
        viewModel.start();
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.dispose();
            viewModel.close();
        });
        background.shutdownNow();
        sandbox.close();
        db.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void addTestAndRemoveAShipBobConnection(FxRobot robot) throws Exception {
        TableView<?> table = robot.from(view.root()).lookup("#connectionTable").queryAs(TableView.class);
        assertThat(robot.lookup("#removeButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#authorizeButton").query().isDisabled()).as("no authorization callback").isTrue();

        robot.clickOn("#addMenu").clickOn("#addSHIPBOB");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#connSave").query().isDisabled()).as("name and token missing").isTrue();
        assertThat(Decorations.problem(robot, "#field-token")).as("nothing said before a change").isNull();
        robot.interact(() -> {
            robot.lookup("#connName").queryAs(TextField.class).setText("ShipBob US");
            robot.lookup("#field-api_base").queryAs(TextField.class).setText(sandbox.baseUrl());
        });
        // The token is the one thing missing now: its field says so, and so does the line under the form.
        assertThat(Decorations.problem(robot, "#connName")).isNull();
        assertThat(Decorations.problem(robot, "#field-token")).isEqualTo("Fill in Token.");
        assertThat(robot.lookup("#connProblem").queryAs(Label.class).getText()).isEqualTo("Fill in Token.");
        assertThat(robot.lookup("#connSave").query().isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#field-token").queryAs(PasswordField.class)
                .setText(SandboxCredentials.SHIPBOB_TOKEN));
        assertThat(Decorations.problem(robot, "#field-token")).isNull();
        assertThat(robot.lookup("#connProblem").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#connSave").query().isDisabled()).isFalse();
        snapshot(robot, "#connectionDialog", Path.of("target", "connections-dialog-en.png"));
        robot.clickOn("#connSave");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(viewModel.rows().get(0).id()).isEqualTo("shipbob:shipbob-us");
        assertThat(viewModel.rows().get(0).storedSecrets()).containsExactly("token");
        assertThat(secrets.get(Connection.class.cast(viewModel.rows().get(0).connection()).secretKey("token")))
                .contains(SandboxCredentials.SHIPBOB_TOKEN);
        assertThat(robot.lookup("#restartNote").query().isVisible()).isTrue();

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#testButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewModel.testOutcomeProperty().get() != null);
        var outcome = viewModel.testOutcomeProperty().get();
        assertThat(outcome.succeeded()).as("%s", outcome).isTrue();
        assertThat(outcome.probe().warehouses()).isNotEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        String shown = robot.lookup("#testResult").queryAs(Label.class).getText();
        assertThat(shown).contains("the connection works").contains(outcome.probe().warehouses().get(0))
                .doesNotContain(SandboxCredentials.SHIPBOB_TOKEN);

        robot.clickOn("#removeButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#confirmYes");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(secrets.get("stocklens/shipbob:shipbob-us/token")).isEmpty();
        assertThat(new ConnectionRepository(db.jdbi()).list()).isEmpty();
    }

    /** A PNG of the window holding {@code id} (the README's dialog screenshot comes from here). */
    private static void snapshot(FxRobot robot, String id, Path out) {
        robot.interact(() -> {
            try {
                ScreenshotOnFailure.write(robot.lookup(id).query().getScene().snapshot(null), out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aRefusedTokenIsSaidInPlainWords(FxRobot robot) throws Exception {
        robot.clickOn("#addMenu").clickOn("#addSHIPBOB");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#connName").queryAs(TextField.class).setText("Wrong token");
            robot.lookup("#field-api_base").queryAs(TextField.class).setText(sandbox.baseUrl());
            robot.lookup("#field-token").queryAs(PasswordField.class).setText("CANARY-not-a-token");
        });
        robot.clickOn("#connTest");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#connTestResult").queryAs(Label.class).getText().isEmpty());
        String shown = robot.lookup("#connTestResult").queryAs(Label.class).getText();
        assertThat(shown).contains("The key or token was refused: check it in ShipBob")
                .doesNotContain("CANARY-not-a-token");
        robot.clickOn("#connCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(Files.exists(dir.resolve("secrets.enc"))).as("nothing saved on cancel").isFalse();
    }
}
