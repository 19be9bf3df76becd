package com.stocklens.ui.scores;

import com.stocklens.domain.Market;
import com.stocklens.ui.Messages;
import com.stocklens.ui.scores.ProfileFormViewModel.Answer;
import com.stocklens.ui.scores.ProfileFormViewModel.Field;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
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
 * what it decided: each field's problem in the label under it (and the field outlined), Save disabled while
 * any field has one. Node ids: {@code profileName}, {@code market-<CODE>}, {@code profileRegions},
 * {@code profileRoutes}, {@code profileNotes}, {@code profileApiReady}, {@code profileCertified},
 * {@code profileLocalReturns}, {@code profileSla}, {@code profileCurrency}, {@code profileStorage0},
 * {@code profileStorage91}, {@code profileStorage181}, {@code profilePickPack}, {@code profileInbound}, each
 * text field's {@code …Error} label, {@code profileSave}, {@code profileCancel}.
 */
public final class ProfileView {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

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
    @FXML private Label profileNameError;
    @FXML private Label profileRegionsError;
    @FXML private Label profileRoutesError;
    @FXML private Label profileNotesError;
    @FXML private Label profileSlaError;
    @FXML private Label profileCurrencyError;
    @FXML private Label profileStorage0Error;
    @FXML private Label profileStorage91Error;
    @FXML private Label profileStorage181Error;
    @FXML private Label profilePickPackError;
    @FXML private Label profileInboundError;

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
        bind(profileName, form.nameProperty(), profileNameError, Field.NAME);
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
        bind(profileRegions, form.regionsProperty(), profileRegionsError, Field.REGIONS);
        bind(profileRoutes, form.routesProperty(), profileRoutesError, Field.ROUTES);
        bind(profileNotes, form.notesProperty(), profileNotesError, Field.NOTES);
        bind(profileSla, form.slaHoursProperty(), profileSlaError, Field.OUTBOUND_SLA_HOURS);
        bind(profileCurrency, form.currencyProperty(), profileCurrencyError, Field.CURRENCY);
        bind(profileStorage0, form.storage0to90Property(), profileStorage0Error, Field.STORAGE_0_90);
        bind(profileStorage91, form.storage91to180Property(), profileStorage91Error, Field.STORAGE_91_180);
        bind(profileStorage181, form.storage181plusProperty(), profileStorage181Error, Field.STORAGE_181_PLUS);
        bind(profilePickPack, form.pickPackProperty(), profilePickPackError, Field.PICK_PACK);
        bind(profileInbound, form.inboundProperty(), profileInboundError, Field.INBOUND);
        answer(profileApiReady, form.apiReadyProperty());
        answer(profileCertified, form.certifiedProperty());
        answer(profileLocalReturns, form.localReturnsProperty());

        // Own button texts: JavaFX's OK/Cancel follow the JVM's language, not the window's.
        saveType = new ButtonType(messages.get("scores.form.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("scores.form.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        profileDialog.getButtonTypes().setAll(saveType, cancelType);
        Node save = profileDialog.lookupButton(saveType);
        save.setId("profileSave");
        save.disableProperty().bind(form.validProperty().not());
        profileDialog.lookupButton(cancelType).setId("profileCancel");
    }

    private void bind(TextInputControl input, StringProperty value, Label error, Field field) {
        input.textProperty().bindBidirectional(value);
        var problem = form.problemProperty(field);
        error.textProperty().bind(problem.map(key -> messages.format(key, form.limit(field))).orElse(""));
        error.visibleProperty().bind(problem.isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        // A wrapped label in a grid cell is otherwise given one line's height and cut off.
        error.setMinHeight(Region.USE_PREF_SIZE);
        problem.subscribe(p -> input.pseudoClassStateChanged(DANGER, p != null));
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
