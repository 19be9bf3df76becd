package com.stocklens.ui;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view models' one way to load: read on the background executor, then ONE hop to the UI executor
 * to apply the result (one coalesced change per read, never a hop per row). Bursts coalesce: while a
 * read is queued and not yet started, further requests fold into it, because that read will see their
 * data. Toolkit-free, so view models using it stay testable with same-thread executors.
 *
 * <p>A screen that can show a past moment reads through {@link #atMoments}: {@link #showMoment} chooses
 * the moment (null: now) and reads again, and an answer read for a moment no longer chosen is dropped
 * (the newer read's answer follows). Writes and one-off steps go through {@link BackgroundAction}.
 *
 * @param <T> what a read returns (a board)
 */
public final class BackgroundRefresh<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRefresh.class);

    private final String what;
    private final Function<Instant, T> read;
    private final Consumer<T> apply;
    private final Consumer<String> onError;
    private final Executor background;
    private final Executor ui;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Bumped by {@link #discardReadsUnderWay}: a read applies only if none happened since it started. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean closed;
    private volatile AutoCloseable subscription;
    /** The moment shown, null for now: chosen on the UI thread, read on the background thread. */
    private volatile Instant moment;

    /**
     * @param what    what is read, for the log ("the stock board")
     * @param read    the blocking read (runs on {@code background})
     * @param apply   applies a result (runs on {@code ui})
     * @param onError shows a failed read's message (runs on {@code ui})
     */
    public BackgroundRefresh(String what, Supplier<T> read, Consumer<T> apply, Consumer<String> onError,
                             Executor background, Executor ui) {
        this(what, ignoringMoment(read), apply, onError, background, ui);
    }

    private BackgroundRefresh(String what, Function<Instant, T> read, Consumer<T> apply, Consumer<String> onError,
                              Executor background, Executor ui) {
        this.what = Objects.requireNonNull(what, "what");
        this.read = Objects.requireNonNull(read, "read");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    private static <T> Function<Instant, T> ignoringMoment(Supplier<T> read) {
        Objects.requireNonNull(read, "read");
        return at -> read.get();
    }

    /**
     * A refresh for a screen that can show a past moment: {@code read} gets the moment chosen with
     * {@link #showMoment} (null: now).
     */
    public static <T> BackgroundRefresh<T> atMoments(String what, Function<Instant, T> read, Consumer<T> apply,
                                                     Consumer<String> onError, Executor background, Executor ui) {
        return new BackgroundRefresh<>(what, read, apply, onError, background, ui);
    }

    /**
     * Subscribes through {@code subscribe} (every event asks for a refresh) and loads once. A second
     * call, or a call after {@link #close()}, does nothing.
     */
    public synchronized void start(Function<Runnable, AutoCloseable> subscribe) {
        if (subscription != null || closed) {
            return;
        }
        subscription = subscribe.apply(this::request);
        request();
    }

    /**
     * Asks for a fresh read. Safe from any thread. Returns false when no read will come of it: after
     * {@link #close()}, or when the background executor no longer takes work (the window is closing).
     */
    public boolean request() {
        if (closed) {
            return false;
        }
        if (!pending.compareAndSet(false, true)) {
            return true; // folds into the read already queued
        }
        try {
            background.execute(this::readAndApply);
            return true;
        } catch (RejectedExecutionException e) {
            // The root is shutting its executors down: nothing left to show.
            pending.set(false);
            LOG.debug("Reading {} rejected: background executor is shut down", what);
            return false;
        }
    }

    /**
     * Shows {@code at} (null: now) and reads again; an answer read for another moment is dropped. Call
     * on the UI thread. Returns what {@link #request()} returns.
     */
    public boolean showMoment(Instant at) {
        moment = at;
        return request();
    }

    /** The moment shown, null for now. */
    public Instant moment() {
        return moment;
    }

    /**
     * Drops the answer of any read already under way: the screen has just shown a change of its own (an
     * edit written meanwhile) that such a read predates. Reads requested from now on apply as usual.
     */
    public void discardReadsUnderWay() {
        generation.incrementAndGet();
    }

    private void readAndApply() {
        // Clear before reading: an event that arrives while we read must trigger one more read.
        pending.set(false);
        if (closed) {
            return;
        }
        Instant at = moment;
        long started = generation.get();
        T result;
        try {
            result = read.apply(at);
        } catch (RuntimeException e) {
            LOG.warn("Reading {} failed", what, e);
            String message = BackgroundAction.describe(e);
            ui.execute(() -> {
                if (!closed) {
                    onError.accept(message);
                }
            });
            return;
        }
        ui.execute(() -> {
            // A read for a moment no longer chosen, or older than what the screen shows: a newer read follows.
            if (!closed && Objects.equals(at, moment) && started == generation.get()) {
                apply.accept(result);
            }
        });
    }

    /** Unsubscribes; reads already in flight are dropped. */
    @Override
    public void close() {
        closed = true;
        AutoCloseable s;
        synchronized (this) {
            s = subscription;
            subscription = null;
        }
        closeQuietly(s, what);
    }

    /** Closes a subscription, logging (not throwing) a failure: closing must never break a teardown. */
    public static void closeQuietly(AutoCloseable closeable, String what) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing the subscription for {} failed", what, e);
        }
    }
}
