package com.stocklens.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
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
    /** Linux's clock ticks a second for user space (USER_HZ), the unit of /proc/self/stat's times. */
    static final long TICKS_PER_SECOND = 100;
    private static final long PROCESS_START_MILLIS = ENABLED ? processStartMillis() : 0;
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

    /**
     * When this process started, in epoch milliseconds: on Linux from the kernel's own count ({@link #processAge});
     * elsewhere the JDK's start instant, else now. The JDK's start instant adds the process's start in clock ticks
     * to the boot time, which the kernel gives in whole seconds: on one machine here it put the start 0.8 s
     * early, and every figure of the trace with it.
     */
    private static long processStartMillis() {
        long now = System.currentTimeMillis();
        try {
            OptionalLong age = processAge(Files.readString(Path.of("/proc/self/stat")),
                    Files.readString(Path.of("/proc/uptime")));
            if (age.isPresent()) {
                return now - age.getAsLong();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted
        }
        return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(now);
    }

    /**
     * The process's age in milliseconds from Linux's {@code /proc/self/stat} (its field 22: the start, in clock
     * ticks since boot, {@value #TICKS_PER_SECOND} a second on every Linux) and {@code /proc/uptime} (seconds since
     * boot, to the hundredth); empty when either does not read as such.
     */
    static OptionalLong processAge(String stat, String uptime) {
        int close = stat.lastIndexOf(')');
        String[] uptimeFields = uptime.strip().split("\\s+");
        if (close < 0 || uptimeFields.length == 0) {
            return OptionalLong.empty();
        }
        // After the command name in parentheses: field 3 (the state) onwards, so field 22 is the 20th.
        String[] fields = stat.substring(close + 1).strip().split("\\s+");
        if (fields.length < 20) {
            return OptionalLong.empty();
        }
        try {
            long startTicks = Long.parseLong(fields[19]);
            double up = Double.parseDouble(uptimeFields[0]);
            long age = Math.round(up * 1000) - startTicks * 1000 / TICKS_PER_SECOND;
            return age >= 0 ? OptionalLong.of(age) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
