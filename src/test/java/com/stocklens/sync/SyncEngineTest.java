package com.stocklens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.connector.SourceException;
import com.stocklens.connector.StockSource;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.service.StockBoard;
import com.stocklens.service.SyncEvent;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class SyncEngineTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Database db;
    private SnapshotRepository repo;
    private final List<SyncEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> eventThreads = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void open(TestInfo info) {
        db = Database.inMemory("sync-" + info.getDisplayName().hashCode() + "-" + System.nanoTime());
        repo = new SnapshotRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A source that answers with a fixed reading, or fails the way it is told to. */
    static final class FakeSource implements StockSource {
        final SourceInfo info;
        final Reading reading;
        final SourceException failure;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        volatile int maxConcurrent;
        volatile long sleepMillis;
        volatile Thread lastThread;

        FakeSource(SourceInfo info, Reading reading, SourceException failure) {
            this.info = info;
            this.reading = reading;
            this.failure = failure;
        }

        @Override
        public SourceInfo info() {
            return info;
        }

        @Override
        public Reading fetch() throws SourceException {
            calls.incrementAndGet();
            lastThread = Thread.currentThread();
            int now = concurrent.incrementAndGet();
            maxConcurrent = Math.max(maxConcurrent, now);
            try {
                if (sleepMillis > 0) {
                    Thread.sleep(sleepMillis);
                }
                if (failure != null) {
                    throw failure;
                }
                return reading;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("interrupted");
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }

    private FakeSource shipbob() {
        return new FakeSource(StoreFixtures.SHIPBOB, StoreFixtures.shipbob(NOW, 3, 5), null);
    }

    private FakeSource tiktok() {
        return new FakeSource(StoreFixtures.TIKTOK, StoreFixtures.tiktok(NOW, 2), null);
    }

    private FakeSource brokenWinit() {
        return new FakeSource(StoreFixtures.WINIT, null, new SourceException("WINIT said 401:\ntoken expired"));
    }

    private SyncEngine engine(List<StockSource> sources, Duration cadence) {
        SyncEngine engine = new SyncEngine(sources, repo, CLOCK, cadence, Map.of());
        engine.subscribe(e -> {
            events.add(e);
            eventThreads.add(Thread.currentThread().getName());
        });
        return engine;
    }

    private void awaitEvents(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events.size()).isGreaterThanOrEqualTo(n);
    }

    @Test
    void syncOnceCommitsOrRecordsTheFailureAndPublishesOneEventPerRun() throws Exception {
        FakeSource ok = shipbob();
        FakeSource broken = brokenWinit();
        try (SyncEngine engine = engine(List.of(ok, broken), Duration.ofHours(1))) {
            SyncRun good = engine.syncOnce(ok);
            SyncRun bad = engine.syncOnce(broken);

            assertThat(good.status()).isEqualTo(SyncStatus.COMPLETE);
            assertThat(good.rows()).isEqualTo(3);
            assertThat(good.requests()).isEqualTo(3);
            assertThat(good.startedAt()).isEqualTo(NOW);
            assertThat(good.snapshotId()).isNotNull();
            assertThat(repo.latest(StoreFixtures.SHIPBOB.id())).get().extracting(s -> s.id()).isEqualTo(good.snapshotId());
            assertThat(repo.run(good.id())).contains(good);

            assertThat(bad.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(bad.error()).isEqualTo("WINIT said 401: token expired");
            assertThat(bad.snapshotId()).isNull();
            assertThat(repo.run(bad.id())).contains(bad);
            assertThat(repo.latest(StoreFixtures.WINIT.id())).isEmpty();

            awaitEvents(2);
            Thread.sleep(100); // no late duplicates
            assertThat(events).extracting(SyncEvent::run).containsExactly(good, bad);
            assertThat(eventThreads).containsOnly("stocklens-events");
        }
    }

    /** A source that blocks in fetch until released, counting two requests before it does. */
    static final class SlowCountingSource implements StockSource {
        final CountDownLatch inFetch = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger requests = new AtomicInteger(40);
        final Reading reading = StoreFixtures.shipbob(NOW, 3, 5);

        @Override
        public SourceInfo info() {
            return StoreFixtures.SHIPBOB;
        }

        @Override
        public int requestCount() {
            return requests.get();
        }

        @Override
        public Reading fetch() throws SourceException {
            requests.addAndGet(2);
            inFetch.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reading;
        }
    }

    @Test
    void aRunUnderWayShowsWithTheRequestsItMadeSoFar() throws Exception {
        SlowCountingSource slow = new SlowCountingSource();
        try (SyncEngine engine = engine(List.of(slow), Duration.ofHours(1))) {
            assertThat(engine.running()).isEmpty();
            Thread runner = new Thread(() -> engine.syncOnce(slow));
            runner.start();
            assertThat(slow.inFetch.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.running()).containsOnlyKeys(StoreFixtures.SHIPBOB.id());
            assertThat(engine.running().get(StoreFixtures.SHIPBOB.id()).requests()).isEqualTo(2);
            assertThat(engine.running().get(StoreFixtures.SHIPBOB.id()).startedAt()).isEqualTo(NOW);
            slow.release.countDown();
            runner.join(20_000);
            assertThat(engine.running()).isEmpty();
        }
    }

    @Test
    void syncAllOnceRunsEverySourceAndTheBoardShowsThem() {
        FakeSource ok = shipbob();
        FakeSource tt = tiktok();
        FakeSource broken = brokenWinit();
        try (SyncEngine engine = engine(List.of(ok, broken, tt), Duration.ofHours(1))) {
            List<SyncRun> runs = engine.syncAllOnce();
            assertThat(runs).extracting(SyncRun::sourceId)
                    .containsExactly(StoreFixtures.SHIPBOB.id(), StoreFixtures.WINIT.id(), StoreFixtures.TIKTOK.id());
            assertThat(runs).extracting(SyncRun::status)
                    .containsExactly(SyncStatus.COMPLETE, SyncStatus.FAILED, SyncStatus.COMPLETE);
            assertThat(ok.lastThread.getName()).startsWith("stocklens-sync-");
        }
        StockBoard board = new JdbiStockBoardReader(db.jdbi(),
                List.of(StoreFixtures.SHIPBOB, StoreFixtures.WINIT, StoreFixtures.TIKTOK)).read();
        assertThat(board.rows()).hasSize(3);
        assertThat(board.rows()).filteredOn(r -> r.tiktokAvailable() != null).hasSize(1);
        assertThat(board.sources().get(1).lastError()).isEqualTo("WINIT said 401: token expired");
        assertThat(board.sources().get(1).lastSnapshotAt()).isNull();
    }

    @Test
    void schedulesRunEverySourceRepeatedlyWithoutOverlapAndFailuresRetry() throws Exception {
        FakeSource ok = shipbob();
        ok.sleepMillis = 30;
        FakeSource broken = brokenWinit();
        Map<String, Duration> cadence = Map.of(StoreFixtures.WINIT.id(), Duration.ofMillis(40));
        SyncEngine engine = new SyncEngine(List.of(ok, broken), repo, CLOCK, Duration.ofMillis(20), cadence);
        CountDownLatch enough = new CountDownLatch(1);
        engine.subscribe(e -> {
            events.add(e);
            long okRuns = events.stream().filter(x -> x.run().status() == SyncStatus.COMPLETE).count();
            long badRuns = events.stream().filter(x -> x.run().status() == SyncStatus.FAILED).count();
            if (okRuns >= 3 && badRuns >= 2) {
                enough.countDown();
            }
        });
        try (engine) {
            engine.start();
            assertThat(enough.await(20, TimeUnit.SECONDS)).isTrue();
        }
        int eventsAtClose = events.size();
        Thread.sleep(150);
        assertThat(events).as("nothing runs after close()").hasSize(eventsAtClose);
        assertThat(ok.maxConcurrent).as("a source's runs never overlap").isEqualTo(1);
        assertThat(engine.cadenceOf(StoreFixtures.WINIT.id())).isEqualTo(Duration.ofMillis(40));
        assertThat(engine.cadenceOf(StoreFixtures.SHIPBOB.id())).isEqualTo(Duration.ofMillis(20));

        // Exactly one event per recorded run, each a finished run.
        List<SyncRun> stored = new ArrayList<>(repo.recentRuns(StoreFixtures.SHIPBOB.id(), 1000));
        stored.addAll(repo.recentRuns(StoreFixtures.WINIT.id(), 1000));
        assertThat(events.stream().map(e -> e.run().id()).collect(Collectors.toSet()))
                .hasSize(events.size())
                .containsExactlyInAnyOrderElementsOf(stored.stream().map(SyncRun::id).toList());
        assertThat(stored).extracting(SyncRun::status).doesNotContain(SyncStatus.RUNNING);
        assertThat(repo.recentRuns(StoreFixtures.WINIT.id(), 1000))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(SyncStatus.FAILED));
    }

    @Test
    void aThrowingListenerDoesNotStopTheEngineOrOtherListeners() throws Exception {
        FakeSource ok = shipbob();
        try (SyncEngine engine = new SyncEngine(List.of(ok), repo, CLOCK, Duration.ofMillis(10), Map.of())) {
            engine.subscribe(e -> {
                throw new IllegalStateException("listener bug");
            });
            CountDownLatch three = new CountDownLatch(3);
            engine.subscribe(e -> three.countDown());
            engine.start();
            assertThat(three.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(engine.syncOnce(ok).status()).isEqualTo(SyncStatus.COMPLETE);
        }
    }

    @Test
    void unsubscribedListenersHearNothingMore() throws Exception {
        FakeSource ok = shipbob();
        try (SyncEngine engine = engine(List.of(ok), Duration.ofHours(1))) {
            List<SyncEvent> mine = Collections.synchronizedList(new ArrayList<>());
            AutoCloseable handle = engine.subscribe(mine::add);
            engine.syncOnce(ok);
            awaitEvents(1);
            handle.close();
            engine.syncOnce(ok);
            awaitEvents(2);
            assertThat(mine).hasSize(1);
        }
    }

    @Test
    void aConnectorBugIsRecordedAsAFailedRun() {
        StockSource buggy = new StockSource() {
            @Override
            public SourceInfo info() {
                return StoreFixtures.SHIPBOB;
            }

            @Override
            public Reading fetch() {
                throw new NullPointerException();
            }
        };
        try (SyncEngine engine = engine(List.of(buggy), Duration.ofHours(1))) {
            SyncRun run = engine.syncOnce(buggy);
            assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
            // Issue 18 item 10: main stored "NullPointerException", a class name, for status and the window.
            assertThat(run.error()).isEqualTo("an unexpected error stopped the read (the log has the details)");
        }
    }

    /** Issue 18 item 10: code-like messages stay in the log; a person's sentence is kept. */
    @Test
    void aBugsMessageReachesTheSyncLogOnlyWhenAPersonCanReadIt() {
        assertThat(SyncEngine.plain(new IllegalStateException("java.lang.IllegalStateException: boom")))
                .isEqualTo("an unexpected error stopped the read (the log has the details)");
        assertThat(SyncEngine.plain(new IllegalArgumentException("Cannot deserialize value of type `Integer`")))
                .isEqualTo("an unexpected error stopped the read (the log has the details)");
        assertThat(SyncEngine.plain(new IllegalStateException("Unique index violation [23505-240]; SQL statement")))
                .isEqualTo("an unexpected error stopped the read (the log has the details)");
        assertThat(SyncEngine.plain(new IllegalArgumentException("on_hand must not be negative: -5")))
                .isEqualTo("on_hand must not be negative: -5");
    }

    /** Issue 18 item 10: a failed read reports the requests it made (main: always 0). */
    @Test
    void aFailedRunReportsTheRequestsItMade() {
        StockSource failing = new StockSource() {
            private int requests;

            @Override
            public SourceInfo info() {
                return StoreFixtures.SHIPBOB;
            }

            @Override
            public Reading fetch() throws SourceException {
                requests += 5;
                throw new SourceException("ShipBob answered HTTP 503 five times");
            }

            @Override
            public int requestCount() {
                return requests;
            }
        };
        try (SyncEngine engine = engine(List.of(failing), Duration.ofHours(1))) {
            SyncRun run = engine.syncOnce(failing);
            assertThat(run.requests()).isEqualTo(5);
            assertThat(repo.run(run.id()).orElseThrow().requests()).isEqualTo(5);
        }
    }

    @Test
    void startClosesRunsLeftRunningByACrash() {
        long orphan = repo.beginRun(StoreFixtures.SHIPBOB.id(), NOW.minusSeconds(600));
        try (SyncEngine engine = engine(List.of(shipbob()), Duration.ofHours(1))) {
            engine.start();
        }
        assertThat(repo.run(orphan)).get().extracting(SyncRun::status).isEqualTo(SyncStatus.FAILED);
    }

    @Test
    void backoffDoublesAfterRepeatedFailuresAndIsCapped() {
        Duration c = Duration.ofSeconds(30);
        assertThat(SyncEngine.nextDelay(c, 0)).isEqualTo(c);
        assertThat(SyncEngine.nextDelay(c, 1)).isEqualTo(c);
        assertThat(SyncEngine.nextDelay(c, 2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SyncEngine.nextDelay(c, 3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(SyncEngine.nextDelay(c, 50)).isEqualTo(SyncEngine.MAX_BACKOFF);
        assertThat(SyncEngine.nextDelay(Duration.ofMinutes(10), 5)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void fixedRateKeepsTheGridAndSkipsMissedSlotsInsteadOfOverlapping() {
        Duration p = Duration.ofSeconds(10);
        long s = 1_000_000_000L;
        long tenS = p.toNanos();
        // A quick run: the next start is one period after the plan, not after the run's end.
        assertThat(SyncEngine.nextStart(s, s + 3_000_000_000L, p)).isEqualTo(s + tenS);
        // Ending exactly on the next slot: that slot is gone, take the one after.
        assertThat(SyncEngine.nextStart(s, s + tenS, p)).isEqualTo(s + 2 * tenS);
        // A run of 25 s skips the slots it overran and stays on the grid.
        assertThat(SyncEngine.nextStart(s, s + 25_000_000_000L, p)).isEqualTo(s + 3 * tenS);
    }

    /** Leases for tests: held as told; {@link #win} tells the listeners like a lease won. */
    static final class FakeLeases implements com.stocklens.service.PollerLeases {
        final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<java.util.function.Consumer<String>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

        void win(String id) {
            held.add(id);
            listeners.forEach(l -> l.accept(id));
        }

        @Override
        public String desk() {
            return "test-desk";
        }

        @Override
        public boolean shared() {
            return true;
        }

        @Override
        public boolean holds(String sourceId) {
            return held.contains(sourceId);
        }

        @Override
        public java.util.Optional<Poller> poller(String sourceId) {
            return java.util.Optional.empty();
        }

        @Override
        public Duration period() {
            return Duration.ofSeconds(1);
        }

        @Override
        public AutoCloseable subscribe(java.util.function.Consumer<String> changed) {
            listeners.add(changed);
            return () -> listeners.remove(changed);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aViewerPollsOnlyWhatItHoldsAndAWonLeaseSyncsAtOnce() throws Exception {
        FakeSource ship = shipbob();
        FakeSource shop = tiktok();
        FakeLeases leases = new FakeLeases();
        leases.held.add(StoreFixtures.SHIPBOB.id());
        try (SyncEngine engine = engine(List.of(ship, shop), Duration.ofHours(1)).withLeases(leases)) {
            List<SyncRun> once = engine.syncAllOnce();
            assertThat(once).extracting(SyncRun::sourceId).containsExactly(StoreFixtures.SHIPBOB.id());
            assertThat(shop.calls.get()).as("the shop is polled by another desk").isZero();

            engine.start(); // shipbob ran a moment ago: its first slot is skipped, not doubled
            Thread.sleep(300);
            assertThat(ship.calls.get()).isEqualTo(1);
            assertThat(shop.calls.get()).isZero();
            // A run the previous poller left RUNNING is closed when the lease is won, then the shop syncs at once.
            long orphan = repo.beginRun(StoreFixtures.TIKTOK.id(), NOW);
            leases.win(StoreFixtures.TIKTOK.id());
            awaitEvents(2);
            assertThat(shop.calls.get()).isEqualTo(1);
            assertThat(repo.run(orphan).orElseThrow().status()).isEqualTo(SyncStatus.FAILED);
        }
    }

    @Test
    void aReadingIsNotStoredWhenTheLeaseIsLostDuringTheFetch() {
        FakeSource ship = shipbob();
        ship.sleepMillis = 300;
        FakeLeases leases = new FakeLeases();
        leases.held.add(StoreFixtures.SHIPBOB.id());
        try (SyncEngine engine = engine(List.of(ship), Duration.ofHours(1)).withLeases(leases)) {
            new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                leases.held.clear(); // another desk took over mid-read
            }).start();
            SyncRun run = engine.syncOnce(ship);
            assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(run.error()).contains("another desk");
            assertThat(repo.latest(StoreFixtures.SHIPBOB.id())).isEmpty();
        }
    }

    @Test
    void aRunAbandonedByAnotherDeskIsNeverCommitted() {
        long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), NOW);
        repo.abandonRunning(StoreFixtures.SHIPBOB.id(), NOW);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.commit(StoreFixtures.SHIPBOB, run,
                StoreFixtures.shipbob(NOW, 3, 5), NOW, 10)).hasMessageContaining("No running sync run");
        assertThat(repo.latest(StoreFixtures.SHIPBOB.id())).isEmpty();
    }
}
