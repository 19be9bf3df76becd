package com.stocklens.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The start-up trace (issue 20), on with {@code -Dstocklens.startupTrace=true}: each phase of a start marks
 * its end here, and the log gets one line per phase with its own milliseconds and the milliseconds since the
 * process started, e.g. {@code startup trace: workspace opened +212 ms (1,480 ms since process start)}.
 * Phases marked before logging is set up wait in a buffer until {@link #logTo} names the log. Off, every
 * call returns at once.
 */
public final class StartupTrace {
    /** The system property that turns the trace on. */
    public static final String PROPERTY = "stocklens.startupTrace";

    private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);
    private static final long PROCESS_START_MILLIS = processStartMillis();
    private static final List<String> PENDING = new ArrayList<>();
    private static Consumer<String> sink;
    private static long lastMillis = PROCESS_START_MILLIS;

    private StartupTrace() {
    }

    /** Whether the trace is on. */
    public static boolean enabled() {
        return ENABLED;
    }

    /** Marks the end of {@code phase}: its time is what passed since the previous mark (or the process start). */
    public static void mark(String phase) {
        if (!ENABLED) {
            return;
        }
        long now = System.currentTimeMillis();
        String line;
        Consumer<String> to;
        synchronized (StartupTrace.class) {
            line = String.format(Locale.ROOT, "startup trace: %s +%,d ms (%,d ms since process start) [%s]", phase,
                    now - lastMillis, now - PROCESS_START_MILLIS, Thread.currentThread().getName());
            lastMillis = now;
            to = sink;
            if (to == null) {
                PENDING.add(line);
                return;
            }
        }
        to.accept(line);
    }

    /** From now on lines go to {@code log} (the app's logger, once it is set up); buffered lines first. */
    public static void logTo(Consumer<String> log) {
        if (!ENABLED) {
            return;
        }
        List<String> buffered;
        synchronized (StartupTrace.class) {
            buffered = new ArrayList<>(PENDING);
            PENDING.clear();
            sink = log;
        }
        buffered.forEach(log);
    }

    /** Milliseconds since the process started (the OS's start time; the JVM's own start when unknown). */
    public static long sinceProcessStart() {
        return System.currentTimeMillis() - PROCESS_START_MILLIS;
    }

    private static long processStartMillis() {
        return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                .orElseGet(System::currentTimeMillis);
    }
}
