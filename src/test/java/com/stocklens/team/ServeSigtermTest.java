package com.stocklens.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --db URL} in its own JVM: it wins the leases, polls, logs to files; SIGTERM
 * ({@link Process#destroy()} on Linux) stops it with exit code 0, its leases released (no advisory lock,
 * no poller row, no session left on the server) and its log saying it stopped cleanly.
 */
class ServeSigtermTest {
    static EmbeddedPostgres pg;
    static String url;

    @BeforeAll
    static void start() throws IOException {
        pg = EmbeddedPostgres.builder().start();
        url = pg.getJdbcUrl("postgres", "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    @Test
    void sigtermStopsTheServerCleanlyAndReleasesItsLeases(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dstocklens.leaseSeconds=1",
                "-Dstocklens.desk=server-1",
                // The production logging (rolling file in <workspace>/logs), not the tests' console logging.
                "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(), "-cp", System.getProperty("java.class.path"), "com.stocklens.Launcher",
                "--demo", "--data-dir", dir.toString(), "--cadence", "2", "--db", url, "serve");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                }
            } catch (IOException e) {
                // ended
            }
        }, "serve-reader");
        reader.setDaemon(true);
        reader.start();
        Jdbi jdbi = Jdbi.create(url, "postgres", "");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int complete = 0;
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    complete = count(jdbi, "SELECT COUNT(*) FROM sync_run WHERE desk = 'server-1' AND status = 'COMPLETE'");
                } catch (RuntimeException notMigratedYet) {
                    complete = 0;
                }
                if (complete >= 2) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(p.isAlive()).as("serve runs: %s", out).isTrue();
            assertThat(complete).as("serve polled: %s", out).isGreaterThanOrEqualTo(2);
            assertThat(count(jdbi, "SELECT COUNT(*) FROM poller WHERE desk = 'server-1'")).isPositive();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'")).isPositive();
            // Another desk's `status --json` names the server as the poller of every API source.
            String status = statusJson(dir.resolve("viewer"));
            assertThat(status).containsPattern("\"id\" : \"shipbob:main\"[^}]*\"polledBy\" : \"server-1\"");

            long t0 = System.nanoTime();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(40, TimeUnit.SECONDS)).as("stopped: %s", out).isTrue();
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(p.exitValue()).as("exit code: %s", out).isZero();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM poller WHERE desk = 'server-1'")).as("poller rows").isZero();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'")).as("advisory locks").isZero();
            assertThat(count(jdbi, "SELECT COUNT(*) FROM sync_run WHERE desk = 'server-1' AND status = 'RUNNING'"))
                    .as("no run left running").isZero();
            // Client sessions only: an autovacuum worker busy on the same database is listed there too.
            String sessions = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND backend_type = 'client backend' AND pid <> pg_backend_pid()";
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3); // a backend ends a moment after its client
            while (count(jdbi, sessions) > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            List<String> open = jdbi.withHandle(h -> h.createQuery("SELECT backend_type || ' ' || COALESCE(application_name, '')"
                    + " || ' ' || COALESCE(state, '') || ' ' || COALESCE(query, '') FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()").mapTo(String.class).list());
            assertThat(count(jdbi, sessions)).as("sessions left open by the server (all sessions: %s)", String.valueOf(open))
                    .isZero();
            Path log;
            try (Stream<Path> files = Files.walk(dir)) {
                // The server's own log: the viewer desk's status command keeps a log of its own under viewer/.
                log = files.filter(f -> f.getFileName().toString().equals("stocklens.log"))
                        .filter(f -> !f.startsWith(dir.resolve("viewer"))).findFirst()
                        .orElseThrow(() -> new AssertionError("no log file under " + dir + ": " + out));
            }
            String text = Files.readString(log);
            assertThat(text).contains("serve: polling ").contains("serve: stopped cleanly");
            System.out.printf("serve: SIGTERM → exit 0 after %.1f s; leases released, %d snapshots written, log %s%n",
                    seconds, complete, log.getFileName());
        } finally {
            p.destroyForcibly();
        }
    }

    static String statusJson(Path dataDir) {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = com.stocklens.cli.StockLensCommand.commandLine(new com.stocklens.cli.StockLensCommand())
                    .execute("--data-dir", dataDir.toString(), "--demo", "--db", url, "status", "--json");
            assertThat(code).isZero();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static int count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
