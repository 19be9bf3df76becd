package com.stocklens.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: java.util.logging's records (JavaFX's first warning comes while its toolkit starts) are held until
 * logging is configured, so logback is not set up on the toolkit's thread before the first frame; once handed
 * over, none is lost, none comes twice and the order holds. Logback is configured again only when it writes
 * somewhere else than the workspace's log.
 */
class HeldJavaUtilLoggingTest {
    @TempDir
    Path dir;

    /** What a handler was given, in order. */
    private static final class Taken extends Handler {
        final List<String> messages = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            messages.add(record.getLoggerName() + ": " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static LogRecord record(String logger, String message) {
        LogRecord r = new LogRecord(Level.WARNING, message);
        r.setLoggerName(logger);
        return r;
    }

    @Test
    void recordsAreHeldUntilHandedOverThenGoStraightOnInOrder() {
        Logs.HeldRecords held = new Logs.HeldRecords();
        held.publish(record("javafx", "Unsupported JavaFX configuration"));
        held.publish(record("okhttp", "second"));
        Taken next = new Taken();
        assertThat(next.messages).isEmpty();

        held.forwardTo(next);
        assertThat(next.messages).containsExactly("javafx: Unsupported JavaFX configuration", "okhttp: second");

        held.publish(record("javafx", "third"));
        assertThat(next.messages).containsExactly("javafx: Unsupported JavaFX configuration", "okhttp: second",
                "javafx: third");
    }

    @Test
    void aSecondHandOverChangesNothing() {
        Logs.HeldRecords held = new Logs.HeldRecords();
        held.publish(record("a", "one"));
        Taken first = new Taken();
        Taken second = new Taken();
        held.forwardTo(first);
        held.forwardTo(second);
        held.publish(record("a", "two"));

        assertThat(first.messages).containsExactly("a: one", "a: two");
        assertThat(second.messages).isEmpty();
    }

    @Test
    void beyondTheLimitRecordsAreCountedAndTheCountIsLogged() {
        Logs.HeldRecords held = new Logs.HeldRecords();
        for (int i = 0; i < Logs.HeldRecords.LIMIT + 3; i++) {
            held.publish(record("lib", "record " + i));
        }
        Taken next = new Taken();
        held.forwardTo(next);

        assertThat(next.messages).hasSize(Logs.HeldRecords.LIMIT + 1);
        assertThat(next.messages.get(0)).isEqualTo("lib: record 0");
        assertThat(next.messages.get(Logs.HeldRecords.LIMIT - 1)).isEqualTo("lib: record " + (Logs.HeldRecords.LIMIT - 1));
        assertThat(next.messages.get(Logs.HeldRecords.LIMIT))
                .isEqualTo(Logs.class.getName() + ": 3 java.util.logging records logged before logging was set up "
                        + "were not kept (at most 500 are)");
    }

    @Test
    void logbackIsConfiguredAgainOnlyWhenItsFileIsNotTheWorkspaceLog() {
        LoggerContext context = new LoggerContext();
        Path log = dir.resolve("logs").resolve(Logs.LOG_FILE);
        assertThat(Logs.writesTo(context, log)).as("no FILE appender (e.g. a test's console)").isFalse();

        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setName("FILE");
        file.setFile(dir.resolve("logs").resolve("..").resolve("logs").resolve(Logs.LOG_FILE).toString());
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
        assertThat(Logs.writesTo(context, log)).isTrue();
        assertThat(Logs.writesTo(context, dir.resolve("elsewhere").resolve(Logs.LOG_FILE))).isFalse();

        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(file);
        OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
        console.setName("FILE");
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(console);
        assertThat(Logs.writesTo(context, log)).as("an appender named FILE that writes no file").isFalse();
    }
}
