package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.service.StockBoard;
import com.stocklens.service.StockBoardReader;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrefetchedBoardReaderTest {

    /** A store that answers each read with the next board (or failure) queued, and counts its reads. */
    private static final class Store implements StockBoardReader {
        final Deque<Object> answers = new ArrayDeque<>();
        final AtomicInteger reads = new AtomicInteger();

        Store then(Object answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public StockBoard read() {
            reads.incrementAndGet();
            Object next = answers.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (StockBoard) next;
        }
    }

    private static StockBoard board() {
        return new StockBoard(List.of(), List.of(), List.of());
    }

    @Test
    void theFirstReadIsThePrefetchAndLaterReadsGoToTheStore() {
        StockBoard prefetched = board();
        StockBoard later = board();
        Store store = new Store().then(prefetched).then(later);
        PrefetchedBoardReader reader = new PrefetchedBoardReader(store);

        reader.prefetch();

        assertThat(reader.read()).isSameAs(prefetched);
        assertThat(store.reads).hasValue(1);
        assertThat(reader.read()).isSameAs(later);
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void prefetchingReadsOnAThreadOfItsOwnAndTheFirstReadWaitsForIt() throws Exception {
        StockBoard prefetched = board();
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> readOn = new AtomicReference<>();
        StockBoardReader slow = () -> {
            readOn.set(Thread.currentThread().getName());
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return prefetched;
        };

        PrefetchedBoardReader reader = PrefetchedBoardReader.prefetching(slow);
        CompletableFuture<StockBoard> first = CompletableFuture.supplyAsync(reader::read);

        Thread.sleep(50);
        assertThat(first).as("the first read waits for the prefetch under way").isNotDone();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(prefetched);
        assertThat(readOn.get()).isEqualTo("stocklens-board-prefetch");
    }

    @Test
    void aFailedPrefetchIsReadAgainAndItsOwnErrorShows() {
        Store store = new Store().then(new IllegalStateException("disk")).then(new IllegalStateException("still"));
        PrefetchedBoardReader reader = new PrefetchedBoardReader(store);

        reader.prefetch();

        assertThatThrownBy(reader::read).hasMessage("still");
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void aCancelledPrefetchLeavesTheFirstReadToTheStore() {
        StockBoard fromStore = board();
        Store store = new Store().then(fromStore);
        PrefetchedBoardReader reader = new PrefetchedBoardReader(store);

        reader.cancel();
        reader.prefetch();

        assertThat(reader.read()).isSameAs(fromStore);
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void aSecondPrefetchReadsNothing() {
        Store store = new Store().then(board());
        PrefetchedBoardReader reader = new PrefetchedBoardReader(store);
        reader.prefetch();
        reader.read();

        reader.prefetch();

        assertThat(store.reads).hasValue(1);
    }

    @Test
    void theReaderLetsGoOfThePrefetchedBoardOnceHandedOver() throws InterruptedException {
        Store store = new Store().then(board()).then(board());
        PrefetchedBoardReader reader = new PrefetchedBoardReader(store);
        reader.prefetch();
        WeakReference<StockBoard> handed = new WeakReference<>(reader.read());

        // The reader (alive below) must not keep the board: once the caller drops it, it can be collected.
        for (int i = 0; i < 50 && handed.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(handed.get()).isNull();
        assertThat(reader.read()).isNotNull();
    }
    @Test
    void aKeptBoardIsTheFirstReadAndTheStoreIsNotReadForIt() throws Exception {
        StockBoard kept = board();
        StockBoard later = board();
        Store store = new Store().then(later);

        PrefetchedBoardReader reader = PrefetchedBoardReader.prefetching(store,
                CompletableFuture.completedFuture(Optional.of(kept)));

        assertThat(CompletableFuture.supplyAsync(reader::read).get(10, TimeUnit.SECONDS)).isSameAs(kept);
        assertThat(reader.firstWasKept()).isTrue();
        assertThat(store.reads).hasValue(0);
        assertThat(reader.read()).as("the window's next read goes to the store").isSameAs(later);
        assertThat(store.reads).hasValue(1);
    }

    @Test
    void withoutAKeptBoardTheFirstReadIsTheStores() throws Exception {
        StockBoard fromStore = board();
        Store store = new Store().then(fromStore);
        CompletableFuture<Optional<StockBoard>> kept = new CompletableFuture<>();

        PrefetchedBoardReader reader = PrefetchedBoardReader.prefetching(store, kept);
        CompletableFuture<StockBoard> first = CompletableFuture.supplyAsync(reader::read);
        Thread.sleep(50);
        assertThat(store.reads).as("the store waits for the kept board's file to be read").hasValue(0);
        kept.complete(Optional.empty());

        assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(fromStore);
        assertThat(reader.firstWasKept()).isFalse();
        assertThat(store.reads).hasValue(1);
    }
}
