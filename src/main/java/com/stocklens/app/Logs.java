package com.stocklens.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Points the rolling log file at the workspace's {@code logs/} folder once the workspace is known. */
public final class Logs {
    private Logs() {
    }

    public static void configure(Path workspace) {
        System.setProperty("stocklens.logdir", workspace.resolve("logs").toString());
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
