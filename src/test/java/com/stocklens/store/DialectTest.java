package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lazy read is lazy on H2 for that read only: the pooled connection goes back as it came. */
class DialectTest {
    @TempDir
    Path dir;

    private static boolean lazy(Handle h) {
        try {
            Connection c = h.getConnection().unwrap(JdbcConnection.class);
            return ((SessionLocal) ((JdbcConnection) c).getSession()).isLazyQueryExecution();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReadRunsLazilyAndTheConnectionGoesBackEager() {
        try (Database db = Database.open(dir)) {
            boolean during = Dialect.lazyRead(db.jdbi(), DialectTest::lazy);

            assertThat(during).isTrue();
            // Every connection the pool hands out afterwards is eager again (the pool keeps a few).
            for (int i = 0; i < 4; i++) {
                assertThat(db.jdbi().withHandle(DialectTest::lazy)).isFalse();
            }
        }
    }

    @Test
    void aFailedReadPutsTheSettingBackToo() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> Dialect.lazyRead(db.jdbi(), h -> {
                throw new IllegalStateException("the read failed");
            })).hasMessage("the read failed");

            assertThat(db.jdbi().withHandle(DialectTest::lazy)).isFalse();
        }
    }
}
