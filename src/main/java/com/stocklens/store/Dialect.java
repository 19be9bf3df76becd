package com.stocklens.store;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The few places where PostgreSQL (team mode) and H2 need statements of their own. */
final class Dialect {
    /** Transaction-level advisory lock serialising snapshot commits across desks. */
    static final long COMMIT_LOCK = 0x53_4C_43_4F_4D_4D_49_54L; // "SLCOMMIT"
    /** Transaction-level advisory lock serialising rule evaluations and flag actions across desks. */
    static final long FLAGS_LOCK = 0x53_4C_46_4C_41_47_53_00L; // "SLFLAGS"

    private Dialect() {
    }

    static boolean isPostgres(Handle h) {
        try {
            return "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Runs {@code read} in a REPEATABLE READ transaction; on H2 with lazy query execution for that read only.
     * H2 otherwise copies a query's whole result before the first row is handed over, and past about 40,000
     * rows per GB of heap (its MAX_MEMORY_ROWS) writes that copy to a temporary file and reads it back: a
     * 100,000-row board read did both (BENCHMARKS.md). Lazily, the rows come straight from the tables. The
     * session's setting is put back afterwards, whatever the read did, so no other statement runs lazily.
     */
    static <T> T lazyRead(Jdbi jdbi, HandleCallback<T, RuntimeException> read) {
        return jdbi.withHandle(h -> {
            boolean h2 = !isPostgres(h);
            if (h2) {
                h.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            RuntimeException failure = null;
            try {
                return h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, read);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                if (h2) {
                    try {
                        h.execute("SET LAZY_QUERY_EXECUTION FALSE");
                    } catch (RuntimeException e) {
                        // The read's own failure is the one to tell; a connection that cannot be put back fails.
                        if (failure == null) {
                            throw e;
                        }
                        failure.addSuppressed(e);
                    }
                }
            }
        });
    }

    /** On PostgreSQL, waits for the commit lock (released with the transaction); nothing on H2. */
    static void lockCommits(Handle h) {
        xactLock(h, COMMIT_LOCK);
    }

    /** On PostgreSQL, waits for the flags lock (released with the transaction); nothing on H2. */
    static void lockFlags(Handle h) {
        xactLock(h, FLAGS_LOCK);
    }

    private static void xactLock(Handle h, long key) {
        if (isPostgres(h)) {
            h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) l").bind("key", key)
                    .mapTo(Integer.class).one();
        }
    }
}
