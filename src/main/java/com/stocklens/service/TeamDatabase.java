package com.stocklens.service;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Team mode's settings and the move of a workspace into the team database, as the window sees them
 * (File → Team database…, File → Move to team database…). Every method but {@link #current()} blocks:
 * call off the FX thread. Passwords go to the secret store, never to settings or messages.
 */
public interface TeamDatabase {
    /** How the connection is protected ({@code sslmode} of the PostgreSQL driver). */
    enum SslMode {
        DISABLE("disable"),
        REQUIRE("require"),
        VERIFY_FULL("verify-full");

        private final String parameter;

        SslMode(String parameter) {
            this.parameter = parameter;
        }

        /** The URL parameter's value. */
        public String parameter() {
            return parameter;
        }
    }

    /**
     * What the dialog edits.
     *
     * @param url            the JDBC URL without its query (jdbc:postgresql://host:5432/db), or "" when unset
     * @param user           the database role, or ""
     * @param sslMode        the TLS mode
     * @param rootCert       the root certificate file for verify-full, or ""
     * @param passwordStored whether a password is in the secret store
     * @param active         whether this session runs on the team database (team mode)
     */
    record Config(String url, String user, SslMode sslMode, String rootCert, boolean passwordStored, boolean active) {
        public Config {
            url = url == null ? "" : url.strip();
            user = user == null ? "" : user.strip();
            sslMode = sslMode == null ? SslMode.VERIFY_FULL : sslMode;
            rootCert = rootCert == null ? "" : rootCert.strip();
        }

        /** The full JDBC URL with {@code sslmode} and {@code sslrootcert}. */
        public String jdbcUrl() {
            StringBuilder b = new StringBuilder(url).append(url.contains("?") ? '&' : '?')
                    .append("sslmode=").append(sslMode.parameter());
            if (sslMode == SslMode.VERIFY_FULL && !rootCert.isEmpty()) {
                b.append("&sslrootcert=").append(rootCert);
            }
            return b.toString();
        }
    }

    /** A connection test's outcome in one plain sentence. */
    record TestResult(boolean ok, String message) {
    }

    /** Where a move is. */
    record MoveProgress(String table, int tableNo, int tables, long rowsDone, long rowsTotal, double fraction) {
    }

    /** One table's verification after a move. */
    record TableCount(String table, long source, long target) {
        /** True when the target holds as many rows as the source. */
        public boolean matches() {
            return source == target;
        }
    }

    /** How a move ended; {@code message} is one sentence (the failure says the target was left empty). */
    record MoveOutcome(boolean ok, boolean cancelled, String message, List<TableCount> tables) {
        public MoveOutcome {
            Objects.requireNonNull(message, "message");
            tables = tables == null ? List.of() : List.copyOf(tables);
        }
    }

    /** The saved settings (reads settings.properties; quick). */
    Config current();

    /** Connects now with these settings ({@code password} null or empty: the stored one). */
    TestResult test(Config config, String password);

    /**
     * Saves the URL and role to settings.properties and a non-empty password to the secret store; applies
     * at the next start.
     *
     * @throws IllegalArgumentException with a plain sentence when the URL is not usable
     * @throws SecretStore.SecretStoreException when the password cannot be stored
     */
    void save(Config config, String password) throws SecretStore.SecretStoreException;

    /** Copies this workspace into the (empty) team database of {@code config}, verifying the row counts. */
    MoveOutcome moveTo(Config config, String password, Consumer<MoveProgress> progress, BooleanSupplier cancelled);

    /** For a window without team mode wiring: nothing saved, every action says it is not available. */
    TeamDatabase NONE = new TeamDatabase() {
        @Override
        public Config current() {
            return new Config("", "", SslMode.VERIFY_FULL, "", false, false);
        }

        @Override
        public TestResult test(Config config, String password) {
            return new TestResult(false, "Team mode is not available in this build.");
        }

        @Override
        public void save(Config config, String password) {
            throw new IllegalArgumentException("Team mode is not available in this build.");
        }

        @Override
        public MoveOutcome moveTo(Config config, String password, Consumer<MoveProgress> progress,
                                  BooleanSupplier cancelled) {
            return new MoveOutcome(false, false, "Team mode is not available in this build.", List.of());
        }
    };
}
