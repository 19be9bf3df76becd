package com.stocklens.notify;

import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpPolicy;
import com.stocklens.connector.http.RateLimit;
import com.stocklens.connector.http.RequestCounter;
import com.stocklens.connector.http.RetryPolicy;
import com.stocklens.support.NamedThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes team messages to every configured chat robot, off the caller's thread.
 *
 * <ul>
 *   <li>{@link #publish} only queues and returns: it never waits for the network.</li>
 *   <li>All HTTP runs on one daemon thread, {@code stocklens-push}, owned by this service and stopped
 *       by {@link #close()}.</li>
 *   <li>Each robot has its own bounded queue ({@value #QUEUE_CAPACITY} messages; when full the oldest
 *       are dropped and the next push says how many) and its own sliding-window rate limit, below the
 *       platforms' 20 messages a minute, so one silent or throttled robot never holds back another.</li>
 *   <li>When several messages wait for the same robot they go as one digest of up to
 *       {@value #MAX_BATCH}, so a burst of red flags costs one message of the robot's budget, not ten.</li>
 *   <li>Every push's outcome is kept per robot ({@link #lastResults()}); failures go to
 *       {@link #onFailure} listeners (the {@link NoticeCenter} turns them into PUSH_FAILED notices).</li>
 * </ul>
 *
 * <p>Robots come from {@link TeamPushConfig} at start and from the settings dialog at run time
 * ({@link #setRobots}).
 */
public final class TeamPushService implements AutoCloseable {
    /** 18 a minute: the platforms cut off at 20, and our window and theirs never line up exactly. */
    public static final RateLimit DEFAULT_RATE = new RateLimit(18, Duration.ofMinutes(1));

    /**
     * Short timeouts and a single attempt: a retried webhook call that did arrive posts the message
     * twice into the group, which is worse than one failure we show; the next notice tries again anyway.
     */
    public static final HttpPolicy DEFAULT_POLICY = HttpPolicy.defaults("team-push")
            .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(1))
            .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));

    static final int QUEUE_CAPACITY = 50;
    static final int MAX_BATCH = 10;

    private static final Logger LOG = LoggerFactory.getLogger(TeamPushService.class);

    /** Made on the first message ({@link HttpClientFactory#onFirstUse}): most desks have no robot. */
    private final Supplier<OkHttpClient> http;
    private final RateLimit rate;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final ScheduledThreadPoolExecutor executor;
    private final List<Consumer<PushOutcome.Failed>> failureListeners = new CopyOnWriteArrayList<>();
    private final Map<String, PushOutcome> lastResults = new ConcurrentHashMap<>();
    private volatile Map<String, Lane> lanes = Map.of();

    /** Real time, {@link #DEFAULT_POLICY}, {@link #DEFAULT_RATE}. */
    public TeamPushService(HttpClientFactory httpFactory, Clock clock) {
        this(httpFactory, DEFAULT_POLICY, DEFAULT_RATE, clock, System::nanoTime);
    }

    /**
     * @param policy   timeouts and retries of the webhook calls (leave its rate limit null: the
     *                 per-robot limit here is the one that counts)
     * @param rate     per-robot budget
     * @param clock    wall clock for signatures and outcome times
     * @param nanoTime monotonic time for the rate windows
     */
    public TeamPushService(HttpClientFactory httpFactory, HttpPolicy policy, RateLimit rate, Clock clock,
                           LongSupplier nanoTime) {
        this.http = httpFactory.onFirstUse(policy, new RequestCounter(), List.of());
        this.rate = Objects.requireNonNull(rate, "rate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.executor = new ScheduledThreadPoolExecutor(1, NamedThreads.daemon("stocklens-push"));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Replaces the robots pushed to. A robot already configured keeps its queue, rate window and last
     * result, so re-saving the settings does not reset the budget.
     */
    public void setRobots(Collection<TeamRobot> robots) {
        Map<String, Lane> next = new LinkedHashMap<>();
        Map<String, Lane> current = lanes;
        for (TeamRobot robot : robots) {
            Lane kept = current.get(robot.id());
            next.put(robot.id(), kept != null && kept.robot.equals(robot) ? kept
                    : new Lane(robot, TeamPushClient.forRobot(robot, http.get(), clock)));
        }
        for (Lane old : current.values()) {
            if (next.get(old.robot.id()) != old) {
                synchronized (old) {
                    old.retired = true;
                    old.pending.clear();
                }
            }
        }
        lanes = Map.copyOf(next);
        lastResults.keySet().retainAll(next.keySet());
        LOG.info("Team push robots: {}", next.values().stream().map(l -> l.robot.toString()).toList());
    }

    /** The robots pushed to, in the order configured. */
    public List<TeamRobot> robots() {
        return lanes.values().stream().map(l -> l.robot).toList();
    }

    /** True when at least one robot is configured. */
    public boolean isConfigured() {
        return !lanes.isEmpty();
    }

    /** Queues the message for every robot and returns at once. */
    public void publish(TeamMessage message) {
        Objects.requireNonNull(message, "message");
        for (Lane lane : lanes.values()) {
            boolean start;
            synchronized (lane) {
                if (lane.retired) {
                    continue;
                }
                if (lane.pending.size() >= QUEUE_CAPACITY) {
                    lane.pending.pollFirst();
                    lane.dropped++;
                }
                lane.pending.addLast(message);
                start = !lane.scheduled;
                lane.scheduled = true;
            }
            if (start) {
                schedule(lane, 0);
            }
        }
    }

    /**
     * Sends a test message to {@code robot} (configured or not yet saved) for the settings dialog's
     * test button. Completes on the push thread; never completes exceptionally. The outcome goes back
     * to the dialog only: a failed test is not a PUSH_FAILED notice. For a configured robot the test
     * spends one message of its budget and becomes its last result.
     */
    public CompletableFuture<PushOutcome> test(TeamRobot robot) {
        Objects.requireNonNull(robot, "robot");
        CompletableFuture<PushOutcome> result = new CompletableFuture<>();
        try {
            executor.execute(() -> result.complete(runTest(robot)));
        } catch (RejectedExecutionException closed) {
            result.complete(new PushOutcome.Failed(robot.id(), robot.platform(), clock.instant(),
                    PushOutcome.Cause.NETWORK, null, "推送服务已关闭 · team push is shut down"));
        }
        return result;
    }

    private PushOutcome runTest(TeamRobot robot) {
        Lane lane = lanes.get(robot.id());
        if (lane != null && lane.robot.equals(robot)) {
            synchronized (lane) {
                long wait = lane.waitNanos(nanoTime.getAsLong());
                if (wait > 0) {
                    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait));
                    return new PushOutcome.Failed(robot.id(), robot.platform(), clock.instant(),
                            PushOutcome.Cause.RATE_LIMITED, null,
                            "本分钟推送已达上限，请 " + seconds + " 秒后再试 · this robot's budget for the minute is spent,"
                                    + " try again in " + seconds + " s");
                }
                lane.starts.addLast(nanoTime.getAsLong());
            }
            PushOutcome outcome = lane.client.send(testMessage());
            record(lane, outcome);
            return outcome;
        }
        return TeamPushClient.forRobot(robot, http.get(), clock).send(testMessage());
    }

    static TeamMessage testMessage() {
        return new TeamMessage("StockLens 测试消息 · test message",
                "这是一条来自 StockLens 的测试消息，团队推送已连通。\nTest message from StockLens: team push works.");
    }

    /** The latest outcome per robot id (see {@link TeamRobot#id()}). */
    public Map<String, PushOutcome> lastResults() {
        return Map.copyOf(lastResults);
    }

    /** The latest outcome for this robot, if it was pushed to. */
    public Optional<PushOutcome> lastResult(TeamRobot robot) {
        return Optional.ofNullable(lastResults.get(robot.id()));
    }

    /** Called on the push thread after each failed push (tests excluded). Close the handle to stop. */
    public AutoCloseable onFailure(Consumer<PushOutcome.Failed> listener) {
        Objects.requireNonNull(listener, "listener");
        failureListeners.add(listener);
        return () -> failureListeners.remove(listener);
    }

    /** Stops the push thread; queued messages are dropped. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Drains every robot now; lets tests continue after moving the fake monotonic clock. */
    void kick() {
        for (Lane lane : lanes.values()) {
            schedule(lane, 0);
        }
    }

    private void schedule(Lane lane, long delayNanos) {
        try {
            executor.schedule(() -> drain(lane), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // Shutting down: the queued messages go with the app.
        }
    }

    private void drain(Lane lane) {
        List<TeamMessage> batch = new ArrayList<>();
        int dropped;
        synchronized (lane) {
            if (lane.retired || lane.pending.isEmpty()) {
                lane.scheduled = false;
                return;
            }
            long now = nanoTime.getAsLong();
            long wait = lane.waitNanos(now);
            if (wait > 0) {
                // Stays "scheduled": this delayed drain is the one pending for the lane.
                schedule(lane, wait);
                return;
            }
            while (batch.size() < MAX_BATCH && !lane.pending.isEmpty()) {
                batch.add(lane.pending.pollFirst());
            }
            dropped = lane.dropped;
            lane.dropped = 0;
            lane.starts.addLast(now);
        }
        if (dropped > 0) {
            LOG.warn("Team push to {}: {} queued messages dropped, the queue was full", lane.robot, dropped);
        }
        PushOutcome outcome;
        try {
            outcome = lane.client.send(digest(batch, dropped));
        } catch (RuntimeException e) {
            // send() maps every expected failure; this guards the push thread against our own bugs.
            LOG.error("Team push to {} failed unexpectedly", lane.robot, e);
            outcome = new PushOutcome.Failed(lane.robot.id(), lane.robot.platform(), clock.instant(),
                    PushOutcome.Cause.MALFORMED_RESPONSE, null, "内部错误 · internal error: " + e.getClass().getSimpleName());
        }
        record(lane, outcome);
        if (outcome instanceof PushOutcome.Failed failed) {
            LOG.warn("Team push to {} failed: {} {}", lane.robot, failed.cause(), failed.reason());
            for (Consumer<PushOutcome.Failed> listener : failureListeners) {
                try {
                    listener.accept(failed);
                } catch (RuntimeException e) {
                    LOG.warn("A push-failure listener failed", e);
                }
            }
        }
        synchronized (lane) {
            if (lane.pending.isEmpty() || lane.retired) {
                lane.scheduled = false;
                return;
            }
        }
        schedule(lane, 0);
    }

    private void record(Lane lane, PushOutcome outcome) {
        if (lanes.get(lane.robot.id()) == lane) {
            lastResults.put(lane.robot.id(), outcome);
        }
    }

    /** One message, or a digest of several with a note of what the full queue dropped. */
    static TeamMessage digest(List<TeamMessage> batch, int dropped) {
        if (batch.size() == 1 && dropped == 0) {
            return batch.get(0);
        }
        StringBuilder text = new StringBuilder();
        for (TeamMessage m : batch) {
            text.append(text.isEmpty() ? "" : "\n\n").append("▶ ").append(m.title()).append('\n').append(m.text());
        }
        if (dropped > 0) {
            text.append("\n\n另有 ").append(dropped).append(" 条较早的提醒因队列已满未推送，请在 StockLens 中查看 · ")
                    .append(dropped).append(" earlier notices were not pushed (queue full); see StockLens");
        }
        int count = batch.size() + dropped;
        return new TeamMessage("StockLens：" + count + " 条提醒 · " + count + " notices", text.toString());
    }

    /** One robot's queue, rate window and client. Guarded by its own monitor. */
    private final class Lane {
        final TeamRobot robot;
        final TeamPushClient client;
        final Deque<TeamMessage> pending = new ArrayDeque<>();
        /** Monotonic start times of the pushes inside the current window. */
        final Deque<Long> starts = new ArrayDeque<>();
        boolean scheduled;
        boolean retired;
        int dropped;

        Lane(TeamRobot robot, TeamPushClient client) {
            this.robot = robot;
            this.client = client;
        }

        /** Nanoseconds until a push is allowed; 0 when one is allowed now. */
        long waitNanos(long now) {
            long window = rate.window().toNanos();
            while (!starts.isEmpty() && now - starts.peekFirst() >= window) {
                starts.pollFirst();
            }
            return starts.size() < rate.permits() ? 0 : starts.peekFirst() + window - now;
        }
    }
}
