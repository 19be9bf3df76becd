package com.stocklens.app.team;

import com.stocklens.app.connections.LazySecretStore;
import com.stocklens.app.settings.UserSettings;
import com.stocklens.service.SecretStore;
import com.stocklens.service.TeamDatabase;
import com.stocklens.store.Database;
import com.stocklens.store.WorkspaceMover;
import com.stocklens.store.WorkspaceOpenException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The window's {@link TeamDatabase}: settings.properties, the secret store and {@link WorkspaceMover}. */
public final class TeamDatabaseService implements TeamDatabase {
    private final Path workspace;
    private final Map<String, String> env;
    private final Supplier<SecretStore> secrets;
    private final Supplier<Database> local;
    private final boolean active;

    /**
     * @param workspace the workspace whose settings.properties holds db.url
     * @param env       the environment (STOCKLENS_DB_PASSWORD overrides the stored password)
     * @param secrets   the secret store, opened on first use (off the FX thread)
     * @param local     this session's database: the source of a move
     * @param active    true when this session already runs on the team database
     */
    public TeamDatabaseService(Path workspace, Map<String, String> env, Supplier<SecretStore> secrets,
                               Supplier<Database> local, boolean active) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.env = Map.copyOf(env);
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.local = Objects.requireNonNull(local, "local");
        this.active = active;
    }

    /**
     * The service for {@code settingsWorkspace} (whose settings.properties holds db.url), its secret store
     * chosen on first use without a prompt.
     */
    public static TeamDatabaseService forWorkspace(Path settingsWorkspace, Map<String, String> env,
                                                   Supplier<Database> local, boolean active) {
        SecretStore store = new LazySecretStore(() -> TeamDatabaseConfig.secretStore(settingsWorkspace, env));
        return new TeamDatabaseService(settingsWorkspace, env, () -> store, local, active);
    }

    @Override
    public Config current() {
        UserSettings settings = new UserSettings(workspace);
        String url = settings.dbUrl().orElse("");
        return parse(url, settings.dbUser().orElse(""), false, active);
    }

    /** Splits a saved URL into the dialog's fields: sslmode and sslrootcert out of the query. */
    static Config parse(String jdbcUrl, String user, boolean passwordStored, boolean active) {
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        SslMode mode = jdbcUrl.isEmpty() ? SslMode.VERIFY_FULL : SslMode.DISABLE;
        String rootCert = "";
        List<String> rest = new ArrayList<>();
        if (q >= 0) {
            for (String part : jdbcUrl.substring(q + 1).split("&")) {
                if (part.startsWith("sslmode=")) {
                    String v = part.substring("sslmode=".length());
                    mode = switch (v) {
                        case "verify-full", "verify-ca" -> SslMode.VERIFY_FULL;
                        case "require", "prefer", "allow" -> SslMode.REQUIRE;
                        default -> SslMode.DISABLE;
                    };
                } else if (part.startsWith("sslrootcert=")) {
                    rootCert = part.substring("sslrootcert=".length());
                } else if (!part.isBlank()) {
                    rest.add(part);
                }
            }
        }
        String url = rest.isEmpty() ? base : base + "?" + String.join("&", rest);
        return new Config(url, user, mode, rootCert, passwordStored, active);
    }

    private String password(String entered) {
        if (entered != null && !entered.isEmpty()) {
            return entered;
        }
        return TeamDatabaseConfig.password(env, secrets);
    }

    @Override
    public TestResult test(Config config, String password) {
        TeamDatabaseConfig.TestResult r = TeamDatabaseConfig.test(config.jdbcUrl(), config.user(), password(password));
        return new TestResult(r.ok(), r.message());
    }

    @Override
    public void save(Config config, String password) throws SecretStore.SecretStoreException {
        TeamDatabaseConfig.checkUrl(config.url().isEmpty() ? null : config.jdbcUrl());
        if (password != null && !password.isEmpty()) {
            secrets.get().put(TeamDatabaseConfig.PASSWORD_KEY, password);
        }
        new UserSettings(workspace).setDb(config.jdbcUrl(), config.user());
    }

    @Override
    public MoveOutcome moveTo(Config config, String password, Consumer<MoveProgress> progress,
                              BooleanSupplier cancelled) {
        String url = config.jdbcUrl();
        try {
            TeamDatabaseConfig.checkUrl(config.url().isEmpty() ? null : url);
        } catch (IllegalArgumentException e) {
            return new MoveOutcome(false, false, e.getMessage(), List.of());
        }
        String pw = password(password);
        Database team;
        try {
            team = Database.openShared(url, config.user(), pw);
        } catch (WorkspaceOpenException e) {
            return new MoveOutcome(false, false, TeamDatabaseConfig.notOpened(url, e, pw), List.of());
        }
        try (team) {
            WorkspaceTransfer.Result r = WorkspaceTransfer.copy(local.get(), team, false, progress, cancelled);
            return new MoveOutcome(true, false, String.format(Locale.ROOT,
                    "%,d rows in %d tables moved and verified.", r.rows(), r.tables().size()), r.tables());
        } catch (WorkspaceMover.MoveException e) {
            return new MoveOutcome(false, e.cancelled(), e.getMessage(), List.of());
        }
    }
}
