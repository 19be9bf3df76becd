package com.stocklens.ui.connections;

import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionField;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.service.Connections.TestOutcome;
import com.stocklens.service.Connections;
import com.stocklens.ui.BackgroundAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The add / edit form of one connection, generated from {@link ConnectionKind#fields()}. Secret fields
 * start empty: an empty secret keeps the stored value (the view shows "stored" as a placeholder), a typed
 * one replaces it. Each field has its own problem (a message key, null when fine); the form is
 * {@link #validProperty() valid} when none has one.
 */
public final class ConnectionFormViewModel {
    /** Cadence presets offered by the form; null = the app's default. */
    public static final List<Duration> CADENCES = Arrays.asList(null, Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1));

    /** The name is blank. */
    public static final String NAME_MISSING = "connections.form.problem.name";
    /** A required field is empty; formatted with the field's label. */
    public static final String REQUIRED = "connections.form.problem.required";

    private final ConnectionKind kind;
    private final String existingId;
    private final Set<String> storedSecrets;
    private final Connections service;
    private final BackgroundAction tests;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final ObjectProperty<Duration> cadence = new SimpleObjectProperty<>(this, "cadence");
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    /** The stored settings of an edited connection that the form has no field for. */
    private final Map<String, String> undeclared;
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem");
    private final Map<String, ReadOnlyStringWrapper> fieldProblems = new LinkedHashMap<>();
    private final BooleanBinding valid;
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyObjectWrapper<TestOutcome> testOutcome = new ReadOnlyObjectWrapper<>(this, "testOutcome");

    private ConnectionFormViewModel(ConnectionKind kind, Connection existing, Set<String> storedSecrets,
                                    Connections service, Executor background, Executor ui) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.existingId = existing == null ? null : existing.id();
        this.storedSecrets = Set.copyOf(storedSecrets);
        Map<String, String> others = new LinkedHashMap<>();
        if (existing != null) {
            existing.settings().forEach((key, value) -> {
                if (kind.fields().stream().noneMatch(f -> f.key().equals(key))) {
                    others.put(key, value);
                }
            });
        }
        this.undeclared = Map.copyOf(others);
        this.service = Objects.requireNonNull(service, "service");
        this.tests = new BackgroundAction("a connection test", background, ui);
        for (ConnectionField f : kind.fields()) {
            String start = f.secret() ? "" : existing == null ? nullToEmpty(f.defaultValue())
                    : nullToEmpty(existing.settings().get(f.key()));
            values.put(f.key(), new SimpleStringProperty(this, f.key(), start));
        }
        if (existing != null) {
            name.set(existing.displayName());
            enabled.set(existing.enabled());
            cadence.set(existing.cadence());
        }
        nameProblem.bind(Bindings.createStringBinding(
                () -> name.get() == null || name.get().isBlank() ? NAME_MISSING : null, name));
        List<Observable> all = new ArrayList<>(List.of(nameProblem));
        for (ConnectionField f : kind.fields()) {
            StringProperty value = values.get(f.key());
            boolean kept = f.secret() && this.storedSecrets.contains(f.key());
            ReadOnlyStringWrapper p = new ReadOnlyStringWrapper(this, f.key() + "Problem");
            p.bind(Bindings.createStringBinding(() -> f.required() && !kept
                    && (value.get() == null || value.get().isBlank()) ? REQUIRED : null, value));
            fieldProblems.put(f.key(), p);
            all.add(p);
        }
        valid = Bindings.createBooleanBinding(() -> nameProblem.get() == null
                && fieldProblems.values().stream().allMatch(p -> p.get() == null), all.toArray(new Observable[0]));
    }

    /** A new connection of {@code kind} with the production defaults filled in. */
    public static ConnectionFormViewModel forNew(ConnectionKind kind, Connections service, Executor background,
                                                 Executor ui) {
        return new ConnectionFormViewModel(kind, null, Set.of(), service, background, ui);
    }

    /** The form of an existing connection; its secrets stay in the store unless retyped. */
    public static ConnectionFormViewModel forExisting(ConnectionRowViewModel row, Connections service,
                                                      Executor background, Executor ui) {
        return new ConnectionFormViewModel(row.kind(), row.connection(), row.storedSecrets(), service, background, ui);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public ConnectionKind kind() {
        return kind;
    }

    /** True when editing an existing connection (its id stays). */
    public boolean editing() {
        return existingId != null;
    }

    public List<ConnectionField> fields() {
        return kind.fields();
    }

    public StringProperty valueProperty(String fieldKey) {
        StringProperty p = values.get(fieldKey);
        if (p == null) {
            throw new IllegalArgumentException("No field " + fieldKey + " in " + kind);
        }
        return p;
    }

    /** True when a secret field has a stored value (the view shows a "stored" placeholder). */
    public boolean secretStored(String fieldKey) {
        return storedSecrets.contains(fieldKey);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObjectProperty<Duration> cadenceProperty() {
        return cadence;
    }

    /** {@link #NAME_MISSING} while the name is blank, else null. */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    /**
     * {@link #REQUIRED} while a required field is empty (a secret kept in the store counts as filled), else
     * null; the view formats it with the field's label.
     */
    public ReadOnlyStringProperty problemProperty(String fieldKey) {
        ReadOnlyStringWrapper p = fieldProblems.get(fieldKey);
        if (p == null) {
            throw new IllegalArgumentException("No field " + fieldKey + " in " + kind);
        }
        return p.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestOutcome> testOutcomeProperty() {
        return testOutcome.getReadOnlyProperty();
    }

    /**
     * The connection as filled in; {@code id} for a new one comes from the service. Settings the form does not
     * show (set from the command line, or by another version) are kept as stored.
     */
    public Connection toConnection(String id) {
        Map<String, String> settings = new LinkedHashMap<>(undeclared);
        for (ConnectionField f : kind.fields()) {
            String v = values.get(f.key()).get();
            if (!f.secret() && v != null && !v.isBlank()) {
                settings.put(f.key(), v.strip());
            }
        }
        return new Connection(existingId != null ? existingId : id, kind, name.get().strip(), enabled.get(),
                cadence.get(), settings);
    }

    /** The secrets typed into the form (blank ones left out: they keep the stored value). */
    public Map<String, String> enteredSecrets() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConnectionField f : kind.fields()) {
            String v = values.get(f.key()).get();
            if (f.secret() && v != null && !v.isBlank()) {
                out.put(f.key(), v.strip());
            }
        }
        return out;
    }

    /** The id the saved connection has or will get. Blocking for a new one. */
    String idForSave() throws Connections.ConnectionException {
        return existingId != null ? existingId : service.newId(kind, name.get());
    }

    /** Tests what is in the form (typed secrets over stored ones), on the background executor. */
    public void test() {
        if (testing.get()) {
            return;
        }
        testing.set(true);
        testOutcome.set(null);
        Connection c;
        try {
            c = toConnection(existingId != null ? existingId : "test:" + kind.name().toLowerCase(Locale.ROOT));
        } catch (RuntimeException e) {
            testing.set(false);
            return;
        }
        Map<String, String> typed = enteredSecrets();
        boolean started = tests.run(() -> service.test(c, typed), outcome -> {
            testing.set(false);
            testOutcome.set(outcome);
        }, reason -> testing.set(false));
        if (!started) {
            testing.set(false);
        }
    }
}
