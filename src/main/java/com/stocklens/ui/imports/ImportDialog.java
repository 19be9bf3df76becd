package com.stocklens.ui.imports;

import com.stocklens.service.StockImports;
import com.stocklens.ui.FxExecutor;
import com.stocklens.ui.FxViewLoader;
import com.stocklens.ui.Messages;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** Opens File → Import stock file… (non-blocking; the board keeps updating behind it). */
public final class ImportDialog {
    private ImportDialog() {
    }

    /** Builds the dialog's content: what {@link #show} puts in the dialog and what tests look into. */
    public static Parent content(ImportViewModel vm, Messages messages) {
        FxViewLoader loader = new FxViewLoader(messages.bundle(), type -> new ImportView(vm, messages));
        return loader.load(ImportView.class).root();
    }

    /** @param onImported run on the FX thread after a file was imported (the window re-reads its screens) */
    public static Dialog<ButtonType> show(Window owner, StockImports imports, Messages messages, Executor background,
                                          Runnable onImported) {
        ImportViewModel vm = new ImportViewModel(imports, background, new FxExecutor());
        vm.statusProperty().addListener((obs, was, now) -> {
            if (now == ImportViewModel.Status.IMPORTED) {
                onImported.run();
            }
        });
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("import.title"));
        dialog.setHeaderText(messages.get("import.header"));
        dialog.setResizable(true);
        dialog.getDialogPane().setContent(content(vm, messages));
        // Own button text: JavaFX's follows the JVM's language, not the window's.
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(messages.get("import.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        vm.load();
        dialog.show();
        return dialog;
    }
}
