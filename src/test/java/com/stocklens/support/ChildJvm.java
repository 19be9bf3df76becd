package com.stocklens.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM running a test-tree {@code main} on this test's class path, for what must be measured or
 * killed outside the test's own process: its peak resident memory ({@code VmHWM} of
 * {@code /proc/<pid>/status}, sampled by the parent every 20 ms while it runs, and printed by the child
 * itself at its end through {@link #printPeak()}), its exit code, its stdout and stderr.
 */
public final class ChildJvm {
    /** The line {@link #printPeak()} writes to stderr. */
    public static final String PEAK_PREFIX = "child-peak-rss-kb=";
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    private final Process process;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread outPump;
    private final Thread errPump;
    private volatile long sampledPeakKb;
    private final Thread sampler;

    private ChildJvm(Process process) {
        this.process = process;
        this.outPump = pump(process.getInputStream(), out, "child-stdout");
        this.errPump = pump(process.getErrorStream(), err, "child-stderr");
        this.sampler = NamedThreads.daemonThread(this::sample, "child-rss-sampler");
        sampler.start();
    }

    /**
     * Starts {@code main} with {@code jvmArgs} (e.g. {@code -Xmx512m}, {@code -Djava.io.tmpdir=…}) and
     * {@code args}.
     */
    public static ChildJvm start(Class<?> main, List<String> jvmArgs, String... args) throws IOException {
        return start(main, jvmArgs, Map.of(), args);
    }

    /** {@link #start(Class, List, String...)} with {@code env} added to the child's environment. */
    public static ChildJvm start(Class<?> main, List<String> jvmArgs, Map<String, String> env, String... args)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(javaCommand(main, jvmArgs, args));
        pb.environment().putAll(env);
        return new ChildJvm(pb.start());
    }

    /**
     * {@link #start(Class, List, String...)} under {@code sh -c 'umask UMASK && exec java …'}: the child creates
     * its files with that umask (e.g. "000": everything world-writable unless the program says otherwise).
     */
    public static ChildJvm startUnderUmask(String umask, Class<?> main, List<String> jvmArgs, String... args)
            throws IOException {
        return startWrapped(List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""), main, jvmArgs, args);
    }

    /**
     * {@link #start(Class, List, String...)} with {@code wrapper} before the java command, e.g.
     * {@code unshare --mount sh -c '…; exec "$0" "$@"'}: the wrapper prepares the child's world, then runs it.
     */
    public static ChildJvm startWrapped(List<String> wrapper, Class<?> main, List<String> jvmArgs, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>(wrapper);
        cmd.addAll(javaCommand(main, jvmArgs, args));
        return new ChildJvm(new ProcessBuilder(cmd).start());
    }

    /** This JVM's java on this test's class path, running {@code main}. */
    private static List<String> javaCommand(Class<?> main, List<String> jvmArgs, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path")));
        cmd.addAll(jvmArgs);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Called by the child's {@code main} at its very end: its own peak resident memory, on stderr. */
    public static void printPeak() {
        long kb = peakKb(Path.of("/proc/self/status"));
        System.err.println(PEAK_PREFIX + kb);
        System.err.flush();
    }

    public Process process() {
        return process;
    }

    /** Waits for the end; the exit code. */
    public int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the child JVM did not finish within " + seconds + " s");
        }
        outPump.join(5_000);
        errPump.join(5_000);
        return process.exitValue();
    }

    /** The peak resident set in kB: the child's own report, else the parent's last sample. */
    public long peakKb() {
        Matcher m = Pattern.compile(Pattern.quote(PEAK_PREFIX) + "(\\d+)").matcher(stderr());
        long reported = m.find() ? Long.parseLong(m.group(1)) : 0;
        return Math.max(reported, sampledPeakKb);
    }

    public String stdout() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public String stderr() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** stderr without the peak line. */
    public String messages() {
        return stderr().lines().filter(l -> !l.startsWith(PEAK_PREFIX)).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** Waits until stdout holds a line starting with {@code prefix}; that line. */
    public String awaitLine(String prefix, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            for (String line : stdout().lines().toList()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no line '" + prefix + "…' from the child; stdout: " + stdout()
                + "; stderr: " + stderr());
    }

    private void sample() {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        while (process.isAlive()) {
            long kb = peakKb(status);
            if (kb > sampledPeakKb) {
                sampledPeakKb = kb;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long peakKb(Path status) {
        try {
            Matcher m = HWM.matcher(Files.readString(status));
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (IOException | UncheckedIOException e) {
            return 0; // gone, or not Linux
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream to, String name) {
        Thread t = NamedThreads.daemonThread(() -> {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, name);
        t.start();
        return t;
    }
}
