package com.stocklens.ui.flags;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.CalibrationState;
import com.stocklens.rules.Urgency;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagActions;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagReader;
import com.stocklens.service.TaskRow;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.BackgroundRefresh;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.UiContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the red-flag panel, free of any toolkit: calibration tasks with live countdowns, alerts, the
 * badge for the sidebar, and the actions (declare, acknowledge, snooze).
 *
 * <p>Threading is the Stock screen's contract: reads and actions run on {@code background}; each read
 * reaches the UI as one {@code ui.execute(apply)} that replaces the lists with one {@code setAll} each;
 * bursts of flag events coalesce into one pending read. Properties are touched only on {@code ui}'s
 * thread. Time comes in through {@link #tick}, called once a second by the view's single Timeline.
 */
public final class FlagsViewModel implements AutoCloseable {
    /** The snooze choices offered: an hour, a shift, a day. */
    public static final List<Duration> SNOOZE_CHOICES = List.of(Duration.ofHours(1), Duration.ofHours(4),
            Duration.ofDays(1));

    /** Open tasks first, nearest deadline first; declared ones after them, for the record. */
    static final Comparator<TaskRowViewModel> BY_DEADLINE = Comparator
            .comparing(TaskRowViewModel::isDeclared)
            .thenComparing(TaskRowViewModel::deadline)
            .thenComparingLong(TaskRowViewModel::id);

    /**
     * Unacknowledged before acknowledged (an acknowledged stale source must not push an active oversell
     * down), then by severity, then newest first.
     */
    static final Comparator<AlertRowViewModel> BY_SEVERITY = Comparator
            .comparing(AlertRowViewModel::isAcknowledged)
            .thenComparingInt(AlertRowViewModel::severity)
            .thenComparing(AlertRowViewModel::raisedAt, Comparator.reverseOrder())
            .thenComparing(AlertRowViewModel::key);

    private final FlagActions actions;
    private final FlagEvents events;
    private final DialogService dialogs;
    private final NameMemory who;
    private final Clock clock;
    private final Duration fallbackWindow;
    private final BackgroundRefresh<FlagBoard> loader;
    private final BackgroundAction flagActions;

    private final ObservableList<TaskRowViewModel> tasks = FXCollections.observableArrayList();
    /** Every alert of the latest board, one per condition key; {@link #alerts} is the part listed now. */
    private List<AlertRowViewModel> allAlerts = List.of();
    private final ObservableList<AlertRowViewModel> alerts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyIntegerWrapper openTaskCount = new ReadOnlyIntegerWrapper(this, "openTaskCount");
    private final ReadOnlyIntegerWrapper attentionAlertCount = new ReadOnlyIntegerWrapper(this, "attentionAlertCount");
    private final ReadOnlyIntegerWrapper badgeCount = new ReadOnlyIntegerWrapper(this, "badgeCount");
    private final ReadOnlyObjectWrapper<Urgency> worstUrgency = new ReadOnlyObjectWrapper<>(this, "worstUrgency");
    private final ReadOnlyObjectWrapper<Long> focusedTaskId = new ReadOnlyObjectWrapper<>(this, "focusedTaskId");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyStringWrapper actionError = new ReadOnlyStringWrapper(this, "actionError");
    private final ReadOnlyIntegerWrapper appliedBoards = new ReadOnlyIntegerWrapper(this, "appliedBoards");
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>(this, "asOf");
    private final ReadOnlyBooleanWrapper past = new ReadOnlyBooleanWrapper(this, "past");
    private final ReadOnlyObjectWrapper<Set<AlertKind>> notRecorded =
            new ReadOnlyObjectWrapper<>(this, "notRecorded", Set.of());

    /**
     * @param fallbackWindow the countdown window for a task whose own (deadline − detectedAt) is unusable:
     *                       the calibration deadline of the thresholds
     */
    public FlagsViewModel(FlagReader reader, FlagActions actions, FlagEvents events, DialogService dialogs,
                          NameMemory who, Clock clock, Duration fallbackWindow, Executor background, Executor ui) {
        Objects.requireNonNull(reader, "reader");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.events = Objects.requireNonNull(events, "events");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.who = Objects.requireNonNull(who, "who");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fallbackWindow = Objects.requireNonNull(fallbackWindow, "fallbackWindow");
        this.loader = BackgroundRefresh.atMoments("the red flags",
                at -> at == null ? reader.read() : reader.readAt(at), this::apply, loadError::set, background, ui);
        this.flagActions = new BackgroundAction("a flag action", background, ui);
        now.set(clock.instant());
    }

    /** The red flags over the window's services (the window's panel and badge, the wall). */
    public static FlagsViewModel of(UiContext context, DialogService dialogs, Executor ui) {
        UiContext.Flags services = context.flags();
        UiContext.Shell shell = context.shell();
        return new FlagsViewModel(services.reader(), services.actions(), services.events(), dialogs, shell.declarer(),
                shell.clock(), shell.thresholds().calibrationDeadline(), shell.background(), ui);
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** Subscribes to flag events and loads the board once. */
    public void start() {
        loader.start(request -> events.subscribe(event -> request.run()));
    }

    /** Asks for a fresh read. Safe from any thread; requests made while one is queued fold into it. */
    public void refresh() {
        loader.request();
    }

    /** Unsubscribes from flag events; reads already in flight are dropped. */
    @Override
    public void close() {
        loader.close();
        flagActions.close();
    }

    /**
     * Shows the red flags as they stood at {@code at} (null: now) and reads them again. At a past moment
     * the countdowns stand still at (deadline − at) and no action is offered: the past cannot be changed.
     */
    public void showMoment(Instant at) {
        asOf.set(at);
        past.set(at != null);
        loader.showMoment(at);
    }

    /** The instant the countdowns are measured at: the chosen past moment, or the clock. */
    private Instant instant() {
        Instant at = loader.moment();
        return at != null ? at : clock.instant();
    }

    // ---- applying a board (ui thread) ---------------------------------------------------------

    private void apply(FlagBoard board) {
        notRecorded.set(board.notRecorded());
        Instant instant = instant();
        List<TaskRowViewModel> newTasks = new ArrayList<>(board.tasks().size());
        for (TaskRow t : board.tasks()) {
            // Resolved tasks are history; the board should not carry them, but never count them as open.
            if (t.task().state() != CalibrationState.RESOLVED) {
                newTasks.add(new TaskRowViewModel(t, fallbackWindow, instant));
            }
        }
        newTasks.sort(BY_DEADLINE);
        // The same condition is one line however often the service reports it: keep the latest per key.
        Map<String, AlertRowViewModel> byKey = new LinkedHashMap<>();
        for (AlertRow a : board.alerts()) {
            AlertRowViewModel vm = new AlertRowViewModel(a);
            byKey.merge(vm.key(), vm, (old, neu) -> neu.raisedAt().isAfter(old.raisedAt()) ? neu : old);
        }
        List<AlertRowViewModel> newAlerts = new ArrayList<>(byKey.values());
        newAlerts.sort(BY_SEVERITY);
        allAlerts = List.copyOf(newAlerts);
        tasks.setAll(newTasks);
        loadError.set(null);
        listAlerts(instant, true);
        now.set(instant);
        summarize(instant);
        appliedBoards.set(appliedBoards.get() + 1);
    }

    // ---- time -----------------------------------------------------------------------------------

    /** Advances the countdowns, urgencies, snooze ends and the badge to {@code instant}. */
    public void tick(Instant instant) {
        if (loader.moment() != null) {
            // The past does not count down.
            return;
        }
        now.set(instant);
        for (TaskRowViewModel t : tasks) {
            t.tick(instant);
        }
        listAlerts(instant, false);
        summarize(instant);
    }

    /** Updates the listed alerts; touches the list only when the set changed, so cells are not rebuilt each second. */
    private void listAlerts(Instant instant, boolean force) {
        List<AlertRowViewModel> listed = new ArrayList<>(allAlerts.size());
        for (AlertRowViewModel a : allAlerts) {
            if (a.isListedAt(instant)) {
                listed.add(a);
            }
        }
        if (force || !listed.equals(alerts)) {
            alerts.setAll(listed);
        }
    }

    private void summarize(Instant instant) {
        int open = 0;
        Urgency worst = null;
        for (TaskRowViewModel t : tasks) {
            if (!t.isDeclared()) {
                open++;
                if (worst == null || t.getUrgency().compareTo(worst) > 0) {
                    worst = t.getUrgency();
                }
            }
        }
        int attention = 0;
        for (AlertRowViewModel a : allAlerts) {
            if (a.needsAttentionAt(instant)) {
                attention++;
            }
        }
        // Alerts alone colour the badge as NOTICE: they need a look, not a countdown.
        if (attention > 0 && (worst == null || worst.compareTo(Urgency.NOTICE) < 0)) {
            worst = Urgency.NOTICE;
        }
        openTaskCount.set(open);
        attentionAlertCount.set(attention);
        worstUrgency.set(worst);
        badgeCount.set(open + attention);
    }

    // ---- actions --------------------------------------------------------------------------------

    /** A form for declaring {@code task}, pre-filled with the top hint's cause and the remembered name. */
    public DeclarationFormViewModel declarationForm(TaskRowViewModel task) {
        return new DeclarationFormViewModel(task, who.get());
    }

    /** Opens the declare dialog for {@code task}; on OK, {@link #submit}s it. Ignored for a declared task. */
    public void declare(TaskRowViewModel task) {
        if (task.isDeclared() || loader.moment() != null) {
            return;
        }
        DeclarationFormViewModel form = declarationForm(task);
        dialogs.editDeclaration(form).thenAccept(ok -> {
            if (Boolean.TRUE.equals(ok)) {
                submit(form);
            }
        });
    }

    /**
     * Sends a valid form to {@link FlagActions#declare} on {@code background}, remembers the name, then
     * refreshes. Returns false (and does nothing) for an invalid form: the dialog's OK is disabled then,
     * this is the second line.
     */
    public boolean submit(DeclarationFormViewModel form) {
        if (!form.isValid() || loader.moment() != null) {
            return false;
        }
        long id = form.task().id();
        var cause = form.causeProperty().get();
        String note = form.cleanNote();
        String person = form.cleanWho();
        who.set(person);
        actionError.set(null);
        runAction(() -> actions.declare(id, cause, note, person));
        return true;
    }

    /** Acknowledges an alert as the remembered person. */
    public void acknowledge(AlertRowViewModel alert) {
        if (loader.moment() != null) {
            return;
        }
        String key = alert.key();
        String person = who.get();
        actionError.set(null);
        runAction(() -> actions.acknowledge(key, person));
    }

    /** Snoozes an alert for {@code duration} as the remembered person. */
    public void snooze(AlertRowViewModel alert, Duration duration) {
        if (loader.moment() != null) {
            return;
        }
        String key = alert.key();
        String person = who.get();
        actionError.set(null);
        runAction(() -> actions.snooze(key, duration, person));
    }

    private void runAction(BackgroundAction.Step action) {
        flagActions.run(action, this::refresh, message -> {
            // Another person may have declared first, or the gap closed meanwhile: say so, then re-read.
            actionError.set(message);
            refresh();
        });
    }

    /** Brings {@code taskId} into view (a toast was clicked); the view scrolls to it. */
    public void focusTask(Long taskId) {
        // Reset first so clicking the same toast twice still scrolls.
        focusedTaskId.set(null);
        focusedTaskId.set(taskId);
    }

    // ---- exposed state --------------------------------------------------------------------------

    /** Tasks, open ones by deadline first, then declared ones. */
    public ObservableList<TaskRowViewModel> tasks() {
        return tasks;
    }

    /** Alerts listed now (snoozed ones hidden), by severity. */
    public ObservableList<AlertRowViewModel> alerts() {
        return alerts;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Undeclared tasks. */
    public ReadOnlyIntegerProperty openTaskCountProperty() {
        return openTaskCount.getReadOnlyProperty();
    }

    /** Alerts showing and not acknowledged. */
    public ReadOnlyIntegerProperty attentionAlertCountProperty() {
        return attentionAlertCount.getReadOnlyProperty();
    }

    /** Open tasks + alerts needing attention: the sidebar badge. */
    public ReadOnlyIntegerProperty badgeCountProperty() {
        return badgeCount.getReadOnlyProperty();
    }

    /** The most urgent open task's urgency (NOTICE when only alerts need a look), null when all is quiet. */
    public ReadOnlyObjectProperty<Urgency> worstUrgencyProperty() {
        return worstUrgency.getReadOnlyProperty();
    }

    /** The task a toast asked to show, null when none. */
    public ReadOnlyObjectProperty<Long> focusedTaskIdProperty() {
        return focusedTaskId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** The last failed action's message, null after a good one. */
    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError.getReadOnlyProperty();
    }

    /** How many boards have been applied; tells "not loaded yet" from "nothing wrong". */
    public ReadOnlyIntegerProperty appliedBoardsProperty() {
        return appliedBoards.getReadOnlyProperty();
    }

    /** The past moment shown, null for now. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    /** True while a past moment is shown: the panel is read-only and its countdowns stand still. */
    public ReadOnlyBooleanProperty pastProperty() {
        return past.getReadOnlyProperty();
    }

    /** Alert kinds whose figures the store keeps no history of (empty for now). */
    public ReadOnlyObjectProperty<Set<AlertKind>> notRecordedProperty() {
        return notRecorded.getReadOnlyProperty();
    }

    /** The person the audit trail will name. */
    public String who() {
        return who.get();
    }
}
