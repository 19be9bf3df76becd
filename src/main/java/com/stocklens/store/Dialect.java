package com.stocklens.store;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/** The few places where PostgreSQL (team mode) needs a statement H2 does not have. */
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
