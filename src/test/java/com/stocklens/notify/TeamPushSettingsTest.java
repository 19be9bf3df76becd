package com.stocklens.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.http.FakeTime;
import com.stocklens.connector.http.RateLimit;
import com.stocklens.service.TeamPush.Platform;
import com.stocklens.service.TeamPush.RobotSetting;
import com.stocklens.service.TeamPush.TestResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings dialog's adapter over the push service, against a local mock robot. */
class TeamPushSettingsTest {
    private final MockWebServer server = new MockWebServer();
    private TeamPushService service;
    private TeamPushSettings settings;

    @BeforeEach
    void start() throws IOException {
        server.start();
        service = new TeamPushService(new FakeTime().factory(), PushTestSupport.policy(),
                new RateLimit(5, Duration.ofMinutes(1)), PushTestSupport.CLOCK, System::nanoTime);
        settings = new TeamPushSettings(service);
    }

    @AfterEach
    void stop() {
        service.close();
        server.close();
    }

    private String wecomUrl() {
        return server.url("/cgi-bin/webhook/send?key=" + PushTestSupport.WECOM_KEY).toString();
    }

    @Test
    void robotsRoundTripAndAnInvalidOneChangesNothing() {
        RobotSetting wecom = new RobotSetting(Platform.WECOM, wecomUrl(), null);
        settings.setRobots(List.of(wecom));
        assertThat(settings.robots()).containsExactly(wecom);
        assertThat(wecom.toString()).doesNotContain(PushTestSupport.WECOM_KEY);

        assertThatThrownBy(() -> settings.setRobots(List.of(
                new RobotSetting(Platform.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/x", null),
                new RobotSetting(Platform.DINGTALK, "not a url", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not a url");
        assertThat(settings.robots()).containsExactly(wecom);
    }

    @Test
    void testReportsDeliveredAndThePlatformsReason() throws Exception {
        server.enqueue(PushTestSupport.json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        server.enqueue(PushTestSupport.json("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
        RobotSetting wecom = new RobotSetting(Platform.WECOM, wecomUrl(), null);

        TestResult ok = settings.test(wecom).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(ok.delivered()).isTrue();
        TestResult failed = settings.test(wecom).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(failed.delivered()).isFalse();
        assertThat(failed.reason()).contains("93000");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anInvalidRobotFailsTheTestWithoutSending() throws Exception {
        TestResult r = settings.test(new RobotSetting(Platform.WECOM, "ftp://x", null))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(r.delivered()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }
}
