package com.stocklens.ui.teamdb;

import com.stocklens.service.TeamDatabase.SslMode;
import com.stocklens.ui.FxValidation;
import com.stocklens.ui.Messages;
import java.io.File;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Binds the team database form to its view model; decides nothing itself. A URL that cannot be used shows
 * as a ControlsFX decoration on {@code dbUrl} (and in {@code dbProblem}) once it was changed.
 */
public final class TeamDatabaseView {
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final TeamDatabaseViewModel viewModel;
    private final Messages messages;

    @FXML private TextField dbUrl;
    @FXML private TextField dbUser;
    @FXML private PasswordField dbPassword;
    @FXML private ComboBox<SslMode> dbSslMode;
    @FXML private TextField dbRootCert;
    @FXML private Button dbRootCertBrowse;
    @FXML private Button dbTest;
    @FXML private Label dbStatus;
    @FXML private Label dbActive;
    @FXML private Label dbProblem;

    public TeamDatabaseView(TeamDatabaseViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        dbUrl.textProperty().bindBidirectional(viewModel.urlProperty());
        dbUser.textProperty().bindBidirectional(viewModel.userProperty());
        dbPassword.textProperty().bindBidirectional(viewModel.passwordProperty());
        dbRootCert.textProperty().bindBidirectional(viewModel.rootCertProperty());
        dbSslMode.getItems().setAll(SslMode.values());
        dbSslMode.setConverter(new StringConverter<>() {
            @Override
            public String toString(SslMode mode) {
                if (mode == null) {
                    return "";
                }
                return switch (mode) {
                    case DISABLE -> messages.get("teamdb.ssl.disable");
                    case REQUIRE -> messages.get("teamdb.ssl.require");
                    case VERIFY_FULL -> messages.get("teamdb.ssl.verifyFull");
                };
            }

            @Override
            public SslMode fromString(String s) {
                return null;
            }
        });
        dbSslMode.valueProperty().bindBidirectional(viewModel.sslModeProperty());
        dbRootCert.disableProperty().bind(viewModel.sslModeProperty().isNotEqualTo(SslMode.VERIFY_FULL));
        dbRootCertBrowse.disableProperty().bind(dbRootCert.disableProperty());
        dbRootCertBrowse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("teamdb.rootCert"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"));
            File f = chooser.showOpenDialog(dbRootCert.getScene().getWindow());
            if (f != null) {
                viewModel.rootCertProperty().set(f.getAbsolutePath());
            }
        });
        dbTest.setOnAction(e -> viewModel.test());
        dbTest.disableProperty().bind(viewModel.busyProperty().or(viewModel.validProperty().not()));
        FxValidation validation = new FxValidation();
        validation.show(dbUrl, viewModel.urlProblemProperty().map(messages::get));
        dbProblem.textProperty().bind(validation.shownProblem());
        dbProblem.managedProperty().bind(dbProblem.textProperty().isNotEmpty());
        dbActive.setText(viewModel.active() ? messages.get("teamdb.active") : "");
        dbActive.setManaged(viewModel.active());
        Runnable show = () -> {
            var state = viewModel.stateProperty().get();
            String detail = viewModel.detailProperty().get();
            dbStatus.pseudoClassStateChanged(OK, state == TeamDatabaseViewModel.State.CONNECTED
                    || state == TeamDatabaseViewModel.State.SAVED);
            dbStatus.pseudoClassStateChanged(FAILED, state == TeamDatabaseViewModel.State.REFUSED
                    || state == TeamDatabaseViewModel.State.SAVE_FAILED);
            dbStatus.setText(switch (state) {
                case NONE -> "";
                case TESTING -> messages.get("teamdb.testing");
                case CONNECTED -> detail;
                case REFUSED -> messages.format("teamdb.refused", detail);
                case SAVED -> messages.get("teamdb.saved");
                case SAVE_FAILED -> messages.format("teamdb.saveFailed", detail);
            });
        };
        viewModel.stateProperty().addListener(o -> show.run());
        viewModel.detailProperty().addListener(o -> show.run());
    }
}
