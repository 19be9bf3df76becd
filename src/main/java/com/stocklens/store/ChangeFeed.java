package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared database's change feed (team mode): every desk appends what it changed to
 * {@code change_log} and NOTIFYs {@value #CHANNEL}; the other desks, woken by the notification (or, if
 * notifications are lost, by short polling), read the rows after the last id they saw. A row's id is
 * its order; the desk that wrote it skips its own rows.
 */
public final class ChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    /** The NOTIFY channel. */
    public static final String CHANNEL = "stocklens_changes";
    private static final int MAX_DETAIL = 20_000;

    /** What changed. */
    public enum Kind {
        /** A sync run finished; detail = the run id. */
        SNAPSHOT,
        /** The flags changed (an evaluation, a declaration, an acknowledgement); detail = see {@code FlagChangeCodec}. */
        FLAGS
    }

    /** One row of the feed. */
    public record Change(long id, Kind kind, String desk, Instant at, String detail) {
    }

    private final Database database;
    private final Jdbi jdbi;

    public ChangeFeed(Database database) {
        this.database = Objects.requireNonNull(database, "database");
        this.jdbi = database.jdbi();
    }

    /** Appends a change and notifies the listening desks (after the row is committed). */
    public long record(Kind kind, String desk, Instant at, String detail) {
        String d = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO change_log (kind, desk, at, detail) "
                        + "VALUES (:kind, :desk, :at, :detail)")
                .bind("kind", kind.name()).bind("desk", desk).bind("at", timestamp(at)).bind("detail", d)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        if (database.isShared()) {
            try {
                jdbi.useHandle(h -> h.createQuery("SELECT 1 FROM (SELECT pg_notify(:channel, :payload)) n")
                        .bind("channel", CHANNEL).bind("payload", Long.toString(id)).mapTo(Integer.class).one());
            } catch (RuntimeException e) {
                // The others still see it by polling.
                LOG.debug("NOTIFY failed: {}", e.toString());
            }
        }
        return id;
    }

    /** The highest id so far (0 when empty): where a desk starts following. */
    public long lastId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM change_log")
                .mapTo(Long.class).one());
    }

    /** Rows after {@code afterId}, oldest first, at most {@code limit}. */
    public List<Change> since(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, kind, desk, at, detail FROM change_log "
                        + "WHERE id > :after ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                        rs.getString("desk"), SqlValues.instant(rs, "at"), rs.getString("detail")))
                .list());
    }

    /** Deletes rows older than {@code before}; returns how many. */
    public int prune(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM change_log WHERE at < :before")
                .bind("before", timestamp(before)).execute());
    }

    /**
     * A LISTEN session on its own connection: {@link #await} blocks until a notification or the timeout.
     * Null on H2 (nothing to listen to).
     */
    public Listener listen() throws SQLException {
        if (!database.isShared()) {
            return null;
        }
        Connection c = database.dedicatedConnection();
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new Listener(c);
    }

    /** A connection listening to {@value #CHANNEL}. */
    public static final class Listener implements AutoCloseable {
        private final Connection connection;

        private Listener(Connection connection) {
            this.connection = connection;
        }

        /**
         * Waits up to {@code timeout} for notifications.
         *
         * @return how many arrived (0 on timeout)
         * @throws SQLException when the connection broke: open a new listener
         */
        public int await(Duration timeout) throws SQLException {
            PGNotification[] n = connection.unwrap(PGConnection.class)
                    .getNotifications((int) Math.max(1, timeout.toMillis()));
            return n == null ? 0 : n.length;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the listener: {}", e.toString());
            }
        }
    }
}
