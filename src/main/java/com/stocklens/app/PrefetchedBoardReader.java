package com.stocklens.app;

import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The window's board reader at start-up (issue 20): the cached board is read by {@link #prefetch()} on the
 * opening thread while the window is being built, and the first {@link #read()} answers with it; every
 * later read (and a first one whose prefetch failed) goes to the store. Nothing is written between the
 * prefetch and that first read: polling starts only once the board is on screen.
 */
public final class PrefetchedBoardReader implements StockBoardReader {
    private final StockBoardReader live;
    private final CompletableFuture<StockBoard> first = new CompletableFuture<>();
    private final AtomicBoolean firstTaken = new AtomicBoolean();

    public PrefetchedBoardReader(StockBoardReader live) {
        this.live = Objects.requireNonNull(live, "live");
    }

    /** Reads the board now, for the first {@link #read()}; blocking. A failure is left to that read to repeat. */
    public void prefetch() {
        try {
            first.complete(live.read());
        } catch (RuntimeException e) {
            first.completeExceptionally(e);
        }
    }

    /** Gives up the prefetch (the opening failed): the first read goes to the store. */
    public void cancel() {
        first.cancel(false);
    }

    /** The first call waits for the prefetch and answers with it; later calls read the store. */
    @Override
    public StockBoard read() {
        if (firstTaken.compareAndSet(false, true)) {
            try {
                return first.join();
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
