package com.stocklens.ui.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.connections.TikTokShopAuthorizer;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.domain.AuthorizedShop;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxCredentials;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.service.InMemorySecretStore;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import com.stocklens.ui.ScreenshotOnFailure;
import com.stocklens.ui.UiContext;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The authorization dialog on a headless stage against the sandbox: open, paste, connect, choose. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class TikTokAuthorizeViewTest {
    private static final Pattern APPROVE = Pattern.compile("id=\"approve\" href=\"([^\"]+)\"");

    private Stage stage;
    private SandboxServer sandbox;
    private TikTokShopAuthorizer authorizer;
    private Connection connection;
    private final InMemorySecretStore store = new InMemorySecretStore();
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private Dialog<AuthorizedShop> dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxTheme.apply();
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @BeforeEach
    void startSandbox() {
        SandboxClock clock = new SandboxClock(Instant.now().minus(Duration.ofHours(1)));
        sandbox = SandboxServer.start(new SimulatedWorld(5, 30, clock));
        clock.advance(Duration.ofHours(1));
        connection = new Connection("tiktok:main", ConnectionKind.TIKTOK_SHOP, "TikTok Shop", true, null, Map.of(
                "api_base", sandbox.tiktokBaseUrl(), "auth_base", sandbox.tiktokAuthBaseUrl(),
                "authorize_url", sandbox.tiktokAuthorizeUrl(), "service_id", SandboxCredentials.TIKTOK_SERVICE_ID,
                "app_key", SandboxCredentials.TIKTOK_APP_KEY));
        store.put(connection.secretKey("app_secret"), SandboxCredentials.TIKTOK_APP_SECRET);
        authorizer = new TikTokShopAuthorizer(store, new HttpClientFactory(), clock);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.close();
            }
        });
        sandbox.close();
    }

    @Test
    void chineseFlowChoosesAShop(FxRobot robot) throws Exception {
        AuthorizedShop chosen = runFlow(robot, UiContext.CHINESE, new File("target/tiktok-authorize-zh.png"));
        assertThat(chosen.cipher()).isNotBlank();
        assertThat(store.get(connection.secretKey("access_token"))).isPresent();
        assertThat(store.get(connection.secretKey("refresh_token"))).isPresent();
    }

    @Test
    void englishFlowChoosesAShop(FxRobot robot) throws Exception {
        assertThat(runFlow(robot, UiContext.ENGLISH, new File("target/tiktok-authorize-en.png"))).isNotNull();
    }

    @Test
    void aForeignStateShowsTheErrorAndNoShop(FxRobot robot) throws Exception {
        showDialog(robot, UiContext.ENGLISH);
        robot.clickOn("#openPage");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        robot.interact(() -> robot.lookup("#pasteField").queryAs(TextField.class)
                .setText(sandbox.baseUrl() + "/sandbox/tiktok/callback?code=abc&state=not-mine"));
        robot.clickOn("#connect");
        Label error = robot.lookup("#error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertThat(error.getText()).contains("state does not match");
        assertThat(robot.lookup("#" + TikTokAuthorizeDialog.USE_SHOP_ID).queryAs(Button.class).isDisabled()).isTrue();
    }

    private void showDialog(FxRobot robot, Locale locale) {
        Messages messages = new Messages(locale);
        robot.interact(() -> {
            dialog = TikTokAuthorizeDialog.create(stage, authorizer, connection, messages, opened::add);
            dialog.show();
            dialog.getDialogPane().getScene().getWindow().requestFocus();
        });
    }

    private AuthorizedShop runFlow(FxRobot robot, Locale locale, File screenshot) throws Exception {
        showDialog(robot, locale);
        Button use = robot.lookup("#" + TikTokAuthorizeDialog.USE_SHOP_ID).queryAs(Button.class);
        assertThat(use.isDisabled()).isTrue();
        assertThat(robot.lookup("#connect").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn("#openPage");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened.get(0).toString()).startsWith(sandbox.tiktokAuthorizeUrl());
        assertThat(robot.lookup("#pageUrl").queryAs(TextField.class).getText()).isEqualTo(opened.get(0).toString());

        String redirect = approveInBrowser(opened.get(0));
        robot.interact(() -> robot.lookup("#pasteField").queryAs(TextField.class).setText(redirect));
        robot.clickOn("#connect");
        @SuppressWarnings("unchecked")
        ListView<AuthorizedShop> shops = robot.lookup("#shopList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !shops.getItems().isEmpty());
        robot.interact(() -> shops.getSelectionModel().select(shops.getItems().size() - 1));
        AuthorizedShop expected = shops.getItems().get(shops.getItems().size() - 1);
        assertThat(use.isDisabled()).isFalse();

        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = dialog.getDialogPane().getScene().snapshot(null));
        screenshot.getParentFile().mkdirs();
        ScreenshotOnFailure.write(image[0], screenshot);

        robot.clickOn("#" + TikTokAuthorizeDialog.USE_SHOP_ID);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialog.isShowing());
        assertThat(dialog.getResult()).isEqualTo(expected);
        return dialog.getResult();
    }

    private String approveInBrowser(URI page) throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        String html = browser.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = APPROVE.matcher(html);
        assertThat(m.find()).isTrue();
        return sandbox.baseUrl() + m.group(1);
    }
}
