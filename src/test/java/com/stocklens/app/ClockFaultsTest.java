package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.connections.ConnectionService;
import com.stocklens.app.connections.SourceFactory;
import com.stocklens.app.demo.DemoConnections;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.Sleeper;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Snapshot;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.store.Database;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.sync.SyncEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9, clock: a PC clock minutes off TikTok's (TikTok signs with a timestamp and refuses one outside
 * now − 5 min … now + 30 s), and a wall-clock jump in the middle of a sync.
 */
class ClockFaultsTest {
    private static final String SHOPS = "/authorization/202309/shops";

    @ParameterizedTest(name = "PC clock {0} minutes off")
    @ValueSource(ints = {-10, 10})
    void tikTokLearnsItsClockOffsetFromOneRefusalAndKeepsIt(int minutesOff) throws Exception {
        // The world runs on real time, as in demo mode: the JDK server stamps its Date header with real time.
        SandboxClock world = new SandboxClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try (SandboxServer sandbox = SandboxServer.start(new SimulatedWorld(DemoConnections.DEMO_SEED, 60, world))) {
            Clock pc = Clock.offset(world, Duration.ofMinutes(minutesOff));
            Sleeper noSleep = d -> { };
            SourceFactory factory = new SourceFactory(new HttpClientFactory(noSleep, System::nanoTime, () -> 0.5, pc), pc);
            ConnectionService.Fixed tiktok = DemoConnections.of(sandbox).stream()
                    .filter(d -> d.connection().kind() == ConnectionKind.TIKTOK_SHOP).findFirst().orElseThrow();
            StockSource source = factory.create(tiktok.connection(), tiktok.secrets()::get);

            Reading first = source.fetch();
            int afterFirst = sandbox.requestCount(SHOPS);
            Reading second = source.fetch();
            int afterSecond = sandbox.requestCount(SHOPS);

            System.out.printf("clock %+d min: first sync %d requests to %s (one refused), second %d; %d channel rows%n",
                    minutesOff, afterFirst, SHOPS, afterSecond - afterFirst, second.channelStock().size());
            assertThat(first.channelStock()).isNotEmpty();
            assertThat(second.channelStock()).hasSameSizeAs(first.channelStock());
            // One refused call, then success; the offset is kept, so the next sync is refused nowhere.
            assertThat(afterFirst).isEqualTo(2);
            assertThat(afterSecond - afterFirst).isEqualTo(1);
        }
    }

    /** A wall clock the test can set while a sync runs. */
    static final class JumpingClock extends Clock {
        final AtomicReference<Instant> now;

        JumpingClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @ParameterizedTest(name = "clock jumps {0} hours during a sync")
    @ValueSource(ints = {-3, 3})
    void aClockJumpDuringASyncBreaksNeitherDurationsNorWhichSnapshotIsLatest(int hours) {
        JumpingClock clock = new JumpingClock(Instant.parse("2026-11-27T06:00:00Z"));
        SourceInfo info = new SourceInfo("jumpy:main", com.stocklens.domain.SourceKind.WAREHOUSE, com.stocklens.domain.Provider.SHIPBOB, "Jumpy");
        AtomicReference<Boolean> jump = new AtomicReference<>(false);
        StockSource source = new StockSource() {
            @Override
            public SourceInfo info() {
                return info;
            }

            @Override
            public Reading fetch() {
                if (jump.get()) {
                    clock.now.updateAndGet(t -> t.plus(Duration.ofHours(hours)));
                }
                clock.now.updateAndGet(t -> t.plusSeconds(1));
                return new Reading(clock.instant(), List.of(), List.of(), List.of(), List.of(), List.of(), 1, List.of());
            }
        };
        try (Database db = Database.inMemory("clock-jump-" + hours)) {
            SnapshotRepository repo = new SnapshotRepository(db.jdbi());
            try (SyncEngine engine = new SyncEngine(List.of(source), repo, clock, Duration.ofMinutes(15), Map.of())) {
                SyncRun before = engine.syncOnce(source);
                jump.set(true);
                SyncRun during = engine.syncOnce(source);
                jump.set(false);
                SyncRun after = engine.syncOnce(source);
                System.out.printf("clock jump %+d h: 3 syncs, durations %d/%d/%d ms, finished %s / %s / %s%n", hours,
                        before.durationMillis(), during.durationMillis(), after.durationMillis(),
                        before.finishedAt(), during.finishedAt(), after.finishedAt());
                assertThat(List.of(before, during, after)).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(SyncStatus.COMPLETE);
                    // Durations come from the monotonic clock: a jump of hours does not show up in them.
                    assertThat(r.durationMillis()).isBetween(0L, 60_000L);
                });
                // "Latest" is the last committed snapshot, whatever the wall clock said when it was taken.
                Snapshot latest = repo.latest(info.id()).orElseThrow();
                assertThat(latest.id()).isEqualTo(after.snapshotId());
                assertThat(repo.latestPerSource()).extracting(Snapshot::id).containsExactly(after.snapshotId());
            }
        }
    }
}
