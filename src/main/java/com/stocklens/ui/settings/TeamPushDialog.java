package com.stocklens.ui.settings;

import com.stocklens.service.TeamPush;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import javafx.event.ActionEvent;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Opens the team-push settings (Settings → Team push…); Save keeps the dialog open when a URL is invalid. */
public final class TeamPushDialog {
    private TeamPushDialog() {
    }

    public static void show(Window owner, TeamPush teamPush, Messages messages) {
        TeamPushViewModel vm = new TeamPushViewModel(teamPush, new FxExecutor());
        FxViewLoader loader = new FxViewLoader(messages.bundle(), type -> new TeamPushView(vm, messages));
        Parent root = loader.load(TeamPushView.class).root();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("push.title"));
        dialog.setHeaderText(messages.get("push.header"));
        dialog.getDialogPane().setContent(root);
        // Own button texts: JavaFX's OK/Cancel follow the JVM's language, not the window's.
        ButtonType save = new ButtonType(messages.get("push.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("push.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("pushSave");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.save()) {
                e.consume();
            }
        });
        dialog.show();
    }
}
