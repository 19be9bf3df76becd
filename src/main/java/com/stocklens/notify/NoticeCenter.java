package com.stocklens.notify;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagsChanged;
import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.Notices;
import com.stocklens.support.NamedThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one source of {@link Notice}s: why a person should look now.
 *
 * <ul>
 *   <li>Each {@link FlagsChanged} becomes one CALIBRATION_OPENED per opened task and one ALERT_RAISED
 *       per raised alert.</li>
 *   <li>A check every {@link #DEFAULT_CHECK_EVERY} reads the open tasks and sends CALIBRATION_DUE_30 /
 *       CALIBRATION_DUE_10 once per task when its time left is down to 30 / 10 minutes. Which reminders
 *       went out is remembered by task and threshold for the life of the process, so a repeated check
 *       or a re-read board never repeats one. A task first seen with 8 minutes left gets only the
 *       10-minute reminder; an overdue task gets none (the red-flag panel shows it).</li>
 *   <li>A failed team push becomes PUSH_FAILED (desktop only: pushing a push failure would loop).</li>
 * </ul>
 *
 * <p>Every notice goes to the desktop subscribers and, when team push is configured, to the
 * {@link TeamPushService} as a bilingual message. The notices of one occasion — one rule evaluation, one
 * deadline check — also go together, as one batch, to {@link #subscribeBatches} subscribers: the
 * window's notification centre turns a batch into at most one desktop notification. Subscribers are
 * called on this centre's own daemon thread, {@code stocklens-notices}, never on the FX thread: the UI
 * hops over with its FxExecutor. Store reads (the open tasks) happen on that thread too.
 */
public final class NoticeCenter implements Notices, AutoCloseable {
    /** Often enough that a 10-minute reminder is at most 20 s late; cheap (one board read). */
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofSeconds(20);
    static final Duration DUE_30 = Duration.ofMinutes(30);
    static final Duration DUE_10 = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(NoticeCenter.class);

    private final Supplier<List<CalibrationTask>> openTasks;
    private final Function<String, String> warehouseNames;
    private final TeamPushService push;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<Notice>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Notice>>> batchSubscribers = new CopyOnWriteArrayList<>();
    /** "task key@threshold" → the task's deadline, so entries can be forgotten once long past. */
    private final Map<String, Instant> remindersSent = new ConcurrentHashMap<>();
    private final AutoCloseable flagSubscription;
    private final AutoCloseable pushSubscription;

    /**
     * The production wiring: own {@code stocklens-notices} thread, a check every
     * {@link #DEFAULT_CHECK_EVERY}.
     *
     * @param flagEvents     where rule evaluations are announced
     * @param openTasks      the OPEN calibration tasks now (e.g. a {@link FlagReaderTasks}); blocking is fine
     * @param warehouseNames warehouse id → display name, or null when unknown (e.g. the same {@link FlagReaderTasks})
     * @param push           team push, or null when the build has none; an unconfigured service is fine
     * @param clock          wall clock the deadlines are compared with
     */
    public NoticeCenter(FlagEvents flagEvents, Supplier<List<CalibrationTask>> openTasks,
                        Function<String, String> warehouseNames, TeamPushService push, Clock clock) {
        this(flagEvents, openTasks, warehouseNames, push, clock, newScheduler(), DEFAULT_CHECK_EVERY);
    }

    /**
     * @param scheduler  a single-threaded scheduler this centre owns from now on (shut down by {@link #close()});
     *                   all notices are emitted on it
     * @param checkEvery period of the deadline check; the first check runs one period after start
     */
    public NoticeCenter(FlagEvents flagEvents, Supplier<List<CalibrationTask>> openTasks,
                        Function<String, String> warehouseNames, TeamPushService push, Clock clock,
                        ScheduledExecutorService scheduler, Duration checkEvery) {
        Objects.requireNonNull(flagEvents, "flagEvents");
        this.openTasks = Objects.requireNonNull(openTasks, "openTasks");
        this.warehouseNames = Objects.requireNonNull(warehouseNames, "warehouseNames");
        this.push = push;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        long period = checkEvery.toMillis();
        scheduler.scheduleWithFixedDelay(this::checkDeadlinesSafely, period, period, TimeUnit.MILLISECONDS);
        this.flagSubscription = flagEvents.subscribe(changed -> runOnNoticeThread(() -> onFlagsChanged(changed)));
        this.pushSubscription = push == null ? () -> { }
                : push.onFailure(failed -> runOnNoticeThread(() -> onPushFailed(failed)));
    }

    private static ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, NamedThreads.daemon("stocklens-notices"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }

    @Override
    public AutoCloseable subscribe(Consumer<Notice> listener) {
        Objects.requireNonNull(listener, "listener");
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public AutoCloseable subscribeBatches(Consumer<List<Notice>> listener) {
        Objects.requireNonNull(listener, "listener");
        batchSubscribers.add(listener);
        return () -> batchSubscribers.remove(listener);
    }

    /** Unsubscribes from the flag events and the push service, and stops the notice thread. */
    @Override
    public void close() {
        closeQuietly(flagSubscription);
        closeQuietly(pushSubscription);
        scheduler.shutdownNow();
    }

    private void runOnNoticeThread(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException closed) {
            // Closing: late events have no one left to tell.
        }
    }

    void onFlagsChanged(FlagsChanged changed) {
        Instant now = clock.instant();
        // Team mode: a change another desk made was pushed to the team by that desk; here it is a toast only.
        boolean push = !changed.followed();
        List<Outgoing> batch = new ArrayList<>();
        for (CalibrationTask task : changed.opened()) {
            String name = nameOf(task.warehouseId());
            batch.add(new Outgoing(calibrationNotice(NoticeKind.CALIBRATION_OPENED, task, name, now),
                    push ? NoticeText.calibration(NoticeKind.CALIBRATION_OPENED, task, name, now) : null));
        }
        Map<AlertKind, List<Alert>> byKind = new EnumMap<>(AlertKind.class);
        for (Alert alert : changed.raised()) {
            byKind.computeIfAbsent(alert.kind(), k -> new ArrayList<>()).add(alert);
        }
        for (Map.Entry<AlertKind, List<Alert>> kind : byKind.entrySet()) {
            if (kind.getValue().size() > BURST) {
                // A shop's first evaluation can raise dozens at once: one notice per kind, not a flood.
                int count = kind.getValue().size();
                batch.add(new Outgoing(new Notice(now, NoticeKind.ALERT_RAISED, null, null, null, kind.getKey(), null,
                        null, Integer.toString(count)), push ? NoticeText.burst(kind.getKey(), count) : null));
                continue;
            }
            for (Alert alert : kind.getValue()) {
                String name = nameOf(alert.warehouseId());
                String detail = alert.detail() != null ? alert.detail().encode() : alert.sourceId();
                batch.add(new Outgoing(new Notice(now, NoticeKind.ALERT_RAISED, alert.sellerSku(), alert.warehouseId(),
                        name, alert.kind(), null, null, detail), push ? NoticeText.alert(alert, name) : null));
            }
        }
        emit(batch);
    }

    /**
     * More new alerts of one kind than this in one evaluation become one summary notice whose
     * {@code detail} is the count and whose SKU and warehouse are null.
     */
    public static final int BURST = 3;

    /**
     * One deadline check: reminders for open tasks whose time left has reached 30 or 10 minutes and
     * that have not had that reminder yet. Runs on the schedule; tests call it directly.
     */
    synchronized void checkDeadlines() {
        Instant now = clock.instant();
        List<CalibrationTask> tasks = openTasks.get();
        List<Outgoing> batch = new ArrayList<>();
        for (CalibrationTask task : tasks) {
            if (task.state() != CalibrationState.OPEN || task.isOverdue(now)) {
                continue;
            }
            Duration left = task.timeLeft(now);
            String key = keyOf(task);
            NoticeKind kind = null;
            if (left.compareTo(DUE_10) <= 0) {
                if (remindersSent.putIfAbsent(key + "@10", task.deadline()) == null) {
                    // The 30-minute reminder is moot now; never send it after the 10-minute one.
                    remindersSent.putIfAbsent(key + "@30", task.deadline());
                    kind = NoticeKind.CALIBRATION_DUE_10;
                }
            } else if (left.compareTo(DUE_30) <= 0) {
                if (remindersSent.putIfAbsent(key + "@30", task.deadline()) == null) {
                    kind = NoticeKind.CALIBRATION_DUE_30;
                }
            }
            if (kind != null) {
                String name = nameOf(task.warehouseId());
                batch.add(new Outgoing(calibrationNotice(kind, task, name, now),
                        NoticeText.calibration(kind, task, name, now)));
            }
        }
        emit(batch);
        // Forget reminders a day past their deadline: the set stays small in a long-running app, and a
        // task that far gone can never need a reminder again.
        remindersSent.values().removeIf(deadline -> deadline.plus(Duration.ofDays(1)).isBefore(now));
    }

    private void checkDeadlinesSafely() {
        try {
            checkDeadlines();
        } catch (RuntimeException e) {
            // A store hiccup must not kill the schedule: the next check tries again.
            LOG.warn("Calibration deadline check failed: {}", e.toString());
        }
    }

    private void onPushFailed(PushOutcome.Failed failed) {
        String detail = failed.platform().chineseName() + " " + failed.platform().englishName() + " ("
                + failed.robotId() + "): " + failed.reason();
        emit(List.of(new Outgoing(new Notice(failed.at(), NoticeKind.PUSH_FAILED, null, null, null, null, null, null,
                detail), null)));
    }

    private Notice calibrationNotice(NoticeKind kind, CalibrationTask task, String name, Instant now) {
        return new Notice(now, kind, task.sellerSku(), task.warehouseId(), name, null,
                task.id() == 0 ? null : task.id(), task.timeLeft(now).getSeconds(), null);
    }

    /** A notice for the desktop and, when not null, its message for the team's chat. */
    private record Outgoing(Notice notice, TeamMessage teamMessage) {
    }

    /** One occasion's notices: each to the desktop subscribers, all together to the batch subscribers. */
    private synchronized void emit(List<Outgoing> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (Outgoing out : batch) {
            for (Consumer<Notice> subscriber : subscribers) {
                try {
                    subscriber.accept(out.notice());
                } catch (RuntimeException e) {
                    LOG.warn("A notice subscriber failed", e);
                }
            }
            if (out.teamMessage() != null && push != null && push.isConfigured()) {
                push.publish(out.teamMessage());
            }
        }
        List<Notice> notices = batch.stream().map(Outgoing::notice).toList();
        for (Consumer<List<Notice>> subscriber : batchSubscribers) {
            try {
                subscriber.accept(notices);
            } catch (RuntimeException e) {
                LOG.warn("A notice subscriber failed", e);
            }
        }
    }

    private String nameOf(String warehouseId) {
        if (warehouseId == null) {
            return null;
        }
        try {
            return warehouseNames.apply(warehouseId);
        } catch (RuntimeException e) {
            // The id is still readable; a name lookup failure must not swallow the notice.
            LOG.debug("No warehouse name for {}: {}", warehouseId, e.toString());
            return null;
        }
    }

    /** Stored tasks by id; an unsaved one (id 0) by its pair and deadline, which identify it too. */
    private static String keyOf(CalibrationTask task) {
        return task.id() != 0 ? "#" + task.id() : task.pairKey() + "/" + task.deadline();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("Closing a subscription failed: {}", e.toString());
        }
    }
}
