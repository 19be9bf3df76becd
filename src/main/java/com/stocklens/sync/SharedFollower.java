package com.stocklens.sync;

import com.stocklens.domain.Alert;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.service.FlagsChanged;
import com.stocklens.store.ChangeFeed;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.support.NamedThreads;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode: keeps this desk in step with the others through the shared database's change feed.
 *
 * <ul>
 *   <li>Every run this desk finishes and every flag change it makes (an evaluation, a declaration, an
 *       acknowledgement) is appended to the feed, which NOTIFYs the other desks.</li>
 *   <li>A follower thread ({@code stocklens-follow}) LISTENs; woken by a notification, or every
 *       {@code pollEvery} when notifications are lost (a broken LISTEN connection is reopened), it reads
 *       the rows after the last one it saw and publishes other desks' runs through the sync engine and
 *       their flag changes through the flag engine, so screens refresh exactly as for local ones.</li>
 * </ul>
 */
public final class SharedFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedFollower.class);
    /** Rows re-read behind the last id: sequence ids can commit out of order. */
    private static final int LOOK_BACK = 64;
    private static final int SEEN_KEPT = 2_000;
    private static final Duration KEEP = Duration.ofDays(1);

    private final ChangeFeed feed;
    private final SnapshotRepository runs;
    private final FlagRepository flags;
    private final SyncEngine syncEngine;
    private final FollowedFlags flagEngine;
    private final String desk;
    private final Clock clock;
    private final Duration pollEvery;
    private final LinkedHashSet<Long> seen = new LinkedHashSet<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private long lastId;
    private long lastPruneNanos = System.nanoTime();
    private volatile boolean closed;
    private Thread thread;
    private ChangeFeed.Listener listener;

    public SharedFollower(ChangeFeed feed, SnapshotRepository runs, FlagRepository flags, SyncEngine syncEngine,
                          FollowedFlags flagEngine, String desk, Clock clock, Duration pollEvery) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.syncEngine = Objects.requireNonNull(syncEngine, "syncEngine");
        this.flagEngine = Objects.requireNonNull(flagEngine, "flagEngine");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pollEvery = Objects.requireNonNull(pollEvery, "pollEvery");
    }

    /** Starts recording this desk's changes and following the others' from now on. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        lastId = feed.lastId();
        subscriptions.add(syncEngine.subscribe(event -> {
            if (!event.followed()) {
                record(ChangeFeed.Kind.SNAPSHOT, Long.toString(event.run().id()));
            }
        }));
        subscriptions.add(flagEngine.subscribe(changed -> {
            if (!changed.followed()) {
                record(ChangeFeed.Kind.FLAGS, encode(changed));
            }
        }));
        thread = NamedThreads.daemonThread(this::loop, "stocklens-follow");
        thread.start();
    }

    private void record(ChangeFeed.Kind kind, String detail) {
        try {
            feed.record(kind, desk, clock.instant(), detail);
        } catch (RuntimeException e) {
            LOG.warn("The other desks were not told of a {} change: {}", kind, e.toString());
        }
    }

    private void loop() {
        while (!closed) {
            try {
                waitForChange();
                if (!closed) {
                    catchUp();
                }
            } catch (RuntimeException e) {
                LOG.warn("Following the shared database failed: {}", e.toString());
                sleep(pollEvery);
            }
        }
        closeListener();
    }

    private void waitForChange() {
        if (listener == null) {
            try {
                listener = feed.listen();
            } catch (SQLException e) {
                LOG.debug("LISTEN not available ({}); polling every {} ms", e.getMessage(), pollEvery.toMillis());
            }
        }
        if (listener == null) {
            sleep(pollEvery);
            return;
        }
        try {
            listener.await(pollEvery);
        } catch (SQLException e) {
            LOG.info("The notification connection broke ({}); reopening it", e.getMessage());
            closeListener();
        }
    }

    /** Reads and publishes what other desks changed since the last row seen. Called by the follower thread. */
    synchronized int catchUp() {
        int published = 0;
        List<ChangeFeed.Change> changes = feed.since(Math.max(0, lastId - LOOK_BACK), 1_000);
        for (ChangeFeed.Change c : changes) {
            if (!seen.add(c.id())) {
                continue;
            }
            if (seen.size() > SEEN_KEPT) {
                seen.remove(seen.iterator().next());
            }
            lastId = Math.max(lastId, c.id());
            if (desk.equals(c.desk())) {
                continue;
            }
            try {
                switch (c.kind()) {
                    case SNAPSHOT -> runs.run(Long.parseLong(c.detail())).ifPresent(syncEngine::publishFollowed);
                    case FLAGS -> flagEngine.publishFollowed(decode(c.at(), c.detail()));
                }
                published++;
            } catch (RuntimeException e) {
                LOG.warn("Change {} of {} could not be followed: {}", c.id(), c.desk(), e.toString());
            }
        }
        if (System.nanoTime() - lastPruneNanos > Duration.ofHours(1).toNanos()) {
            lastPruneNanos = System.nanoTime();
            feed.prune(clock.instant().minus(KEEP));
        }
        return published;
    }

    /** Lines {@code o:<task id>}, {@code x:<task id>} (resolved) and {@code r:<alert key>}. */
    static String encode(FlagsChanged changed) {
        StringBuilder b = new StringBuilder();
        changed.opened().forEach(t -> b.append("o:").append(t.id()).append('\n'));
        changed.resolved().forEach(t -> b.append("x:").append(t.id()).append('\n'));
        changed.raised().forEach(a -> b.append("r:").append(a.key().replace('\n', ' ')).append('\n'));
        return b.toString();
    }

    private FlagsChanged decode(Instant at, String detail) {
        List<CalibrationTask> opened = new ArrayList<>();
        List<CalibrationTask> resolved = new ArrayList<>();
        Set<String> raisedKeys = new HashSet<>();
        if (detail != null) {
            for (String line : detail.split("\n")) {
                if (line.length() < 3 || detail.endsWith(line) && !detail.endsWith("\n")) {
                    continue; // empty, or cut off by the feed's length limit
                }
                String v = line.substring(2);
                try {
                    switch (line.charAt(0)) {
                        case 'o' -> flags.task(Long.parseLong(v)).ifPresent(opened::add);
                        case 'x' -> flags.task(Long.parseLong(v)).ifPresent(resolved::add);
                        case 'r' -> raisedKeys.add(v);
                        default -> { }
                    }
                } catch (NumberFormatException e) {
                    LOG.debug("bad feed line {}", line);
                }
            }
        }
        List<Alert> raised = raisedKeys.isEmpty() ? List.of()
                : flags.alerts().stream().filter(a -> raisedKeys.contains(a.key())).toList();
        return new FlagsChanged(at, opened, resolved, raised, true);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeListener() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    /** Stops following (within one poll period) and stops recording this desk's changes. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            for (AutoCloseable s : subscriptions) {
                try {
                    s.close();
                } catch (Exception e) {
                    LOG.debug("unsubscribe", e);
                }
            }
            subscriptions.clear();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(pollEvery.toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
