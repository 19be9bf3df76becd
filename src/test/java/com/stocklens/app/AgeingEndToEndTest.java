package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.domain.AgeBucket;
import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.BeijingTime;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.sandbox.SandboxClock;
import com.stocklens.service.AgeTrendPoint;
import com.stocklens.service.BoardRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FIFO ageing on the demo path: sandbox lots → ShipBob connector → lot rows in the snapshot → ageing
 * reader. The demo world holds stock old enough to fill every bucket.
 */
class AgeingEndToEndTest {
    @TempDir
    Path dir;

    private SandboxClock clock;
    private AppRuntime runtime;

    @BeforeEach
    void open() {
        clock = new SandboxClock(Instant.parse("2026-11-27T06:00:00Z"));
        LaunchOptions options = new LaunchOptions(true, dir, null, Duration.ofSeconds(10), Duration.ofMinutes(15));
        runtime = AppRuntime.open(options, clock);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void afterOneSyncEveryBucketHoldsUnitsAndEveryProfileAddsUpToItsOnHand() {
        List<SyncRun> runs = runtime.syncEngine().syncAllOnce();
        assertThat(runs).extracting(SyncRun::status).containsOnly(SyncStatus.COMPLETE);

        List<AgeProfile> profiles = runtime.ageingReader().current();

        Map<String, Integer> onHand = new HashMap<>();
        for (BoardRow r : runtime.boardReader().read().rows()) {
            if (r.level().onHand() != null && r.level().onHand() > 0) {
                onHand.put(r.sku().sellerSku() + "@" + r.warehouse().id(), r.level().onHand());
            }
        }
        assertThat(profiles).hasSize(onHand.size());
        Map<AgeBucket, Integer> totals = new EnumMap<>(AgeBucket.class);
        for (AgeProfile p : profiles) {
            assertThat(p.total()).as("%s@%s", p.sellerSku(), p.warehouseId())
                    .isEqualTo(onHand.get(p.sellerSku() + "@" + p.warehouseId()));
            // ShipBob's lots cover the whole on-hand: nothing is of unknown age (partner warehouses have no
            // lots; their age comes from our own history, which starts with this sync).
            if (p.warehouseId().startsWith("shipbob:")) {
                assertThat(p.unaged()).isZero();
            }
            p.units().forEach((b, n) -> totals.merge(b, n, Integer::sum));
        }
        assertThat(totals.keySet()).containsExactlyInAnyOrder(AgeBucket.values());
        assertThat(totals.values()).allSatisfy(n -> assertThat(n).isPositive());
        // Some SKUs came over from Amazon FBA long ago: mostly older than 180 days.
        assertThat(profiles).filteredOn(p -> p.olderThan(180) * 10 >= p.total() * 7).hasSizeGreaterThan(10);

        LocalDate today = LocalDate.ofInstant(clock.instant(), BeijingTime.ZONE);
        List<AgeTrendPoint> trend = runtime.ageingReader().over180Trend(today.minusDays(7), today);
        assertThat(trend).singleElement().satisfies(t -> {
            assertThat(t.day()).isEqualTo(today);
            assertThat(t.over180Share()).isBetween(1.0, 99.0);
            // every unit of known age (all of ShipBob's; partner units have no receipt date yet)
            assertThat(t.units()).isEqualTo(profiles.stream().mapToInt(p -> p.total() - p.unaged()).sum());
        });
    }
}
