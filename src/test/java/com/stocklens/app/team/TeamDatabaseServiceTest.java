package com.stocklens.app.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.service.InMemorySecretStore;
import com.stocklens.service.TeamDatabase;
import com.stocklens.service.TeamDatabase.Config;
import com.stocklens.service.TeamDatabase.SslMode;
import com.stocklens.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's team database settings: the URL's TLS parameters split into fields; the password only in the store. */
class TeamDatabaseServiceTest {
    @TempDir
    Path dir;

    private final InMemorySecretStore memory = new InMemorySecretStore();

    @Test
    void aSavedUrlIsSplitIntoTheDialogsFieldsAndBack() {
        Config c = TeamDatabaseService.parse("jdbc:postgresql://db:5432/sl?sslmode=verify-full&sslrootcert=/ca.pem"
                + "&connectTimeout=5", "desk", false, false);
        assertThat(c.url()).isEqualTo("jdbc:postgresql://db:5432/sl?connectTimeout=5");
        assertThat(c.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(c.rootCert()).isEqualTo("/ca.pem");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/sl?connectTimeout=5&sslmode=verify-full&sslrootcert=/ca.pem");
        assertThat(TeamDatabaseService.parse("jdbc:postgresql://db/sl", "", false, false).sslMode())
                .as("no sslmode in a saved URL: the driver's default, shown as none").isEqualTo(SslMode.DISABLE);
        assertThat(TeamDatabaseService.parse("jdbc:postgresql://db/sl?sslmode=require", "", false, false).sslMode())
                .isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void saveWritesUrlAndUserToSettingsAndThePasswordToTheSecretStore() throws Exception {
        TeamDatabaseService service = new TeamDatabaseService(dir, Map.of(), () -> memory,
                () -> { throw new AssertionError("no move here"); }, false);
        service.save(new Config("jdbc:postgresql://db:5432/sl", "desk", SslMode.REQUIRE, "", false, false),
                "canary-pw-service");
        String settings = Files.readString(dir.resolve("settings.properties"));
        assertThat(settings).contains("db.url=jdbc\\:postgresql\\://db\\:5432/sl?sslmode\\=require")
                .contains("db.user=desk").doesNotContain("canary-pw-service");
        assertThat(memory.get(TeamDatabaseConfig.PASSWORD_KEY)).contains("canary-pw-service");
        assertThat(service.current().url()).isEqualTo("jdbc:postgresql://db:5432/sl");
        assertThat(service.current().sslMode()).isEqualTo(SslMode.REQUIRE);

        assertThatThrownBy(() -> service.save(new Config("jdbc:mysql://db/sl", "", SslMode.DISABLE, "", false, false),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Only PostgreSQL");
        // STOCKLENS_DB_PASSWORD wins over the stored one
        assertThat(TeamDatabaseConfig.password(Map.of(TeamDatabaseConfig.SHARED_DB_PASSWORD_ENV, "from-env"), () -> memory))
                .isEqualTo("from-env");
        assertThat(TeamDatabaseConfig.password(Map.of(), () -> memory)).isEqualTo("canary-pw-service");
    }

    @Test
    void theWindowsMoveCopiesThisWorkspaceIntoAnEmptyTeamDatabase() {
        String url = com.stocklens.store.TestDatabases.emptyPostgresUrl();
        try (Database local = Database.inMemory("service-move-" + System.nanoTime())) {
            new com.stocklens.store.SnapshotRepository(local.jdbi()).beginRun("x", java.time.Instant.now());
            TeamDatabaseService service = new TeamDatabaseService(dir, Map.of(), () -> memory, () -> local, false);
            TeamDatabase.MoveOutcome outcome = service.moveTo(TeamDatabaseService.parse(url, "postgres", false, false),
                    null, p -> { }, () -> false);
            assertThat(outcome.ok()).as(outcome.message()).isTrue();
            assertThat(outcome.tables()).anySatisfy(t -> {
                assertThat(t.table()).isEqualTo("sync_run");
                assertThat(t.target()).isEqualTo(1);
            });
            TeamDatabase.MoveOutcome again = service.moveTo(TeamDatabaseService.parse(url, "postgres", false, false),
                    null, p -> { }, () -> false);
            assertThat(again.ok()).isFalse();
            assertThat(again.message()).contains("already holds data");
        } finally {
            com.stocklens.store.TestDatabases.dropAll();
        }
    }
}
