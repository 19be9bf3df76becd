package com.stocklens.store;

import com.stocklens.support.FileReasons;
import com.stocklens.support.PrivateFiles;
import com.stocklens.support.StartupTrace;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.ConnectionPoolDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGConnectionPoolDataSource;
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
     * How the workspace's file is named to H2: through H2's {@code retry:} file system, which opens the file
     * again when a thread was interrupted in the middle of a read or write. On the plain file system an
     * interrupt closes the file's channel under every connection (Java's interruptible channels): each read
     * and write after it fails until the process ends, and the close cannot write its last commits. Our
     * threads are interrupted by design (a window closing while its background read runs, an executor
     * shut down now); the store must outlive that. The retry clears the interrupt it absorbed.
     */
    static final String FILE_URL_PREFIX = "jdbc:h2:retry:";

    /** The H2 URL of the workspace file at {@code lockKey} (its path without {@code .mv.db}). */
    static String fileUrl(Path lockKey) {
        return FILE_URL_PREFIX + lockKey;
    }

    /** The workspace's database file, {@code workspace/db/stocklens.mv.db}, whether or not it exists. */
    public static Path fileIn(Path workspace) {
        return workspace.resolve("db").resolve(FILE_BASE + ".mv.db");
    }

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
    /** The workspace folder (null in memory): backups live in {@code <workspace>/backups/}. */
    private Path workspace;
    /** The shared database's data source (team mode), for connections outside the pool; else null. */
    private PGConnectionPoolDataSource sharedSource;
    /** What the open had to repair, for the person (null when nothing happened). */
    private String notice;
    /** Why the file is open read-only (a phrase: a full or read-only disk …), or null when it is writable. */
    private String writeRefusal;
    private boolean closed;

    private Database(String url, Path lockKey) throws SQLException {
        this(url, lockKey, h2Source(url), true);
    }

    private Database(String url, Path lockKey, JdbcDataSource ds, boolean keep) throws SQLException {
        // Opening the keeper first is what takes (or fails on) the file lock.
        this(url, lockKey, ds, keep ? ds.getConnection() : null);
    }

    private Database(String url, Path lockKey, ConnectionPoolDataSource ds, Connection keeper) {
        this.url = url;
        this.lockKey = lockKey;
        this.keeper = keeper;
        this.pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(16);
        this.jdbi = Jdbi.create(pool);
    }

    private static JdbcDataSource h2Source(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /**
     * Opens (creating if needed) the workspace database in {@code dataDir/db/stocklens.mv.db}
     * and migrates it to the current schema.
     *
     * @throws WorkspaceInUseException when another window or process has this workspace open
     * @throws WorkspaceOpenException  when the file cannot be opened or migrated
     */
    public static Database open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that names backups and moved-aside files. */
    public static Database open(Path dataDir, Clock clock) {
        return open(dataDir, clock, true);
    }

    /**
     * As {@link #open(Path, Clock)}; {@code backupIfDue} false leaves the daily backup to the first
     * {@link #backupIfDue} after a sync (the window: a backup of a large file must not hold up its start).
     */
    public static Database open(Path dataDir, Clock clock, boolean backupIfDue) {
        Path workspace = dataDir.toAbsolutePath().normalize();
        Path dbDir = workspace.resolve("db");
        Path file = fileIn(workspace);
        Path lockKey;
        try {
            Files.createDirectories(dbDir);
            lockKey = dbDir.toRealPath().resolve(FILE_BASE);
        } catch (IOException e) {
            throw WorkspaceOpenException.folder(workspace, dbDir, e);
        }
        if (!OPEN_IN_THIS_JVM.add(lockKey)) {
            throw new WorkspaceInUseException(workspace, null);
        }
        List<String> notices = new ArrayList<>();
        // A disk that refuses writes (read-only, no permission) is never taken for damage: read-only, as it is.
        String refusedBefore = Files.exists(file) ? DiskRefusal.before(dbDir, file) : null;
        if (refusedBefore == null) {
            try {
                Backups.applyRequestedRestore(workspace, file, clock).ifPresent(notices::add);
            } catch (IOException | RuntimeException e) {
                OPEN_IN_THIS_JVM.remove(lockKey);
                throw new WorkspaceOpenException(file, "cannot restore the requested backup (" + oneLine(e) + ")", e);
            }
        }
        try {
            Database db;
            String truncated = Corruption.truncated(file);
            try {
                if (refusedBefore != null) {
                    db = openReadOnly(workspace, lockKey, file, refusedBefore, truncated, null);
                } else {
                    if (truncated != null) {
                        // H2 would open it, silently falling back to whatever chunk survived: treat it as damaged.
                        throw new WorkspaceOpenException(file, truncated, null);
                    }
                    db = openAndMigrate(workspace, lockKey, file, clock);
                }
            } catch (WorkspaceOpenException e) {
                if (refusedBefore != null) {
                    throw e; // refused read-only as well: kept as it is, never moved aside
                }
                String refused = DiskRefusal.after(dbDir, file, e.getCause());
                if (refused != null) {
                    LOG.warn("Workspace database {} cannot be written ({}): opening it read-only", file, refused);
                    db = openReadOnly(workspace, lockKey, file, refused, truncated, e);
                } else {
                    String damage = truncated != null ? truncated
                            : Files.exists(file) ? Corruption.classify(file, e.getCause()) : null;
                    if (damage == null) {
                        throw e;
                    }
                    LOG.error("Workspace database {} cannot be opened ({}): moving it aside", file, damage,
                            e.getCause());
                    db = recover(workspace, lockKey, file, damage, clock, notices);
                }
            }
            if (db.writeRefusal == null) {
                // H2 made the file with the process's umask: the database is for its user only.
                PrivateFiles.restrictTree(dbDir);
            }
            if (!notices.isEmpty()) {
                db.notice = String.join(" ", notices);
                LOG.warn("{}", db.notice);
            }
            if (backupIfDue) {
                db.backupIfDue(clock.instant());
            }
            return db;
        } catch (RuntimeException e) {
            OPEN_IN_THIS_JVM.remove(lockKey);
            throw e;
        }
    }

    /**
     * Opens the file read-only because the disk refuses writes ({@code refusal}, a phrase): the data as it
     * is, nothing migrated, moved or backed up. A file that needs a migration, or one that is truncated,
     * is refused instead, in one sentence, and still kept as it is.
     *
     * @param failure the read-write open that failed, or null when it was not tried
     */
    private static Database openReadOnly(Path workspace, Path lockKey, Path file, String refusal, String truncated,
                                         WorkspaceOpenException failure) {
        if (truncated != null || !Files.exists(file)) {
            throw WorkspaceOpenException.refused(file, refusal, failure);
        }
        Database db = null;
        try {
            db = readOnlyInstance(lockKey);
            db.workspace = workspace;
            db.writeRefusal = refusal;
            if (Flyway.configure().dataSource(db.pool).locations("classpath:db/migration").load()
                    .info().pending().length > 0) {
                throw WorkspaceOpenException.refused(file, refusal + ", and this StockLens must first upgrade "
                        + "the database", failure);
            }
            LOG.info("Opened workspace database {} read-only: {}", file, refusal);
            return db;
        } catch (SQLException | RuntimeException e) {
            if (db != null) {
                db.closeKeepingLock();
            }
            if (hasErrorCode(e, ErrorCode.DATABASE_ALREADY_OPEN_1)) {
                throw new WorkspaceInUseException(workspace, e);
            }
            throw e instanceof WorkspaceOpenException w ? w : WorkspaceOpenException.refused(file, refusal, e);
        }
    }

    /** Moves the damaged file aside, then restores the newest backup that opens, else starts a fresh cache. */
    private static Database recover(Path workspace, Path lockKey, Path file, String damage, Clock clock,
                                    List<String> notices) {
        Path aside;
        try {
            aside = Backups.moveAside(file, "corrupt", clock);
        } catch (IOException e) {
            throw new WorkspaceOpenException(file, damage + "; it could not be moved aside (" + FileReasons.of(e) + ")", e);
        }
        String what = "The workspace database was " + damage + ". It was moved aside to " + aside + " (not deleted).";
        for (Backups.Backup b : Backups.list(workspace)) {
            try {
                Backups.restoreInto(b.path(), file.getParent());
                Database db = openAndMigrate(workspace, lockKey, file, clock);
                notices.add(what + " The backup of " + Backups.describe(b) + " was restored; "
                        + "the next sync brings stock up to date.");
                return db;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Backup {} cannot be restored: {}", b.path(), oneLine(e));
                try {
                    Files.deleteIfExists(file); // our own copy of the backup, not the person's data
                } catch (IOException ignored) {
                    // the next attempt overwrites it
                }
            }
        }
        Database db = openAndMigrate(workspace, lockKey, file, clock);
        notices.add(what + " No usable backup was found, so StockLens started a fresh database: the next sync "
                + "refills stock from the sources; stored connections and declarations must be entered again.");
        return db;
    }

    /**
     * H2 keeps a database whose write failed registered in this JVM until it has finished closing; a new
     * connection meanwhile is handed that closed instance ("The database has been closed"). Waits for it.
     */
    private static Database readOnlyInstance(Path lockKey) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return new Database(fileUrl(lockKey) + ";ACCESS_MODE_DATA=r", lockKey);
            } catch (SQLException e) {
                if (attempt == 20 || !hasErrorCode(e, ErrorCode.DATABASE_IS_CLOSED)) {
                    throw e;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static Database openAndMigrate(Path workspace, Path lockKey, Path file, Clock clock) {
        Database db = null;
        try {
            db = new Database(fileUrl(lockKey) + ";WRITE_DELAY=" + writeDelayMillis(), lockKey);
            db.workspace = workspace;
            db.migrate(clock);
            if (db.keeper.isReadOnly()) {
                // H2 opens a file it cannot write read-only by itself; say why, so nothing tries to write.
                String refusal = DiskRefusal.before(file.getParent(), file);
                db.writeRefusal = refusal != null ? refusal : "the database file " + file + " cannot be written";
                LOG.info("Opened workspace database {} read-only: {}", file, db.writeRefusal);
                return db;
            }
            LOG.info("Opened workspace database {}", file);
            return db;
        } catch (SQLException | RuntimeException e) {
            if (db != null) {
                db.closeKeepingLock();
            }
            if (hasErrorCode(e, ErrorCode.DATABASE_ALREADY_OPEN_1)) {
                throw new WorkspaceInUseException(workspace, e);
            }
            throw new WorkspaceOpenException(file, oneLine(e), e);
        }
    }

    /**
     * Opens a shared team-mode database by JDBC URL ({@code jdbc:postgresql://host/db?sslmode=verify-full}
     * …) and migrates it with the same Flyway migrations as the H2 file. There is no file lock
     * (many desks share it on purpose) and no file backups (the server's own backups apply).
     *
     * @throws WorkspaceOpenException when the server cannot be reached, refuses the login, or the
     *                                migration fails; the message says which
     */
    public static Database openShared(String jdbcUrl, String user, String password) {
        if (!isPostgresUrl(jdbcUrl)) {
            throw new WorkspaceOpenException(Path.of(safeUrl(jdbcUrl)),
                    "only PostgreSQL URLs (jdbc:postgresql://…) are supported for a shared database", null);
        }
        Database db = null;
        try {
            PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
            ds.setURL(jdbcUrl);
            if (user != null && !user.isBlank()) {
                ds.setUser(user);
            }
            if (password != null && !password.isEmpty()) {
                ds.setPassword(password);
            }
            db = new Database(jdbcUrl, null, ds, (Connection) null);
            db.sharedSource = ds;
            db.migrate(null);
            LOG.info("Opened shared database {}", safeUrl(jdbcUrl));
            return db;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            throw new WorkspaceOpenException(Path.of(safeUrl(jdbcUrl)), oneLine(e), e);
        }
    }

    /** Whether a JDBC URL names a PostgreSQL database (team mode). */
    public static boolean isPostgresUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL without its query and without a password before the host (both may carry one), for logs and messages. */
    public static String safeUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "";
        }
        int q = jdbcUrl.indexOf('?');
        String noQuery = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        return noQuery.replaceFirst("//([^/@:]*):[^/@]*@", "//$1@");
    }

    /** Whether this is a shared PostgreSQL database (team mode) rather than the workspace's H2 file. */
    public boolean isShared() {
        return isPostgresUrl(url);
    }

    /** System property: H2's delay between a commit and its write to the file, in milliseconds. */
    public static final String WRITE_DELAY_PROPERTY = "stocklens.h2.writeDelayMillis";

    /**
     * H2's {@code WRITE_DELAY}. Default 0: a commit is written to the file before it returns, so every
     * acknowledged write (a declaration the person saw recorded, an imported file) survives a kill -9 or
     * a full disk. H2's own default (500 ms) lost the last 15–38 acknowledged commits of a tight loop to
     * every kill here; docs/RELIABILITY.md has the measurement and WriteDelayBench the cost.
     */
    static int writeDelayMillis() {
        try {
            return Math.max(0, Integer.parseInt(System.getProperty(WRITE_DELAY_PROPERTY, "0").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A private in-memory database for tests and throwaway runs; gone when closed. */
    public static Database inMemory(String name) {
        try {
            Database db = new Database("jdbc:h2:mem:" + name, null);
            db.migrate(null);
            return db;
        } catch (SQLException | FlywayException e) {
            throw new WorkspaceOpenException(Path.of("mem:" + name), oneLine(e), e);
        }
    }

    /** Migrates; a file database that has a schema and pending migrations is backed up first. */
    private void migrate(Clock clock) {
        if (upToDate()) {
            StartupTrace.mark("schema up to date (Flyway not needed)");
            return;
        }
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load();
        if (workspace != null && clock != null) {
            var info = flyway.info();
            if (info.current() != null && info.pending().length > 0) {
                Path b = backup(clock.instant(), "before-v" + info.pending()[0].getVersion());
                LOG.info("Backed up {} before migrating to {}", b, info.pending()[info.pending().length - 1].getVersion());
            }
        }
        flyway.migrate();
    }

    /**
     * True when the schema history already records every migration on the class path, by version, each
     * successful, and nothing else: Flyway would find nothing to do, and loading it is a large share of a
     * window's start (issue 20). Anything else (a new database, a pending or failed migration, a schema from
     * a newer StockLens) goes to Flyway, which migrates, backs up first or refuses as before. What this
     * skips is Flyway's checksum check of migrations already applied: editing one is never done
     * (docs/STACK.md), and the next new migration brings the check back.
     */
    private boolean upToDate() {
        Set<String> onClassPath = Migrations.versions();
        if (onClassPath.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Connection c = pool.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                     + "WHERE \"version\" IS NOT NULL")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return false; // no history yet: a new database
        }
        return applied.equals(onClassPath);
    }

    /**
     * What opening had to do that the person should know (a damaged file moved aside and a backup
     * restored, a requested restore applied), in one or two plain sentences; empty when nothing.
     * The window shows it once; the CLI prints it to stderr.
     */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /**
     * Why nothing can be written now, as a phrase ("the disk holding … is full (0 KB free)", "… is on a
     * read-only file system"), when the workspace's file was opened read-only; empty when it is writable.
     * Every write would be refused: callers that write ask first and say this instead.
     */
    public Optional<String> writeRefusal() {
        return Optional.ofNullable(writeRefusal);
    }

    /** The workspace's backups, newest first (empty for an in-memory database). */
    public List<Backups.Backup> backups() {
        return workspace == null ? List.of() : Backups.list(workspace);
    }

    /**
     * An online backup now ({@code BACKUP TO}: consistent, while syncs go on) into
     * {@code <workspace>/backups/}, keeping the {@value Backups#KEEP} newest.
     *
     * @param label a word for the file name ("daily", "manual", "before-v10"), or null
     * @return the backup file
     */
    public synchronized Path backup(Instant at, String label) {
        if (workspace == null) {
            throw new IllegalStateException(isShared()
                    ? "A shared team database is backed up by its server (pg_dump or the host's backups), not by StockLens"
                    : "An in-memory database has no backups");
        }
        if (writeRefusal != null) {
            throw new StoreWriteException("no backup was taken: " + writeRefusal, null);
        }
        Path target = Backups.newFile(workspace, at, label);
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (var st = keeper.createStatement()) {
                st.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            PrivateFiles.restrict(target.getParent());
            PrivateFiles.restrict(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | SQLException e) {
            throw new StoreWriteException("backup failed: " + oneLine(e) + " (free space on " + target.getParent()
                    + ": " + StoreWriteFailures.freeSpace(target.getParent()) + ")", e);
        }
        Backups.prune(workspace);
        return target;
    }

    /**
     * The daily backup: makes one when the newest is older than a day (or there is none). Cheap to
     * call after every sync. Never throws: a failed backup is logged and tried again next time.
     *
     * @return the new backup, if one was made
     */
    public Optional<Path> backupIfDue(Instant now) {
        if (workspace == null || writeRefusal != null) {
            return Optional.empty();
        }
        try {
            List<Backups.Backup> existing = Backups.list(workspace);
            if (!existing.isEmpty() && existing.get(0).takenAt().isAfter(now.minus(Backups.DAILY))) {
                return Optional.empty();
            }
            return Optional.of(backup(now, "daily"));
        } catch (RuntimeException e) {
            LOG.warn("Daily backup of {} failed: {}", workspace, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Team mode: a new connection outside the pool, for a session that must live on its own (the
     * advisory-lock leases, LISTEN). The caller closes it.
     *
     * @throws IllegalStateException when this is not a shared database
     */
    public Connection dedicatedConnection() throws SQLException {
        if (sharedSource == null) {
            throw new IllegalStateException("Only a shared team database hands out dedicated connections");
        }
        return sharedSource.getConnection();
    }

    /** Entry point for every query; thread-safe, hands out pooled connections. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The JDBC URL without its query part, for logs and diagnostics. */
    public String url() {
        return safeUrl(url);
    }

    /** Closes the pool and the database, releasing the file lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closeKeepingLock();
        if (lockKey != null) {
            OPEN_IN_THIS_JVM.remove(lockKey);
        }
    }

    /** Closes the connections but keeps this JVM's claim on the workspace (a retry follows). */
    private synchronized void closeKeepingLock() {
        if (closed) {
            return;
        }
        closed = true;
        pool.dispose();
        if (keeper == null) {
            return;
        }
        try {
            // The last connection to close shuts H2 down cleanly and releases the file lock.
            keeper.close();
        } catch (SQLException e) {
            LOG.warn("Closing database {} failed: {}", url, e.toString());
        }
    }

    static boolean hasErrorCode(Throwable t, int code) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }

    /** The most specific message in the chain, on one line, for the user-facing exception. */
    static String oneLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof FileSystemException file) {
            // a file's failure in words, never a class name
            return (file.getFile() == null ? "" : file.getFile() + ": ") + FileReasons.of(file);
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }
}
