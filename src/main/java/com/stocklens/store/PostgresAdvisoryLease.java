package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.service.PollerLeases;
import com.stocklens.support.NamedThreads;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team-mode leases as PostgreSQL session-level advisory locks ({@code pg_try_advisory_lock(bigint)}),
 * all held on one dedicated connection of this desk (outside the pool, so no pooled statement can
 * release them by accident).
 *
 * <ul>
 *   <li>The lock key of a lease is a stable 64-bit hash of its <em>credential identity</em> (connection
 *       kind, API base and the account or app key id — never the secret), so two sources sharing a
 *       credential share one lease and one rate limit.</li>
 *   <li>Every period, a holder checks its session is alive ({@link Connection#isValid}); if it is not,
 *       every lease is lost at once and the listeners are told, so polling stops immediately. PostgreSQL
 *       releases the locks of a session whose client died, so a non-holder, retrying every period, takes
 *       over within two periods.</li>
 *   <li>The holder writes who polls (desk, since) in {@code poller} and renews the row every period, so
 *       every desk can show "polled by".</li>
 * </ul>
 */
public final class PostgresAdvisoryLease implements PollerLeases {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresAdvisoryLease.class);
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);

    private final Database database;
    private final String desk;
    private final Duration period;
    private final Clock clock;
    /** Lease name (source id or {@link #RULES}) → lock key. */
    private final Map<String, Long> keys;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    /** Lease names held now; replaced whole, read without a lock by {@link #holds}. */
    private volatile Set<String> held = Set.of();
    private final Map<String, Instant> since = new ConcurrentHashMap<>();
    private Connection session;
    private boolean closed;
    private boolean warnedUnreachable;

    /**
     * @param identities lease name → credential identity (not a secret); equal identities share one lock
     * @param period     the lease period: renew / retry interval
     */
    public PostgresAdvisoryLease(Database database, Map<String, String> identities, String desk, Duration period,
                                 Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        if (!database.isShared()) {
            throw new IllegalArgumentException("advisory leases need the shared PostgreSQL database");
        }
        this.desk = Objects.requireNonNull(desk, "desk");
        this.period = Objects.requireNonNull(period, "period");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<String, Long> k = new LinkedHashMap<>();
        identities.forEach((name, identity) -> k.put(name, key(identity)));
        this.keys = Map.copyOf(k);
        this.timer = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("stocklens-lease"));
    }

    /** The lock key of a credential identity: the first 8 bytes of its SHA-256. */
    public static long key(String identity) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("stocklens-lease|" + identity).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xFF);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes what leases it can now (on the calling thread), then retries and renews every period. */
    public void start() {
        tick();
        long ms = period.toMillis();
        timer.scheduleWithFixedDelay(this::tickQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public String desk() {
        return desk;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public boolean holds(String name) {
        return held.contains(name);
    }

    @Override
    public Optional<Poller> poller(String sourceId) {
        Instant fresh = clock.instant().minus(period.multipliedBy(2));
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT desk, since, renewed_at FROM poller WHERE source_id = :id")
                .bind("id", sourceId)
                .map((rs, ctx) -> {
                    Instant renewed = SqlValues.instant(rs, "renewed_at");
                    if (renewed.isBefore(fresh)) {
                        return null;
                    }
                    String d = rs.getString("desk");
                    return new Poller(sourceId, d, SqlValues.instant(rs, "since"), desk.equals(d));
                })
                .findOne());
    }

    @Override
    public AutoCloseable subscribe(Consumer<String> changed) {
        listeners.add(Objects.requireNonNull(changed, "changed"));
        return () -> listeners.remove(changed);
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Lease round failed: {}", e.toString());
        }
    }

    /** One round: check the session, renew what is held, try what is not. */
    synchronized void tick() {
        if (closed) {
            return;
        }
        if (session != null && !alive(session)) {
            LOG.warn("Lease connection lost: this desk stops polling {} until it wins the leases again", held);
            closeSession();
            lose(Set.copyOf(held));
        }
        if (session == null) {
            try {
                session = database.dedicatedConnection();
                session.setAutoCommit(true);
                warnedUnreachable = false;
            } catch (SQLException | RuntimeException e) {
                if (!warnedUnreachable) {
                    LOG.warn("Lease connection cannot be opened ({}); retrying every {} s", e.getMessage(),
                            period.toSeconds());
                    warnedUnreachable = true;
                }
                session = null;
                return;
            }
        }
        Set<String> now = new HashSet<>(held);
        Set<Long> heldKeys = new HashSet<>();
        now.forEach(n -> heldKeys.add(keys.get(n)));
        Set<String> won = new HashSet<>();
        Set<Long> tried = new HashSet<>();
        for (Map.Entry<String, Long> e : keys.entrySet()) {
            long key = e.getValue();
            if (heldKeys.contains(key)) {
                if (!now.contains(e.getKey())) {
                    won.add(e.getKey()); // a second source with the same credential
                }
                continue;
            }
            if (!tried.add(key)) {
                continue;
            }
            try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        heldKeys.add(key);
                        keys.forEach((n, k) -> {
                            if (k == key) {
                                won.add(n);
                            }
                        });
                    }
                }
            } catch (SQLException ex) {
                LOG.warn("Trying lease {} failed: {}", e.getKey(), ex.getMessage());
            }
        }
        now.addAll(won);
        held = Set.copyOf(now);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (String n : won) {
            since.put(n, at);
            LOG.info("This desk ({}) now polls {}", desk, n);
        }
        writePollers(now, at);
        for (String n : won) {
            tell(n);
        }
    }

    private boolean alive(Connection c) {
        try {
            return c.isValid((int) Math.max(1, period.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    private void lose(Set<String> names) {
        held = Set.of();
        for (String n : names) {
            since.remove(n);
            tell(n);
        }
    }

    private void tell(String name) {
        for (Consumer<String> l : listeners) {
            try {
                l.accept(name);
            } catch (RuntimeException e) {
                LOG.error("A lease listener failed on {}", name, e);
            }
        }
    }

    /** Renews (or writes) the poller rows of what this desk holds; a failure only costs the "polled by" line. */
    private void writePollers(Set<String> names, Instant at) {
        if (names.isEmpty()) {
            return;
        }
        try {
            database.jdbi().useTransaction(h -> {
                for (String n : names) {
                    int updated = h.createUpdate("UPDATE poller SET renewed_at = :at, since = :since "
                                    + "WHERE source_id = :id AND desk = :desk")
                            .bind("at", timestamp(at)).bind("since", timestamp(since.getOrDefault(n, at)))
                            .bind("id", n).bind("desk", desk).execute();
                    if (updated == 0) {
                        h.createUpdate("DELETE FROM poller WHERE source_id = :id").bind("id", n).execute();
                        h.createUpdate("INSERT INTO poller (source_id, desk, since, renewed_at) "
                                        + "VALUES (:id, :desk, :since, :at)")
                                .bind("id", n).bind("desk", desk).bind("since", timestamp(since.getOrDefault(n, at)))
                                .bind("at", timestamp(at)).execute();
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("poller rows not written: {}", e.toString());
        }
    }

    private void closeSession() {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (SQLException e) {
            LOG.debug("closing the lease connection: {}", e.toString());
        }
        session = null;
    }

    /** Releases every lease and its poller row, closes the lease connection. */
    @Override
    public void close() {
        timer.shutdownNow();
        Set<String> released;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            released = Set.copyOf(held);
            held = Set.of();
            if (session != null) {
                try (var st = session.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock_all()");
                } catch (SQLException e) {
                    LOG.debug("unlocking: {}", e.toString());
                }
            }
            closeSession();
        }
        if (!released.isEmpty()) {
            try {
                database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM poller WHERE desk = :desk")
                        .bind("desk", desk).execute());
            } catch (RuntimeException e) {
                LOG.debug("poller rows not removed: {}", e.toString());
            }
            LOG.info("This desk ({}) released its leases: {}", desk, released);
        }
        for (String n : released) {
            tell(n);
        }
    }
}
