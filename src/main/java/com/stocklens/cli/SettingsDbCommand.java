package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.settings.UserSettings;
import com.stocklens.app.team.TeamDatabaseConfig;
import com.stocklens.service.SecretStore;
import com.stocklens.support.PlainWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code settings db}: the team database this workspace uses without {@code --db}. The URL and role go
 * to settings.properties ({@code db.url}, {@code db.user}); the password, read from stdin, to the secret
 * store. Without options it shows what is set (never the password).
 */
@Command(name = "db", description = "Team database: show, set (--url, --user, --password-stdin), --test or --clear "
        + "the shared PostgreSQL this workspace uses without --db.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (and with --test: connected)",
                "1:the test connection failed, or the password could not be stored",
                "2:a usage error (a URL with a password in it, --clear with other options, --test with no URL set)"})
final class SettingsDbCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "jdbc:postgresql://host:5432/db?sslmode=verify-full&sslrootcert=/path/root.crt (no password in it)")
    String url;

    @Option(names = "--user", paramLabel = "ROLE", description = "The database role to log in as.")
    String user;

    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin into the secret store.")
    boolean passwordStdin;

    @Option(names = "--clear", description = "Forget the team database (settings and stored password): back to the workspace's own file.")
    boolean clear;

    @Option(names = "--test", description = "Connect now and report the server's version or why it refused.")
    boolean test;

    @Option(names = "--json", description = "Print JSON (documented in docs/cli.md).")
    boolean json;

    CliPrinter printer = CliPrinter.system();

    @Override
    public Integer call() {
        StockLensCommand root = root();
        Map<String, String> env = root.environment();
        Path workspace = root.options().settingsWorkspace();
        if (clear && (url != null || user != null || passwordStdin)) {
            printer.message("--clear cannot be combined with --url, --user or --password-stdin.");
            return EXIT_USAGE;
        }
        UserSettings settings = new UserSettings(workspace);
        if (clear) {
            settings.setDb(null, null);
            try {
                TeamDatabaseConfig.secretStore(workspace, env).delete(TeamDatabaseConfig.PASSWORD_KEY);
            } catch (SecretStore.SecretStoreException e) {
                printer.message("The stored password could not be removed: " + PlainWords.clause(e.getMessage()) + ".");
            }
            printer.message("Team database forgotten: this workspace uses its own database file again.");
            return 0;
        }
        if (url != null || user != null) {
            String newUrl = url != null ? url.strip() : settings.dbUrl().orElse(null);
            try {
                TeamDatabaseConfig.checkUrl(newUrl);
            } catch (IllegalArgumentException e) {
                printer.message(e.getMessage());
                return EXIT_USAGE;
            }
            settings.setDb(newUrl, user != null ? user : settings.dbUser().orElse(null));
        }
        if (passwordStdin) {
            String password;
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                printer.message("Could not read the password from stdin.");
                return EXIT_FAILED;
            }
            if (password == null || password.isEmpty()) {
                printer.message("No password on stdin: nothing stored.");
                return EXIT_USAGE;
            }
            try {
                SecretStore store = TeamDatabaseConfig.secretStore(workspace, env);
                store.put(TeamDatabaseConfig.PASSWORD_KEY, password);
                printer.message("Password stored in the " + store.describe() + ".");
            } catch (SecretStore.SecretStoreException e) {
                printer.message("The password could not be stored: " + PlainWords.clause(e.getMessage()) + ".");
                return EXIT_FAILED;
            }
        }
        String currentUrl = settings.dbUrl().orElse(null);
        String currentUser = settings.dbUser().orElse(null);
        TeamDatabaseConfig.TestResult result = null;
        if (test) {
            if (currentUrl == null) {
                printer.message("No team database is set: use settings db --url JDBC_URL first.");
                return EXIT_USAGE;
            }
            result = TeamDatabaseConfig.test(currentUrl, currentUser, TeamDatabaseConfig.password(workspace, env));
        }
        if (json) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("file", workspace.resolve("settings.properties").toString());
            putOrNull(n, "url", currentUrl);
            putOrNull(n, "user", currentUser);
            if (result != null) {
                n.put("ok", result.ok());
                n.put("message", result.message());
            }
            printer.result(Json.write(n));
        } else {
            printer.result("Settings file: " + workspace.resolve("settings.properties"));
            printer.result("  db.url   " + (currentUrl == null ? "(not set: the workspace's own database file)" : currentUrl));
            printer.result("  db.user  " + (currentUser == null ? "(not set)" : currentUser));
            printer.result("  password " + (env.containsKey(TeamDatabaseConfig.SHARED_DB_PASSWORD_ENV)
                    ? "from STOCKLENS_DB_PASSWORD" : "from the secret store, if stored"));
            if (result != null) {
                printer.result(result.message());
            }
        }
        return result == null || result.ok() ? 0 : EXIT_FAILED;
    }

    private static void putOrNull(ObjectNode n, String key, String value) {
        if (value == null) {
            n.putNull(key);
        } else {
            n.put(key, value);
        }
    }

    private StockLensCommand root() {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof StockLensCommand r) {
                return r;
            }
        }
        throw new IllegalStateException("settings db is not under the stocklens command");
    }
}
