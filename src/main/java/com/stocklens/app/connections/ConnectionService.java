package com.stocklens.app.connections;

import com.stocklens.connector.ApiErrorException;
import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.RateLimitedException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.StockSource;
import com.stocklens.connector.TransientSourceException;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionField;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.domain.SourceProbe;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.service.Connections;
import com.stocklens.service.SecretStore;
import com.stocklens.service.SecretStore.SecretStoreException;
import com.stocklens.store.ConnectionRepository;
import com.stocklens.store.SnapshotRepository;
import com.stocklens.support.Redactor;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Connections} over the connection table, the secret store and the sync runs. In demo mode it
 * lists the sandbox connections (read-only; tests still make real calls to the sandbox). Connections
 * from the environment ({@code STOCKLENS_TIKTOK_*}, {@code STOCKLENS_SHIPBOB_*}) are an overlay: they
 * show in the list, their secrets win over stored ones, and they are never written to the store unless the
 * seller saves them from the screen (then only their non-secret settings and the secrets they typed).
 */
public final class ConnectionService implements Connections {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionService.class);

    /** A connection with secrets that come from outside the store (demo constants, environment). */
    public record Fixed(Connection connection, Map<String, String> secrets) {
    }

    private final boolean demo;
    private final List<Fixed> fixed;
    private final ConnectionRepository repo;
    private final SecretStore secrets;
    private final SnapshotRepository runs;
    private final SourceFactory factory;
    private final Clock clock;
    private final Map<String, String> startProblems;
    private Duration defaultCadence = Duration.ofSeconds(60);
    /** Set for an open snapshot file: nothing is saved, removed or tested (no network), with this message. */
    private String readOnlyMessage;

    /** Lists the connections of an open snapshot file and refuses every change and test. */
    ConnectionService readOnly(String message) {
        this.readOnlyMessage = message;
        return this;
    }

    public ConnectionService(boolean demo, List<Fixed> fixed, ConnectionRepository repo, SecretStore secrets,
                      SnapshotRepository runs, SourceFactory factory, Clock clock, Map<String, String> startProblems) {
        this.demo = demo;
        this.fixed = List.copyOf(fixed);
        this.repo = repo;
        this.secrets = secrets;
        this.runs = Objects.requireNonNull(runs, "runs");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startProblems = Map.copyOf(startProblems);
        if (!demo) {
            Objects.requireNonNull(repo, "repo");
            Objects.requireNonNull(secrets, "secrets");
        }
    }

    @Override
    public boolean isDemo() {
        return demo;
    }

    ConnectionService withDefaultCadence(Duration cadence) {
        this.defaultCadence = cadence;
        return this;
    }

    @Override
    public Duration defaultCadence() {
        return defaultCadence;
    }

    @Override
    public boolean changesNeedRestart() {
        return true;
    }

    @Override
    public List<ConnectionStatus> list() throws ConnectionException {
        Map<String, ConnectionStatus> out = new LinkedHashMap<>();
        try {
            if (!demo) {
                for (Connection c : repo.list()) {
                    out.put(c.id(), status(c, storedSecretFields(c)));
                }
            }
            for (Fixed f : fixed) {
                Set<String> have = new HashSet<>(f.secrets().keySet());
                ConnectionStatus stored = out.get(f.connection().id());
                if (stored != null) {
                    have.addAll(stored.storedSecrets());
                    out.put(f.connection().id(), status(stored.connection(), have));
                } else {
                    out.put(f.connection().id(), status(f.connection(), have));
                }
            }
        } catch (RuntimeException e) {
            throw new ConnectionException("The connections could not be read: " + e.getMessage(), e);
        }
        return new ArrayList<>(out.values());
    }

    private ConnectionStatus status(Connection c, Set<String> storedSecrets) {
        // The last finished run says more than one still running (which has neither rows nor a result yet).
        List<SyncRun> recent = runs.recentRuns(c.id(), 3);
        SyncRun last = recent.stream().filter(r -> r.status() != SyncStatus.RUNNING).findFirst()
                .orElse(recent.isEmpty() ? null : recent.get(0));
        return new ConnectionStatus(c, last, storedSecrets, startProblems.get(c.id()));
    }

    /** Which secret fields have a value (the file store asks its passphrase once per session, on first use). */
    private Set<String> storedSecretFields(Connection c) {
        Set<String> have = new HashSet<>();
        for (ConnectionField f : c.kind().fields()) {
            if (!f.secret()) {
                continue;
            }
            try {
                if (secrets.get(c.secretKey(f.key())).isPresent()) {
                    have.add(f.key());
                }
            } catch (SecretStoreException e) {
                LOG.debug("{}: secret store unavailable while listing: {}", c.id(), e.getMessage());
            }
        }
        return have;
    }

    @Override
    public void save(Connection connection, Map<String, String> enteredSecrets) throws ConnectionException {
        if (readOnlyMessage != null) {
            throw new ConnectionException(readOnlyMessage);
        }
        if (demo) {
            throw new ConnectionException("Demo connections point at the built-in sandbox and cannot be changed");
        }
        Objects.requireNonNull(connection, "connection");
        try {
            // Secrets first: a connection row without its secret is worse than a secret without a row.
            for (Map.Entry<String, String> e : enteredSecrets.entrySet()) {
                ConnectionField field = connection.kind().field(e.getKey())
                        .orElseThrow(() -> new ConnectionException("Unknown field " + e.getKey()));
                if (!field.secret()) {
                    throw new ConnectionException(e.getKey() + " is not a secret field");
                }
                if (e.getValue() != null && !e.getValue().isBlank()) {
                    secrets.put(connection.secretKey(e.getKey()), e.getValue().strip());
                }
            }
            repo.save(connection, clock.instant());
            LOG.info("Saved connection {} ({}, enabled={})", connection.id(), connection.kind(), connection.enabled());
        } catch (SecretStoreException e) {
            throw new ConnectionException("The secrets could not be stored: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConnectionException("The connection could not be saved: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String connectionId) throws ConnectionException {
        if (readOnlyMessage != null) {
            throw new ConnectionException(readOnlyMessage);
        }
        if (demo) {
            throw new ConnectionException("Demo connections point at the built-in sandbox and cannot be removed");
        }
        try {
            Connection c = repo.find(connectionId).orElse(null);
            if (c == null) {
                return;
            }
            for (ConnectionField f : c.kind().fields()) {
                if (f.secret()) {
                    secrets.delete(c.secretKey(f.key()));
                }
            }
            repo.delete(connectionId);
            LOG.info("Removed connection {} and its secrets", connectionId);
        } catch (SecretStoreException e) {
            throw new ConnectionException("The secrets could not be deleted: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConnectionException("The connection could not be removed: " + e.getMessage(), e);
        }
    }

    @Override
    public String newId(ConnectionKind kind, String displayName) throws ConnectionException {
        Set<String> taken = new HashSet<>();
        list().forEach(s -> taken.add(s.connection().id()));
        String base = prefix(kind) + ":" + slug(displayName);
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String prefix(ConnectionKind kind) {
        return kind == ConnectionKind.TIKTOK_SHOP ? "tiktok" : kind.name().toLowerCase(Locale.ROOT);
    }

    static String slug(String name) {
        String s = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > 40) {
            s = s.substring(0, 40);
        }
        return s.isEmpty() ? "main" : s;
    }

    @Override
    public TestOutcome test(Connection connection, Map<String, String> enteredSecrets) {
        String provider = providerName(connection.kind());
        if (readOnlyMessage != null) {
            return TestOutcome.failed(Failure.NOT_SUPPORTED, readOnlyMessage, provider);
        }
        Map<String, String> values;
        try {
            values = secretsFor(connection, enteredSecrets);
        } catch (SecretStoreException e) {
            return TestOutcome.failed(Failure.SECRETS_LOCKED, e.getMessage(), provider);
        }
        StockSource source;
        try {
            source = factory.create(connection, values::get);
        } catch (UnsupportedOperationException e) {
            return TestOutcome.failed(Failure.NOT_SUPPORTED, null, provider);
        } catch (IllegalArgumentException e) {
            return TestOutcome.failed(Failure.MISSING_FIELD, scrub(missingField(e.getMessage()), values), provider);
        }
        try {
            SourceProbe probe = source.probe();
            LOG.info("Test of {}: {} shops, {} warehouses, {} SKUs, {} requests", connection.id(),
                    probe.shops().size(), probe.warehouses().size(), probe.skuCount(), probe.requests());
            return TestOutcome.ok(probe, provider);
        } catch (AuthenticationException e) {
            return failed(connection, Failure.REFUSED, e, values, provider);
        } catch (RateLimitedException e) {
            return failed(connection, Failure.RATE_LIMITED, e, values, provider);
        } catch (ApiErrorException e) {
            return failed(connection, Failure.PROVIDER_ERROR, e, values, provider);
        } catch (TransientSourceException e) {
            return failed(connection, Failure.UNREACHABLE, e, values, provider);
        } catch (SourceException e) {
            return failed(connection, e.getCause() instanceof InterruptedIOException ? Failure.UNREACHABLE
                    : Failure.OTHER, e, values, provider);
        } catch (RuntimeException e) {
            LOG.warn("Test of {} failed unexpectedly: {}", connection.id(), e.getClass().getSimpleName());
            return TestOutcome.failed(Failure.OTHER, scrub(String.valueOf(e.getMessage()), values), provider);
        }
    }

    private static TestOutcome failed(Connection c, Failure failure, SourceException e, Map<String, String> secrets,
                                      String provider) {
        String detail = scrub(e.getMessage(), secrets);
        LOG.info("Test of {} failed ({}): {}", c.id(), failure, detail);
        return TestOutcome.failed(failure, detail, provider);
    }

    /** "WINIT UK: token is not set" → "token". */
    private static String missingField(String message) {
        if (message == null) {
            return null;
        }
        int colon = message.lastIndexOf(": ");
        String rest = colon >= 0 ? message.substring(colon + 2) : message;
        return rest.endsWith(" is not set") ? rest.substring(0, rest.length() - " is not set".length()) : rest;
    }

    /** A provider's words with any secret value we hold cut out, in case an API echoes a credential. */
    static String scrub(String text, Map<String, String> secrets) {
        Redactor.rememberAll(secrets.values());
        return Redactor.redact(text);
    }

    /**
     * The secret values for a test or a sync: typed values, else the environment's (or demo constants),
     * else the stored ones.
     */
    Map<String, String> secretsFor(Connection connection, Map<String, String> entered) throws SecretStoreException {
        return secretsFor(demo, fixed, secrets, connection, entered);
    }

    /**
     * {@link #secretsFor(Connection, Map)} before the service exists: the connection assembly looks the
     * polled connections' secrets up this way, then builds the one service with what failed.
     */
    static Map<String, String> secretsFor(boolean demo, List<Fixed> fixed, SecretStore secrets, Connection connection,
                                          Map<String, String> entered) throws SecretStoreException {
        Map<String, String> out = new HashMap<>();
        Map<String, String> overlay = fixed.stream().filter(f -> f.connection().id().equals(connection.id()))
                .findFirst().map(Fixed::secrets).orElse(Map.of());
        for (ConnectionField f : connection.kind().fields()) {
            if (!f.secret()) {
                continue;
            }
            String typed = entered.get(f.key());
            if (typed != null && !typed.isBlank()) {
                out.put(f.key(), typed.strip());
            } else if (overlay.containsKey(f.key())) {
                out.put(f.key(), overlay.get(f.key()));
            } else if (!demo) {
                secrets.get(connection.secretKey(f.key())).ifPresent(v -> out.put(f.key(), v));
            }
        }
        // Whatever a source is built with may come back in a provider's error text: the redactor knows it.
        Redactor.rememberAll(out.values());
        Redactor.remember(connection.settings().get("app_key"));
        return out;
    }

    static String providerName(ConnectionKind kind) {
        return switch (kind) {
            case TIKTOK_SHOP -> "TikTok Shop";
            case SHIPBOB -> "ShipBob";
            case WINIT -> "WINIT";
            case SHIPMONK -> "ShipMonk";
            case FLEXPORT -> "Flexport";
            case GOODCANG -> "GoodCang";
            case CSV -> "CSV";
        };
    }
}
