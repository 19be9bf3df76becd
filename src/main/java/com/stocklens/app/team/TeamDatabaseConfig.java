package com.stocklens.app.team;

import com.stocklens.app.settings.UserSettings;
import com.stocklens.secrets.PassphrasePrompt;
import com.stocklens.secrets.SecretStores;
import com.stocklens.service.SecretStore;
import com.stocklens.store.Database;
import com.stocklens.store.WorkspaceOpenException;
import com.stocklens.support.Redactor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode's connection settings: the shared PostgreSQL's JDBC URL and role from {@code --db} or the
 * workspace's {@code settings.properties} ({@code db.url}, {@code db.user}); its password from
 * {@code STOCKLENS_DB_PASSWORD} or the secret store (key {@value #PASSWORD_KEY}), never from settings,
 * the URL, logs or messages.
 */
public final class TeamDatabaseConfig {
    /** The environment variable that carries the shared database's password in team mode. */
    public static final String SHARED_DB_PASSWORD_ENV = "STOCKLENS_DB_PASSWORD";
    /** Where the password lives in the secret store (OS keychain or secrets.enc). */
    public static final String PASSWORD_KEY = "team-db:password";
    /** Seconds a connection test (or open) waits for the server. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    private TeamDatabaseConfig() {
    }

    /** The settings' URL for {@code workspace}, if team mode is configured there. */
    public static Optional<String> settingsUrl(Path workspace) {
        return new UserSettings(workspace).dbUrl();
    }

    /** What tells where the password goes instead of a URL. */
    private static final String PASSWORD_GOES = "StockLens takes it from " + SHARED_DB_PASSWORD_ENV
            + " or the secret store (stocklens settings db --password-stdin)";

    /**
     * Checks a URL before it is saved or used: PostgreSQL only, and no secret in it in any form
     * ({@code password=}, {@code sslpassword=} or any other parameter naming a password, secret or token, or
     * {@code user:password@host}): it would end up in settings.properties, the logs and the process list.
     *
     * @throws IllegalArgumentException with a plain sentence saying where the password goes instead
     */
    public static void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The team database needs a JDBC URL such as "
                    + "jdbc:postgresql://db.example.com:5432/stocklens?sslmode=verify-full.");
        }
        if (!Database.isPostgresUrl(url.strip())) {
            throw new IllegalArgumentException("Only PostgreSQL is supported: the URL starts with jdbc:postgresql://.");
        }
        secretInUrl(url).ifPresent(what -> {
            throw new IllegalArgumentException("Leave the password out of the URL (it holds " + what + "): "
                    + PASSWORD_GOES + ".");
        });
    }

    /**
     * {@link #checkUrl} for a URL given with {@code --db}: the refusal also says that the password was visible
     * in the process list.
     */
    public static void checkCommandLineUrl(String url) {
        try {
            checkUrl(url);
        } catch (IllegalArgumentException e) {
            if (secretInUrl(url).isEmpty()) {
                throw e;
            }
            throw new IllegalArgumentException("--db refused: leave the password out of the URL (it holds "
                    + secretInUrl(url).get() + "), where every user of this machine can read it in the process list; "
                    + PASSWORD_GOES + ", so change that password and set it there.", e);
        }
    }

    /** What in {@code url} carries a secret ("an sslpassword parameter", "a password before the host"), if anything. */
    static Optional<String> secretInUrl(String url) {
        String u = url.strip();
        int scheme = u.indexOf("//");
        if (scheme >= 0) {
            int end = u.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int i = u.indexOf(c, scheme + 2);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            String authority = u.substring(scheme + 2, end);
            int at = authority.lastIndexOf('@');
            if (at >= 0 && authority.substring(0, at).contains(":")) {
                // Remembered so that a log or message that still quotes the URL shows no password.
                Redactor.remember(authority.substring(authority.indexOf(':') + 1, at));
                return Optional.of("a password before the host");
            }
        }
        int q = u.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String part : u.substring(q + 1).split("[&;]")) {
            int eq = part.indexOf('=');
            String name = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (name.contains("password") || name.contains("passwd") || name.equals("pwd") || name.contains("secret")
                    || name.contains("token")) {
                Redactor.remember(eq < 0 ? null : part.substring(eq + 1));
                return Optional.of("the " + name + " parameter");
            }
        }
        return Optional.empty();
    }

    /**
     * The password for the team database: {@code STOCKLENS_DB_PASSWORD} when set, else the secret store's
     * entry, else null (a server that trusts the role, or a client certificate).
     */
    public static String password(Map<String, String> env, Supplier<SecretStore> secrets) {
        String fromEnv = env.get(SHARED_DB_PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            Redactor.remember(fromEnv);
            return fromEnv;
        }
        try {
            String stored = secrets.get().get(PASSWORD_KEY).orElse(null);
            Redactor.remember(stored);
            return stored;
        } catch (SecretStore.SecretStoreException | RuntimeException e) {
            // The message names the store's state, never a value.
            // Looked up here, not held: the window's start reads this config before logging is set up (issue 20).
            Logger log = LoggerFactory.getLogger(TeamDatabaseConfig.class);
            log.warn("The team database password could not be read from the secret store: {}", e.getMessage());
            return null;
        }
    }

    /**
     * The secret store of {@code workspace} (OS keychain or secrets.enc) for the commands that keep the team
     * database's password: no prompt, the passphrase only from {@code STOCKLENS_PASSPHRASE}.
     */
    public static SecretStore secretStore(Path workspace, Map<String, String> env) {
        return SecretStores.choose(workspace, env, PassphrasePrompt.NONE);
    }

    /** The password from {@code STOCKLENS_DB_PASSWORD}, else {@code workspace}'s secret store (no prompt). */
    public static String password(Path workspace, Map<String, String> env) {
        return password(env, () -> secretStore(workspace, env));
    }

    /** The URL without its query (which may name files and options), for messages and logs. */
    public static String safeUrl(String url) {
        return Database.safeUrl(url);
    }

    /** The outcome of a connection test: the server's version, or the refusal, in one sentence. */
    public record TestResult(boolean ok, String message) {
    }

    /**
     * Makes a real connection (blocking, up to {@value #CONNECT_TIMEOUT_SECONDS} s) and reports the server's
     * version, or why it refused, in one plain sentence without the password.
     */
    public static TestResult test(String url, String user, String password) {
        try {
            checkUrl(url);
        } catch (IllegalArgumentException e) {
            return new TestResult(false, e.getMessage());
        }
        Properties p = new Properties();
        if (user != null && !user.isBlank()) {
            p.setProperty("user", user.strip());
        }
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        try (Connection c = DriverManager.getConnection(url.strip(), p)) {
            var md = c.getMetaData();
            return new TestResult(true, "Connected to " + md.getDatabaseProductName() + " "
                    + md.getDatabaseProductVersion() + " at " + Database.safeUrl(url.strip()) + ".");
        } catch (SQLException e) {
            return new TestResult(false, explain(url, e, password));
        }
    }

    /** Why the team database at {@code url} did not open, in one sentence for the person (never the password). */
    public static String notOpened(String url, WorkspaceOpenException e, String password) {
        return "Could not open the team database. " + explain(url, e.getCause() == null ? e : e.getCause(), password);
    }

    /** A refusal in one plain sentence (never the password, never the URL's query). */
    public static String explain(String url, Throwable e, String password) {
        String where = Database.safeUrl(url == null ? "" : url.strip());
        String all = chain(e).toLowerCase(Locale.ROOT);
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        String sentence;
        if (all.contains("pkix") || all.contains("certificate") || all.contains("sslhandshake")
                || all.contains("unable to find valid certification path") || all.contains("hostname")
                && all.contains("ssl")) {
            sentence = "The server's certificate could not be verified (sslmode=verify-full): check the root "
                    + "certificate file (sslrootcert) and that the host name matches the certificate";
        } else if (all.contains("server does not support ssl")) {
            sentence = "The server does not accept TLS connections: enable ssl on the server or choose another sslmode";
        } else if (state.equals("28P01") || all.contains("password authentication failed")) {
            sentence = "The server refused the user name or password";
        } else if (state.equals("28000") || all.contains("no pg_hba.conf entry")) {
            sentence = "The server does not allow this user from this computer (pg_hba.conf)";
        } else if (state.equals("3D000") || all.contains("does not exist") && all.contains("database")) {
            sentence = "The database named in the URL does not exist on the server";
        } else if (state.startsWith("08") || all.contains("connection refused") || all.contains("timed out")
                || all.contains("unknownhost")) {
            sentence = "The server could not be reached: check the host, the port and the network";
        } else {
            sentence = "The connection failed: " + firstLine(e);
        }
        String message = sentence + " (" + where + ").";
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            b.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return b.toString();
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }
}
