package com.stocklens.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Team mode's store: the H2 migrations run unchanged on a real PostgreSQL started by the test. */
class SharedDatabaseTest {
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
    void everyMigrationRunsOnPostgres() {
        String url = pg.getJdbcUrl("postgres", "postgres");
        try (Database db = Database.openShared(url, "postgres", "")) {
            assertTrue(db.isShared());
            int applied = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success").mapTo(Integer.class).one());
            int files = new java.io.File("src/main/resources/db/migration").list().length;
            assertEquals(files, applied, "every migration applied");
        }
        // opening again finds nothing to migrate
        try (Database db = Database.openShared(url, "postgres", "")) {
            assertTrue(db.url().startsWith("jdbc:postgresql:"));
        }
    }

    @Test
    void aFileUrlIsNotAShare() {
        assertThrows(WorkspaceOpenException.class, () -> Database.openShared("jdbc:h2:mem:x", "sa", ""));
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsQuery() {
        var e = assertThrows(WorkspaceOpenException.class, () -> Database.openShared(
                "jdbc:postgresql://127.0.0.1:1/none?password=canary-pw&connectTimeout=2", null, null));
        assertTrue(!e.getMessage().contains("canary-pw"), e.getMessage());
    }
}
