package com.stocklens.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test class path with {@code -Xmx1g}, its peak resident memory read from
 * {@code /proc/<pid>/status} ({@code VmHWM}) every 20 ms while it runs: memory bounds measured, not guessed.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** What a child printed, how it ended, its peak resident memory and how long it took. */
    record Child(int exit, String stdout, String stderr, long peakRssMb, long seconds) {
    }

    /**
     * Runs {@code mainAndArgs} (a main class and its arguments) with {@code environment} laid over this one's
     * (less any {@code STOCKLENS_*}); its output goes to {@code files}.out / .err.
     */
    static Child run(List<String> mainAndArgs, Map<String, String> environment, Path files)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-Xlog:cds=off", "-cp",
                System.getProperty("java.class.path")));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("STOCKLENS_"));
        pb.environment().putAll(environment);
        Path out = Path.of(files + ".out");
        Path err = Path.of(files + ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peakKb = 0;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, vmHwmKb(status));
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                p.destroyForcibly();
                throw new AssertionError(mainAndArgs + ": did not end within 10 minutes");
            }
        }
        return new Child(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), peakKb / 1024,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
    }

    /** {@code VmHWM} of a running process in KB; 0 once it has gone. */
    static long vmHwmKb(Path status) {
        try {
            for (String l : Files.readAllLines(status)) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }
}
