package com.stocklens.ui;

import com.stocklens.domain.DeclaredCause;
import com.stocklens.service.ReportFormat;
import com.stocklens.ui.connections.ConnectionDialog;
import com.stocklens.ui.connections.ConnectionFormViewModel;
import com.stocklens.ui.flags.DeclarationFormViewModel;
import com.stocklens.ui.flags.FlagTexts;
import com.stocklens.ui.flags.TaskRowViewModel;
import com.stocklens.ui.push.PushHistoryDialog;
import com.stocklens.ui.push.PushHistoryViewModel;
import com.stocklens.ui.push.PushPlanDialog;
import com.stocklens.ui.push.PushPlanViewModel;
import com.stocklens.ui.scores.ProfileDialog;
import com.stocklens.ui.scores.ProfileFormViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The JavaFX dialogs. Each binds its controls to the form view model and only shows what the view
 * model decided (OK disabled while the form is invalid, the reason in a label). Dialogs are shown
 * without blocking ({@code show()}, not {@code showAndWait()}): the countdowns keep ticking behind them.
 */
public final class FxDialogService implements DialogService {
    private final Messages messages;
    private final FlagTexts texts;
    private final Supplier<Window> owner;

    /** @param owner the window dialogs belong to, looked up when a dialog opens (null: none yet) */
    public FxDialogService(Messages messages, Supplier<Window> owner) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new FlagTexts(messages);
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    private Label fieldLabel(String key) {
        Label label = new Label(messages.get(key));
        // The field names are short: never let the grid elide them to "…".
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    @Override
    public CompletionStage<Boolean> editDeclaration(DeclarationFormViewModel form) {
        TaskRowViewModel task = form.task();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("flags.declare.title"));
        dialog.setHeaderText(messages.format("flags.declare.header", task.sellerSku(), task.name(),
                task.warehouseLabel(), Formats.quantity(task.warehouseQuantity(), messages),
                Formats.quantity(task.tiktokQuantity(), messages), Formats.signed(task.gap(), messages)));
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
            dialog.initModality(Modality.WINDOW_MODAL);
        }

        ComboBox<DeclaredCause> cause = new ComboBox<>(FXCollections.observableArrayList(DeclarationFormViewModel.CAUSES));
        cause.setId("declareCause");
        cause.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeclaredCause c) {
                return texts.cause(c);
            }

            @Override
            public DeclaredCause fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        cause.valueProperty().bindBidirectional(form.causeProperty());
        cause.setMaxWidth(Double.MAX_VALUE);

        TextArea note = new TextArea();
        note.setId("declareNote");
        note.setPromptText(messages.get("flags.declare.note.prompt"));
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(form.noteProperty());

        TextField who = new TextField();
        who.setId("declareWho");
        who.textProperty().bindBidirectional(form.whoProperty());

        Label hints = new Label(task.hints().isEmpty() ? texts.hints(task.hints())
                : messages.format("flags.declare.suggested", texts.hintList(task.hints())));
        hints.setId("declareHints");
        hints.setWrapText(true);
        hints.getStyleClass().add("declare-hints");

        Label problem = new Label();
        problem.setId("declareProblem");
        problem.getStyleClass().add("declare-problem");
        problem.textProperty().bind(form.shownProblemProperty().map(messages::get).orElse(""));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getStyleClass().add("declare-form");
        grid.add(hints, 0, 0, 2, 1);
        grid.addRow(1, fieldLabel("flags.declare.cause"), cause);
        grid.addRow(2, fieldLabel("flags.declare.note"), note);
        grid.addRow(3, fieldLabel("flags.declare.who"), who);
        grid.add(problem, 0, 4, 2, 1);
        grid.setPrefWidth(480);

        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("declareDialog");
        // Our own button types: the built-in OK/Cancel are worded in the JVM's locale, not the window's.
        ButtonType okType = new ButtonType(messages.get("flags.declare.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("flags.declare.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(okType, cancelType);
        Node ok = dialog.getDialogPane().lookupButton(okType);
        ok.setId("declareOk");
        ok.disableProperty().bind(form.validProperty().not());
        dialog.getDialogPane().lookupButton(cancelType).setId("declareCancel");
        FxTheme.style(dialog.getDialogPane());

        CompletableFuture<Boolean> result = new CompletableFuture<>();
        dialog.setOnHidden(e -> result.complete(dialog.getResult() == okType));
        dialog.show();
        return result;
    }

    @Override
    public CompletionStage<Optional<Path>> chooseSaveFile(String titleKey, String suggestedName, ReportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.setInitialFileName(suggestedName);
        String extension = "*." + format.name().toLowerCase(Locale.ROOT);
        FileChooser.ExtensionFilter filter = new FileChooser.ExtensionFilter(format.name(), extension);
        chooser.getExtensionFilters().add(filter);
        chooser.setSelectedExtensionFilter(filter);
        // The native save dialog is modal by nature; nothing ticks on the report screens meanwhile.
        File file = chooser.showSaveDialog(owner.get());
        return CompletableFuture.completedFuture(Optional.ofNullable(file).map(File::toPath));
    }

    @Override
    public CompletionStage<Optional<Path>> chooseEvidenceFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("evidence.saveTitle"));
        chooser.setInitialFileName(suggestedName);
        FileChooser.ExtensionFilter filter = new FileChooser.ExtensionFilter("PNG", "*.png");
        chooser.getExtensionFilters().add(filter);
        chooser.setSelectedExtensionFilter(filter);
        File file = chooser.showSaveDialog(owner.get());
        return CompletableFuture.completedFuture(Optional.ofNullable(file).map(File::toPath));
    }

    @Override
    public CompletionStage<Boolean> editConnection(ConnectionFormViewModel form) {
        return ConnectionDialog.show(form, messages, owner.get());
    }

    @Override
    public CompletionStage<Boolean> editProfile(ProfileFormViewModel form) {
        return ProfileDialog.show(form, messages, owner.get());
    }

    @Override
    public void showPushPlan(PushPlanViewModel plan) {
        PushPlanDialog.show(owner.get(), plan, messages);
    }

    @Override
    public void showPushHistory(PushHistoryViewModel history) {
        PushHistoryDialog.show(owner.get(), history, messages);
    }

    @Override
    public CompletionStage<Boolean> confirm(String titleKey, String messageKey, Object... args) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get(titleKey));
        dialog.setHeaderText(messages.format(messageKey, args));
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        ButtonType yes = new ButtonType(messages.get("dialog.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("dialog.confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(yes, no);
        dialog.getDialogPane().setId("confirmDialog");
        dialog.getDialogPane().lookupButton(yes).setId("confirmYes");
        dialog.getDialogPane().lookupButton(no).setId("confirmNo");
        FxTheme.style(dialog.getDialogPane());
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        dialog.setOnHidden(e -> result.complete(dialog.getResult() == yes));
        dialog.show();
        return result;
    }
}
