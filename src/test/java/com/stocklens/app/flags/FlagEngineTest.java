package com.stocklens.app.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.AlertKind;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.domain.Thresholds;
import com.stocklens.service.FlagsChanged;
import com.stocklens.service.SyncEvent;
import com.stocklens.service.SyncEvents;
import com.stocklens.store.Database;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.JdbiFlagReader;
import com.stocklens.store.JdbiStockBoardReader;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.store.StoreFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlagEngineTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    /** A sync engine stand-in: the test fires events by hand. */
    private static final class FakeSyncEvents implements SyncEvents {
        final List<Consumer<SyncEvent>> listeners = new CopyOnWriteArrayList<>();

        @Override
        public AutoCloseable subscribe(Consumer<SyncEvent> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void fire(SyncStatus status) {
            SyncRun run = new SyncRun(1, "shipbob:main", T0, T0, status, 0, 0, 0, null, null);
            listeners.forEach(l -> l.accept(new SyncEvent(run)));
        }
    }

    private Database db;
    private FakeSyncEvents syncEvents;
    private FlagEngine engine;
    private final List<FlagsChanged> changes = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = Database.inMemory("flag-engine-" + System.nanoTime());
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        // ShipBob: SKU i has available 10 + i - 1; TikTok offers 10 + i (SKU 0 unknown): gap 1 each,
        // which breaches the 3 % rule only where on hand is small.
        snapshots.commit(StoreFixtures.SHIPBOB, snapshots.beginRun("shipbob:main", T0),
                StoreFixtures.shipbob(T0, 5, 10), T0, 1);
        snapshots.commit(StoreFixtures.TIKTOK, snapshots.beginRun("tiktok:main", T0),
                StoreFixtures.tiktok(T0, 5), T0, 1);
        syncEvents = new FakeSyncEvents();
        engine = new FlagEngine(new FlagRepository(db.jdbi()),
                new JdbiStockBoardReader(db.jdbi(), List.of(StoreFixtures.SHIPBOB, StoreFixtures.TIKTOK)),
                syncEvents, CLOCK, Thresholds.DEFAULTS, Duration.ofSeconds(60), Duration.ofMillis(50), null, null);
        engine.subscribe(c -> {
            changes.add(c);
            threads.add(Thread.currentThread().getName());
        });
    }

    @AfterEach
    void close() {
        engine.close();
        db.close();
    }

    private void awaitChanges(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (changes.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
    }

    @Test
    void aBurstOfFinishedSyncsIsJudgedOnce() throws Exception {
        syncEvents.fire(SyncStatus.FAILED);
        syncEvents.fire(SyncStatus.COMPLETE);
        syncEvents.fire(SyncStatus.COMPLETE);
        awaitChanges(1);
        Thread.sleep(200);
        assertThat(changes).hasSize(1);
        assertThat(threads).containsOnly("stocklens-flags");
        // ShipBob on hand 10+i, available 9+i; TikTok 10+i: gap 1 > 3 % of on hand only below 34 units.
        assertThat(changes.get(0).opened()).hasSize(4);
        assertThat(new JdbiFlagReader(db.jdbi()).read().tasks()).hasSize(4);
        // TikTok offers one more than ShipBob holds on every known row.
        assertThat(changes.get(0).raised()).filteredOn(a -> a.kind() == AlertKind.OVERSELL_RISK).hasSize(4);
    }

    @Test
    void aFailingSourceIsJudgedTooSoItsStalenessIsRaised() throws Exception {
        FlagEngine late = new FlagEngine(new FlagRepository(db.jdbi()),
                new JdbiStockBoardReader(db.jdbi(), List.of(StoreFixtures.SHIPBOB, StoreFixtures.TIKTOK)),
                syncEvents, Clock.fixed(T0.plus(Duration.ofMinutes(20)), ZoneOffset.UTC), Thresholds.DEFAULTS,
                Duration.ofSeconds(60), Duration.ZERO, null, null);
        List<FlagsChanged> seen = new CopyOnWriteArrayList<>();
        late.subscribe(seen::add);
        try {
            engine.close(); // only the late engine listens
            syncEvents.fire(SyncStatus.FAILED);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (seen.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(seen).singleElement().satisfies(c -> {
                assertThat(c.opened()).isEmpty();
                assertThat(c.raised()).extracting(a -> a.key())
                        .containsExactlyInAnyOrder("STALE_SOURCE:shipbob:main", "STALE_SOURCE:tiktok:main");
            });
        } finally {
            late.close();
        }
    }

    @Test
    void actionsPublishOneChangeEach() throws Exception {
        FlagsChanged first = engine.evaluateNow();
        long id = first.opened().get(0).id();
        assertThat(engine.declare(id, DeclaredCause.DAMAGE, "box crushed", "amy").state())
                .isEqualTo(CalibrationState.DECLARED);
        String key = first.raised().get(0).key();
        engine.acknowledge(key, "amy");
        engine.snooze(key, Duration.ofMinutes(30), "amy");
        awaitChanges(4);
        assertThat(changes).hasSize(4);
        assertThat(engine.evaluateNow().opened()).isEmpty();
    }
}
