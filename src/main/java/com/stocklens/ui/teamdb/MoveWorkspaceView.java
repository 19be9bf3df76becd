package com.stocklens.ui.teamdb;

import com.stocklens.service.TeamDatabase.TableCount;
import com.stocklens.ui.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the move dialog to its view model: progress while it runs, the verification table at the end. */
public final class MoveWorkspaceView {
    private final MoveWorkspaceViewModel viewModel;
    private final Messages messages;

    @FXML private Label moveTarget;
    @FXML private Button moveStart;
    @FXML private Button moveCancel;
    @FXML private ProgressBar moveProgress;
    @FXML private Label moveStatus;
    @FXML private TableView<TableCount> moveTable;
    @FXML private TableColumn<TableCount, String> moveTableName;
    @FXML private TableColumn<TableCount, Long> moveTableSource;
    @FXML private TableColumn<TableCount, Long> moveTableTarget;
    @FXML private TableColumn<TableCount, String> moveTableCheck;
    @FXML private Label moveResult;

    public MoveWorkspaceView(MoveWorkspaceViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        moveTarget.setText(viewModel.target().isEmpty() ? messages.get("move.noTarget")
                : messages.format("move.target", viewModel.target()));
        moveTable.setItems(viewModel.tables());
        moveTable.setPlaceholder(new Label(messages.get("move.tablePlaceholder")));
        moveTableName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        moveTableSource.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().source()));
        moveTableTarget.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().target()));
        moveTableCheck.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().source() == c.getValue().target() ? messages.get("move.equal") : messages.get("move.differs")));
        moveStart.setOnAction(e -> viewModel.start());
        moveCancel.setOnAction(e -> viewModel.cancel());
        moveCancel.disableProperty().bind(viewModel.runningProperty().not());
        viewModel.progressProperty().addListener((o, was, p) -> {
            if (p != null) {
                moveProgress.setProgress(p.fraction());
                moveStatus.setText(messages.format("move.progress", p.table(), p.tableNo(), p.tables(),
                        p.rowsDone(), p.rowsTotal()));
            }
        });
        viewModel.messageProperty().addListener((o, was, m) -> {
            if (viewModel.stateProperty().get() == MoveWorkspaceViewModel.State.DONE) {
                return; // the summary below, in the window's language
            }
            moveResult.setText(m);
        });
        viewModel.stateProperty().addListener((o, was, s) -> show(s));
        show(viewModel.stateProperty().get());
    }

    private void show(MoveWorkspaceViewModel.State s) {
        moveStart.setDisable(switch (s) {
            case READY, FAILED, CANCELLED -> false;
            default -> true;
        });
        switch (s) {
            case NOT_CONFIGURED -> moveStatus.setText(messages.get("move.notConfigured"));
            case ALREADY_TEAM -> moveStatus.setText(messages.get("move.alreadyTeam"));
            case RUNNING -> moveProgress.setProgress(ProgressIndicator.INDETERMINATE_PROGRESS);
            case CANCELLING -> moveStatus.setText(messages.get("move.cancelling"));
            case DONE -> {
                moveProgress.setProgress(1);
                moveStatus.setText(messages.get("move.done"));
                long rows = viewModel.tables().stream().mapToLong(TableCount::target).sum();
                moveResult.setText(messages.format("move.summary", rows, viewModel.tables().size()));
            }
            case FAILED, CANCELLED -> {
                moveProgress.setProgress(0);
                moveStatus.setText(messages.get(s == MoveWorkspaceViewModel.State.FAILED ? "move.failed"
                        : "move.cancelled"));
            }
            default -> {
            }
        }
    }
}
