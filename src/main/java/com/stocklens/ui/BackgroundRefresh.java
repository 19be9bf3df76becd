package com.stocklens.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * @param <T> what a read returns (a board)
 */
public final class BackgroundRefresh<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRefresh.class);

    private final String what;
    private final Supplier<T> read;
    private final Consumer<T> apply;
    private final Consumer<String> onError;
    private final Executor background;
    private final Executor ui;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;
    private volatile AutoCloseable subscription;

    /**
     * @param what    what is read, for the log ("the stock board")
     * @param read    the blocking read (runs on {@code background})
     * @param apply   applies a result (runs on {@code ui})
     * @param onError shows a failed read's message (runs on {@code ui})
     */
    public BackgroundRefresh(String what, Supplier<T> read, Consumer<T> apply, Consumer<String> onError,
                             Executor background, Executor ui) {
        this.what = Objects.requireNonNull(what, "what");
        this.read = Objects.requireNonNull(read, "read");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
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

    /** Asks for a fresh read. Safe from any thread. */
    public void request() {
        if (closed || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(this::readAndApply);
        } catch (RejectedExecutionException e) {
            // The root is shutting its executors down: nothing left to show.
            pending.set(false);
            LOG.debug("Reading {} rejected: background executor is shut down", what);
        }
    }

    private void readAndApply() {
        // Clear before reading: an event that arrives while we read must trigger one more read.
        pending.set(false);
        if (closed) {
            return;
        }
        T result;
        try {
            result = read.get();
        } catch (RuntimeException e) {
            LOG.warn("Reading {} failed", what, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ui.execute(() -> {
                if (!closed) {
                    onError.accept(message);
                }
            });
            return;
        }
        ui.execute(() -> {
            if (!closed) {
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
