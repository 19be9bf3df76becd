package com.stocklens.ui.connections;

import com.stocklens.ui.FxTheme;
import com.stocklens.ui.Messages;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/**
 * Asks the passphrase of the encrypted secrets file, once per session, only when a live connection needs
 * a secret. Node ids: {@code unlockPassphrase}, {@code unlockOk}, {@code unlockCancel}.
 */
public final class UnlockDialog {
    private UnlockDialog() {
    }

    /**
     * Shows the dialog and waits (FX thread only).
     *
     * @param creating the file does not exist yet: the person chooses the passphrase
     * @param retry    the previous passphrase was wrong
     * @return the passphrase, or empty when the person chose "Not now"
     */
    public static Optional<char[]> ask(Messages messages, boolean creating, boolean retry) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("UnlockDialog.ask must run on the FX thread");
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("unlock.title"));
        dialog.setHeaderText(messages.get(creating ? "unlock.header.create" : "unlock.header.open"));
        PasswordField field = new PasswordField();
        field.setId("unlockPassphrase");
        field.setPromptText(messages.get("unlock.prompt"));
        Label wrong = new Label(retry ? messages.get("unlock.wrong") : "");
        wrong.getStyleClass().add("declare-problem");
        wrong.setManaged(retry);
        VBox box = new VBox(8, field, wrong);
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType(messages.get("unlock.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("unlock.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        dialog.getDialogPane().lookupButton(ok).setId("unlockOk");
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(field.textProperty().isEmpty());
        dialog.getDialogPane().lookupButton(cancel).setId("unlockCancel");
        FxTheme.style(dialog.getDialogPane());
        dialog.setOnShown(e -> field.requestFocus());
        Optional<ButtonType> answer = dialog.showAndWait();
        char[] value = field.getText().toCharArray();
        field.clear();
        return answer.filter(b -> b == ok).map(b -> value);
    }
}
