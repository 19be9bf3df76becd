package com.stocklens.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view models' one way to write (or to run any one-off blocking step: a test, a comparison, a
 * check): the step runs on the background executor, then ONE hop to the UI executor brings its result
 * or, in words, its failure. The counterpart of {@link BackgroundRefresh}, which reads. Toolkit-free,
 * so view models using it stay testable with same-thread executors.
 */
public final class BackgroundAction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundAction.class);

    /** A blocking step with a result. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** A blocking step without a result. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private final String what;
    private final Executor background;
    private final Executor ui;
    private volatile boolean closed;

    /**
     * @param what what the steps do, for the log ("connection changes")
     */
    public BackgroundAction(String what, Executor background, Executor ui) {
        this.what = Objects.requireNonNull(what, "what");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /**
     * Runs {@code work} on the background executor, then on the UI executor either {@code onDone} with
     * its result or {@code onFailed} with why it failed (logged). Returns false, and calls neither, when
     * the background executor no longer takes work (the window is closing) or after {@link #close()}.
     */
    public <T> boolean run(Work<T> work, Consumer<? super T> onDone, Consumer<String> onFailed) {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(onDone, "onDone");
        Objects.requireNonNull(onFailed, "onFailed");
        if (closed) {
            return false;
        }
        try {
            background.execute(() -> runAndReport(work, onDone, onFailed));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("{} rejected: background executor is shut down", what);
            return false;
        }
    }

    /** {@link #run(Work, Consumer, Consumer)} for a step without a result. */
    public boolean run(Step step, Runnable onDone, Consumer<String> onFailed) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(onDone, "onDone");
        return run(() -> {
            step.run();
            return Boolean.TRUE;
        }, done -> onDone.run(), onFailed);
    }

    private <T> void runAndReport(Work<T> work, Consumer<? super T> onDone, Consumer<String> onFailed) {
        if (closed) {
            return;
        }
        T result;
        try {
            result = work.run();
        } catch (Exception e) {
            LOG.warn("{} failed", what, e);
            String reason = describe(e);
            onUi(onFailed).accept(reason);
            return;
        }
        onUi(onDone).accept(result);
    }

    /**
     * {@code apply} on the UI executor, for what a running step reports on the way (progress): each call
     * hops once; after {@link #close()} nothing is applied.
     */
    public <T> Consumer<T> onUi(Consumer<? super T> apply) {
        Objects.requireNonNull(apply, "apply");
        return value -> ui.execute(() -> {
            if (!closed) {
                apply.accept(value);
            }
        });
    }

    /** Steps still running finish, but their outcome is no longer applied; new steps are refused. */
    @Override
    public void close() {
        closed = true;
    }

    /** A failure in words: its message, or its kind when it has none. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
