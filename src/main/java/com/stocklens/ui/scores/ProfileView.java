package com.stocklens.ui.scores;

import com.stocklens.domain.Market;
import com.stocklens.ui.FxValidation;
import com.stocklens.ui.Messages;
import com.stocklens.ui.scores.ProfileFormViewModel.Answer;
import com.stocklens.ui.scores.ProfileFormViewModel.Field;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * Controller of {@code ProfileView.fxml}: binds every control to the {@link ProfileFormViewModel} and shows
 * what it decided: each field's problem as a ControlsFX decoration (the field outlined, a mark whose tooltip
 * says what is wrong; the first problem also in {@code profileProblem}), Save disabled while any field has one.
 * Node ids: {@code profileName}, {@code market-<CODE>}, {@code profileRegions}, {@code profileRoutes},
 * {@code profileNotes}, {@code profileApiReady}, {@code profileCertified}, {@code profileLocalReturns},
 * {@code profileSla}, {@code profileCurrency}, {@code profileStorage0}, {@code profileStorage91},
 * {@code profileStorage181}, {@code profilePickPack}, {@code profileInbound}, {@code profileProblem},
 * {@code profileSave}, {@code profileCancel}.
 */
public final class ProfileView {
    private final ProfileFormViewModel form;
    private final Messages messages;
    private ButtonType saveType;

    @FXML private DialogPane profileDialog;
    @FXML private Label nameLabel;
    @FXML private Label profileHeader;
    @FXML private FlowPane marketsPane;
    @FXML private ComboBox<Answer> profileApiReady;
    @FXML private ComboBox<Answer> profileCertified;
    @FXML private ComboBox<Answer> profileLocalReturns;
    @FXML private TextInputControl profileName;
    @FXML private TextInputControl profileRegions;
    @FXML private TextInputControl profileRoutes;
    @FXML private TextInputControl profileNotes;
    @FXML private TextInputControl profileSla;
    @FXML private TextInputControl profileCurrency;
    @FXML private TextInputControl profileStorage0;
    @FXML private TextInputControl profileStorage91;
    @FXML private TextInputControl profileStorage181;
    @FXML private TextInputControl profilePickPack;
    @FXML private TextInputControl profileInbound;
    @FXML private Label profileProblem;
    private final FxValidation validation = new FxValidation();

    public ProfileView(ProfileFormViewModel form, Messages messages) {
        this.form = Objects.requireNonNull(form, "form");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    @FXML
    private void initialize() {
        // In the content, not the pane's header: the same look in the dialog and in a rendered preview.
        profileHeader.setText(form.connected()
                ? messages.format("scores.form.header.connected", form.nameProperty().get())
                : form.editing() ? messages.format("scores.form.header.candidate", form.nameProperty().get())
                : messages.get("scores.form.header.new"));
        nameLabel.setText(messages.get("scores.form.name") + (form.connected() ? "" : " *"));
        bind(profileName, form.nameProperty(), Field.NAME);
        // A connected warehouse is called what its connection calls it.
        profileName.setEditable(!form.connected());
        profileName.setFocusTraversable(!form.connected());
        for (Market m : Market.values()) {
            CheckBox box = new CheckBox(messages.get(marketKey(m)));
            box.setId("market-" + m.name());
            box.setTooltip(new Tooltip(m.name()));
            box.selectedProperty().bindBidirectional(form.marketProperty(m));
            marketsPane.getChildren().add(box);
        }
        bind(profileRegions, form.regionsProperty(), Field.REGIONS);
        bind(profileRoutes, form.routesProperty(), Field.ROUTES);
        bind(profileNotes, form.notesProperty(), Field.NOTES);
        bind(profileSla, form.slaHoursProperty(), Field.OUTBOUND_SLA_HOURS);
        bind(profileCurrency, form.currencyProperty(), Field.CURRENCY);
        bind(profileStorage0, form.storage0to90Property(), Field.STORAGE_0_90);
        bind(profileStorage91, form.storage91to180Property(), Field.STORAGE_91_180);
        bind(profileStorage181, form.storage181plusProperty(), Field.STORAGE_181_PLUS);
        bind(profilePickPack, form.pickPackProperty(), Field.PICK_PACK);
        bind(profileInbound, form.inboundProperty(), Field.INBOUND);
        answer(profileApiReady, form.apiReadyProperty());
        answer(profileCertified, form.certifiedProperty());
        answer(profileLocalReturns, form.localReturnsProperty());
        profileProblem.textProperty().bind(validation.shownProblem());
        profileProblem.managedProperty().bind(profileProblem.textProperty().isNotEmpty());
        // A wrapped label in a box is otherwise given one line's height and cut off.
        profileProblem.setMinHeight(Region.USE_PREF_SIZE);

        // Own button texts: JavaFX's OK/Cancel follow the JVM's language, not the window's.
        saveType = new ButtonType(messages.get("scores.form.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("scores.form.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        profileDialog.getButtonTypes().setAll(saveType, cancelType);
        Node save = profileDialog.lookupButton(saveType);
        save.setId("profileSave");
        save.disableProperty().bind(form.validProperty().not());
        profileDialog.lookupButton(cancelType).setId("profileCancel");
    }

    private void bind(TextInputControl input, StringProperty value, Field field) {
        input.textProperty().bindBidirectional(value);
        validation.show(input, form.problemProperty(field).map(key -> messages.format(key, form.limit(field))));
    }

    private void answer(ComboBox<Answer> box, ObjectProperty<Answer> value) {
        box.setItems(FXCollections.observableArrayList(Answer.values()));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Answer a) {
                return messages.get(switch (a == null ? Answer.UNKNOWN : a) {
                    case YES -> "scores.form.yes";
                    case NO -> "scores.form.no";
                    case UNKNOWN -> "scores.form.unknown";
                });
            }

            @Override
            public Answer fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        box.valueProperty().bindBidirectional(value);
    }

    private static String marketKey(Market m) {
        return switch (m) {
            case US -> "scores.form.market.US";
            case GB -> "scores.form.market.GB";
            case ID -> "scores.form.market.ID";
            case MY -> "scores.form.market.MY";
            case PH -> "scores.form.market.PH";
            case SG -> "scores.form.market.SG";
            case TH -> "scores.form.market.TH";
            case VN -> "scores.form.market.VN";
        };
    }

    public DialogPane root() {
        return profileDialog;
    }

    /** The Save button's type, to tell Save from Cancel when the dialog closes. */
    public ButtonType saveType() {
        return saveType;
    }

    /** Puts the cursor in the first field the person can type in. */
    public void focusFirst() {
        (form.connected() ? profileRegions : profileName).requestFocus();
    }
}
