package com.stocklens.ui.push;

import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Opens "Push to TikTok" for a scope: the plan, Apply (asked once), the progress and TikTok's answers. Non-blocking. */
public final class PushPlanDialog {
    private PushPlanDialog() {
    }

    /** The dialog's content: what {@link #show} puts in the dialog and what tests look into. */
    public static Parent content(PushPlanViewModel vm, Messages messages) {
        return new FxViewLoader(messages.bundle(), type -> new PushPlanView(vm, messages)).load(PushPlanView.class).root();
    }

    public static Dialog<ButtonType> show(Window owner, PushPlanViewModel vm, Messages messages) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.get("stockpush.plan.title"));
        dialog.setHeaderText(new PushTexts(messages).scope(vm.scope()));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("pushPlanDialog");
        dialog.getDialogPane().setContent(content(vm, messages));
        // Own button texts: JavaFX's follow the JVM's language, not the window's.
        ButtonType apply = new ButtonType(messages.get("stockpush.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(messages.get("stockpush.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(apply, close);
        Node applyButton = dialog.getDialogPane().lookupButton(apply);
        applyButton.setId("pushApply");
        applyButton.disableProperty().bind(vm.canApplyBinding().not());
        // Apply does not close the dialog: the progress and the outcome show in it.
        applyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.apply();
        });
        dialog.getDialogPane().lookupButton(close).setId("pushClose");
        FxTheme.style(dialog.getDialogPane());
        dialog.setOnHidden(e -> vm.close());
        vm.plan();
        dialog.show();
        return dialog;
    }
}
