package com.stocklens.ui.settings;

import com.stocklens.service.TeamPush.Platform;
import com.stocklens.ui.Messages;
import com.stocklens.ui.settings.TeamPushViewModel.Row;
import com.stocklens.ui.settings.TeamPushViewModel.TestState;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Binds the team-push settings form to its view model; decides nothing itself. */
public final class TeamPushView {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final TeamPushViewModel viewModel;
    private final Messages messages;

    @FXML private TextField wecomUrl;
    @FXML private TextField dingtalkUrl;
    @FXML private PasswordField dingtalkSecret;
    @FXML private TextField feishuUrl;
    @FXML private PasswordField feishuSecret;
    @FXML private Button wecomTest;
    @FXML private Button dingtalkTest;
    @FXML private Button feishuTest;
    @FXML private Label wecomStatus;
    @FXML private Label dingtalkStatus;
    @FXML private Label feishuStatus;
    @FXML private Label saveError;

    public TeamPushView(TeamPushViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        bind(Platform.WECOM, wecomUrl, null, wecomTest, wecomStatus);
        bind(Platform.DINGTALK, dingtalkUrl, dingtalkSecret, dingtalkTest, dingtalkStatus);
        bind(Platform.FEISHU, feishuUrl, feishuSecret, feishuTest, feishuStatus);
        saveError.textProperty().bind(viewModel.saveErrorProperty());
    }

    private void bind(Platform platform, TextField url, PasswordField secret, Button test, Label status) {
        Row row = viewModel.row(platform);
        url.textProperty().bindBidirectional(row.webhookUrlProperty());
        if (secret != null) {
            secret.textProperty().bindBidirectional(row.secretProperty());
        }
        test.setOnAction(e -> viewModel.test(platform));
        test.disableProperty().bind(row.testStateProperty().isEqualTo(TestState.TESTING));
        Runnable show = () -> {
            TestState state = row.testStateProperty().get();
            status.pseudoClassStateChanged(OK, state == TestState.DELIVERED);
            status.pseudoClassStateChanged(FAILED, state == TestState.FAILED);
            status.setText(switch (state) {
                case NONE -> "";
                case TESTING -> messages.get("push.testing");
                case DELIVERED -> messages.get("push.delivered");
                case FAILED -> row.testReasonProperty().get().isEmpty() ? messages.get("push.noUrl")
                        : messages.format("push.failed", row.testReasonProperty().get());
            });
        };
        row.testStateProperty().addListener(o -> show.run());
        row.testReasonProperty().addListener(o -> show.run());
    }
}
