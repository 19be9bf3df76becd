package com.stocklens.notify;

import static com.stocklens.notify.PushTestSupport.CLOCK;
import static com.stocklens.notify.PushTestSupport.DING_SECRET;
import static com.stocklens.notify.PushTestSupport.DING_TOKEN;
import static com.stocklens.notify.PushTestSupport.FEISHU_HOOK;
import static com.stocklens.notify.PushTestSupport.FEISHU_SECRET;
import static com.stocklens.notify.PushTestSupport.NOW;
import static com.stocklens.notify.PushTestSupport.WECOM_KEY;
import static com.stocklens.notify.PushTestSupport.body;
import static com.stocklens.notify.PushTestSupport.hmacBase64;
import static com.stocklens.notify.PushTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each platform's dialect against a local mock of its webhook, signatures recomputed from what arrived. */
class TeamPushClientTest {
    private static final TeamMessage MESSAGE = new TeamMessage("StockLens 新校准任务 · new calibration task",
            "【库存校准】TTS-PS-BLK-01 @ Moreno Valley (CA)：差异 +12\nCalibration task: TTS-PS-BLK-01, gap +12");

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TeamRobot wecom() {
        return TeamRobot.unsigned(TeamRobot.Platform.WECOM,
                server.url("/cgi-bin/webhook/send?key=" + WECOM_KEY).toString());
    }

    private TeamRobot dingTalk(String secret) {
        return new TeamRobot(TeamRobot.Platform.DINGTALK,
                server.url("/robot/send?access_token=" + DING_TOKEN).toString(), secret);
    }

    private TeamRobot feishu(String secret) {
        return new TeamRobot(TeamRobot.Platform.FEISHU,
                server.url("/open-apis/bot/v2/hook/" + FEISHU_HOOK).toString(), secret);
    }

    private PushOutcome send(TeamRobot robot) {
        return TeamPushClient.forRobot(robot, PushTestSupport.client(), CLOCK).send(MESSAGE);
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("request reached the mock").isNotNull();
        return r;
    }

    @Test
    void weComPostsMarkdownWithTheKeyAndNoSignature() throws Exception {
        server.enqueue(json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        PushOutcome outcome = send(wecom());

        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/cgi-bin/webhook/send");
        assertThat(r.getUrl().queryParameterNames()).containsExactly("key");
        assertThat(r.getUrl().queryParameter("key")).isEqualTo(WECOM_KEY);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = body(r);
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asText())
                .startsWith("**StockLens 新校准任务 · new calibration task**\n")
                .contains("【库存校准】TTS-PS-BLK-01 @ Moreno Valley (CA)：差异 +12");
        assertThat(outcome).isInstanceOf(PushOutcome.Delivered.class);
        assertThat(outcome.at()).isEqualTo(NOW);
    }

    @Test
    void dingTalkSignsTheQueryWithTimestampAndSign() throws Exception {
        server.enqueue(json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        PushOutcome outcome = send(dingTalk(DING_SECRET));

        RecordedRequest r = take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/robot/send");
        assertThat(r.getUrl().queryParameter("access_token")).isEqualTo(DING_TOKEN);
        String timestamp = r.getUrl().queryParameter("timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(NOW.toEpochMilli()));
        String expected = hmacBase64(DING_SECRET, timestamp + "\n" + DING_SECRET);
        assertThat(r.getUrl().queryParameter("sign")).isEqualTo(expected)
                .isEqualTo("ruvtY19qoi0KlHCKLHc5KP+civqGfuDmPM7AO+mptp4=");
        // On the wire the Base64 is URL-encoded: a bare '+' would reach DingTalk as a space.
        assertThat(r.getTarget()).contains("sign=" + URLEncoder.encode(expected, StandardCharsets.UTF_8))
                .doesNotContain("+");
        JsonNode body = body(r);
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("title").asText()).isEqualTo(MESSAGE.title());
        assertThat(body.path("markdown").path("text").asText()).startsWith("#### " + MESSAGE.title())
                .contains("差异 +12\n\nCalibration task");
        assertThat(outcome.ok()).isTrue();
    }

    @Test
    void dingTalkWithoutSecretSendsNoSignature() throws Exception {
        server.enqueue(json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        assertThat(send(dingTalk(null)).ok()).isTrue();
        assertThat(take().getUrl().queryParameterNames()).containsExactly("access_token");
    }

    @Test
    void feishuSignsTheBodyWithSecondsAndTheInvertedHmac() throws Exception {
        server.enqueue(json("{\"code\":0,\"msg\":\"success\",\"data\":{}}"));
        PushOutcome outcome = send(feishu(FEISHU_SECRET));

        RecordedRequest r = take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/open-apis/bot/v2/hook/" + FEISHU_HOOK);
        assertThat(r.getUrl().querySize()).isZero();
        JsonNode body = body(r);
        assertThat(body.path("timestamp").isTextual()).isTrue();
        String timestamp = body.path("timestamp").asText();
        assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
        // Key = timestamp + "\n" + secret, message = empty: the inverse of DingTalk.
        String expected = hmacBase64(timestamp + "\n" + FEISHU_SECRET, "");
        assertThat(body.path("sign").asText()).isEqualTo(expected)
                .isEqualTo("gHf9M/oWeR/tEDp49BxAPkWv/MrW8l6Q4j7+opF75MM=");
        assertThat(body.path("msg_type").asText()).isEqualTo("text");
        assertThat(body.path("content").path("text").asText()).isEqualTo(MESSAGE.plain());
        assertThat(outcome.ok()).isTrue();
    }

    @Test
    void feishuWithoutSecretOmitsTimestampAndSign() throws Exception {
        server.enqueue(json("{\"code\":0,\"msg\":\"success\"}"));
        assertThat(send(feishu(null)).ok()).isTrue();
        JsonNode body = body(take());
        assertThat(body.has("sign")).isFalse();
        assertThat(body.has("timestamp")).isFalse();
    }

    @Test
    void feishuOldStatusCodeShapeIsUnderstood() {
        server.enqueue(json("{\"StatusCode\":0,\"StatusMessage\":\"success\"}"));
        assertThat(send(feishu(null)).ok()).isTrue();
    }

    @Test
    void platformErrorCodesBecomeTypedFailuresWithPlainWords() {
        server.enqueue(json("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
        server.enqueue(json("{\"errcode\":310000,\"errmsg\":\"sign not match\"}"));
        server.enqueue(json("{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}"));
        server.enqueue(json("{\"code\":19024,\"msg\":\"timestamp out of range\"}"));

        PushOutcome.Failed wecom = (PushOutcome.Failed) send(wecom());
        PushOutcome.Failed ding = (PushOutcome.Failed) send(dingTalk(DING_SECRET));
        PushOutcome.Failed feishuSign = (PushOutcome.Failed) send(feishu(FEISHU_SECRET));
        PushOutcome.Failed feishuTime = (PushOutcome.Failed) send(feishu(FEISHU_SECRET));

        assertThat(wecom.cause()).isEqualTo(PushOutcome.Cause.PLATFORM_ERROR);
        assertThat(wecom.platformCode()).isEqualTo(45009);
        assertThat(wecom.reason()).contains("20").contains("api freq out of limit");
        assertThat(ding.platformCode()).isEqualTo(310000);
        assertThat(ding.reason()).contains("加签").contains("keyword");
        assertThat(feishuSign.platformCode()).isEqualTo(19021);
        assertThat(feishuSign.reason()).contains("签名校验失败");
        assertThat(feishuTime.platformCode()).isEqualTo(19024);
        assertThat(feishuTime.reason()).contains("1 h");
        assertThat(feishuTime.platform()).isEqualTo(TeamRobot.Platform.FEISHU);
    }

    @Test
    void unknownCodeKeepsThePlatformsOwnText() {
        server.enqueue(json("{\"errcode\":777,\"errmsg\":\"something new\"}"));
        PushOutcome.Failed f = (PushOutcome.Failed) send(wecom());
        assertThat(f.platformCode()).isEqualTo(777);
        assertThat(f.reason()).contains("refused").contains("something new");
    }

    @Test
    void http500IsAFailureNotAnException() {
        server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
        PushOutcome.Failed f = (PushOutcome.Failed) send(dingTalk(DING_SECRET));
        assertThat(f.cause()).isEqualTo(PushOutcome.Cause.HTTP_STATUS);
        assertThat(f.platformCode()).isEqualTo(500);
    }

    @Test
    void timeoutIsANetworkFailure() {
        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
                .body("{\"code\":0}").build());
        PushOutcome.Failed f = (PushOutcome.Failed) send(feishu(FEISHU_SECRET));
        assertThat(f.cause()).isEqualTo(PushOutcome.Cause.NETWORK);
        assertThat(f.reason()).contains("超时");
    }

    @Test
    void unreachableHostIsANetworkFailure() {
        String url = server.url("/cgi-bin/webhook/send?key=" + WECOM_KEY).toString();
        server.close();
        PushOutcome.Failed f = (PushOutcome.Failed) TeamPushClient
                .forRobot(TeamRobot.unsigned(TeamRobot.Platform.WECOM, url), PushTestSupport.client(), CLOCK)
                .send(MESSAGE);
        assertThat(f.cause()).isEqualTo(PushOutcome.Cause.NETWORK);
        assertThat(f.reason()).doesNotContain(WECOM_KEY);
    }

    @Test
    void garbageAnswerIsMalformed() {
        server.enqueue(json("<html>gateway</html>"));
        server.enqueue(json("{\"ok\":true}"));
        assertThat(((PushOutcome.Failed) send(wecom())).cause()).isEqualTo(PushOutcome.Cause.MALFORMED_RESPONSE);
        assertThat(((PushOutcome.Failed) send(wecom())).cause()).isEqualTo(PushOutcome.Cause.MALFORMED_RESPONSE);
    }

    @Test
    void weComContentIsCutToItsByteLimitWithoutSplittingCharacters() throws Exception {
        server.enqueue(json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        TeamMessage huge = new TeamMessage("StockLens", "库".repeat(3000));
        TeamPushClient.forRobot(wecom(), PushTestSupport.client(), CLOCK).send(huge);
        String content = body(take()).path("markdown").path("content").asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(content).endsWith("库…");
    }
}
