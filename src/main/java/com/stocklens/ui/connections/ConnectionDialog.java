package com.stocklens.ui.connections;

import com.stocklens.domain.ConnectionField;
import com.stocklens.ui.FxTheme;
import com.stocklens.ui.FxValidation;
import com.stocklens.ui.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The add / edit dialog of a connection, generated from its kind's fields: secrets in password fields
 * showing "stored" instead of a value, a Test button that tries what is typed, Save enabled once the form
 * is complete; a missing field shows as a ControlsFX decoration once something was typed, the first one also
 * in {@code connProblem}. Node ids: {@code connName}, {@code connEnabled}, {@code connCadence}, {@code field-<key>},
 * {@code connProblem}, {@code connTest}, {@code connTestResult}, {@code connSave}, {@code connCancel}.
 */
public final class ConnectionDialog {
    private ConnectionDialog() {
    }

    public static CompletionStage<Boolean> show(ConnectionFormViewModel form, Messages messages, Window owner) {
        ConnectionTexts texts = new ConnectionTexts(messages);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get(form.editing() ? "connections.form.editTitle" : "connections.form.addTitle"));
        dialog.setHeaderText(texts.kind(form.kind()));
        if (owner != null) {
            dialog.initOwner(owner);
            dialog.initModality(Modality.WINDOW_MODAL);
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.getStyleClass().add("connection-form");
        int row = 0;
        FxValidation validation = new FxValidation();
        TextField name = new TextField();
        name.setId("connName");
        name.textProperty().bindBidirectional(form.nameProperty());
        name.setPromptText(messages.get("connections.form.name.prompt"));
        validation.show(name, form.nameProblemProperty().map(messages::get));
        grid.addRow(row++, label(messages.get("connections.form.name")), name);
        CheckBox enabled = new CheckBox(messages.get("connections.form.enabled"));
        enabled.setId("connEnabled");
        enabled.selectedProperty().bindBidirectional(form.enabledProperty());
        ComboBox<Duration> cadence = new ComboBox<>();
        List<Duration> choices = new ArrayList<>(ConnectionFormViewModel.CADENCES);
        if (form.cadenceProperty().get() != null && !choices.contains(form.cadenceProperty().get())) {
            choices.add(form.cadenceProperty().get());
        }
        cadence.setItems(FXCollections.observableArrayList(choices));
        cadence.setId("connCadence");
        cadence.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return texts.cadence(d);
            }

            @Override
            public Duration fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        cadence.valueProperty().bindBidirectional(form.cadenceProperty());
        grid.addRow(row++, label(messages.get("connections.form.cadence")), new HBox(16, cadence, enabled));
        for (ConnectionField f : form.fields()) {
            TextInputControl input = f.secret() ? new PasswordField() : new TextField();
            input.setId("field-" + f.key());
            input.textProperty().bindBidirectional(form.valueProperty(f.key()));
            if (f.secret()) {
                input.setPromptText(form.secretStored(f.key()) ? messages.get("connections.form.secretStored")
                        : messages.get(f.required() ? "connections.form.required" : "connections.form.optional"));
            } else {
                input.setPromptText(f.defaultValue() != null ? f.defaultValue()
                        : messages.get(f.required() ? "connections.form.required" : "connections.form.optional"));
            }
            input.setPrefWidth(380);
            validation.show(input, form.problemProperty(f.key())
                    .map(key -> messages.format(key, texts.field(f.key()))));
            grid.addRow(row++, label(texts.field(f.key()) + (f.required() ? " *" : "")), input);
        }
        Label problem = new Label();
        problem.setId("connProblem");
        problem.getStyleClass().add("declare-problem");
        problem.textProperty().bind(validation.shownProblem());
        Button test = new Button(messages.get("connections.test"));
        test.setId("connTest");
        test.disableProperty().bind(form.testingProperty().or(form.validProperty().not()));
        test.setOnAction(e -> form.test());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("connTestProgress");
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(form.testingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label result = new Label();
        result.setId("connTestResult");
        result.setWrapText(true);
        result.getStyleClass().add("connection-test-result");
        result.textProperty().bind(form.testOutcomeProperty().map(o -> texts.outcome(form.nameProperty().get(), o))
                .orElse(""));
        form.testOutcomeProperty().subscribe(o -> result.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("failed"), o != null && !o.succeeded()));
        result.setMaxWidth(560);
        HBox testRow = new HBox(8, test, progress);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(420, 40 + 38 * row));
        scroll.setPrefViewportWidth(600);
        VBox content = new VBox(10, scroll, problem, testRow, result);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("connectionDialog");
        ButtonType saveType = new ButtonType(messages.get("connections.form.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("connections.form.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(saveType, cancelType);
        Node save = dialog.getDialogPane().lookupButton(saveType);
        save.setId("connSave");
        save.disableProperty().bind(form.validProperty().not());
        dialog.getDialogPane().lookupButton(cancelType).setId("connCancel");
        FxTheme.style(dialog.getDialogPane());
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        dialog.setOnHidden(e -> done.complete(dialog.getResult() == saveType));
        dialog.show();
        return done;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }
}
