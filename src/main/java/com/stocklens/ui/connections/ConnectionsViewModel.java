package com.stocklens.ui.connections;

import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.service.Connections.ConnectionStatus;
import com.stocklens.service.Connections.TestOutcome;
import com.stocklens.service.Connections;
import com.stocklens.service.SyncEvents;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.BackgroundRefresh;
import com.stocklens.ui.DialogService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the connections screen, free of any toolkit: the list with each connection's last sync,
 * add / edit through a form dialog, test (one real call, off the FX thread), enable switch, remove after
 * a confirmation. Demo connections are read-only but can be tested.
 */
public final class ConnectionsViewModel implements AutoCloseable {
    private final Connections service;
    private final DialogService dialogs;
    private final SyncEvents syncEvents;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Connection> authorize;
    private final BackgroundRefresh<List<ConnectionStatus>> refresh;
    private final BackgroundAction changes;

    private final ObservableList<ConnectionRowViewModel> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionRowViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyStringWrapper actionError = new ReadOnlyStringWrapper(this, "actionError");
    private final ReadOnlyBooleanWrapper restartNeeded = new ReadOnlyBooleanWrapper(this, "restartNeeded");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyObjectWrapper<TestOutcome> testOutcome = new ReadOnlyObjectWrapper<>(this, "testOutcome");
    private final ReadOnlyStringWrapper testedName = new ReadOnlyStringWrapper(this, "testedName");

    /**
     * @param authorize opens TikTok's authorization for a connection (the window supplies it), or null
     *                  while there is none: the Authorize… button stays disabled
     */
    public ConnectionsViewModel(Connections service, DialogService dialogs, SyncEvents syncEvents,
                                Consumer<Connection> authorize, Executor background, Executor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.syncEvents = Objects.requireNonNull(syncEvents, "syncEvents");
        this.authorize = authorize;
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.refresh = new BackgroundRefresh<>("the connections", this::read, this::apply,
                e -> loadError.set(e), background, ui);
        this.changes = new BackgroundAction("a connection change", background, ui);
    }

    private List<ConnectionStatus> read() {
        try {
            return service.list();
        } catch (Connections.ConnectionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void apply(List<ConnectionStatus> list) {
        String keep = pendingSelection != null ? pendingSelection : selected.get() == null ? null : selected.get().id();
        pendingSelection = null;
        rows.setAll(list.stream().map(ConnectionRowViewModel::new).toList());
        loadError.set(null);
        selected.set(rows.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
    }

    /** Loads the list and reloads it after every sync (the last-sync column follows). */
    public void start() {
        refresh.start(request -> syncEvents.subscribe(event -> request.run()));
    }

    public void refresh() {
        refresh.request();
    }

    public boolean demo() {
        return service.isDemo();
    }

    /** The interval of connections without their own. */
    public Duration defaultCadence() {
        return service.defaultCadence();
    }

    /** True when TikTok's authorization can be opened from this screen. */
    public boolean canAuthorize() {
        return authorize != null && !service.isDemo();
    }

    // --- actions ---------------------------------------------------------------------------

    /** Opens the form for a new connection of {@code kind}; saves it on OK. */
    public void add(ConnectionKind kind) {
        if (demo()) {
            return;
        }
        edit(ConnectionFormViewModel.forNew(kind, service, background, ui));
    }

    /** Opens the form for the selected connection; saves it on OK. */
    public void editSelected() {
        ConnectionRowViewModel row = selected.get();
        if (row == null || demo()) {
            return;
        }
        edit(ConnectionFormViewModel.forExisting(row, service, background, ui));
    }

    private void edit(ConnectionFormViewModel form) {
        actionError.set(null);
        dialogs.editConnection(form).thenAccept(ok -> {
            if (ok) {
                save(form);
            }
        });
    }

    private void save(ConnectionFormViewModel form) {
        Map<String, String> typed = form.enteredSecrets();
        runInBackground(() -> {
            Connection c = form.toConnection(form.idForSave());
            service.save(c, typed);
            return c.id();
        }, id -> {
            restartNeeded.set(service.changesNeedRestart());
            selectAfterLoad(id);
        });
    }

    /** Switches polling of a connection on or off. */
    public void setEnabled(ConnectionRowViewModel row, boolean on) {
        if (demo() || row.enabled() == on) {
            return;
        }
        Connection c = row.connection().withEnabled(on);
        runInBackground(() -> {
            service.save(c, Map.of());
            return c.id();
        }, id -> restartNeeded.set(service.changesNeedRestart()));
    }

    /** Asks, then removes the selected connection and its secrets. */
    public void removeSelected() {
        ConnectionRowViewModel row = selected.get();
        if (row == null || demo()) {
            return;
        }
        actionError.set(null);
        dialogs.confirm("connections.remove.title", "connections.remove.confirm", row.name()).thenAccept(ok -> {
            if (ok) {
                runInBackground(() -> {
                    service.remove(row.id());
                    return row.id();
                }, id -> restartNeeded.set(service.changesNeedRestart()));
            }
        });
    }

    /** Tests the selected connection with its stored settings; the outcome shows under the table. */
    public void testSelected() {
        ConnectionRowViewModel row = selected.get();
        if (row == null || testing.get()) {
            return;
        }
        testing.set(true);
        testOutcome.set(null);
        testedName.set(row.name());
        Connection c = row.connection();
        boolean started = changes.run(() -> service.test(c, Map.of()), outcome -> {
            testing.set(false);
            testOutcome.set(outcome);
        }, reason -> {
            testing.set(false);
            actionError.set(reason);
        });
        if (!started) {
            testing.set(false);
        }
    }

    /** Opens TikTok's authorization for the selected TikTok connection (when the window supplied it). */
    public void authorizeSelected() {
        ConnectionRowViewModel row = selected.get();
        if (row != null && row.authorizable() && canAuthorize()) {
            authorize.accept(row.connection());
        }
    }

    private String pendingSelection;

    private void selectAfterLoad(String id) {
        pendingSelection = id;
        refresh.request();
    }

    /** A blocking step on the background executor; the list reloads after it, its error shows in the screen. */
    private void runInBackground(BackgroundAction.Work<String> step, Consumer<String> after) {
        changes.run(step, id -> {
            after.accept(id);
            refresh.request();
        }, message -> {
            actionError.set(message);
            refresh.request();
        });
    }

    // --- state -----------------------------------------------------------------------------

    public ObservableList<ConnectionRowViewModel> rows() {
        return rows;
    }

    public ObjectProperty<ConnectionRowViewModel> selectedProperty() {
        return selected;
    }

    /** Why the list could not be read, or null. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** Why the last save or remove failed, or null. */
    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError.getReadOnlyProperty();
    }

    /** True after a change that the sync engine only picks up at the next start. */
    public ReadOnlyBooleanProperty restartNeededProperty() {
        return restartNeeded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The last test's outcome, null while none ran or one runs. */
    public ReadOnlyObjectProperty<TestOutcome> testOutcomeProperty() {
        return testOutcome.getReadOnlyProperty();
    }

    /** The name of the connection the last test was about. */
    public ReadOnlyStringProperty testedNameProperty() {
        return testedName.getReadOnlyProperty();
    }

    @Override
    public void close() {
        refresh.close();
        changes.close();
    }
}
