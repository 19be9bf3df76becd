package com.stocklens.ui.flags;

import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.RootCauseHint;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the declare dialog edits: cause, note and who. Validation lives here, so the dialog only shows
 * it: OTHER needs a note (TikTok asks for an explanation, and {@code Declaration} refuses one without),
 * and the audit trail needs a name.
 */
public final class DeclarationFormViewModel {
    /** The causes offered, in the order of docs/DOMAIN.md §4. */
    public static final List<DeclaredCause> CAUSES = List.of(DeclaredCause.values());

    private final TaskRowViewModel task;
    private final ObjectProperty<DeclaredCause> cause = new SimpleObjectProperty<>(this, "cause");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final StringProperty who = new SimpleStringProperty(this, "who", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper noteRequired = new ReadOnlyBooleanWrapper(this, "noteRequired");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper shownProblem = new ReadOnlyStringWrapper(this, "shownProblem");
    /** The person changed something: from then on what is missing is said (not before anything was done). */
    private boolean touched;

    /** Pre-selects the top hint's suggested cause (the hints come most likely first), else none. */
    public DeclarationFormViewModel(TaskRowViewModel task, String defaultWho) {
        this.task = Objects.requireNonNull(task, "task");
        List<RootCauseHint> hints = task.hints();
        cause.set(hints.isEmpty() ? null : hints.get(0).suggestedCause());
        who.set(defaultWho == null ? "" : defaultWho);
        cause.addListener(o -> edited());
        note.addListener(o -> edited());
        who.addListener(o -> edited());
        validate();
    }

    private void validate() {
        boolean needsNote = cause.get() == DeclaredCause.OTHER;
        noteRequired.set(needsNote);
        String missing = null;
        if (cause.get() == null) {
            missing = "flags.declare.problem.cause";
        } else if (needsNote && isBlank(note.get())) {
            missing = "flags.declare.problem.note";
        } else if (isBlank(who.get())) {
            missing = "flags.declare.problem.who";
        }
        problem.set(missing);
        shownProblem.set(touched ? missing : null);
        valid.set(missing == null);
    }

    private void edited() {
        touched = true;
        validate();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public TaskRowViewModel task() {
        return task;
    }

    public ObjectProperty<DeclaredCause> causeProperty() {
        return cause;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty whoProperty() {
        return who;
    }

    /** True when OK may be pressed. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** True when the chosen cause needs a note (OTHER). */
    public ReadOnlyBooleanProperty noteRequiredProperty() {
        return noteRequired.getReadOnlyProperty();
    }

    /** i18n key of what is missing ({@code flags.declare.problem.*}), null when valid. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * What the dialog says is missing: {@link #problemProperty()} once the person has changed something, null
     * before (a form just opened has done nothing wrong; its OK button is simply not ready yet).
     */
    public ReadOnlyStringProperty shownProblemProperty() {
        return shownProblem.getReadOnlyProperty();
    }

    /** The note trimmed, null when empty (the service stores no blank notes). */
    public String cleanNote() {
        String n = note.get();
        return isBlank(n) ? null : n.strip();
    }

    public String cleanWho() {
        return who.get() == null ? "" : who.get().strip();
    }
}
