package com.stocklens.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's database: an embedded H2 2.4 file under {@code <dataDir>/db/}, migrated by
 * Flyway on open, handed out as a {@link Jdbi}.
 *
 * <p>H2's default file lock is kept on purpose (never {@code FILE_LOCK=NO}): it is what stops a
 * second process from opening the same file and corrupting it. That second process gets a
 * {@link WorkspaceInUseException}; any other failure to open becomes a
 * {@link WorkspaceOpenException} naming the file.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Base name of the H2 file: H2 adds {@code .mv.db}. */
    static final String FILE_BASE = "stocklens";

    /**
     * Databases open in this JVM. H2 lets a second connection in the same JVM share an open file
     * database silently, so without this set two windows in one process would both "own" the
     * workspace; the file lock only guards against other processes.
     */
    private static final Set<Path> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final String url;
    private final Path lockKey;
    private final JdbcConnectionPool pool;
    /**
     * Held for the Database's lifetime: H2 closes an embedded database when its last connection
     * closes, so without it every idle moment would close and reopen (and re-lock) the file.
     */
    private final Connection keeper;
    private final Jdbi jdbi;
    private boolean closed;

    private Database(String url, Path lockKey) throws SQLException {
        this.url = url;
        this.lockKey = lockKey;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        // Opening the keeper first is what takes (or fails on) the file lock.
        this.keeper = ds.getConnection();
        this.pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(16);
        this.jdbi = Jdbi.create(pool);
    }

    /**
     * Opens (creating if needed) the workspace database in {@code dataDir/db/stocklens.mv.db}
     * and migrates it to the current schema.
     *
     * @throws WorkspaceInUseException when another window or process has this workspace open
     * @throws WorkspaceOpenException  when the file cannot be opened or migrated
     */
    public static Database open(Path dataDir) {
        Path workspace = dataDir.toAbsolutePath().normalize();
        Path dbDir = workspace.resolve("db");
        Path file = dbDir.resolve(FILE_BASE + ".mv.db");
        Path lockKey;
        try {
            Files.createDirectories(dbDir);
            lockKey = dbDir.toRealPath().resolve(FILE_BASE);
        } catch (IOException e) {
            throw new WorkspaceOpenException(dbDir, "cannot create the directory (" + e + ")", e);
        }
        if (!OPEN_IN_THIS_JVM.add(lockKey)) {
            throw new WorkspaceInUseException(workspace, null);
        }
        Database db = null;
        try {
            db = new Database("jdbc:h2:file:" + lockKey, lockKey);
            db.migrate();
            LOG.info("Opened workspace database {}", file);
            return db;
        } catch (SQLException | RuntimeException e) {
            if (db != null) {
                db.close();
            } else {
                OPEN_IN_THIS_JVM.remove(lockKey);
            }
            if (hasErrorCode(e, ErrorCode.DATABASE_ALREADY_OPEN_1)) {
                throw new WorkspaceInUseException(workspace, e);
            }
            throw new WorkspaceOpenException(file, oneLine(e), e);
        }
    }

    /** A private in-memory database for tests and throwaway runs; gone when closed. */
    public static Database inMemory(String name) {
        try {
            Database db = new Database("jdbc:h2:mem:" + name, null);
            db.migrate();
            return db;
        } catch (SQLException | FlywayException e) {
            throw new WorkspaceOpenException(Path.of("mem:" + name), oneLine(e), e);
        }
    }

    private void migrate() {
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Entry point for every query; thread-safe, hands out pooled connections. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The JDBC URL, for logs and diagnostics. */
    public String url() {
        return url;
    }

    /** Closes the pool and the database, releasing the file lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.dispose();
        try {
            // The last connection to close shuts H2 down cleanly and releases the file lock.
            keeper.close();
        } catch (SQLException e) {
            LOG.warn("Closing database {} failed: {}", url, e.toString());
        } finally {
            if (lockKey != null) {
                OPEN_IN_THIS_JVM.remove(lockKey);
            }
        }
    }

    private static boolean hasErrorCode(Throwable t, int code) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    /** The most specific message in the chain, on one line, for the user-facing exception. */
    private static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
