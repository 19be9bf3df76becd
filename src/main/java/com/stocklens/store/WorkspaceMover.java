package com.stocklens.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a workspace's data from one {@link Database} to another (the laptop's H2 file to a team
 * PostgreSQL, or a team PostgreSQL to a new H2 workspace): every table of the Flyway-migrated
 * schema except Flyway's own history, parents before children, in batches, then identity counters
 * moved past the copied ids and the row counts of every table compared.
 *
 * <p>All or nothing: the copy is one transaction on the target; if anything fails (or the move is
 * cancelled, or the counts differ) the target is left empty and the message says so. The source
 * is read in one repeatable-read transaction, so other desks writing meanwhile do not tear the copy.
 */
public final class WorkspaceMover {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceMover.class);
    /** Rows per JDBC batch (and per progress report). */
    public static final int BATCH = 1_000;
    private static final String FLYWAY = "flyway_schema_history";

    /**
     * Where a move is.
     *
     * @param table     the table being copied
     * @param tableNo   its position, from 1
     * @param tables    how many tables there are
     * @param rowsDone  rows of this table copied so far
     * @param rowsTotal rows this table has
     * @param allDone   rows copied so far over all tables
     * @param allTotal  rows to copy over all tables
     */
    public record Progress(String table, int tableNo, int tables, long rowsDone, long rowsTotal, long allDone,
                           long allTotal) {
        /** Done fraction 0..1 (1 for an empty workspace). */
        public double fraction() {
            return allTotal == 0 ? 1.0 : (double) allDone / allTotal;
        }
    }

    /** One table's verification: rows in the source, rows in the target after the move. */
    public record TableCount(String table, long source, long target) {
        public boolean matches() {
            return source == target;
        }
    }

    /** What a move did: every table's counts, all equal. */
    public record Result(List<TableCount> tables, long rows, long millis) {
        public Result {
            tables = List.copyOf(tables);
        }
    }

    /** A move that did not happen; the message is one plain sentence that says the target was left empty. */
    public static final class MoveException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean cancelled;

        MoveException(String message, Throwable cause, boolean cancelled) {
            super(message, cause);
            this.cancelled = cancelled;
        }

        /** True when the person cancelled it (rather than a failure). */
        public boolean cancelled() {
            return cancelled;
        }
    }

    private final Database from;
    private final Database to;

    public WorkspaceMover(Database from, Database to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
    }

    /** The tables that move, parents before children (foreign keys), alphabetical otherwise. */
    public List<String> tables() {
        return from.jdbi().withHandle(h -> tables(h.getConnection()));
    }

    /** Rows per table in the target (a non-empty target is refused unless forced). */
    public Map<String, Long> targetCounts() {
        return to.jdbi().withHandle(h -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try {
                for (String t : tables(h.getConnection())) {
                    out.put(t, count(h.getConnection(), t));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the target's rows: " + Database.oneLine(e), e);
            }
            return out;
        });
    }

    /** True when the target holds no row in any table. */
    public boolean targetEmpty() {
        return targetCounts().values().stream().allMatch(n -> n == 0);
    }

    /**
     * Copies everything.
     *
     * @param force     replace what the target holds (otherwise a non-empty target is refused)
     * @param progress  told after every batch (on this thread)
     * @param cancelled asked between batches; true stops the move and leaves the target empty
     * @throws MoveException when the move did not happen (the target is left as it was, or empty)
     */
    public Result move(boolean force, Consumer<Progress> progress, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        String fromName = from.url();
        String toName = to.url();
        try (Handle src = from.jdbi().open(); Handle dst = to.jdbi().open()) {
            Connection in = src.getConnection();
            Connection out = dst.getConnection();
            String fromVersion = schemaVersion(in);
            String toVersion = schemaVersion(out);
            if (!Objects.equals(fromVersion, toVersion)) {
                throw new MoveException("The two databases are at different schema versions (" + fromVersion + " and "
                        + toVersion + "): open both with the same StockLens version first; nothing was copied.",
                        null, false);
            }
            List<String> tables = tables(in);
            Set<String> targetTables = new TreeSet<>(tables(out));
            if (!targetTables.containsAll(tables)) {
                throw new MoveException("The target database lacks tables of the workspace; nothing was copied.",
                        null, false);
            }
            if (!force) {
                for (String t : tables) {
                    if (count(out, t) > 0) {
                        throw new MoveException("The target database already holds data (table " + t + "): "
                                + "move into an empty database, or force the move to replace it; nothing was copied.",
                                null, false);
                    }
                }
            }
            in.setReadOnly(true);
            in.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            in.setAutoCommit(false);
            out.setAutoCommit(false);
            Map<String, Long> sourceCounts = new LinkedHashMap<>();
            long total = 0;
            for (String t : tables) {
                long n = count(in, t);
                sourceCounts.put(t, n);
                total += n;
            }
            long done = 0;
            try {
                List<String> reversed = new ArrayList<>(tables);
                Collections.reverse(reversed);
                for (String t : reversed) {
                    try (Statement s = out.createStatement()) {
                        s.executeUpdate("DELETE FROM " + t);
                    }
                }
                int no = 0;
                for (String t : tables) {
                    no++;
                    done = copy(in, out, t, no, tables.size(), sourceCounts.get(t), done, total, progress, cancelled);
                }
                out.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(out);
                throw e;
            } finally {
                in.commit();
                in.setAutoCommit(true);
                in.setReadOnly(false);
                in.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                out.setAutoCommit(true);
            }
            // After the commit: on H2 an ALTER TABLE would commit the copy's transaction half-way.
            List<TableCount> counts = new ArrayList<>();
            try {
                for (String t : identityTables(out)) {
                    restartIdentity(out, t);
                }
                for (String t : tables) {
                    counts.add(new TableCount(t, sourceCounts.get(t), count(out, t)));
                }
            } catch (SQLException | RuntimeException e) {
                clear(out, tables);
                throw e;
            }
            List<String> wrong = counts.stream().filter(c -> !c.matches())
                    .map(c -> c.table() + " " + c.source() + " → " + c.target()).toList();
            if (!wrong.isEmpty()) {
                clear(out, tables);
                throw new MoveException("The row counts differ after the copy (" + String.join(", ", wrong)
                        + "); the target " + toName + " was emptied again.", null, false);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            LOG.info("Moved {} rows in {} tables from {} to {} in {} ms", total, tables.size(), fromName, toName, millis);
            return new Result(counts, total, millis);
        } catch (MoveException e) {
            throw e;
        } catch (Cancelled e) {
            throw new MoveException("The move was cancelled; the target " + toName + " was left empty.", e, true);
        } catch (SQLException | RuntimeException e) {
            throw new MoveException("The move failed (" + Database.oneLine(e) + "); the target " + toName
                    + " was left empty.", e, false);
        }
    }

    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private static long copy(Connection in, Connection out, String table, int no, int tables, long rows, long done,
                             long total, Consumer<Progress> progress, BooleanSupplier cancelled) throws SQLException {
        progress.accept(new Progress(table, no, tables, 0, rows, done, total));
        if (rows == 0) {
            return done;
        }
        Map<String, Integer> targetTypes = columnTypes(out, table);
        try (Statement s = in.createStatement()) {
            s.setFetchSize(BATCH); // PostgreSQL streams (in a transaction) instead of loading the whole table
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<String> names = new ArrayList<>();
                int[] types = new int[n];
                for (int i = 1; i <= n; i++) {
                    String name = md.getColumnName(i).toLowerCase(Locale.ROOT);
                    names.add(name);
                    Integer target = targetTypes.get(name);
                    if (target == null) {
                        throw new SQLException("column " + table + "." + name + " is missing in the target");
                    }
                    types[i - 1] = target;
                }
                String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(n, "?")) + ")";
                long copied = 0;
                try (PreparedStatement p = out.prepareStatement(sql)) {
                    int pending = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            transfer(rs, p, i, types[i - 1]);
                        }
                        p.addBatch();
                        copied++;
                        if (++pending == BATCH) {
                            p.executeBatch();
                            pending = 0;
                            if (cancelled.getAsBoolean()) {
                                throw new Cancelled();
                            }
                            progress.accept(new Progress(table, no, tables, copied, rows, done + copied, total));
                        }
                    }
                    if (pending > 0) {
                        p.executeBatch();
                    }
                }
                progress.accept(new Progress(table, no, tables, copied, rows, done + copied, total));
                return done + copied;
            }
        }
    }

    /**
     * One value, read and bound by the target column's type. Vendor differences live here: PostgreSQL
     * hands a TIMESTAMPTZ out as {@code java.sql.Timestamp} from {@code getObject}, H2 as
     * {@code OffsetDateTime}; both agree on {@code OffsetDateTime} when asked for it.
     */
    private static void transfer(ResultSet rs, PreparedStatement p, int i, int type) throws SQLException {
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                if (t == null) {
                    p.setNull(i, type);
                } else {
                    p.setObject(i, t);
                }
            }
            case Types.DATE -> {
                LocalDate d = rs.getObject(i, LocalDate.class);
                if (d == null) {
                    p.setNull(i, type);
                } else {
                    p.setObject(i, d);
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = rs.getBoolean(i);
                if (rs.wasNull()) {
                    p.setNull(i, type);
                } else {
                    p.setBoolean(i, b);
                }
            }
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                int v = rs.getInt(i);
                if (rs.wasNull()) {
                    p.setNull(i, type);
                } else {
                    p.setInt(i, v);
                }
            }
            case Types.BIGINT -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    p.setNull(i, type);
                } else {
                    p.setLong(i, v);
                }
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal v = rs.getBigDecimal(i);
                if (v == null) {
                    p.setNull(i, type);
                } else {
                    p.setBigDecimal(i, v);
                }
            }
            default -> {
                String v = rs.getString(i);
                if (v == null) {
                    p.setNull(i, type);
                } else {
                    p.setString(i, v);
                }
            }
        }
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.put(md.getColumnName(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
            }
        }
        return out;
    }

    /** The schema's tables (lower case), parents first, Flyway's history left out. */
    static List<String> tables(Connection c) {
        try {
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!name.equals(FLYWAY)) {
                        names.add(name);
                    }
                }
            }
            Map<String, Set<String>> parents = new TreeMap<>();
            for (String t : names) {
                Set<String> ps = new TreeSet<>();
                for (String candidate : List.of(t, t.toUpperCase(Locale.ROOT))) {
                    try (ResultSet rs = md.getImportedKeys(null, schema, candidate)) {
                        while (rs.next()) {
                            String p = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                            if (!p.equals(t) && names.contains(p)) {
                                ps.add(p);
                            }
                        }
                    }
                }
                parents.put(t, ps);
            }
            List<String> ordered = new ArrayList<>();
            Set<String> placed = new TreeSet<>();
            while (ordered.size() < names.size()) {
                boolean progressed = false;
                for (String t : names) {
                    if (!placed.contains(t) && placed.containsAll(parents.get(t))) {
                        ordered.add(t);
                        placed.add(t);
                        progressed = true;
                    }
                }
                if (!progressed) {
                    throw new IllegalStateException("the foreign keys form a cycle");
                }
            }
            return ordered;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables: " + Database.oneLine(e), e);
        }
    }

    /** Tables with an identity column {@code id} (both engines answer information_schema.columns). */
    private static List<String> identityTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT table_name FROM information_schema.columns "
                + "WHERE LOWER(column_name) = 'id' AND is_identity = 'YES' AND LOWER(table_schema) = LOWER(?)")) {
            p.setString(1, c.getSchema());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    private static void restartIdentity(Connection c, String table) throws SQLException {
        long next;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            next = rs.getLong(1);
        }
        try (Statement s = c.createStatement()) {
            // Same statement on both engines (SQL standard identity columns).
            s.executeUpdate("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String schemaVersion(Connection c) throws SQLException {
        // Flyway creates its table with quoted lower-case names on both engines.
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"installed_rank\" FROM \"" + FLYWAY + "\""
                     + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.toString());
        }
    }

    /** Deletes every row again (children first): the move left nothing behind. */
    private static void clear(Connection c, List<String> tables) {
        try {
            c.setAutoCommit(false);
            List<String> reversed = new ArrayList<>(tables);
            Collections.reverse(reversed);
            for (String t : reversed) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM " + t);
                }
            }
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.error("could not empty the target after a failed move: {}", e.toString());
        }
    }
}
