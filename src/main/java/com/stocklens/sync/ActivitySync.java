package com.stocklens.sync;

import com.stocklens.connector.ActivityPage;
import com.stocklens.connector.ShopActivitySource;
import com.stocklens.connector.SourceException;
import com.stocklens.store.ActivityRepository;
import com.stocklens.support.NamedThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls shop activity (orders and returns) incrementally by update time, on its own daemon thread
 * {@code stocklens-activity}.
 *
 * <p>Each run reads the window [cursor − {@link #OVERLAP}, now) (the first run: the last
 * {@link #FIRST_WINDOW}) and commits it together with the new cursor in one transaction; a failed
 * run records its error and leaves the cursor where it was, so the next run re-reads the same
 * window. The overlap survives clock skew between us and TikTok and updates that land while the
 * pages are being read; upserts by line id make the re-read harmless.
 */
public final class ActivitySync implements AutoCloseable {
    /** How far back the first run reads: enough for a daily demand series (docs/DOMAIN.md "Definitions"). */
    public static final Duration FIRST_WINDOW = Duration.ofDays(28);
    /** How much of the previous window each run reads again. */
    public static final Duration OVERLAP = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ActivitySync.class);

    private final ShopActivitySource source;
    private final ActivityRepository repo;
    private final Clock clock;
    private final Duration cadence;
    /** Guards the executor only, so close() does not wait for the monitor a long run holds. */
    private final Object lifecycle = new Object();
    private ScheduledExecutorService executor;

    /**
     * The result of one run.
     *
     * @param since    window start (inclusive)
     * @param until    window end (exclusive); the cursor after a success
     * @param sales    sale lines read
     * @param returns  return items read
     * @param inserted rows new to the store
     * @param requests HTTP attempts
     * @param error    null on success
     */
    public record Run(Instant since, Instant until, int sales, int returns, int inserted, int requests, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * @param cadence pause between the end of one run and the start of the next
     */
    public ActivitySync(ShopActivitySource source, ActivityRepository repo, Clock clock, Duration cadence) {
        this.source = Objects.requireNonNull(source, "source");
        this.repo = Objects.requireNonNull(repo, "repo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cadence = Objects.requireNonNull(cadence, "cadence");
        if (cadence.isNegative() || cadence.isZero()) {
            throw new IllegalArgumentException("cadence must be positive: " + cadence);
        }
    }

    public String sourceId() {
        return source.id();
    }

    /** Team mode: scheduled runs happen only while {@code polls} is true (this desk holds the shop's lease). */
    private volatile BooleanSupplier polls = () -> true;

    /** Team mode: poll on the schedule only while this desk holds the shop's lease. Returns this. */
    public ActivitySync polledWhen(BooleanSupplier newPolls) {
        this.polls = Objects.requireNonNull(newPolls, "polls");
        return this;
    }

    /** Starts polling now and then every cadence; idempotent. */
    public void start() {
        synchronized (lifecycle) {
            if (executor != null) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("stocklens-activity"));
            executor.scheduleWithFixedDelay(this::runSafely, 0, cadence.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runSafely() {
        if (!polls.getAsBoolean()) {
            return;
        }
        try {
            syncOnce();
        } catch (RuntimeException e) {
            // A store failure must not kill the schedule: the next run retries the same window.
            LOG.error("activity sync of {} failed", source.id(), e);
        }
    }

    /**
     * Reads one window and stores it, or records the failure; never stores part of a window.
     * Serialised: a CLI call and the schedule never read overlapping windows at once.
     */
    public synchronized Run syncOnce() {
        // TikTok's times are whole seconds; a whole-second bound keeps our window and theirs identical.
        Instant until = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant since = repo.cursor(source.id()).map(c -> c.minus(OVERLAP)).orElse(until.minus(FIRST_WINDOW));
        if (!since.isBefore(until)) {
            since = until.minus(OVERLAP);
        }
        ActivityPage page;
        try {
            page = source.fetchActivity(since, until);
        } catch (SourceException e) {
            LOG.warn("activity sync of {} for [{}, {}) failed: {}", source.id(), since, until, e.getMessage());
            repo.recordFailure(source.id(), clock.instant(), e.getMessage());
            return new Run(since, until, 0, 0, 0, 0, e.getMessage());
        }
        ActivityRepository.Upserted upserted = repo.commit(source.id(), page.sales(), page.returns(), until,
                clock.instant());
        LOG.info("activity sync of {} for [{}, {}): {} sale lines, {} return items, {} new, {} requests",
                source.id(), since, until, page.sales().size(), page.returns().size(), upserted.inserted(),
                page.requests());
        return new Run(since, until, page.sales().size(), page.returns().size(), upserted.inserted(),
                page.requests(), null);
    }

    /** Stops the schedule and waits briefly for a run in flight, so it does not write into a closed store. */
    @Override
    public void close() {
        ScheduledExecutorService e;
        synchronized (lifecycle) {
            e = executor;
            executor = null;
        }
        if (e == null) {
            return;
        }
        e.shutdownNow();
        try {
            if (!e.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("activity sync did not stop within 10 s");
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
