package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --db URL}: every subcommand keeps its data in the shared PostgreSQL, not the workspace's file. */
class SharedDbCliTest extends CliHarness {
    static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws IOException {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    @Test
    void aSyncOnTheSharedDatabaseIsSeenFromAnotherWorkspace() throws Exception {
        String url = pg.getJdbcUrl("postgres", "postgres");
        assertThat(run("--demo", "--db", url, "sync", "--once")).as(stderr()).isZero();
        assertThat(Files.exists(dir.resolve("demo").resolve("db").resolve("stocklens.mv.db")))
                .as("no H2 file in team mode").isFalse();
        assertThat(run("--demo", "--db", url, "stock", "--json")).as(stderr()).isZero();
        String stock = stdout();
        assertThat(stock).contains("\"sku\"");

        // Another desk: a different workspace folder, the same shared database.
        Path other = Files.createTempDirectory("desk2");
        other.toFile().deleteOnExit();
        out.reset();
        err.reset();
        int code = StockLensCommand.commandLine(new StockLensCommand()).execute(
                "--data-dir", other.toString(), "--demo", "--db", url, "stock", "--json");
        assertThat(code).as(stderr()).isZero();
        assertThat(stdout()).isEqualTo(stock);
    }

    @Test
    void anUnreachableServerIsOneSentenceAndExitCodeOne() {
        int code = run("--db", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "status");
        assertThat(code).isNotZero();
        assertThat(stderr()).contains("127.0.0.1:1");
    }
}
