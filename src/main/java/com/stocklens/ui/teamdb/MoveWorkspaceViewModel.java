package com.stocklens.ui.teamdb;

import com.stocklens.service.TeamDatabase.Config;
import com.stocklens.service.TeamDatabase;
import com.stocklens.ui.BackgroundAction;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File → Move to team database…: copies this workspace into the team database saved in File → Team
 * database…, on a background thread, with progress, cancel, and the per-table verification at the end.
 */
public final class MoveWorkspaceViewModel {
    /** Where the move is. */
    public enum State { READY, NOT_CONFIGURED, ALREADY_TEAM, RUNNING, CANCELLING, DONE, FAILED, CANCELLED }

    private final TeamDatabase service;
    private final BackgroundAction moves;
    private final Config config;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TeamDatabase.MoveProgress> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ObservableList<TeamDatabase.TableCount> tables = FXCollections.observableArrayList();

    public MoveWorkspaceViewModel(TeamDatabase service, Executor background, Executor fx) {
        this.service = Objects.requireNonNull(service, "service");
        this.moves = new BackgroundAction("the workspace move", background, fx);
        this.config = service.current();
        state.set(config.active() ? State.ALREADY_TEAM : config.url().isEmpty() ? State.NOT_CONFIGURED : State.READY);
    }

    /** The target, without its query (never a password). */
    public String target() {
        String u = config.url();
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }

    /** Starts the move (only from READY, or again after a failure or a cancel). */
    public void start() {
        State s = state.get();
        if (s != State.READY && s != State.FAILED && s != State.CANCELLED) {
            return;
        }
        cancel.set(false);
        tables.clear();
        message.set("");
        progress.set(null);
        running.set(true);
        state.set(State.RUNNING);
        boolean started = moves.run(() -> service.moveTo(config, null, moves.onUi(progress::set), cancel::get),
                outcome -> {
                    running.set(false);
                    message.set(outcome.message());
                    tables.setAll(outcome.tables());
                    state.set(outcome.ok() ? State.DONE : outcome.cancelled() ? State.CANCELLED : State.FAILED);
                }, reason -> {
                    running.set(false);
                    message.set(reason);
                    state.set(State.FAILED);
                });
        if (!started) {
            running.set(false);
            state.set(State.FAILED);
        }
    }

    /** Asks the move to stop after the current batch; the target is then left empty. */
    public void cancel() {
        if (state.get() == State.RUNNING) {
            cancel.set(true);
            state.set(State.CANCELLING);
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TeamDatabase.MoveProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The outcome's sentence (rows moved and verified, or why nothing was). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The verification: rows per table in this workspace and in the team database. */
    public ObservableList<TeamDatabase.TableCount> tables() {
        return tables;
    }
}
