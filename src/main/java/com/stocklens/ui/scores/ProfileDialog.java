package com.stocklens.ui.scores;

import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Opens {@link ProfileView} in a window-modal dialog without blocking (the scores screen keeps updating
 * behind it). Completes with {@code true} when the person saves.
 */
public final class ProfileDialog {
    private ProfileDialog() {
    }

    /** Loads the form's view (its root is the dialog pane); also what a screenshot test renders. */
    public static ProfileView load(ProfileFormViewModel form, Messages messages) {
        FxViewLoader loader = new FxViewLoader(messages.bundle(), type -> new ProfileView(form, messages));
        ProfileView view = loader.load(ProfileView.class).controller();
        FxTheme.style(view.root());
        return view;
    }

    public static CompletionStage<Boolean> show(ProfileFormViewModel form, Messages messages, Window owner) {
        ProfileView view = load(form, messages);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setDialogPane(view.root());
        dialog.setTitle(messages.get(form.editing() ? "scores.form.editTitle" : "scores.form.addTitle"));
        dialog.setResizable(true);
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        dialog.setOnShown(e -> view.focusFirst());
        dialog.setOnHidden(e -> done.complete(dialog.getResult() == view.saveType()));
        dialog.show();
        return done;
    }
}
