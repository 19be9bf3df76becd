package com.stocklens.app.team;

import com.stocklens.app.flags.FlagEngine;
import com.stocklens.service.PollerLeases;
import com.stocklens.store.ChangeFeed;
import com.stocklens.store.Database;
import com.stocklens.store.FlagRepository;
import com.stocklens.store.PostgresAdvisoryLease;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.sync.ActivitySync;
import com.stocklens.sync.SharedFollower;
import com.stocklens.sync.SyncEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode's wiring on a shared database: the desk takes what leases it can (sources and the rule
 * evaluation), polls and judges only those, and follows the other desks through the change feed.
 */
public final class TeamMode {
    private static final Logger LOG = LoggerFactory.getLogger(TeamMode.class);
    /** Team mode: how often a viewer checks the change feed when no notification came. */
    static final Duration FOLLOW_POLL = Duration.ofSeconds(3);

    /** What team mode started: the leases (released last on shutdown) and the follower (stopped first). */
    public record Started(PollerLeases leases, SharedFollower follower) {
    }

    private TeamMode() {
    }

    /**
     * Takes the leases of {@code identities} (source id → the credential it polls with) and of the rule
     * evaluation, gates the engines by them and starts following the other desks.
     *
     * @param activitySync the orders-and-returns poll, or null without a TikTok shop
     */
    public static Started start(Database database, Map<String, String> identities, String desk, Clock clock,
                                SyncEngine syncEngine, FlagEngine flagEngine, ActivitySync activitySync) {
        Map<String, String> all = new LinkedHashMap<>(identities);
        all.put(PollerLeases.RULES, "rules");
        PostgresAdvisoryLease lease = new PostgresAdvisoryLease(database, all, desk, leasePeriod(), clock);
        syncEngine.withLeases(lease);
        flagEngine.judgedWhen(() -> lease.holds(PollerLeases.RULES));
        if (activitySync != null) {
            activitySync.polledWhen(() -> lease.holds(activitySync.sourceId()));
        }
        SharedFollower follower = null;
        try {
            lease.start();
            Duration poll = leasePeriod().compareTo(FOLLOW_POLL) < 0 ? leasePeriod() : FOLLOW_POLL;
            follower = new SharedFollower(new ChangeFeed(database), new SnapshotRepository(database.jdbi(), desk),
                    new FlagRepository(database.jdbi()), syncEngine, flagEngine, desk, clock, poll);
            follower.start();
        } catch (RuntimeException e) {
            if (follower != null) {
                follower.close();
            }
            lease.close();
            throw e;
        }
        LOG.info("Team mode: this desk is {}; it polls {}", desk,
                all.keySet().stream().filter(lease::holds).toList());
        return new Started(lease, follower);
    }

    /** Lease period in team mode: {@code -Dstocklens.leaseSeconds}, else {@code STOCKLENS_LEASE_SECONDS}, else 10 s. */
    static Duration leasePeriod() {
        String v = System.getProperty("stocklens.leaseSeconds", System.getenv("STOCKLENS_LEASE_SECONDS"));
        if (v != null && !v.isBlank()) {
            try {
                double seconds = Double.parseDouble(v.strip());
                if (seconds > 0) {
                    return Duration.ofMillis(Math.max(100, (long) (seconds * 1000)));
                }
            } catch (NumberFormatException e) {
                LOG.warn("Lease period '{}' is not a number of seconds; using 10 s", v);
            }
        }
        return PostgresAdvisoryLease.DEFAULT_PERIOD;
    }
}
