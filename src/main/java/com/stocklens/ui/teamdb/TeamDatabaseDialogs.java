package com.stocklens.ui.teamdb;

import com.stocklens.service.TeamDatabase;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import java.util.concurrent.Executor;
import javafx.event.ActionEvent;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Opens File → Team database… and File → Move to team database…. */
public final class TeamDatabaseDialogs {
    private TeamDatabaseDialogs() {
    }

    /** The settings dialog; Save keeps it open until the settings are stored (or says why not). */
    public static Dialog<ButtonType> showSettings(Window owner, TeamDatabase service, Executor background,
                                                  Messages messages) {
        TeamDatabaseViewModel vm = new TeamDatabaseViewModel(service, background, new FxExecutor());
        Parent root = new FxViewLoader(messages.bundle(), type -> new TeamDatabaseView(vm, messages))
                .load(TeamDatabaseView.class).root();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("teamdb.title"));
        dialog.setHeaderText(messages.get("teamdb.header"));
        dialog.getDialogPane().setContent(root);
        ButtonType save = new ButtonType(messages.get("teamdb.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(messages.get("teamdb.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, close);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("dbSave");
        saveButton.disableProperty().bind(vm.busyProperty().or(vm.validProperty().not()));
        // Saved: the dialog stays open showing "applies after a restart" until the person closes it.
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save(() -> { });
        });
        dialog.show();
        return dialog;
    }

    /** The move dialog: Start, progress, Cancel, then the per-table verification. */
    public static Dialog<ButtonType> showMove(Window owner, TeamDatabase service, Executor background,
                                              Messages messages) {
        MoveWorkspaceViewModel vm = new MoveWorkspaceViewModel(service, background, new FxExecutor());
        Parent root = new FxViewLoader(messages.bundle(), type -> new MoveWorkspaceView(vm, messages))
                .load(MoveWorkspaceView.class).root();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("move.title"));
        dialog.setHeaderText(messages.get("move.header"));
        dialog.getDialogPane().setContent(root);
        ButtonType close = new ButtonType(messages.get("teamdb.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(close);
        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        closeButton.setId("moveClose");
        // Closing while it runs would leave a half-copied target until the rollback: cancel first.
        closeButton.disableProperty().bind(vm.runningProperty());
        dialog.setOnCloseRequest(e -> {
            if (vm.runningProperty().get()) {
                e.consume();
            }
        });
        dialog.show();
        return dialog;
    }
}
