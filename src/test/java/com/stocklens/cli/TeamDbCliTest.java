package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.app.team.TeamDatabaseConfig;
import com.stocklens.secrets.SecretStores;
import com.stocklens.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Team mode from the command line: {@code settings db} and {@code workspace move} both ways. */
class TeamDbCliTest extends CliHarness {
    private static final String CANARY = "canary-db-pw-7Qx93";

    @AfterAll
    static void drop() {
        TestDatabases.dropAll();
    }

    private int runWith(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of("--data-dir", dataDir().toString()));
        all.addAll(List.of(args));
        return StockLensCommand.commandLine(new StockLensCommand().withEnvironment(env)).execute(all.toArray(String[]::new));
    }

    @Test
    void theDemoWorkspaceMovesToPostgresAndBackWithTheSameStock() throws Exception {
        assertThat(run("--demo", "sync", "--once")).as(stderr()).isZero();
        assertThat(run("--demo", "stock", "--json")).as(stderr()).isZero();
        String stock = stdout();

        String url = TestDatabases.emptyPostgresUrl();
        Map<String, String> env = Map.of(TeamDatabaseConfig.SHARED_DB_PASSWORD_ENV, CANARY);
        // The target must be migrated first: the move opens it, which migrates it.
        assertThat(runWith(env, "--demo", "workspace", "move", "--to", url, "--user", "postgres", "--json"))
                .as(stderr()).isZero();
        JsonNode summary = json();
        assertThat(summary.get("verified").asBoolean()).isTrue();
        assertThat(summary.get("rows").asLong()).isPositive();
        for (JsonNode t : summary.get("tables")) {
            assertThat(t.get("target").asLong()).as(t.get("table").asText()).isEqualTo(t.get("source").asLong());
        }
        assertThat(stderr()).contains("stock_row").contains("[100%]").contains("--db ").doesNotContain(CANARY);

        assertThat(runWith(env, "--demo", "--db", url, "stock", "--json")).as(stderr()).isZero();
        assertThat(stdout()).as("the team database shows the same stock").isEqualTo(stock);

        // A second move into the same database is refused: it is not empty any more.
        assertThat(runWith(env, "--demo", "workspace", "move", "--to", url)).isEqualTo(1);
        assertThat(stderr()).contains("already holds data").contains("nothing was copied");

        // And back into a new local folder.
        Path back = dir.resolve("back");
        assertThat(runWith(env, "--demo", "workspace", "move", "--from", url, "--to-dir", back.toString()))
                .as(stderr()).isZero();
        assertThat(stdout()).contains("moved and verified").contains("snapshot");
        out.reset();
        err.reset();
        int code = StockLensCommand.commandLine(new StockLensCommand()).execute(
                "--data-dir", back.toString(), "--demo", "stock", "--json");
        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).as("the local copy shows the same stock").isEqualTo(stock);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .as("the password in no file (logs, settings, databases): " + f).doesNotContain(CANARY);
            }
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("workspace", "move")).isEqualTo(2);
        assertThat(stderr()).contains("--to JDBC_URL");
        assertThat(run("workspace", "move", "--to", "jdbc:h2:mem:x")).isEqualTo(2);
        assertThat(stderr()).contains("Only PostgreSQL");
        assertThat(run("workspace", "move", "--from", "jdbc:postgresql://h/db")).isEqualTo(2);
        assertThat(run("workspace", "copy", "--to", "jdbc:postgresql://h/db")).isEqualTo(2);
    }

    @Test
    void anUnreachableTeamDatabaseFailsWithExitOne() {
        assertThat(run("workspace", "move", "--to", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2")).isEqualTo(1);
        assertThat(stderr()).contains("could not be reached").contains("127.0.0.1:1");
    }

    @Test
    void settingsDbKeepsTheUrlInSettingsAndThePasswordOnlyInTheSecretStore() throws Exception {
        String url = TestDatabases.freshPostgresUrl();
        Map<String, String> env = Map.of(SecretStores.STORE_ENV, "file", SecretStores.PASSPHRASE_ENV, "pass-phrase-1");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream((CANARY + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(runWith(env, "settings", "db", "--url", url, "--user", "postgres", "--password-stdin"))
                    .as(stderr()).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(stderr()).contains("Password stored in the encrypted file").doesNotContain(CANARY);
        String settings = Files.readString(dir.resolve("settings.properties"));
        assertThat(settings).contains("db.url=").contains("db.user=postgres").doesNotContain(CANARY);

        assertThat(runWith(env, "settings", "db", "--test", "--json")).as(stderr()).isZero();
        JsonNode n = json();
        assertThat(n.get("ok").asBoolean()).isTrue();
        assertThat(n.get("message").asText()).startsWith("Connected to PostgreSQL 14.");
        assertThat(n.get("user").asText()).isEqualTo("postgres");

        // Every subcommand now uses it without --db: a sync lands in PostgreSQL, not in a file.
        assertThat(runWith(env, "--demo", "settings", "db", "--url", url)).isZero();
        assertThat(runWith(env, "--demo", "sync", "--once")).as(stderr()).isZero();
        assertThat(Files.exists(dir.resolve("demo").resolve("db").resolve("stocklens.mv.db"))).isFalse();
        assertThat(runWith(env, "--demo", "--db", url, "status", "--json")).as(stderr()).isZero();

        // --db overrides the settings.
        assertThat(runWith(env, "--demo", "--db", "jdbc:postgresql://127.0.0.1:1/other?connectTimeout=2", "status"))
                .isNotZero();
        assertThat(stderr()).contains("127.0.0.1:1").doesNotContain(CANARY);

        assertThat(runWith(env, "settings", "db", "--clear")).isZero();
        assertThat(Files.readString(dir.resolve("settings.properties"))).doesNotContain("db.url");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .as("no plain password in " + f).doesNotContain(CANARY);
            }
        }
    }

    /**
     * Issue 18 item 5: no secret is accepted inside any URL form, neither by {@code settings db --url} (it would
     * be stored in settings.properties) nor by {@code --db} (the process list shows it to every user), nor from
     * a settings.properties written by hand; each refusal is one sentence saying where the password goes.
     */
    @Test
    void everyFormOfASecretInAUrlIsRefusedInOneSentence() throws Exception {
        List<String> urls = List.of(
                "jdbc:postgresql://h/db?user=a&password=" + CANARY,
                "jdbc:postgresql://h/db?sslmode=verify-full&sslpassword=" + CANARY,
                "jdbc:postgresql://h/db?PassWord=" + CANARY,
                "jdbc:postgresql://desk:" + CANARY + "@h:5432/db",
                "jdbc:postgresql://h/db?ssl=true&authToken=" + CANARY);
        int refused = 0;
        for (String url : urls) {
            assertThat(run("settings", "db", "--url", url)).as(url).isEqualTo(2);
            assertOneSentence(url);
            assertThat(run("--db", url, "status")).as(url).isEqualTo(2);
            assertOneSentence(url);
            assertThat(stderr()).contains("process list");
            refused += 2;
        }
        assertThat(Files.exists(dir.resolve("settings.properties"))
                && Files.readString(dir.resolve("settings.properties")).contains(CANARY)).isFalse();

        // A settings.properties written by hand: refused when the workspace opens, nothing connects.
        Files.writeString(dir.resolve("settings.properties"), "db.url=jdbc\\:postgresql\\://h/db?sslpassword=" + CANARY
                + "\n");
        assertThat(run("status")).isEqualTo(3);
        assertOneSentence("settings.properties");
        refused++;
        String example = stderr().strip();
        assertThat(run("--db", urls.get(3), "status")).isEqualTo(2);
        report("secrets in URLs: %d of %d refused in one sentence (settings db --url, --db, settings.properties), "
                + "the password in none of them; e.g. \"%s\" and \"%s\"", refused, urls.size() * 2 + 1, example,
                stderr().strip());
    }

    private void assertOneSentence(String what) {
        String message = stderr().strip();
        assertThat(message.lines().count()).as(what + ": " + message).isEqualTo(1);
        assertThat(message).as(what).containsIgnoringCase("leave the password out of the URL")
                .contains(TeamDatabaseConfig.SHARED_DB_PASSWORD_ENV).endsWith(".").doesNotContain(CANARY);
    }

    @Test
    void aPasswordInTheUrlIsRefused() {
        assertThat(run("settings", "db", "--url", "jdbc:postgresql://h/db?user=a&password=" + CANARY)).isEqualTo(2);
        assertThat(stderr()).contains("Leave the password out of the URL").doesNotContain(CANARY);
    }
}
