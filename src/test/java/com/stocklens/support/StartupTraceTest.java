package com.stocklens.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The start-up trace counts from the process's start as Linux counts it: the JDK's start instant (boot time in
 * whole seconds plus the start in ticks) put it 0.8 s early on a machine here, and the trace's first line read as
 * if the JVM had taken 0.6 s to reach main.
 */
class StartupTraceTest {
    /** A stat line whose command name holds spaces and parentheses; field 22 (the start) is 2475000 ticks. */
    private static final String STAT = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 120 30 0 0 20 0 "
            + "40 0 2475000 9000000000 100000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";

    @Test
    void theAgeIsUptimeLessTheStartInTicks() {
        // 24,754.44 s since boot, started at 24,750.00 s: 4,440 ms old.
        assertThat(StartupTrace.processAge(STAT, "24754.44 20532.23\n")).hasValue(4_440);
    }

    @Test
    void whatDoesNotReadAsLinuxsFilesGivesNothing() {
        assertThat(StartupTrace.processAge("no parenthesis here", "1.0 1.0")).isEmpty();
        assertThat(StartupTrace.processAge("1 (java) S 1 2 3", "1.0 1.0")).as("too few fields").isEmpty();
        assertThat(StartupTrace.processAge(STAT, "soon")).isEmpty();
        assertThat(StartupTrace.processAge(STAT, "24000.00 1.0")).as("started after now").isEmpty();
        assertThat(StartupTrace.processAge(STAT.replace(" 2475000 ", " x "), "24754.44 1.0")).isEmpty();
    }

    @Test
    void thisJvmsAgeIsItsUptimeAndTheLaunchBeforeIt() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux");
        long before = ManagementFactory.getRuntimeMXBean().getUptime();
        OptionalLong age = StartupTrace.processAge(Files.readString(Path.of("/proc/self/stat")),
                Files.readString(Path.of("/proc/uptime")));
        long after = ManagementFactory.getRuntimeMXBean().getUptime();

        assertThat(age).isPresent();
        // The process starts a little before the JVM counts its uptime; ticks and uptime are to the hundredth.
        assertThat(age.getAsLong()).isBetween(before - 20, after + 2_000);
    }
}
