package com.stocklens.service;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Who polls which source (team mode, issue 10): one desk per source credential holds its lease and polls;
 * the others are viewers that read what it stores. On a lone workspace this desk holds every lease
 * ({@link #local}); on a shared PostgreSQL the leases are advisory locks, renewed every lease period, and
 * a desk that dies loses them within two.
 *
 * <p>Lease names are source ids, plus {@link #RULES} for the red-flag rule evaluation (one desk judges the
 * flags for everyone). Thread-safe.
 */
public interface PollerLeases extends AutoCloseable {
    /** The lease of the red-flag rule evaluation: its holder evaluates and writes calibration tasks. */
    String RULES = "rules";

    /** Who polls one source. */
    record Poller(String sourceId, String desk, Instant since, boolean here) {
        public Poller {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(desk, "desk");
        }
    }

    /** This desk's name: host name and process id, e.g. {@code warehouse-pc:4711}. */
    String desk();

    /** True on a shared team database: other desks may poll some sources. */
    boolean shared();

    /** Whether this desk holds the lease of {@code sourceId} now (cheap: no database round trip). */
    boolean holds(String sourceId);

    /** Who polls {@code sourceId}, as far as the shared database knows; empty when nobody does. Blocking. */
    Optional<Poller> poller(String sourceId);

    /** The lease period: holders renew and non-holders retry every period. */
    Duration period();

    /**
     * Called with the lease name whenever this desk takes or loses a lease, on the lease thread.
     * Close the handle to unsubscribe.
     */
    AutoCloseable subscribe(Consumer<String> changed);

    /** Releases every lease held (another desk takes over at its next try). Idempotent. */
    @Override
    void close();

    /**
     * This desk's name: {@code -Dstocklens.desk}, else {@code STOCKLENS_DESK}, else host name and process id.
     */
    static String thisDesk() {
        String named = System.getProperty("stocklens.desk", System.getenv("STOCKLENS_DESK"));
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("desk");
        }
        long pid;
        try {
            pid = ProcessHandle.current().pid();
        } catch (UnsupportedOperationException e) {
            pid = ManagementFactory.getRuntimeMXBean().getPid();
        }
        return host + ":" + pid;
    }

    /** A lone workspace: this desk polls every source, always. */
    static PollerLeases local(String desk) {
        Instant since = Instant.now();
        Map<String, Poller> cache = new ConcurrentHashMap<>();
        return new PollerLeases() {
            @Override
            public String desk() {
                return desk;
            }

            @Override
            public boolean shared() {
                return false;
            }

            @Override
            public boolean holds(String sourceId) {
                return true;
            }

            @Override
            public Optional<Poller> poller(String sourceId) {
                return Optional.of(cache.computeIfAbsent(sourceId, id -> new Poller(id, desk, since, true)));
            }

            @Override
            public Duration period() {
                return Duration.ofSeconds(10);
            }

            @Override
            public AutoCloseable subscribe(Consumer<String> changed) {
                return () -> { };
            }

            @Override
            public void close() {
            }
        };
    }
}
