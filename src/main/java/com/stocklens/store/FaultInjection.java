package com.stocklens.store;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.ErrorCode;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Test-only fault injection for the reliability tests (docs/RELIABILITY.md, "Store guarantees").
 *
 * <p>Inert in production: nothing happens unless the JVM runs with the system property
 * {@code stocklens.faults} set to exactly {@value #ARM_VALUE} <em>and</em> one of
 * <ul>
 *   <li>{@code stocklens.faults.haltAfterStep=N}: the process halts ({@link Runtime#halt}, like a
 *       kill -9: no shutdown hooks, no flush, no close) right after the N-th store step;</li>
 *   <li>{@code stocklens.faults.diskFullAtStep=N}: the N-th store step fails as a full disk does
 *       (an {@link SQLException} with H2's I/O error code caused by "No space left on device").</li>
 * </ul>
 * A <em>step</em> is one JDBC batch a snapshot commit executes (upserts, stock rows, channel rows,
 * lots), one statement of a calibration declaration, or the import record and the remembered column
 * mapping of a stock-file import. Steps are counted per JVM from the moment
 * the properties were read ({@link #reload()}); {@link #steps()} tells the tests how many one sync
 * takes, so they can sweep N over every one of them.
 */
public final class FaultInjection {
    /** The value {@code stocklens.faults} must have: long and explicit, so it is never set by accident. */
    public static final String ARM_VALUE = "test-only-kills-or-fails-the-store";

    private static final AtomicInteger STEPS = new AtomicInteger();
    private static volatile boolean armed;
    private static volatile int haltAfter;
    private static volatile int diskFullAt;

    static {
        reload();
    }

    private FaultInjection() {
    }

    /** Re-reads the system properties and restarts the step count (in-process tests arm and disarm with it). */
    public static synchronized void reload() {
        armed = ARM_VALUE.equals(System.getProperty("stocklens.faults"));
        haltAfter = armed ? Integer.getInteger("stocklens.faults.haltAfterStep", 0) : 0;
        diskFullAt = armed ? Integer.getInteger("stocklens.faults.diskFullAtStep", 0) : 0;
        STEPS.set(0);
    }

    /** Store steps counted since the last {@link #reload()} (only while armed; 0 in production). */
    public static int steps() {
        return STEPS.get();
    }

    /** Called by the store before a step; throws the injected disk failure when it is due. */
    static void beforeStep() throws SQLException {
        if (armed && diskFullAt > 0 && STEPS.get() + 1 == diskFullAt) {
            STEPS.incrementAndGet();
            throw new SQLException("IO Exception: \"No space left on device\" (injected)", "90028",
                    ErrorCode.IO_EXCEPTION_1, new IOException("No space left on device"));
        }
    }

    /** Called by the store after a step; halts the process when the armed step is reached. */
    static void afterStep() {
        if (!armed) {
            return;
        }
        int n = STEPS.incrementAndGet();
        if (haltAfter > 0 && n >= haltAfter) {
            Runtime.getRuntime().halt(137);
        }
    }

    /** A step outside a JDBC batch (a declaration statement); same rules. */
    static void step() {
        try {
            beforeStep();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
        afterStep();
    }
}
