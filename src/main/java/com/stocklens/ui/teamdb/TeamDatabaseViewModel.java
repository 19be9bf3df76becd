package com.stocklens.ui.teamdb;

import com.stocklens.service.TeamDatabase.Config;
import com.stocklens.service.TeamDatabase.SslMode;
import com.stocklens.service.TeamDatabase;
import com.stocklens.ui.BackgroundAction;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
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
 * File → Team database…: the shared PostgreSQL's URL, role, password, TLS mode and root certificate;
 * Test makes a real connection (off the FX thread), Save keeps them for the next start. The URL is judged as
 * it is typed ({@link #urlProblemProperty()}); neither Test nor Save is offered while it has a problem.
 */
public final class TeamDatabaseViewModel {
    /** What the status line shows. */
    public enum State { NONE, TESTING, CONNECTED, REFUSED, SAVED, SAVE_FAILED }

    private final TeamDatabase service;
    private final BackgroundAction steps;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<SslMode> sslMode = new SimpleObjectProperty<>(SslMode.VERIFY_FULL);
    private final StringProperty rootCert = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper();

    /** The URL is empty. */
    public static final String URL_MISSING = "teamdb.error.urlMissing";
    /** The URL is not a PostgreSQL one. */
    public static final String NOT_POSTGRES = "teamdb.error.notPostgres";
    /** The URL carries a password (it would land in settings.properties and the logs). */
    public static final String PASSWORD_IN_URL = "teamdb.error.passwordInUrl";

    private static final String POSTGRES = "jdbc:postgresql://";
    /** A password parameter ({@code password=}, {@code sslpassword=} …) or {@code user:password@host}. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;][a-z]*password=)|(//[^/?#@]*:[^/?#@]*@)");

    public TeamDatabaseViewModel(TeamDatabase service, Executor background, Executor fx) {
        this.service = Objects.requireNonNull(service, "service");
        this.steps = new BackgroundAction("the team database settings", background, fx);
        Config c = service.current();
        url.set(c.url());
        user.set(c.user());
        sslMode.set(c.sslMode());
        rootCert.set(c.rootCert());
        active.set(c.active());
        urlProblem.bind(Bindings.createStringBinding(() -> urlProblem(url.get()), url));
    }

    /**
     * What is wrong with {@code url} before anything is tried: null when it can be tested. The service checks
     * it again on save (its refusal is the last word); this says it while the person types.
     */
    static String urlProblem(String url) {
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return URL_MISSING;
        }
        if (!u.regionMatches(true, 0, POSTGRES, 0, POSTGRES.length())) {
            return NOT_POSTGRES;
        }
        return PASSWORD.matcher(u).find() ? PASSWORD_IN_URL : null;
    }

    /** What the fields say now. */
    public Config config() {
        return new Config(url.get(), user.get(), sslMode.get(), rootCert.get(), false, active.get());
    }

    /** Connects with the fields' values and reports the server's version or the refusal. */
    public void test() {
        if (busy.get()) {
            return;
        }
        Config c = config();
        String pw = password.get();
        busy.set(true);
        state.set(State.TESTING);
        detail.set("");
        boolean started = steps.run(() -> service.test(c, pw), r -> tested(r.ok(), r.message()),
                reason -> tested(false, reason));
        if (!started) {
            busy.set(false);
        }
    }

    /** Saves (off the FX thread); {@code onSaved} runs on the FX thread when it worked. */
    public void save(Runnable onSaved) {
        if (busy.get()) {
            return;
        }
        Config c = config();
        String pw = password.get();
        busy.set(true);
        boolean started = steps.run(() -> service.save(c, pw), () -> {
            busy.set(false);
            detail.set("");
            state.set(State.SAVED);
            onSaved.run();
        }, problem -> {
            // A refused URL or password, or a keychain that would not store it: said in the dialog.
            busy.set(false);
            detail.set(problem);
            state.set(State.SAVE_FAILED);
        });
        if (!started) {
            busy.set(false);
        }
    }

    private void tested(boolean ok, String message) {
        busy.set(false);
        detail.set(message);
        state.set(ok ? State.CONNECTED : State.REFUSED);
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<SslMode> sslModeProperty() {
        return sslMode;
    }

    public StringProperty rootCertProperty() {
        return rootCert;
    }

    /** Whether this session already runs on the team database. */
    public boolean active() {
        return active.get();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The service's sentence for the last test or save. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The URL's problem (a message key), null when it can be tested and saved. */
    public ReadOnlyStringProperty urlProblemProperty() {
        return urlProblem.getReadOnlyProperty();
    }

    /** True while the fields can be tested and saved. */
    public BooleanBinding validProperty() {
        return urlProblem.isNull();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
