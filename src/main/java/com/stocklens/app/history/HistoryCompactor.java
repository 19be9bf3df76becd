package com.stocklens.app.history;

import com.stocklens.domain.RetentionPolicy;
import com.stocklens.domain.Snapshot;
import com.stocklens.rules.RetentionPlanner;
import com.stocklens.service.SyncEvents;
import com.stocklens.store.SnapshotCompaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps snapshot history within the retention policy: after a sync, at most once per {@link #INTERVAL},
 * it removes what {@link RetentionPlanner} lets go, one transaction per source, on {@code executor}.
 */
public final class HistoryCompactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryCompactor.class);
    /** Compaction runs at most this often. */
    public static final Duration INTERVAL = Duration.ofHours(1);

    private final SnapshotCompaction store;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant lastRun;
    private AutoCloseable subscription;

    public HistoryCompactor(SnapshotCompaction store, RetentionPolicy policy, Clock clock, Executor executor) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Runs after every finished sync (at most hourly). */
    public synchronized void start(SyncEvents events) {
        if (subscription == null) {
            subscription = events.subscribe(e -> afterSync());
        }
    }

    /** Called after a sync: compacts when the last compaction is at least an hour old. */
    public void afterSync() {
        Instant now = clock.instant();
        Instant last = lastRun;
        if (last != null && Duration.between(last, now).compareTo(INTERVAL) < 0) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            return;
        }
        lastRun = now;
        try {
            executor.execute(() -> {
                try {
                    compactNow();
                } catch (RuntimeException e) {
                    LOG.warn("history compaction failed; it is tried again after a later sync: {}", e.toString());
                } finally {
                    running.set(false);
                }
            });
        } catch (RuntimeException e) {
            running.set(false);
            LOG.debug("history compaction not scheduled: {}", e.toString());
        }
    }

    /** Compacts now, whatever the last run; returns how many snapshots were removed. Blocking. */
    public int compactNow() {
        Instant now = clock.instant();
        List<Snapshot> all = store.snapshots();
        Set<Long> pinned = store.pinned();
        Map<String, List<Snapshot>> bySource = new LinkedHashMap<>();
        all.forEach(s -> bySource.computeIfAbsent(s.sourceId(), k -> new ArrayList<>()).add(s));
        int removed = 0;
        for (Map.Entry<String, List<Snapshot>> e : bySource.entrySet()) {
            List<Long> ids = RetentionPlanner.toDelete(e.getValue(), now, policy, pinned);
            if (!ids.isEmpty()) {
                store.delete(e.getKey(), ids);
                removed += ids.size();
                LOG.info("history of {}: {} old snapshots compacted away", e.getKey(), ids.size());
            }
        }
        return removed;
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe failed: {}", e.toString());
            }
            subscription = null;
        }
    }
}
