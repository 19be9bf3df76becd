package com.stocklens.service;

import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.SourceProbe;
import com.stocklens.domain.SyncRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The seller's connections (TikTok Shop authorizations, warehouse accounts): list them with their last
 * sync, add or edit them with their secrets, test one with a real call, remove one. Secrets go to the
 * {@link SecretStore}, never anywhere else, and are never handed back: a view learns only which secret
 * fields have a stored value. Every method blocks (database, secret store, network): call off the FX thread.
 */
public interface Connections {
    /** Demo mode: the connections point at the built-in sandbox and cannot be changed. */
    boolean isDemo();

    /**
     * True when a saved change only reaches the sync engine at the next start (the window says so).
     */
    boolean changesNeedRestart();

    /** The interval of a connection without its own cadence ({@code --cadence}, else 10 s demo / 60 s live). */
    default Duration defaultCadence() {
        return Duration.ofSeconds(60);
    }

    /** Every connection with its last sync run and which of its secrets are stored. */
    List<ConnectionStatus> list() throws ConnectionException;

    /**
     * Adds or updates {@code connection}. {@code enteredSecrets} maps secret field keys to newly typed
     * values; a field left out (or blank) keeps its stored value.
     */
    void save(Connection connection, Map<String, String> enteredSecrets) throws ConnectionException;

    /** Removes the connection and every secret it has. */
    void remove(String connectionId) throws ConnectionException;

    /**
     * One real call with {@code connection}'s settings and secrets ({@code enteredSecrets} over the stored
     * ones). Never throws for a refused key or an unreachable host: the outcome says what happened.
     */
    TestOutcome test(Connection connection, Map<String, String> enteredSecrets);

    /** A new id for a connection of {@code kind} named {@code displayName}, unused so far. */
    String newId(ConnectionKind kind, String displayName) throws ConnectionException;

    /**
     * One connection as the screen shows it.
     *
     * @param lastRun       the newest sync run of the connection's source, or null when it never ran
     * @param storedSecrets keys of the secret fields that have a stored value
     * @param problem       why the connection is not polled in this session (e.g. a secret is missing), or null
     */
    record ConnectionStatus(Connection connection, SyncRun lastRun, Set<String> storedSecrets, String problem) {
        public ConnectionStatus {
            Objects.requireNonNull(connection, "connection");
            storedSecrets = Set.copyOf(storedSecrets);
        }
    }

    /** Why a test failed, for plain words in the seller's language. */
    enum Failure {
        /** The key, token or signature was refused: a person must check it with the provider. */
        REFUSED,
        /** The provider throttled us; try again in a minute. */
        RATE_LIMITED,
        /** Network down, timeout, or the provider's server failing. */
        UNREACHABLE,
        /** The provider answered with an error of its own; {@link TestOutcome#detail()} holds its words. */
        PROVIDER_ERROR,
        /** A required setting or secret is empty; {@link TestOutcome#detail()} names the field. */
        MISSING_FIELD,
        /** StockLens has no connector for this kind yet (or it is not polled, like CSV). */
        NOT_SUPPORTED,
        /** The secret store could not be read (locked, wrong passphrase). */
        SECRETS_LOCKED,
        /** Anything else; {@link TestOutcome#detail()} says what. */
        OTHER
    }

    /**
     * A test's result: a probe when the call worked, else a failure with a detail that never holds a
     * secret.
     *
     * @param provider the provider's name for the message ("ShipBob", "TikTok Shop")
     */
    record TestOutcome(SourceProbe probe, Failure failure, String detail, String provider) {
        public static TestOutcome ok(SourceProbe probe, String provider) {
            return new TestOutcome(Objects.requireNonNull(probe, "probe"), null, null, provider);
        }

        public static TestOutcome failed(Failure failure, String detail, String provider) {
            return new TestOutcome(null, Objects.requireNonNull(failure, "failure"), detail, provider);
        }

        public boolean succeeded() {
            return probe != null;
        }
    }

    /** The store could not be read or written; the message is plain words and holds no secret. */
    final class ConnectionException extends Exception {
        private static final long serialVersionUID = 1L;

        public ConnectionException(String message, Throwable cause) {
            super(message, cause);
        }

        public ConnectionException(String message) {
            super(message);
        }
    }
}
