package com.stocklens.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.tools.ValueExtractor;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Shows what a form's view model decided about each field, through ControlsFX's {@link ValidationSupport}:
 * the field outlined in the theme's danger colour and a mark at its corner whose tooltip says what is wrong.
 * The rules stay in the view model (toolkit-free, tested there): each field's validator only reads the view
 * model's problem text, and follows it when it changes for reasons other than the field itself (another
 * field, a stored secret, a file that was checked). Validation runs one pulse after a change (ControlsFX
 * posts it), so tests wait for FX events. Styled in app.css ({@code .field-error}, {@code .validation-mark}).
 */
public final class FxValidation {
    /** The style class a field with a problem gets (its outline). */
    public static final String ERROR_CLASS = "field-error";
    /** The style class of the mark at a field's corner (tests find it by it). */
    public static final String MARK_CLASS = "validation-mark";

    private final ValidationSupport support = new ValidationSupport();
    /** The fields in the order they were registered: the form's reading order. */
    private final List<Control> order = new ArrayList<>();
    /** True once a field was changed: from then on problems show, as ControlsFX's decorations do. */
    private final BooleanProperty touched = new SimpleBooleanProperty(this, "touched");

    public FxValidation() {
        support.setValidationDecorator(new CompoundValidationDecoration(
                new StyleClassValidationDecoration(ERROR_CLASS, ERROR_CLASS), new Mark()));
    }

    /**
     * Shows {@code problem} on {@code control}: the text to show (already in the window's language), or null
     * while the field is fine.
     */
    public void show(Control control, ObservableValue<String> problem) {
        Objects.requireNonNull(problem, "problem");
        order.add(control);
        ValueExtractor.getObservableValueExtractor(control)
                .ifPresent(value -> value.call(control).addListener(o -> touched.set(true)));
        support.registerValidator(control, false, (Control c, Object value) ->
                ValidationResult.fromErrorIf(c, problem.getValue(), problem.getValue() != null));
        problem.addListener(o -> support.revalidate(control));
    }

    /**
     * The first field's problem in reading order, "" when there is none or nothing was changed yet (like the
     * decorations: a form does not open by telling the person off): a line beside the form's buttons.
     */
    public StringBinding shownProblem() {
        return Bindings.createStringBinding(() -> {
            if (!touched.get()) {
                return "";
            }
            for (Control c : order) {
                Optional<ValidationMessage> m = support.getHighestMessage(c);
                if (m.isPresent()) {
                    return m.get().getText();
                }
            }
            return "";
        }, support.validationResultProperty(), touched);
    }

    /**
     * The mark: a small danger-coloured badge (drawn in CSS, not ControlsFX's bitmap) at the field's top right
     * corner, with the problem as its tooltip; nothing for "required" (the labels carry their asterisk).
     */
    private static final class Mark extends GraphicValidationDecoration {
        @Override
        protected Node createDecorationNode(ValidationMessage message) {
            Region icon = new Region();
            icon.getStyleClass().add("validation-mark-icon");
            Label mark = new Label();
            mark.setGraphic(icon);
            mark.getStyleClass().add(MARK_CLASS);
            Tooltip tip = new Tooltip(message.getText());
            tip.getStyleClass().add("validation-tooltip");
            tip.setShowDelay(Duration.millis(100));
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            mark.setTooltip(tip);
            return mark;
        }

        @Override
        protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
            return List.of(new GraphicDecoration(createDecorationNode(message), Pos.TOP_RIGHT, -2, 2));
        }

        @Override
        protected Collection<Decoration> createRequiredDecorations(Control target) {
            return List.of();
        }
    }
}
