package com.stocklens.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
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
     * to the log file instead of the console. Leaves a folder set with {@code -Dstocklens.logdir} alone.
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
     * and anything else a library logs that way on stderr, where the command line's own lines go.
     */
    static void captureJavaUtilLogging() {
        // Logging starts beside the window's toolkit (issue 20): JavaFX's first record may reach SLF4J while it
        // initialises on the opening thread, and SLF4J would tell stderr it replays that record. It still does.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
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
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            // Logback may already have started with the default folder: reload so the property applies.
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure logging", e);
            }
        }
    }
}
