package com.stocklens.ui.wall;

import com.stocklens.support.NamedThreads;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the display from blanking while wall mode is on, where the OS offers a way without extra
 * privileges:
 * <ul>
 *   <li>Linux: {@code xdg-screensaver reset} every 30 s (JavaFX does not expose the X window id that
 *       {@code xdg-screensaver suspend} needs);</li>
 *   <li>macOS: {@code caffeinate -d -w <our pid>}, one process that ends by itself with ours;</li>
 *   <li>Windows: {@code SetThreadExecutionState(ES_DISPLAY_REQUIRED)} every 30 s through JNA (on the class
 *       path with java-keyring), called reflectively; without JNA, nothing.</li>
 * </ul>
 * A missing tool is logged once and otherwise ignored: wall mode works, the screen may just blank.
 * {@link #plan} is the pure choice, tested without running anything.
 */
public final class ScreenAwake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenAwake.class);
    static final Duration PERIOD = Duration.ofSeconds(30);
    /** ES_DISPLAY_REQUIRED: resets the display idle timer once (no ES_CONTINUOUS: nothing to undo later). */
    static final int ES_DISPLAY_REQUIRED = 0x00000002;

    /** How to keep the screen awake on one machine. */
    public enum Method {
        /** Run {@link Plan#command()} every {@link Plan#period()}. */
        PERIODIC_COMMAND,
        /** Start {@link Plan#command()} once and stop it on close (it also ends when we do). */
        HOLD_PROCESS,
        /** Call SetThreadExecutionState every {@link Plan#period()}. */
        WINDOWS_API,
        /** No known way: log and do nothing. */
        NONE
    }

    /** The chosen method, its command (empty when none) and period (null when not periodic). */
    public record Plan(Method method, List<String> command, Duration period, String note) {
        public Plan {
            command = List.copyOf(command);
        }
    }

    /**
     * The method for {@code osName} ({@code os.name}), given which executables are on the PATH and our pid.
     */
    public static Plan plan(String osName, Predicate<String> onPath, long pid) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new Plan(Method.WINDOWS_API, List.of(), PERIOD, "SetThreadExecutionState(ES_DISPLAY_REQUIRED)");
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            if (onPath.test("caffeinate")) {
                return new Plan(Method.HOLD_PROCESS, List.of("caffeinate", "-d", "-w", Long.toString(pid)), null,
                        "caffeinate");
            }
            return new Plan(Method.NONE, List.of(), null, "caffeinate not found");
        }
        if (onPath.test("xdg-screensaver")) {
            return new Plan(Method.PERIODIC_COMMAND, List.of("xdg-screensaver", "reset"), PERIOD, "xdg-screensaver");
        }
        return new Plan(Method.NONE, List.of(), null, "xdg-screensaver not found (package xdg-utils)");
    }

    /** Whether {@code name} is an executable file in one of the PATH's folders. */
    public static boolean onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && new File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private final Plan plan;
    private ScheduledExecutorService timer;
    private Process held;
    private boolean warned;

    public ScreenAwake(Plan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** For this machine. */
    public static ScreenAwake forThisMachine() {
        return new ScreenAwake(plan(System.getProperty("os.name"), ScreenAwake::onPath, ProcessHandle.current().pid()));
    }

    public Plan plan() {
        return plan;
    }

    /** Starts keeping the screen awake; a second call does nothing. */
    public synchronized void start() {
        if (timer != null || held != null) {
            return;
        }
        switch (plan.method()) {
            case NONE -> LOG.info("wall mode: cannot keep the screen awake here ({})", plan.note());
            case HOLD_PROCESS -> {
                try {
                    held = new ProcessBuilder(plan.command()).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    LOG.info("wall mode: keeping the screen awake with {}", plan.note());
                } catch (IOException e) {
                    warnOnce(e);
                }
            }
            case PERIODIC_COMMAND, WINDOWS_API -> {
                timer = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("stocklens-screen-awake"));
                timer.scheduleAtFixedRate(this::poke, 0, plan.period().toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("wall mode: keeping the screen awake with {} every {} s", plan.note(),
                        plan.period().toSeconds());
            }
        }
    }

    private void poke() {
        try {
            if (plan.method() == Method.WINDOWS_API) {
                // com.sun.jna.Function.getFunction("kernel32", "SetThreadExecutionState").invokeInt(new Object[] {flags})
                Class<?> function = Class.forName("com.sun.jna.Function");
                Object f = function.getMethod("getFunction", String.class, String.class)
                        .invoke(null, "kernel32", "SetThreadExecutionState");
                function.getMethod("invokeInt", Object[].class).invoke(f, (Object) new Object[] {ES_DISPLAY_REQUIRED});
            } else {
                Process p = new ProcessBuilder(plan.command()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            warnOnce(e);
        }
    }

    private synchronized void warnOnce(Throwable e) {
        if (!warned) {
            warned = true;
            LOG.warn("wall mode: could not keep the screen awake with {}: {}", plan.note(), e.toString());
        }
    }

    /** Stops the timer or the held process. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (held != null) {
            held.destroy();
            held = null;
        }
    }
}
