package com.stocklens.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import com.stocklens.support.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Points the rolling log file at the workspace's {@code logs/} folder once the workspace is known. */
public final class Logs {
    /** The current log file in the logs folder (logback.xml names it the same). */
    static final String LOG_FILE = "stocklens.log";

    private Logs() {
    }

    public static void configure(Path workspace) {
        Path logs = workspace.resolve("logs");
        System.setProperty("stocklens.logdir", logs.toString());
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
