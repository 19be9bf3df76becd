package com.stocklens.ui.flags;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.CalibrationState;
import com.stocklens.rules.Urgency;
import com.stocklens.service.AlertRow;
import com.stocklens.service.BoardRow;
import com.stocklens.service.FlagActions;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagReader;
import com.stocklens.service.TaskRow;
import com.stocklens.service.Triage;
import com.stocklens.service.TriageItem;
import com.stocklens.service.TriageList;
import com.stocklens.service.TriageSection;
import com.stocklens.ui.BackgroundAction;
import com.stocklens.ui.BackgroundRefresh;
import com.stocklens.ui.DialogService;
import com.stocklens.ui.Messages;
import com.stocklens.ui.NameMemory;
import com.stocklens.ui.UiContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the red-flag panel, free of any toolkit: calibration tasks with live countdowns, alerts grouped
 * by kind (filterable, sorted by impact or age), the triage list the same read ranks, the badge for the
 * sidebar, and the actions (declare, acknowledge, snooze).
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

    /** How the alerts of a kind are ordered under its heading. */
    public enum AlertSort {
        /** Units at risk × daily sales, largest first (then units at risk, then newest). */
        IMPACT,
        /** Newest first. */
        NEWEST
    }

    /** The latest read: the board and its triage. */
    private record Read(FlagBoard board, TriageList triage) {
    }

    private final FlagActions actions;
    private final FlagEvents events;
    private final DialogService dialogs;
    private final NameMemory who;
    private final Clock clock;
    private final Duration fallbackWindow;
    private final BackgroundRefresh<Read> loader;
    private final BackgroundAction flagActions;

    private final ObservableList<TaskRowViewModel> tasks = FXCollections.observableArrayList();
    /** Every alert of the latest board, one per condition key; {@link #alerts} is the part listed now. */
    private List<AlertRowViewModel> allAlerts = List.of();
    private final ObservableList<AlertRowViewModel> alerts = FXCollections.observableArrayList();
    private final ObservableList<AlertLine> alertLines = FXCollections.observableArrayList();
    private final ObservableList<AlertKind> alertKinds = FXCollections.observableArrayList();
    private final ObjectProperty<AlertKind> kindFilter = new SimpleObjectProperty<>(this, "kindFilter");
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ObjectProperty<AlertSort> sort = new SimpleObjectProperty<>(this, "sort", AlertSort.IMPACT);
    /** Headings the person opened or closed; the others follow their section (the digest starts closed). */
    private final Map<AlertKind, Boolean> expandedByHand = new EnumMap<>(AlertKind.class);
    /** The triage section each kind was last ranked in (remembered when all its alerts are acknowledged). */
    private final Map<AlertKind, TriageSection> sections = new EnumMap<>(AlertKind.class);
    private final ReadOnlyObjectWrapper<TriageList> triage = new ReadOnlyObjectWrapper<>(this, "triage");
    private final ReadOnlyObjectWrapper<String> focusedAlertKey = new ReadOnlyObjectWrapper<>(this, "focusedAlertKey");
    private final ReadOnlyObjectWrapper<Path> evidenceSaved = new ReadOnlyObjectWrapper<>(this, "evidenceSaved");
    private Function<String, BoardRow> pairs = key -> null;
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
    private final ReadOnlyObjectWrapper<Instant> evaluatedAt = new ReadOnlyObjectWrapper<>(this, "evaluatedAt");
    private final ReadOnlyBooleanWrapper past = new ReadOnlyBooleanWrapper(this, "past");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final ReadOnlyObjectWrapper<Set<AlertKind>> notRecorded =
            new ReadOnlyObjectWrapper<>(this, "notRecorded", Set.of());

    /**
     * @param fallbackWindow the countdown window for a task whose own (deadline − detectedAt) is unusable:
     *                       the calibration deadline of the thresholds
     */
    public FlagsViewModel(FlagReader reader, Triage ranking, FlagActions actions, FlagEvents events,
                          DialogService dialogs, NameMemory who, Clock clock, Duration fallbackWindow,
                          Executor background, Executor ui) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(ranking, "ranking");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.events = Objects.requireNonNull(events, "events");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.who = Objects.requireNonNull(who, "who");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fallbackWindow = Objects.requireNonNull(fallbackWindow, "fallbackWindow");
        this.loader = BackgroundRefresh.atMoments("the red flags", at -> {
            FlagBoard board = at == null ? reader.read() : reader.readAt(at);
            return new Read(board, ranking.rank(board));
        }, this::apply, loadError::set, background, ui);
        this.flagActions = new BackgroundAction("a flag action", background, ui);
        now.set(clock.instant());
        triage.set(TriageList.empty(now.get()));
        kindFilter.addListener(o -> relist());
        textFilter.addListener(o -> relist());
        sort.addListener(o -> relist());
    }

    /** The red flags over the window's services (the window's panel and badge, the wall). */
    public static FlagsViewModel of(UiContext context, DialogService dialogs, Executor ui) {
        UiContext.Flags services = context.flags();
        UiContext.Shell shell = context.shell();
        return new FlagsViewModel(services.reader(), services.triage(), services.actions(), services.events(), dialogs,
                shell.declarer(), shell.clock(), shell.thresholds().calibrationDeadline(), shell.background(), ui);
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
        locked.set(past.get() || readOnly.get());
        loader.showMoment(at);
    }

    /** A snapshot file is shown: nothing can be declared, acknowledged or snoozed, now or at any moment. */
    public void setReadOnly(boolean value) {
        readOnly.set(value);
        locked.set(past.get() || readOnly.get());
    }

    /** True when no action is offered: at a past moment, or in a snapshot file. */
    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    /** The key of why actions are off (a snapshot file, or a past moment), for their tooltip. */
    public String lockedReasonKey() {
        return readOnly.get() ? "snapshot.readOnly.action" : "flags.past.readOnly";
    }

    /** The instant the countdowns are measured at: the chosen past moment, or the clock. */
    private Instant instant() {
        Instant at = loader.moment();
        return at != null ? at : clock.instant();
    }

    // ---- applying a board (ui thread) ---------------------------------------------------------

    private void apply(Read read) {
        FlagBoard board = read.board();
        notRecorded.set(board.notRecorded());
        evaluatedAt.set(board.evaluatedAt());
        Instant instant = instant();
        List<TaskRowViewModel> newTasks = new ArrayList<>(board.tasks().size());
        for (TaskRow t : board.tasks()) {
            // Resolved tasks are history; the board should not carry them, but never count them as open.
            if (t.task().state() != CalibrationState.RESOLVED) {
                newTasks.add(new TaskRowViewModel(t, fallbackWindow, instant));
            }
        }
        newTasks.sort(BY_DEADLINE);
        Map<String, TriageItem> ranked = new HashMap<>();
        for (TriageItem i : read.triage().all()) {
            if (i.alertKey() != null) {
                ranked.put(i.alertKey(), i);
            }
        }
        // The same condition is one line however often the service reports it: keep the latest per key.
        Map<String, AlertRowViewModel> byKey = new LinkedHashMap<>();
        for (AlertRow a : board.alerts()) {
            AlertRowViewModel vm = new AlertRowViewModel(a, ranked.get(a.alert().key()));
            byKey.merge(vm.key(), vm, (old, neu) -> neu.raisedAt().isAfter(old.raisedAt()) ? neu : old);
        }
        List<AlertRowViewModel> newAlerts = new ArrayList<>(byKey.values());
        newAlerts.sort(BY_SEVERITY);
        allAlerts = List.copyOf(newAlerts);
        for (TriageItem i : read.triage().all()) {
            if (i.alertKind() != null) {
                sections.put(i.alertKind(), i.section());
            }
        }
        // Tasks first: the triage's listeners (the triage screen, the wall) look their countdowns up in them.
        tasks.setAll(newTasks);
        triage.set(read.triage());
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
            relist();
        }
    }

    // ---- the grouped alert list -------------------------------------------------------------------

    /**
     * Rebuilds the grouped list: one heading per kind (in the triage's order: orders at risk, stale sources,
     * then the digest; kinds only acknowledged or snoozed after them), the kind's alerts under it unless it is
     * folded, filtered by kind and text, ordered by the chosen sort with acknowledged ones last.
     */
    private void relist() {
        AlertKind onlyKind = kindFilter.get();
        String needle = textFilter.get();
        Map<AlertKind, List<AlertRowViewModel>> byKind = new LinkedHashMap<>();
        for (AlertKind k : kindOrder()) {
            byKind.put(k, new ArrayList<>());
        }
        for (AlertRowViewModel a : alerts) {
            if ((onlyKind == null || a.kind() == onlyKind) && a.matches(needle)) {
                byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a);
            }
        }
        Comparator<AlertRowViewModel> order = sort.get() == AlertSort.NEWEST ? NEWEST_FIRST : BY_IMPACT;
        List<AlertLine> lines = new ArrayList<>();
        for (Map.Entry<AlertKind, List<AlertRowViewModel>> e : byKind.entrySet()) {
            List<AlertRowViewModel> group = e.getValue();
            if (group.isEmpty()) {
                continue;
            }
            boolean open = isExpanded(e.getKey());
            lines.add(new AlertLine.Group(e.getKey(), group.size(), !open));
            if (open) {
                group.sort(order);
                lines.addAll(group);
            }
        }
        alertLines.setAll(lines);
        List<AlertKind> kinds = new ArrayList<>();
        for (AlertKind k : kindOrder()) {
            if (alerts.stream().anyMatch(a -> a.kind() == k)) {
                kinds.add(k);
            }
        }
        if (!kinds.equals(alertKinds)) {
            alertKinds.setAll(kinds);
        }
    }

    /** The kinds in the order the triage ranks them, then the rest in severity order. */
    private List<AlertKind> kindOrder() {
        Set<AlertKind> order = new LinkedHashSet<>();
        for (TriageItem i : triage.get().all()) {
            if (i.alertKind() != null) {
                order.add(i.alertKind());
            }
        }
        List<AlertKind> rest = new ArrayList<>();
        for (AlertRowViewModel a : alerts) {
            if (!order.contains(a.kind()) && !rest.contains(a.kind())) {
                rest.add(a.kind());
            }
        }
        rest.sort(Comparator.comparingInt(k -> {
            int i = AlertRowViewModel.SEVERITY.indexOf(k);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        order.addAll(rest);
        return List.copyOf(order);
    }

    /**
     * Open or folded as the person left it; else open when the kind is one to act on now (or is the one filtered
     * to) — an acknowledged oversell keeps its kind open —, folded for the digest's housekeeping and for kinds
     * never seen with anything but acknowledged alerts.
     */
    private boolean isExpanded(AlertKind kind) {
        Boolean byHand = expandedByHand.get(kind);
        if (byHand != null) {
            return byHand;
        }
        if (kind == kindFilter.get()) {
            return true;
        }
        TriageSection section = sections.get(kind);
        return section != null && section.actNow();
    }

    /** Opens a folded kind or folds an open one. */
    public void toggleGroup(AlertKind kind) {
        expandedByHand.put(kind, !isExpanded(kind));
        relist();
    }

    /**
     * Shows only {@code kind}'s alerts, unfolded, unfiltered by text: the triage digest's "open the list".
     * Null shows every kind.
     */
    public void showKind(AlertKind kind) {
        textFilter.set("");
        if (kind != null) {
            expandedByHand.put(kind, true);
        }
        kindFilter.set(kind);
        relist();
    }

    /** Acknowledged last; then units at risk × daily sales, then units at risk, largest first; then newest. */
    static final Comparator<AlertRowViewModel> BY_IMPACT = Comparator
            .comparing(AlertRowViewModel::isAcknowledged)
            .thenComparing(a -> a.impact() == null ? Double.NEGATIVE_INFINITY : a.impact(), Comparator.reverseOrder())
            .thenComparing(a -> a.unitsAtRisk() == null ? Integer.MIN_VALUE : a.unitsAtRisk(),
                    Comparator.reverseOrder())
            .thenComparing(AlertRowViewModel::raisedAt, Comparator.reverseOrder())
            .thenComparing(AlertRowViewModel::key);

    static final Comparator<AlertRowViewModel> NEWEST_FIRST = Comparator
            .comparing(AlertRowViewModel::isAcknowledged)
            .thenComparing(AlertRowViewModel::raisedAt, Comparator.reverseOrder())
            .thenComparing(AlertRowViewModel::key);

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
        // What the triage list's top part holds: the badge and the triage screen never disagree.
        badgeCount.set(triage.get().actNow().size());
    }

    // ---- actions --------------------------------------------------------------------------------

    /** A form for declaring {@code task}, pre-filled with the top hint's cause and the remembered name. */
    public DeclarationFormViewModel declarationForm(TaskRowViewModel task) {
        return new DeclarationFormViewModel(task, who.get());
    }

    /** Opens the declare dialog for {@code task}; on OK, {@link #submit}s it. Ignored for a declared task. */
    public void declare(TaskRowViewModel task) {
        if (task.isDeclared() || locked.get()) {
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
        if (!form.isValid() || locked.get()) {
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
        if (locked.get()) {
            return;
        }
        String key = alert.key();
        String person = who.get();
        actionError.set(null);
        runAction(() -> actions.acknowledge(key, person));
    }

    /** Snoozes an alert for {@code duration} as the remembered person. */
    public void snooze(AlertRowViewModel alert, Duration duration) {
        if (locked.get()) {
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

    // ---- evidence for Seller Center ------------------------------------------------------------------

    /**
     * Where the stock board's line of a SKU × warehouse ({@code sku@warehouse}) is found: the window hands
     * the stock screen's rows, whose snapshot times are those of the figures compared.
     */
    public void setPairs(Function<String, BoardRow> lookup) {
        this.pairs = Objects.requireNonNull(lookup, "lookup");
    }

    /** {@code task}'s evidence as text, in {@code messages}' language. */
    public String evidence(TaskRowViewModel task, Messages messages) {
        return CalibrationEvidence.text(task, pairs.apply(task.task().pairKey()), messages);
    }

    /**
     * Asks where to save {@code task}'s evidence, then writes the picture ({@code png}, taken on the UI thread
     * when the file is chosen) and the text beside it (same name, .txt) on the background executor.
     */
    public void saveEvidence(TaskRowViewModel task, Messages messages, Supplier<byte[]> png) {
        dialogs.chooseEvidenceFile(CalibrationEvidence.fileName(task, clock.instant())).thenAccept(chosen -> {
            if (chosen.isEmpty()) {
                return;
            }
            Path picture = chosen.get();
            Path text = picture.resolveSibling(CalibrationEvidence.textFileName(picture.getFileName().toString()));
            byte[] bytes = png.get();
            String words = evidence(task, messages);
            actionError.set(null);
            flagActions.run(() -> {
                Files.write(picture, bytes);
                Files.writeString(text, words, StandardCharsets.UTF_8);
            }, () -> evidenceSaved.set(picture), actionError::set);
        });
    }

    /** The evidence picture saved last, null before any. */
    public ReadOnlyObjectProperty<Path> evidenceSavedProperty() {
        return evidenceSaved.getReadOnlyProperty();
    }

    /** Brings {@code taskId} into view (a notification or a triage line was opened); the view scrolls to it. */
    public void focusTask(Long taskId) {
        // Reset first so opening the same task twice still scrolls.
        focusedTaskId.set(null);
        focusedTaskId.set(taskId);
    }

    /** Shows the alert {@code key} in its kind's list, unfolded, and brings it into view. */
    public void focusAlert(String key) {
        allAlerts.stream().filter(a -> a.key().equals(key)).findFirst().ifPresent(a -> {
            textFilter.set("");
            expandedByHand.put(a.kind(), true);
            kindFilter.set(a.kind());
            relist();
        });
        focusedAlertKey.set(null);
        focusedAlertKey.set(key);
    }

    /** The open task with {@code id}, if listed. */
    public Optional<TaskRowViewModel> task(long id) {
        return tasks.stream().filter(t -> t.id() == id).findFirst();
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

    /** The panel's alert list: a heading per kind with its alerts under it, filtered and sorted. */
    public ObservableList<AlertLine> alertLines() {
        return alertLines;
    }

    /** The kinds listed now, in the list's order (the kind filter's choices). */
    public ObservableList<AlertKind> alertKinds() {
        return alertKinds;
    }

    /** Only this kind's alerts; null for every kind. */
    public ObjectProperty<AlertKind> kindFilterProperty() {
        return kindFilter;
    }

    /** Only alerts whose SKU, names or working contain this text. */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public ObjectProperty<AlertSort> sortProperty() {
        return sort;
    }

    /** The red flags ranked by what to do first: the triage screen's list and the badge's count. */
    public ReadOnlyObjectProperty<TriageList> triageProperty() {
        return triage.getReadOnlyProperty();
    }

    /** The alert a notification asked to show, null when none. */
    public ReadOnlyObjectProperty<String> focusedAlertKeyProperty() {
        return focusedAlertKey.getReadOnlyProperty();
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

    /** The lines of the triage list to act on now (open tasks, orders at risk, stale sources): the sidebar badge. */
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

    /** When the rules last judged the board shown, null when they never have (a fresh workspace). */
    public ReadOnlyObjectProperty<Instant> evaluatedAtProperty() {
        return evaluatedAt.getReadOnlyProperty();
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
