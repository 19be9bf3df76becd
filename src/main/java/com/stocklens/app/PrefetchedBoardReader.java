package com.stocklens.app;

import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.support.NamedThreads;
import com.stocklens.support.StartupTrace;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window's board reader at start-up (issue 20): the cached board is read by {@link #prefetch()} on a
 * thread of its own while the runtime's services are wired and the window is built
 * ({@link AppRuntime#windowBoard()}), and the first {@link #read()} answers with it; every
 * later read (and a first one whose prefetch failed) goes to the store. When the workspace kept the board
 * the window last read ({@link KeptBoardReader}), the prefetch is that board, read from its file while the
 * database was still opening, and the store is not read for it: {@link #firstWasKept()} tells the window
 * to read the store again once it shows. Nothing is written between the
 * prefetch and that first read: polling starts only once the board is on screen. The reader lets go of the
 * prefetched board once it has handed it over: it lives as long as the window, and a 100,000-row board kept
 * after the next read would be a second board in memory for the whole session.
 */
public final class PrefetchedBoardReader implements StockBoardReader {
    private final StockBoardReader live;
    /** The prefetch, until the first read has taken its board (then null). */
    private volatile CompletableFuture<StockBoard> first = new CompletableFuture<>();
    /** Whether the first read came: it alone waits for the prefetch, even one not yet begun. */
    private final AtomicBoolean firstRead = new AtomicBoolean();

    /** Whether the first board handed over was the kept one (not read from the store). */
    private volatile boolean firstWasKept;

    public PrefetchedBoardReader(StockBoardReader live) {
        this.live = Objects.requireNonNull(live, "live");
    }

    /** A reader over {@code live} whose {@link #prefetch()} runs now, on a daemon thread of its own. */
    static PrefetchedBoardReader prefetching(StockBoardReader live) {
        return prefetching(live, CompletableFuture.completedFuture(Optional.empty()));
    }

    /**
     * A reader over {@code live} whose first board is {@code kept} when that holds one, else a {@link #prefetch()}
     * of the store; either runs now, on a daemon thread of its own.
     */
    static PrefetchedBoardReader prefetching(StockBoardReader live, CompletableFuture<Optional<StockBoard>> kept) {
        PrefetchedBoardReader reader = new PrefetchedBoardReader(live);
        NamedThreads.daemon("stocklens-board-prefetch").newThread(() -> {
            Optional<StockBoard> board = kept.join();
            if (board.isPresent()) {
                reader.handOver(board.get());
                StartupTrace.mark("kept board read (" + board.get().rows().size() + " rows)");
            } else {
                reader.prefetch();
                StartupTrace.mark("cached board read");
            }
        }).start();
        return reader;
    }

    /** The first {@link #read()} answers with {@code kept}, the board kept from the window's last read. */
    void handOver(StockBoard kept) {
        CompletableFuture<StockBoard> pending = first;
        if (pending != null) {
            firstWasKept = true; // before the read it releases can ask
            if (!pending.complete(kept)) {
                firstWasKept = false;
            }
        }
    }

    /**
     * Whether the first board handed over was the one kept from the window's last read rather than the store's:
     * the window reads again once it shows it (the store may have changed since, e.g. by the command line).
     */
    public boolean firstWasKept() {
        return firstWasKept;
    }

    /** Reads the board now, for the first {@link #read()}; blocking. A failure is left to that read to repeat. */
    public void prefetch() {
        CompletableFuture<StockBoard> pending = first;
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
        CompletableFuture<StockBoard> pending = first;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** The first call waits for the prefetch and answers with it; later calls read the store. */
    @Override
    public StockBoard read() {
        if (firstRead.compareAndSet(false, true)) {
            CompletableFuture<StockBoard> pending = first;
            try {
                if (pending != null) {
                    return pending.join();
                }
            } catch (CompletionException | CancellationException e) {
                // read again below, so the screen shows the store's own error if it persists
            } finally {
                first = null;
            }
        }
        return live.read();
    }

    @Override
    public History history() {
        return live.history();
    }
}
