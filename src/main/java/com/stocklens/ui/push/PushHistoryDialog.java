package com.stocklens.ui.push;

import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Opens File → TikTok pushes…: the push audit with Undo, and the push settings. Non-blocking. */
public final class PushHistoryDialog {
    private PushHistoryDialog() {
    }

    /** The dialog's content: what {@link #show} puts in the dialog and what tests look into. */
    public static Parent content(PushHistoryViewModel vm, Messages messages) {
        return new FxViewLoader(messages.bundle(), type -> new PushHistoryView(vm, messages))
                .load(PushHistoryView.class).root();
    }

    public static Dialog<ButtonType> show(Window owner, PushHistoryViewModel vm, Messages messages) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("stockpush.history.title"));
        dialog.setHeaderText(messages.get("stockpush.history.header"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("pushHistoryDialog");
        dialog.getDialogPane().setContent(content(vm, messages));
        ButtonType close = new ButtonType(messages.get("stockpush.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(close);
        dialog.getDialogPane().lookupButton(close).setId("pushHistoryClose");
        FxTheme.style(dialog.getDialogPane());
        dialog.setOnHidden(e -> vm.close());
        vm.load();
        dialog.show();
        return dialog;
    }
}
