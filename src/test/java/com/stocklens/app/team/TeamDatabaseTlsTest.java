package com.stocklens.app.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.stocklens.app.settings.LaunchOptions;
import com.stocklens.app.workspace.StartupException;
import com.stocklens.app.workspace.WorkspaceOpener;
import com.stocklens.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * sslmode=verify-full against a real PostgreSQL with ssl=on: a test CA and a server certificate for
 * localhost are made by openssl in the test; the right root certificate connects, a wrong one is
 * refused with a sentence that says the certificate could not be verified.
 */
class TeamDatabaseTlsTest {
    static Path dir;
    static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("stocklens-tls-");
        assumeTrue(openssl("version"), "openssl is not installed");
        // A CA, a server key and certificate for localhost signed by it, and an unrelated second CA.
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=StockLens Test CA",
                "-keyout", "ca.key", "-out", "ca.pem");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
                "-out", "server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "san.ext", "-out", "server.crt");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Somebody Else CA",
                "-keyout", "other.key", "-out", "other.pem");
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        assumeTrue(Files.exists(dir.resolve("server.crt")), "openssl could not make the certificates");
        pg = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", dir.resolve("server.key").toString())
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }

    private static boolean openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String url(String rootCert) {
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?sslmode=verify-full&sslrootcert=" + rootCert;
    }

    @Test
    void verifyFullWithTheRightRootCertificateConnects() {
        TeamDatabaseConfig.TestResult r = TeamDatabaseConfig.test(url(dir.resolve("ca.pem").toString()), "postgres",
                null);
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.message()).startsWith("Connected to PostgreSQL 14.");
        try (Database db = Database.openShared(url(dir.resolve("ca.pem").toString()), "postgres", null)) {
            boolean ssl = db.jdbi().withHandle(h -> h.createQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                    .mapTo(Boolean.class).one());
            assertThat(ssl).as("the session is encrypted").isTrue();
        }
    }

    @Test
    void aWrongRootCertificateIsRefusedInOneSentence() {
        String url = url(dir.resolve("other.pem").toString());
        TeamDatabaseConfig.TestResult r = TeamDatabaseConfig.test(url, "postgres", "canary-tls-pw");
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).startsWith("The server's certificate could not be verified (sslmode=verify-full)")
                .contains("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres")
                .doesNotContain("sslrootcert=").doesNotContain("canary-tls-pw");
        assertThatThrownBy(() -> Database.openShared(url, "postgres", null)).hasMessageContaining("localhost");
        // What `--db URL status` and the window's start say: the same sentence, no password, no query.
        LaunchOptions options = new LaunchOptions(false, dir, null, LaunchOptions.LIVE_CADENCE,
                java.time.Duration.ofMinutes(30), null, url);
        assertThatThrownBy(() -> WorkspaceOpener.open(options, Clock.systemUTC(),
                java.util.Map.of(TeamDatabaseConfig.SHARED_DB_PASSWORD_ENV, "canary-tls-pw"), com.stocklens.secrets.PassphrasePrompt.NONE))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Could not open the team database. The server's certificate could not be verified")
                .hasMessageNotContaining("canary-tls-pw").hasMessageNotContaining("other.pem");
    }

    @Test
    void theHostNameMustMatchTheCertificate() {
        // 127.0.0.2 is not in the certificate (localhost and 127.0.0.1 are): verify-full refuses it.
        String url = "jdbc:postgresql://127.0.0.2:" + pg.getPort() + "/postgres?sslmode=verify-full&sslrootcert="
                + dir.resolve("ca.pem") + "&connectTimeout=3";
        TeamDatabaseConfig.TestResult r = TeamDatabaseConfig.test(url, "postgres", null);
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).as(r.message()).matches("The server's certificate could not be verified.*"
                + "|The server could not be reached.*");
    }
}
