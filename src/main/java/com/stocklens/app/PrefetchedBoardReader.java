package com.stocklens.app;

import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.support.NamedThreads;
import com.stocklens.support.StartupTrace;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's board reader at start-up (issue 20): the cached board is read by {@link #prefetch()} on a
 * thread of its own while the runtime's services are wired and the window is built
 * ({@link AppRuntime#windowBoard()}), and the first {@link #read()} answers with it; every
 * later read (and a first one whose prefetch failed) goes to the store. Nothing is written between the
 * prefetch and that first read: polling starts only once the board is on screen. The reader lets go of the
 * prefetched board once it has handed it over: it lives as long as the window, and a 100,000-row board kept
 * after the next read would be a second board in memory for the whole session.
 */
public final class PrefetchedBoardReader implements StockBoardReader {
    private final StockBoardReader live;
    /** The prefetch, until the first read takes it (then null). */
    private final AtomicReference<CompletableFuture<StockBoard>> first =
            new AtomicReference<>(new CompletableFuture<>());

    public PrefetchedBoardReader(StockBoardReader live) {
        this.live = Objects.requireNonNull(live, "live");
    }

    /** A reader over {@code live} whose {@link #prefetch()} runs now, on a daemon thread of its own. */
    static PrefetchedBoardReader prefetching(StockBoardReader live) {
        PrefetchedBoardReader reader = new PrefetchedBoardReader(live);
        NamedThreads.daemon("stocklens-board-prefetch").newThread(() -> {
            reader.prefetch();
            StartupTrace.mark("cached board read");
        }).start();
        return reader;
    }

    /** Reads the board now, for the first {@link #read()}; blocking. A failure is left to that read to repeat. */
    public void prefetch() {
        CompletableFuture<StockBoard> pending = first.get();
        if (pending == null || pending.isDone()) {
            return;
        }
        try {
            pending.complete(live.read());
        } catch (RuntimeException e) {
            pending.completeExceptionally(e);
        }
    }

    /** Gives up the prefetch (the opening failed): the first read goes to the store. */
    public void cancel() {
        CompletableFuture<StockBoard> pending = first.get();
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** The first call waits for the prefetch and answers with it; later calls read the store. */
    @Override
    public StockBoard read() {
        CompletableFuture<StockBoard> pending = first.getAndSet(null);
        if (pending != null) {
            try {
                return pending.join();
            } catch (CompletionException | CancellationException e) {
                // read again below, so the screen shows the store's own error if it persists
            }
        }
        return live.read();
    }

    @Override
    public History history() {
        return live.history();
    }
}
