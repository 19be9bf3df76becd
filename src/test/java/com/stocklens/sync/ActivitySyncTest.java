package com.stocklens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.connector.ActivityPage;
import com.stocklens.connector.ShopActivitySource;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.domain.SaleLine;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.store.ActivityRepository;
import com.stocklens.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActivitySyncTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00.700Z");

    private Database db;
    private ActivityRepository repo;
    private final SandboxClock clock = new SandboxClock(T0);
    private final FakeSource source = new FakeSource();

    @BeforeEach
    void open() {
        db = Database.inMemory("activity-sync-" + System.nanoTime());
        repo = new ActivityRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Serves a fixed list of lines, filtered by the window, and remembers the windows asked for. */
    private static final class FakeSource implements ShopActivitySource {
        final List<Instant[]> windows = new ArrayList<>();
        final List<SaleLine> lines = new ArrayList<>();
        boolean fail;

        @Override
        public String id() {
            return "tiktok:main";
        }

        @Override
        public ActivityPage fetchActivity(Instant since, Instant until) throws SourceException {
            windows.add(new Instant[] {since, until});
            if (fail) {
                throw new TransientSourceException("TikTok temporary failure (36009003)");
            }
            List<SaleLine> in = lines.stream()
                    .filter(l -> !l.updatedAt().isBefore(since) && l.updatedAt().isBefore(until)).toList();
            return new ActivityPage(since, until, in, List.of(), 2);
        }
    }

    private static SaleLine line(String id, Instant at) {
        return new SaleLine("shop", "o" + id, id, "SKU", "tt", "wh", "AWAITING_SHIPMENT", at, at);
    }

    @Test
    void firstRunReadsFourWeeksThenOnlyTheNewWindowWithAnOverlap() {
        ActivitySync sync = new ActivitySync(source, repo, clock, Duration.ofMinutes(1));
        source.lines.add(line("1", T0.minus(Duration.ofDays(3))));
        source.lines.add(line("2", T0.minus(Duration.ofMinutes(2))));

        ActivitySync.Run first = sync.syncOnce();
        Instant until = T0.minusMillis(700);
        assertThat(first.ok()).isTrue();
        assertThat(first.since()).isEqualTo(until.minus(Duration.ofDays(28)));
        assertThat(first.until()).isEqualTo(until);
        assertThat(first.inserted()).isEqualTo(2);
        assertThat(repo.cursor("tiktok:main")).contains(until);

        clock.advance(Duration.ofMinutes(1));
        ActivitySync.Run second = sync.syncOnce();
        assertThat(second.since()).isEqualTo(until.minus(ActivitySync.OVERLAP));
        assertThat(second.sales()).isEqualTo(1);
        assertThat(second.inserted()).isZero();
    }

    @Test
    void aFailedRunKeepsTheCursorAndTheNextRunRetriesTheSameStart() {
        ActivitySync sync = new ActivitySync(source, repo, clock, Duration.ofMinutes(1));
        sync.syncOnce();
        Instant cursor = repo.cursor("tiktok:main").orElseThrow();

        source.fail = true;
        clock.advance(Duration.ofMinutes(10));
        ActivitySync.Run failed = sync.syncOnce();
        assertThat(failed.ok()).isFalse();
        assertThat(repo.cursor("tiktok:main")).contains(cursor);
        assertThat(repo.lastError("tiktok:main")).hasValueSatisfying(e -> assertThat(e).contains("36009003"));

        source.fail = false;
        source.lines.add(line("3", cursor.plusSeconds(60)));
        ActivitySync.Run retried = sync.syncOnce();
        assertThat(retried.since()).isEqualTo(cursor.minus(ActivitySync.OVERLAP));
        assertThat(retried.inserted()).isEqualTo(1);
    }

    @Test
    void theScheduleRunsOnItsOwnDaemonThreadAndStopsOnClose() throws Exception {
        ActivitySync sync = new ActivitySync(source, repo, clock, Duration.ofMillis(50));
        sync.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (repo.cursor("tiktok:main").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        sync.close();
        assertThat(repo.cursor("tiktok:main")).isPresent();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("stocklens-activity") && t.isAlive());
    }
}
