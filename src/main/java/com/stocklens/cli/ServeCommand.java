package com.stocklens.cli;

import ch.qos.logback.classic.LoggerContext;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.SyncStatus;
import com.stocklens.service.PollerLeases;
import com.stocklens.support.NamedThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code serve}: the headless server for a small always-on machine. Polls the sources whose lease it wins
 * (all of them on a lone workspace), judges the red flags, logs to {@code <workspace>/logs/} with one status
 * line per cycle, and stops cleanly on SIGTERM (systemd's stop, Ctrl+C): the engines stop, the leases are
 * released (another desk takes over at once), the database is closed, and the exit code is 0.
 */
@Command(name = "serve", description = "Run headless: poll and judge the red flags until stopped (SIGTERM / Ctrl+C). "
        + "With --db JDBC_URL it polls only the sources whose lease it wins; the other desks follow.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped cleanly (SIGTERM, Ctrl+C)", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class ServeCommand extends RuntimeCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** How long the shutdown hook waits for the clean close before letting the JVM go. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @Override
    boolean writes() {
        return true;
    }

    @Override
    int run(AppRuntime runtime) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("serve: stop requested (SIGTERM); stopping the engines and releasing the leases");
            stop.countDown();
            try {
                if (!closed.await(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    LOG.warn("serve: the clean stop took longer than {} s; exiting anyway", CLOSE_TIMEOUT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // A stop asked for is a clean exit (0), not "killed by SIGTERM" (143): flush the logs, then go.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                context.stop();
            }
            Runtime.getRuntime().halt(0);
        }, "stocklens-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);

        PollerLeases leases = runtime.leases();
        String mode = leases.shared() ? "team database " + runtime.options().sharedDb().replaceAll("\\?.*", "")
                : "workspace " + runtime.options().workspace();
        String startLine = "StockLens server on " + mode + " as desk " + runtime.desk() + ": "
                + runtime.sources().size() + " source(s), cadence " + runtime.options().cadence().toSeconds()
                + " s; logs in " + runtime.options().workspace().resolve("logs") + ". Stop with SIGTERM or Ctrl+C.";
        printer.message(startLine);
        LOG.info("serve: {}", startLine);

        AtomicInteger complete = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger followed = new AtomicInteger();
        AutoCloseable counting = runtime.syncEvents().subscribe(e -> {
            if (e.followed()) {
                followed.incrementAndGet();
            } else if (e.run().status() == SyncStatus.COMPLETE) {
                complete.incrementAndGet();
            } else if (e.run().status() == SyncStatus.FAILED) {
                failed.incrementAndGet();
            }
        });
        runtime.startNotices(); // team push, when configured
        runtime.startSync();
        ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("stocklens-serve-status"));
        long every = runtime.options().cadence().toMillis();
        status.scheduleAtFixedRate(() -> {
            try {
                LOG.info("serve: {}", statusLine(runtime, complete.getAndSet(0), failed.getAndSet(0),
                        followed.getAndSet(0)));
            } catch (RuntimeException e) {
                LOG.warn("serve: status line failed: {}", e.toString());
            }
        }, 0, every, TimeUnit.MILLISECONDS); // the first line at once: what this desk polls
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            status.shutdownNow();
            try {
                counting.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe", e);
            }
            try {
                runtime.close();
                LOG.info("serve: stopped cleanly (leases released, database closed)");
            } finally {
                closed.countDown();
            }
        }
        return 0;
    }

    /** One line per cycle: what this desk polls, who polls the rest, what happened since the last line. */
    static String statusLine(AppRuntime runtime, int complete, int failed, int followed) {
        PollerLeases leases = runtime.leases();
        List<String> here = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        runtime.sources().forEach(s -> {
            String id = s.info().id();
            if (leases.holds(id)) {
                here.add(id);
            } else {
                elsewhere.add(id + leases.poller(id).map(p -> " by " + p.desk()).orElse(" (nobody)"));
            }
        });
        StringBuilder b = new StringBuilder("polling ").append(here.isEmpty() ? "nothing" : String.join(", ", here));
        if (!elsewhere.isEmpty()) {
            b.append("; followed: ").append(String.join(", ", elsewhere));
        }
        b.append("; since last line ").append(complete).append(" snapshot(s), ").append(failed).append(" failed");
        if (leases.shared()) {
            b.append(", ").append(followed).append(" from other desks; red flags judged ")
                    .append(leases.holds(PollerLeases.RULES) ? "here" : "elsewhere");
        }
        return b.toString();
    }
}
