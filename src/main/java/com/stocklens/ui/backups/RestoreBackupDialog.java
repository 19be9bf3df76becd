package com.stocklens.ui.backups;

import com.stocklens.service.WorkspaceBackups;
import com.stocklens.ui.FxDialogService;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Opens File → Restore backup… (non-blocking; syncs go on behind it). */
public final class RestoreBackupDialog {
    private RestoreBackupDialog() {
    }

    /** Builds the dialog's content: what {@link #show} puts in the dialog and what tests look into. */
    public static Parent content(RestoreBackupViewModel vm, Messages messages) {
        FxViewLoader loader = new FxViewLoader(messages.bundle(), type -> new RestoreBackupView(vm, messages));
        return loader.load(RestoreBackupView.class).root();
    }

    /**
     * @param reopen closes and reopens the workspace so a requested restore is applied now (FX thread), or
     *               null when the app cannot: the restore then happens at the next start
     */
    public static Dialog<ButtonType> show(Window owner, WorkspaceBackups backups, Messages messages, Executor background,
                                          Runnable reopen) {
        Dialog<ButtonType> dialog = new Dialog<>();
        RestoreBackupViewModel vm = new RestoreBackupViewModel(backups, background, new FxExecutor(),
                new FxDialogService(messages, () -> dialog.getDialogPane().getScene() == null ? owner
                        : dialog.getDialogPane().getScene().getWindow()),
                reopen == null ? null : () -> {
                    dialog.close();
                    reopen.run();
                });
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("backups.title"));
        dialog.setHeaderText(messages.get("backups.header"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("restoreBackupDialog");
        dialog.getDialogPane().setContent(content(vm, messages));
        // Own button text: JavaFX's follows the JVM's language, not the window's.
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(messages.get("backups.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        vm.load();
        dialog.show();
        return dialog;
    }
}
