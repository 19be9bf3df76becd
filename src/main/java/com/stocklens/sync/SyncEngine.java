package com.stocklens.sync;

import com.stocklens.connector.SourceException;
import com.stocklens.connector.StockSource;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.service.PollerLeases;
import com.stocklens.service.SyncEvent;
import com.stocklens.service.SyncEvents;
import com.stocklens.service.SyncProgress;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreWriteException;
import com.stocklens.support.NamedThreads;
import com.stocklens.support.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every source on its own cadence and stores each complete reading as one snapshot.
 *
 * <ul>
 *   <li>Each source runs on the engine's named daemon threads ({@code stocklens-sync-<n>}) at a
 *       fixed rate from one common start: run k of every source is planned at start + k × cadence.
 *       Fixed-delay scheduling would let each source drift by its own fetch time, so TikTok's and
 *       the warehouse's snapshots would end up seconds apart and the world's movement in between
 *       would show as spurious calibration gaps. A source's runs still never overlap: the next run
 *       is scheduled only when the previous one ends, on the next free slot of the grid, and
 *       {@link #syncOnce} takes the same per-source lock.</li>
 *   <li>A failed run is recorded with a one-line reason and retried on the next cadence; repeated
 *       failures back off (doubling, capped) so a dead source does not hammer its API.</li>
 *   <li>Every finished run produces exactly one {@link SyncEvent}, delivered to subscribers on
 *       one dedicated thread ({@code stocklens-events}) so a slow listener never stalls a sync.</li>
 *   <li>Team mode ({@link #withLeases}): a source is polled only while this desk holds its lease; a
 *       reading is not stored if the lease was lost during the fetch; a lease won starts a sync at once.
 *       Runs of other desks, read from the shared database, are published with {@link #publishFollowed}
 *       so screens refresh as for a run of their own.</li>
 * </ul>
 * Times written to the store come from the injected {@link Clock}; durations are measured with
 * {@link System#nanoTime()}, which wall-clock adjustments cannot bend.
 */
public final class SyncEngine implements SyncEvents, SyncProgress, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    /** Upper bound for the failure backoff, unless the cadence itself is longer. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_SYNC_THREADS = 8;
    /** A Java class name, an exception's name, SQL or stack text: what a person must not be shown. */
    private static final Pattern CODE_LIKE = Pattern.compile(
            "\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[A-Za-z]|Exception|\\bat [a-z]+\\.|\\[[0-9]{5}-[0-9]+]|"
                    + "\\bSQL\\b|`|\\$");

    /**
     * A step between fetch and commit that may rewrite a reading (SKU identities re-key warehouse rows).
     * Runs on the sync thread; a throw fails the run like a failed commit.
     */
    @FunctionalInterface
    public interface ReadingStep {
        Reading apply(SourceInfo source, Reading reading);
    }

    private final List<StockSource> sources;
    private final SnapshotRepository repo;
    private final ReadingStep beforeCommit;
    private final Clock clock;
    private final Duration defaultCadence;
    private final Map<String, Duration> cadencePerSource;
    private final Map<String, ReentrantLock> locks = new HashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Consumer<SyncEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService events;
    private volatile boolean started;
    private volatile boolean closed;
    /** Who polls what; null = this desk polls every source (a lone workspace). */
    private volatile PollerLeases leases;
    private AutoCloseable leaseSubscription;
    /** {@link System#nanoTime()} of the latest run start per source, so a won lease and the grid do not double up. */
    private final Map<String, Long> lastStart = new ConcurrentHashMap<>();
    /** The runs under way: the source and its request count when the run began. */
    private final Map<String, Under> underWay = new ConcurrentHashMap<>();

    private record Under(StockSource source, Instant startedAt, int requestsBefore) {
    }

    public SyncEngine(List<StockSource> sources, SnapshotRepository repo, Clock clock, Duration defaultCadence,
                      Map<String, Duration> cadencePerSource) {
        this(sources, repo, clock, defaultCadence, cadencePerSource, (source, reading) -> reading);
    }

    /** @param beforeCommit applied to every fetched reading before it is stored (see {@link ReadingStep}) */
    public SyncEngine(List<StockSource> sources, SnapshotRepository repo, Clock clock, Duration defaultCadence,
                      Map<String, Duration> cadencePerSource, ReadingStep beforeCommit) {
        this.beforeCommit = Objects.requireNonNull(beforeCommit, "beforeCommit");
        this.sources = List.copyOf(sources);
        this.repo = Objects.requireNonNull(repo, "repo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultCadence = requirePositive(defaultCadence, "defaultCadence");
        this.cadencePerSource = Map.copyOf(cadencePerSource);
        this.cadencePerSource.forEach((id, d) -> requirePositive(d, "cadence of " + id));
        for (StockSource s : this.sources) {
            if (locks.put(s.info().id(), new ReentrantLock()) != null) {
                throw new IllegalArgumentException("Two sources share the id " + s.info().id());
            }
        }
        this.scheduler = new ScheduledThreadPoolExecutor(
                Math.max(1, Math.min(MAX_SYNC_THREADS, this.sources.size())), NamedThreads.numbered("stocklens-sync-"));
        // Delayed runs must not keep close() waiting for their cadence.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
        this.events = Executors.newSingleThreadExecutor(NamedThreads.daemon("stocklens-events"));
    }

    /**
     * Team mode: polls only the sources whose lease this desk holds. Call before {@link #start()}.
     * A lone workspace never calls it (or passes {@link PollerLeases#local}): every source is polled.
     */
    public synchronized SyncEngine withLeases(PollerLeases newLeases) {
        if (started) {
            throw new IllegalStateException("leases are set before start()");
        }
        this.leases = Objects.requireNonNull(newLeases, "leases");
        this.leaseSubscription = newLeases.subscribe(this::onLeaseChanged);
        return this;
    }

    /** Whether this desk polls {@code sourceId} now (always, on a lone workspace). */
    public boolean polls(String sourceId) {
        PollerLeases l = leases;
        return l == null || l.holds(sourceId);
    }

    private boolean shared() {
        PollerLeases l = leases;
        return l != null && l.shared();
    }

    private void onLeaseChanged(String sourceId) {
        StockSource source = sources.stream().filter(s -> s.info().id().equals(sourceId)).findFirst().orElse(null);
        if (source == null || !started || closed || !polls(sourceId)) {
            return;
        }
        // Won: the previous poller's unfinished run is closed, and this desk reads the source at once.
        try {
            repo.abandonRunning(sourceId, now());
            scheduler.execute(() -> {
                if (!closed && polls(sourceId)) {
                    syncOnce(source);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("{}: could not start polling after taking its lease: {}", sourceId, e.toString());
        }
    }

    /**
     * Starts the schedules: every source syncs at once, then on its cadence. Runs left RUNNING
     * by a process that died mid-sync are closed as failed first (team mode: only of the sources
     * this desk holds; other desks' runs may be in progress).
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("SyncEngine is closed");
        }
        if (started) {
            return;
        }
        started = true;
        int abandoned = 0;
        if (shared()) {
            for (StockSource s : sources) {
                if (polls(s.info().id())) {
                    abandoned += repo.abandonRunning(s.info().id(), now());
                }
            }
        } else {
            abandoned = repo.abandonRunning(now());
        }
        if (abandoned > 0) {
            LOG.info("Closed {} sync run(s) interrupted by an earlier shutdown", abandoned);
        }
        long origin = System.nanoTime();
        for (StockSource s : sources) {
            schedule(s, origin);
        }
    }

    /** The cadence of one source: its own setting, else the default. */
    public Duration cadenceOf(String sourceId) {
        return cadencePerSource.getOrDefault(sourceId, defaultCadence);
    }

    /**
     * Syncs one source now, on the calling thread: begin a run, fetch, commit (or record the
     * failure). Never throws for a source that cannot be read; throws only when the store itself
     * cannot record the run. Waits if the same source is already syncing.
     *
     * @throws IllegalArgumentException when the source is not one the engine was built with
     */
    public SyncRun syncOnce(StockSource source) {
        SourceInfo info = source.info();
        ReentrantLock lock = locks.get(info.id());
        if (lock == null) {
            throw new IllegalArgumentException("Unknown source " + info.id());
        }
        lock.lock();
        underWay.put(info.id(), new Under(source, now(), source.requestCount()));
        try {
            SyncRun run;
            try {
                run = runLocked(source, info);
            } finally {
                underWay.remove(info.id());
            }
            if (run.status() == SyncStatus.FAILED) {
                failures.merge(info.id(), 1, Integer::sum);
            } else {
                failures.remove(info.id());
            }
            publish(run);
            return run;
        } finally {
            lock.unlock();
        }
    }

    private SyncRun runLocked(StockSource source, SourceInfo info) {
        Instant startedAt = now();
        long t0 = System.nanoTime();
        lastStart.put(info.id(), t0);
        long runId = repo.beginRun(info.id(), startedAt);
        int requestsBefore = source.requestCount();
        Reading reading;
        try {
            reading = source.fetch();
            Objects.requireNonNull(reading, "fetch() returned null");
        } catch (SourceException e) {
            // An expected outcome (outage, expired token): the message says it all; the trace only at debug.
            LOG.debug("{}: fetch failed", info.id(), e);
            return failed(info, runId, startedAt, t0, source.requestCount() - requestsBefore, reason(e), null);
        } catch (RuntimeException e) {
            // A connector bug must not kill the schedule: record it like any other failure.
            return failed(info, runId, startedAt, t0, source.requestCount() - requestsBefore, plain(e), e);
        }
        if (!polls(info.id())) {
            // The lease went to another desk during the fetch: it polls now, and one reading per cycle is stored.
            return failed(info, runId, startedAt, t0, reading.requests(),
                    "Not stored: another desk took over polling this source during the read", null);
        }
        try {
            Reading stored = beforeCommit.apply(info, reading);
            Instant finishedAt = now();
            long millis = elapsedMillis(t0);
            Snapshot snapshot = repo.commit(info, runId, stored, finishedAt, millis);
            LOG.info("{}: snapshot {} with {} rows in {} ms ({} requests)", info.id(), snapshot.id(),
                    snapshot.rowCount(), millis, reading.requests());
            return new SyncRun(runId, info.id(), startedAt, finishedAt, SyncStatus.COMPLETE, snapshot.rowCount(),
                    reading.requests(), millis, null, snapshot.id());
        } catch (RuntimeException e) {
            return failed(info, runId, startedAt, t0, reading.requests(), "Could not store the reading: "
                    + (e instanceof StoreWriteException ? reason(e) : plain(e)), e);
        }
    }

    private SyncRun failed(SourceInfo info, long runId, Instant startedAt, long t0, int requests, String error,
                           Throwable detail) {
        Instant finishedAt = now();
        long millis = elapsedMillis(t0);
        String line = oneLine(error);
        if (detail != null) {
            LOG.warn("{}: sync failed: {}", info.id(), line, detail);
        } else {
            LOG.warn("{}: sync failed: {}", info.id(), line);
        }
        try {
            repo.fail(runId, finishedAt, millis, requests, line);
        } catch (RuntimeException e) {
            // The run row stays RUNNING; the next start() closes it. The event still goes out.
            LOG.error("{}: could not record the failed run {}", info.id(), runId, e);
        }
        return new SyncRun(runId, info.id(), startedAt, finishedAt, SyncStatus.FAILED, 0, requests, millis, line, null);
    }

    /**
     * Syncs every source once, in parallel on the engine's threads, and returns the runs in the
     * order of the sources. Team mode: only the sources whose lease this desk holds.
     */
    public List<SyncRun> syncAllOnce() {
        List<Future<SyncRun>> futures = new ArrayList<>();
        for (StockSource s : sources) {
            if (!polls(s.info().id())) {
                LOG.info("{}: polled by another desk; not read here", s.info().id());
                continue;
            }
            futures.add(scheduler.submit(() -> syncOnce(s)));
        }
        List<SyncRun> runs = new ArrayList<>();
        for (Future<SyncRun> f : futures) {
            try {
                runs.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while syncing", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Sync could not be recorded: " + e.getCause(), e.getCause());
            }
        }
        return runs;
    }

    /** The runs under way now, with the requests each has made so far (the window's chips). */
    @Override
    public Map<String, Running> running() {
        if (underWay.isEmpty()) {
            return Map.of();
        }
        Map<String, Running> out = new HashMap<>();
        underWay.forEach((id, u) -> {
            int now = u.source().requestCount();
            out.put(id, new Running(id, u.startedAt(), now < 0 || u.requestsBefore() < 0 ? -1
                    : now - u.requestsBefore()));
        });
        return Map.copyOf(out);
    }

    /**
     * Team mode: a run another desk finished, read from the shared database, goes to the subscribers
     * like a run of this desk (with {@link SyncEvent#followed()} set).
     */
    public void publishFollowed(SyncRun run) {
        publish(new SyncEvent(run, true));
    }

    @Override
    public AutoCloseable subscribe(Consumer<SyncEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Stops the schedules and the event thread, waiting for a running sync and queued events to
     * finish (up to a timeout). Does not interrupt a sync that is writing: an interrupt in the
     * middle of H2's file I/O can close the database.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (leaseSubscription != null) {
            try {
                leaseSubscription.close();
            } catch (Exception e) {
                LOG.debug("lease unsubscribe", e);
            }
        }
        scheduler.shutdown();
        awaitOrForce(scheduler, "sync");
        events.shutdown();
        awaitOrForce(events, "event");
    }

    private static void awaitOrForce(ExecutorService executor, String what) {
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The {} threads did not stop within {} s; interrupting them", what, CLOSE_TIMEOUT.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // --- scheduling ------------------------------------------------------------------------

    /** Schedules a run planned for {@code plannedNanos} on the {@link System#nanoTime()} scale. */
    private void schedule(StockSource source, long plannedNanos) {
        if (closed) {
            return;
        }
        try {
            long delay = Math.max(0, plannedNanos - System.nanoTime());
            scheduler.schedule(() -> scheduledRun(source, plannedNanos), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // close() won the race: nothing more to schedule.
            LOG.debug("{}: not rescheduled, engine closing", source.info().id());
        }
    }

    private void scheduledRun(StockSource source, long plannedNanos) {
        String id = source.info().id();
        try {
            Long last = lastStart.get(id);
            boolean justRan = last != null && System.nanoTime() - last < cadenceOf(id).toNanos() / 2;
            if (!closed && polls(id) && !justRan) {
                syncOnce(source);
            }
        } catch (RuntimeException e) {
            failures.merge(id, 1, Integer::sum);
            LOG.error("{}: sync could not be recorded", id, e);
        } finally {
            schedule(source, nextStart(plannedNanos, System.nanoTime(),
                    nextDelay(cadenceOf(id), failures.getOrDefault(id, 0))));
        }
    }

    /**
     * The next planned start: one period after the previous plan; a run that overran its slot skips
     * the slots it missed instead of firing late, so the schedule stays on its grid and never
     * overlaps itself.
     */
    static long nextStart(long plannedNanos, long nowNanos, Duration period) {
        long p = period.toNanos();
        long next = plannedNanos + p;
        if (next - nowNanos <= 0) {
            long missed = (nowNanos - plannedNanos) / p;
            next = plannedNanos + (missed + 1) * p;
        }
        return next;
    }

    /** The cadence after a success or a first failure; doubling per further failure, capped. */
    static Duration nextDelay(Duration cadence, int consecutiveFailures) {
        if (consecutiveFailures <= 1) {
            return cadence;
        }
        Duration cap = cadence.compareTo(MAX_BACKOFF) > 0 ? cadence : MAX_BACKOFF;
        Duration d = cadence;
        for (int i = 1; i < consecutiveFailures && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(cap) > 0 ? cap : d;
    }

    // --- events ----------------------------------------------------------------------------

    private void publish(SyncRun run) {
        publish(new SyncEvent(run));
    }

    private void publish(SyncEvent event) {
        SyncRun run = event.run();
        try {
            events.execute(() -> {
                for (Consumer<SyncEvent> l : listeners) {
                    try {
                        l.accept(event);
                    } catch (RuntimeException e) {
                        LOG.error("A sync listener failed on run {} of {}", run.id(), run.sourceId(), e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Engine closed; event for run {} not delivered", run.id());
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Microseconds, as the store keeps them, so a run in an event equals the run read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static long elapsedMillis(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /**
     * A bug's message when a person can read it, else a plain sentence (the trace goes to the log): no class
     * names, no stack text in the sync log, {@code status} or the window.
     */
    static String plain(RuntimeException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || CODE_LIKE.matcher(m).find()) {
            return "an unexpected error stopped the read (the log has the details)";
        }
        return m;
    }

    private static String oneLine(String s) {
        String line = Redactor.redact(s).replaceAll("\\s+", " ").trim();
        return line.length() <= 500 ? line : line.substring(0, 499) + "…";
    }

    private static Duration requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }
}
