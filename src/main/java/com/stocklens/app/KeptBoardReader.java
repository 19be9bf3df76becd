package com.stocklens.app;

import com.stocklens.service.History;
import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import com.stocklens.store.BoardFile;
import com.stocklens.support.NamedThreads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's reads of the board from the store, each kept in the workspace's board file ({@link BoardFile})
 * for the next start to show while the database opens (issue 20). A board is handed over as soon as it is read
 * and written afterwards on a thread of its own; a board read while another waits to be written takes its place,
 * so at most one board waits and the newest is the one kept. A write that fails (a full disk, a read-only
 * folder) is logged once and costs nothing else: the next start reads the store.
 */
public final class KeptBoardReader implements StockBoardReader, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeptBoardReader.class);
    /** How long {@link #close()} lets a write under way finish. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final StockBoardReader live;
    private final Path file;
    private final ExecutorService writer =
            Executors.newSingleThreadExecutor(NamedThreads.daemon("stocklens-board-file"));
    private final AtomicReference<StockBoard> waiting = new AtomicReference<>();
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    public KeptBoardReader(StockBoardReader live, Path file) {
        this.live = Objects.requireNonNull(live, "live");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The board kept in {@code file}, read now on a daemon thread of its own (empty when there is none to use). */
    static CompletableFuture<Optional<StockBoard>> readAtStart(Path file) {
        CompletableFuture<Optional<StockBoard>> kept = new CompletableFuture<>();
        NamedThreads.daemon("stocklens-board-file-read").newThread(() -> {
            try {
                kept.complete(BoardFile.read(file));
            } catch (RuntimeException e) {
                // A cache: whatever BoardFile did not expect is logged, never an error dialog; the store has the board.
                LOG.warn("board file {} not read: {}", file, e.toString());
            } finally {
                kept.complete(Optional.empty()); // whatever went wrong, the window's first read does not wait for ever
            }
        }).start();
        return kept;
    }

    @Override
    public StockBoard read() {
        StockBoard board = live.read();
        if (waiting.getAndSet(board) == null) {
            try {
                writer.execute(this::writeWaiting);
            } catch (RejectedExecutionException e) {
                waiting.set(null); // closed: nothing is kept any more
            }
        }
        return board;
    }

    @Override
    public History history() {
        return live.history();
    }

    private void writeWaiting() {
        StockBoard board = waiting.getAndSet(null);
        if (board == null) {
            return;
        }
        try {
            BoardFile.write(file, board);
        } catch (IOException | RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.warn("the board could not be kept in {} for the next start (it will read the store): {}", file,
                        e.toString());
            }
        }
    }

    /** Lets a write under way finish (at most {@value #CLOSE_WAIT_SECONDS} s); later reads are not kept. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
