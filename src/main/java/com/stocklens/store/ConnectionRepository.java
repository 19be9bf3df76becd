package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The configured connections, without their secrets ({@link Connection} refuses secret settings, so
 * nothing secret can reach this table). Secrets live in the secret store; the caller deletes them with
 * the connection.
 */
public final class ConnectionRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final Jdbi jdbi;

    public ConnectionRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Every connection, in the order they were added. */
    public List<Connection> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, kind, display_name, enabled, cadence_seconds, settings "
                        + "FROM source_connection ORDER BY created_at, id")
                .map(ConnectionRepository::connection)
                .list());
    }

    public Optional<Connection> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, kind, display_name, enabled, cadence_seconds, settings "
                        + "FROM source_connection WHERE id = :id")
                .bind("id", id)
                .map(ConnectionRepository::connection)
                .findOne());
    }

    /** Adds or replaces the connection with this id. */
    public void save(Connection c, Instant at) {
        String settings = json(c.settings());
        Long cadence = c.cadence() == null ? null : c.cadence().toSeconds();
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE source_connection SET kind = :kind, display_name = :name, "
                            + "enabled = :enabled, cadence_seconds = :cadence, settings = :settings, updated_at = :at "
                            + "WHERE id = :id")
                    .bind("id", c.id()).bind("kind", c.kind().name()).bind("name", c.displayName())
                    .bind("enabled", c.enabled()).bind("cadence", cadence).bind("settings", settings)
                    .bind("at", timestamp(at))
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO source_connection (id, kind, display_name, enabled, cadence_seconds, "
                                + "settings, created_at, updated_at) "
                                + "VALUES (:id, :kind, :name, :enabled, :cadence, :settings, :at, :at)")
                        .bind("id", c.id()).bind("kind", c.kind().name()).bind("name", c.displayName())
                        .bind("enabled", c.enabled()).bind("cadence", cadence).bind("settings", settings)
                        .bind("at", timestamp(at))
                        .execute();
            }
        });
    }

    /** Removes the connection; true when it existed. Its snapshots stay as history. */
    public boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM source_connection WHERE id = :id")
                .bind("id", id).execute()) > 0;
    }

    private static Connection connection(ResultSet rs, StatementContext ctx) throws SQLException {
        long cadence = rs.getLong("cadence_seconds");
        Duration d = rs.wasNull() || cadence <= 0 ? null : Duration.ofSeconds(cadence);
        return new Connection(rs.getString("id"), ConnectionKind.valueOf(rs.getString("kind")),
                rs.getString("display_name"), rs.getBoolean("enabled"), d, settings(rs.getString("settings")));
    }

    private static String json(Map<String, String> settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode settings", e);
        }
    }

    private static Map<String, String> settings(String json) throws SQLException {
        try {
            return JSON.readValue(json, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("connection settings are not valid JSON", e);
        }
    }
}
