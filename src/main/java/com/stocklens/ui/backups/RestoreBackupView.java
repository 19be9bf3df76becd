package com.stocklens.ui.backups;

import com.stocklens.ui.Messages;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds File → Restore backup… to its view model; decides nothing itself. */
public final class RestoreBackupView {
    private final RestoreBackupViewModel viewModel;
    private final Messages messages;

    @FXML private Label intro;
    @FXML private TableView<RestoreBackupViewModel.Row> backupTable;
    @FXML private TableColumn<RestoreBackupViewModel.Row, String> timeColumn;
    @FXML private TableColumn<RestoreBackupViewModel.Row, String> labelColumn;
    @FXML private TableColumn<RestoreBackupViewModel.Row, String> sizeColumn;
    @FXML private TableColumn<RestoreBackupViewModel.Row, String> pendingColumn;
    @FXML private Label status;
    @FXML private Button backUpNowButton;
    @FXML private ProgressIndicator progress;
    @FXML private Button restoreButton;

    public RestoreBackupView(RestoreBackupViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @FXML
    private void initialize() {
        intro.setText(messages.get(viewModel.canReopen() ? "backups.intro" : "backups.intro.nextStart"));
        backupTable.setItems(viewModel.rows());
        backupTable.setPlaceholder(new Label(messages.get("backups.none")));
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().time()));
        labelColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(label(c.getValue().label())));
        sizeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().size()));
        sizeColumn.setStyle("-fx-alignment: CENTER-RIGHT;");
        pendingColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().pending() ? messages.get("backups.pending") : ""));
        backupTable.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> viewModel.selectedProperty().set(now));
        restoreButton.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        backUpNowButton.disableProperty().bind(viewModel.busyProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        backUpNowButton.setOnAction(e -> viewModel.backUpNow());
        restoreButton.setOnAction(e -> viewModel.restoreSelected());
        viewModel.statusProperty().addListener((obs, was, now) -> showStatus());
        viewModel.detailProperty().addListener((obs, was, now) -> showStatus());
        showStatus();
    }

    /** "daily" → 每日自动 / Daily (automatic); an unknown label is shown as it is. */
    private String label(String label) {
        if (label == null || label.isEmpty()) {
            return "";
        }
        if (label.equals("daily")) {
            return messages.get("backups.label.daily");
        }
        if (label.equals("manual")) {
            return messages.get("backups.label.manual");
        }
        if (label.startsWith("before-v")) {
            return messages.format("backups.label.beforeMigration", label.substring("before-v".length()));
        }
        return label;
    }

    private void showStatus() {
        String detail = viewModel.detailProperty().get();
        String text = switch (viewModel.statusProperty().get()) {
            case IDLE, LOADING -> "";
            case EMPTY -> messages.get("backups.none");
            case BACKING_UP -> messages.get("backups.status.backingUp");
            case BACKED_UP -> messages.format("backups.status.backedUp", detail);
            case RESTORE_REQUESTED -> messages.format(viewModel.canReopen() ? "backups.status.requested"
                    : "backups.status.requested.nextStart", detail);
            case RESTORE_CANCELLED -> messages.get("backups.status.cancelled");
            case FAILED -> messages.format("backups.status.failed", detail);
        };
        status.setText(text);
    }
}
