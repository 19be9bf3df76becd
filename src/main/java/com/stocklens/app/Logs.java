package com.stocklens.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.stocklens.support.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Where the log file goes: the workspace's {@code logs/} folder once the workspace is known, and before that
 * (options being read) a folder of this user's own — {@code $XDG_STATE_HOME/StockLens/logs} or
 * {@code ~/.local/state/StockLens/logs}, else {@code <tmpdir>/stocklens-<user>-logs} made 0700 and owned by
 * this user — never a folder shared by every user. Logback never prints its own status to the console
 * (logback.xml's NopStatusListener): stdout carries JSON.
 */
public final class Logs {
    /** The current log file in the logs folder (logback.xml names it the same). */
    static final String LOG_FILE = "stocklens.log";
    /** The system property logback.xml reads the folder from. */
    public static final String LOG_DIR_PROPERTY = "stocklens.logdir";
    /** SLF4J's own messages on stderr: only its errors. */
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private Logs() {
    }

    /**
     * Called first thing by the entry point, before anything logs: points logging at this user's own folder
     * until {@link #configure} knows the workspace, and sends {@code java.util.logging} (JavaFX's own warnings)
     * to the log file instead of the console, holding its records until {@link #configure} or
     * {@link #releaseJavaUtilLogging} (see {@link HeldRecords}). Leaves a folder set with
     * {@code -Dstocklens.logdir} alone.
     */
    public static void useUserFolder() {
        captureJavaUtilLogging();
        if (System.getProperty(LOG_DIR_PROPERTY) != null) {
            return;
        }
        userFolder(System.getenv(), System.getProperty("user.home"), System.getProperty("java.io.tmpdir"),
                System.getProperty("user.name")).ifPresent(dir -> System.setProperty(LOG_DIR_PROPERTY, dir.toString()));
    }

    /**
     * {@code java.util.logging} into SLF4J, so into the log file: its console handler would print JavaFX's
     * "Unsupported JavaFX configuration" (the jar loads JavaFX from the class path on purpose, docs/STACK.md)
     * and anything else a library logs that way on stderr, where the command line's own lines go. The records
     * are held until logging is configured ({@link HeldRecords}).
     */
    static void captureJavaUtilLogging() {
        // SLF4J tells stderr when it replays records logged while it initialised: only its errors go there.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        if (!HeldRecords.installed()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            HeldRecords.install();
        }
    }

    /**
     * Hands the {@code java.util.logging} records held so far to SLF4J, and every later one as it comes. Called by
     * {@link #configure}; a start that never gets there (a subcommand without a workspace, an opening that
     * failed) calls it before it logs.
     */
    public static void releaseJavaUtilLogging() {
        HeldRecords.release();
    }

    /**
     * The root {@code java.util.logging} handler (issue 20): it holds the records until logging is configured,
     * then hands them, and every later one, to SLF4J. JavaFX logs its first warning while its toolkit starts;
     * handed to SLF4J at once, that record made logback read and apply logback.xml right then, on the thread
     * starting the toolkit (0.4-0.5 s of a cold JVM before the first frame), and again for the workspace's
     * folder once that was known. Held instead (at most {@value #LIMIT}; later ones are counted), they reach
     * the log file once {@link Logs#configure} has set it up, in their order and under their own loggers'
     * names (timed when they are handed over).
     */
    static final class HeldRecords extends Handler {
        /** Records held at most; a start logs a handful through java.util.logging before its workspace is known. */
        static final int LIMIT = 500;
        private static HeldRecords current;

        private final List<LogRecord> held = new ArrayList<>();
        private int dropped;
        private Handler target;

        static synchronized boolean installed() {
            return current != null;
        }

        static synchronized void install() {
            current = new HeldRecords();
            java.util.logging.Logger.getLogger("").addHandler(current);
        }

        /** Hands what was held to SLF4J, and every later record (nothing when no handler was installed). */
        static void release() {
            HeldRecords handler;
            synchronized (HeldRecords.class) {
                handler = current;
            }
            if (handler != null) {
                handler.forwardTo(new SLF4JBridgeHandler());
            }
        }

        /** Hands {@code next} what was held and every later record; once only (later calls change nothing). */
        void forwardTo(Handler next) {
            List<LogRecord> records;
            int lost;
            synchronized (this) {
                if (target != null) {
                    return;
                }
                records = List.copyOf(held);
                held.clear();
                lost = dropped;
                // Held records go first: a record published meanwhile waits for them (publish takes this lock).
                records.forEach(next::publish);
                if (lost > 0) {
                    LogRecord note = new LogRecord(Level.WARNING, lost + " java.util.logging records logged "
                            + "before logging was set up were not kept (at most " + LIMIT + " are)");
                    note.setLoggerName(Logs.class.getName());
                    next.publish(note);
                }
                target = next;
            }
        }

        @Override
        public void publish(LogRecord record) {
            Handler to;
            synchronized (this) {
                to = target;
                if (to == null) {
                    if (held.size() < LIMIT) {
                        held.add(record);
                    } else {
                        dropped++;
                    }
                    return;
                }
            }
            to.publish(record);
        }

        @Override
        public void flush() {
            Handler to;
            synchronized (this) {
                to = target;
            }
            if (to != null) {
                to.flush();
            }
        }

        @Override
        public void close() {
        }
    }

    /**
     * The first of {@code $XDG_STATE_HOME/StockLens/logs}, {@code ~/.local/state/StockLens/logs} and
     * {@code <tmpdir>/stocklens-<user>-logs} that can be made a 0700 folder owned by this user; empty when none.
     */
    static Optional<Path> userFolder(Map<String, String> env, String home, String tmp, String user) {
        List<Path> candidates = new ArrayList<>();
        String state = env.get("XDG_STATE_HOME");
        if (state != null && Path.of(state).isAbsolute()) {
            candidates.add(Path.of(state, "StockLens", "logs"));
        }
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home, ".local", "state", "StockLens", "logs"));
        }
        if (tmp != null && user != null) {
            candidates.add(Path.of(tmp, "stocklens-" + user.replaceAll("[^A-Za-z0-9._-]", "_") + "-logs"));
        }
        for (Path dir : candidates) {
            try {
                PrivateFiles.folder(dir);
                UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
                // A folder someone else made (or a link to one) is not ours to log into.
                if (!Files.isSymbolicLink(dir) && me.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS))
                        && Files.isWritable(dir)) {
                    return Optional.of(dir);
                }
            } catch (IOException | RuntimeException e) {
                // the next candidate
            }
        }
        return Optional.empty();
    }

    public static void configure(Path workspace) {
        Path logs = workspace.resolve("logs");
        System.setProperty(LOG_DIR_PROPERTY, logs.toString());
        try {
            // The log is for this user only: made here 0600 in a 0700 folder, before logback opens it with the umask.
            PrivateFiles.folder(logs);
            Path file = logs.resolve(LOG_FILE);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            PrivateFiles.restrict(file);
        } catch (IOException | RuntimeException e) {
            // a read-only or full disk: logging falls back to what logback can do, the workspace opens read-only
        }
        // Logback starts here with the folder just set, unless something logged before (then it wrote elsewhere):
        // only then is it configured again, so a start reads logback.xml once.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !writesTo(context, logs.resolve(LOG_FILE))) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure logging", e);
            }
        }
        releaseJavaUtilLogging();
    }

    /** Whether {@code context}'s log file (logback.xml's appender FILE) is {@code file}. */
    static boolean writesTo(LoggerContext context, Path file) {
        Appender<ILoggingEvent> appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        if (!(appender instanceof FileAppender<ILoggingEvent> f) || f.getFile() == null) {
            return false;
        }
        try {
            return Path.of(f.getFile()).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
