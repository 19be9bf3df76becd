package com.stocklens.notify;

import static com.stocklens.notify.PushTestSupport.CLOCK;
import static com.stocklens.notify.PushTestSupport.DING_SECRET;
import static com.stocklens.notify.PushTestSupport.DING_TOKEN;
import static com.stocklens.notify.PushTestSupport.FEISHU_HOOK;
import static com.stocklens.notify.PushTestSupport.FEISHU_SECRET;
import static com.stocklens.notify.PushTestSupport.WECOM_KEY;
import static com.stocklens.notify.PushTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.http.RateLimit;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TeamPushServiceTest {
    private final MockWebServer server = new MockWebServer();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final BlockingQueue<PushOutcome.Failed> failures = new LinkedBlockingQueue<>();
    private TeamPushService service;

    @BeforeEach
    void start() throws IOException {
        server.start();
        service = service(new RateLimit(3, Duration.ofMinutes(1)));
    }

    private TeamPushService service(RateLimit rate) {
        TeamPushService s = new TeamPushService(new FakeTime().factory(), PushTestSupport.policy(), rate, CLOCK,
                nanos::get);
        s.onFailure(failures::add);
        return s;
    }

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    private TeamRobot wecom(String key) {
        return TeamRobot.unsigned(TeamRobot.Platform.WECOM, server.url("/cgi-bin/webhook/send?key=" + key).toString());
    }

    private RecordedRequest take(long millis) throws InterruptedException {
        return server.takeRequest(millis, TimeUnit.MILLISECONDS);
    }

    private static TeamMessage message(int n) {
        return new TeamMessage("StockLens #" + n, "第 " + n + " 条\nnotice " + n);
    }

    @Test
    void publishReturnsWhileThePlatformIsStillAnswering() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(5, TimeUnit.SECONDS);
                return json("{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
        });
        TeamRobot robot = wecom(WECOM_KEY);
        service.setRobots(List.of(robot));

        service.publish(message(1));
        RecordedRequest held = take(5_000);

        // The request is parked in the mock and publish() has long returned: nothing recorded yet.
        assertThat(held).isNotNull();
        assertThat(service.lastResult(robot)).isEmpty();
        release.countDown();
        awaitResult(robot);
        assertThat(service.lastResult(robot).orElseThrow().ok()).isTrue();
    }

    @Test
    void sendsToEveryRobotAndRecordsEachResult() throws Exception {
        TeamRobot wecom = wecom(WECOM_KEY);
        TeamRobot ding = new TeamRobot(TeamRobot.Platform.DINGTALK,
                server.url("/robot/send?access_token=" + DING_TOKEN).toString(), DING_SECRET);
        TeamRobot feishu = new TeamRobot(TeamRobot.Platform.FEISHU,
                server.url("/open-apis/bot/v2/hook/" + FEISHU_HOOK).toString(), FEISHU_SECRET);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                if (path.startsWith("/cgi-bin")) {
                    return json("{\"errcode\":0,\"errmsg\":\"ok\"}");
                }
                if (path.startsWith("/robot")) {
                    return json("{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}");
                }
                return json("{\"code\":0,\"msg\":\"success\"}");
            }
        });
        service.setRobots(List.of(wecom, ding, feishu));

        service.publish(message(1));

        for (TeamRobot r : List.of(wecom, ding, feishu)) {
            awaitResult(r);
        }
        assertThat(service.lastResult(wecom).orElseThrow().ok()).isTrue();
        assertThat(service.lastResult(feishu).orElseThrow().ok()).isTrue();
        PushOutcome.Failed dingResult = (PushOutcome.Failed) service.lastResult(ding).orElseThrow();
        assertThat(dingResult.platformCode()).isEqualTo(310000);
        // The failure reached the listener (NoticeCenter turns it into PUSH_FAILED), and only that one.
        PushOutcome.Failed reported = failures.poll(5, TimeUnit.SECONDS);
        assertThat(reported).isEqualTo(dingResult);
        assertThat(failures.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void http500AndTimeoutsAreReportedNotThrown() throws Exception {
        TeamRobot robot = wecom(WECOM_KEY);
        service.setRobots(List.of(robot));
        server.enqueue(new MockResponse.Builder().code(500).build());
        service.publish(message(1));
        assertThat(failures.poll(5, TimeUnit.SECONDS).cause()).isEqualTo(PushOutcome.Cause.HTTP_STATUS);

        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
        service.publish(message(2));
        assertThat(failures.poll(5, TimeUnit.SECONDS).cause()).isEqualTo(PushOutcome.Cause.NETWORK);
    }

    @Test
    void perRobotRateLimitHoldsBackTheFourthPushUntilTheWindowMoves() throws Exception {
        TeamRobot robot = wecom(WECOM_KEY);
        TeamRobot other = wecom("other-robot-key");
        service.setRobots(List.of(robot, other));
        server.setDispatcher(okEverything());

        // Three pushes to each robot, one at a time so none are merged into a digest.
        for (int i = 1; i <= 3; i++) {
            service.publish(message(i));
            assertThat(take(5_000)).isNotNull();
            assertThat(take(5_000)).isNotNull();
        }
        service.setRobots(List.of(robot));
        service.publish(message(4));
        // Budget spent: nothing goes out while the (fake) minute has not passed.
        assertThat(take(300)).isNull();

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        service.kick();
        RecordedRequest fourth = take(5_000);
        assertThat(fourth).isNotNull();
        assertThat(fourth.getUrl().queryParameter("key")).isEqualTo(WECOM_KEY);
        assertThat(fourth.getBody().utf8()).contains("StockLens #4");
    }

    @Test
    void aBurstWaitingForTheBudgetGoesAsOneDigest() throws Exception {
        service.close();
        service = service(new RateLimit(1, Duration.ofMinutes(1)));
        TeamRobot robot = wecom(WECOM_KEY);
        service.setRobots(List.of(robot));
        server.setDispatcher(okEverything());

        service.publish(message(1));
        assertThat(take(5_000)).isNotNull();
        for (int i = 2; i <= 6; i++) {
            service.publish(message(i));
        }
        assertThat(take(300)).isNull();
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        service.kick();

        String digest = take(5_000).getBody().utf8();
        assertThat(digest).contains("5 条提醒").contains("5 notices")
                .contains("StockLens #2").contains("StockLens #6");
    }

    @Test
    void aFullQueueDropsTheOldestAndSaysSo() {
        TeamMessage digest = TeamPushService.digest(List.of(message(1), message(2)), 7);
        assertThat(digest.title()).contains("9");
        assertThat(digest.text()).contains("7 条较早的提醒").contains("7 earlier notices");
        assertThat(TeamPushService.digest(List.of(message(1)), 0)).isEqualTo(message(1));
    }

    @Test
    void testButtonReturnsTheOutcomeForARobotNotYetSaved() throws Exception {
        server.enqueue(json("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
        server.enqueue(json("{\"errcode\":0,\"errmsg\":\"ok\"}"));

        PushOutcome bad = service.test(wecom("wrong-key")).get(5, TimeUnit.SECONDS);
        PushOutcome good = service.test(wecom(WECOM_KEY)).get(5, TimeUnit.SECONDS);

        assertThat(bad).isInstanceOf(PushOutcome.Failed.class);
        assertThat(((PushOutcome.Failed) bad).reason()).contains("Webhook");
        assertThat(good.ok()).isTrue();
        assertThat(take(1_000).getBody().utf8()).contains("测试消息");
        // A test is answered to the dialog only.
        assertThat(failures).isEmpty();
    }

    @Test
    void testButtonRespectsTheRobotsBudget() throws Exception {
        service.close();
        service = service(new RateLimit(1, Duration.ofMinutes(1)));
        TeamRobot robot = wecom(WECOM_KEY);
        service.setRobots(List.of(robot));
        server.setDispatcher(okEverything());

        assertThat(service.test(robot).get(5, TimeUnit.SECONDS).ok()).isTrue();
        PushOutcome second = service.test(robot).get(5, TimeUnit.SECONDS);
        assertThat(second).isInstanceOf(PushOutcome.Failed.class);
        assertThat(((PushOutcome.Failed) second).cause()).isEqualTo(PushOutcome.Cause.RATE_LIMITED);
        assertThat(service.lastResult(robot).orElseThrow().ok()).isTrue();
    }

    @Test
    void canarySecretsNeverReachTheLog() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger("com.stocklens");
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        try {
            TeamRobot wecom = wecom(WECOM_KEY);
            TeamRobot ding = new TeamRobot(TeamRobot.Platform.DINGTALK,
                    server.url("/robot/send?access_token=" + DING_TOKEN).toString(), DING_SECRET);
            TeamRobot feishu = new TeamRobot(TeamRobot.Platform.FEISHU,
                    server.url("/open-apis/bot/v2/hook/" + FEISHU_HOOK).toString(), FEISHU_SECRET);
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    return new MockResponse.Builder().code(500).build();
                }
            });
            service.setRobots(List.of(wecom, ding, feishu));
            service.publish(message(1));
            for (int i = 0; i < 3; i++) {
                assertThat(failures.poll(5, TimeUnit.SECONDS)).isNotNull();
            }
            service.test(ding).get(5, TimeUnit.SECONDS);
        } finally {
            root.detachAppender(appender);
            root.setLevel(previous);
        }
        String logged = appender.list.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        // The wire log and the service's own lines were both on.
        assertThat(logged).contains("team-push-test").contains("Team push to");
        assertThat(logged).doesNotContain(WECOM_KEY).doesNotContain(DING_TOKEN).doesNotContain(DING_SECRET)
                .doesNotContain(FEISHU_HOOK).doesNotContain(FEISHU_SECRET);
    }

    private void awaitResult(TeamRobot robot) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (service.lastResult(robot).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static Dispatcher okEverything() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return json("{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
        };
    }
}
