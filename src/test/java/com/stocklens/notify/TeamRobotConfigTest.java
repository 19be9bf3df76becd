package com.stocklens.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.connector.http.RedactingLoggingInterceptor;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class TeamRobotConfigTest {
    private static final String KEY = "CANARY-key-1a2b";
    private static final String SECRET = "SECcanary-secret-3c4d";

    @Test
    void readsTheThreeRobotsFromTheEnvironment() {
        TeamPushConfig config = TeamPushConfig.from(Map.of(
                TeamPushConfig.WECOM_WEBHOOK, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + KEY,
                TeamPushConfig.DINGTALK_WEBHOOK, "https://oapi.dingtalk.com/robot/send?access_token=" + KEY,
                TeamPushConfig.DINGTALK_SECRET, SECRET,
                TeamPushConfig.FEISHU_WEBHOOK, " https://open.feishu.cn/open-apis/bot/v2/hook/" + KEY + " ",
                TeamPushConfig.FEISHU_SECRET, "feishu-" + SECRET));

        assertThat(config.problems()).isEmpty();
        assertThat(config.robots()).extracting(TeamRobot::platform).containsExactly(
                TeamRobot.Platform.WECOM, TeamRobot.Platform.DINGTALK, TeamRobot.Platform.FEISHU);
        assertThat(config.robots().get(0).signs()).isFalse();
        assertThat(config.robots().get(1).secret()).isEqualTo(SECRET);
        assertThat(config.robots().get(2).webhookUrl()).startsWith("https://open.feishu.cn/");
    }

    @Test
    void nothingSetIsEmptyAndBadValuesAreProblemsWithoutTheValue() {
        assertThat(TeamPushConfig.from(Map.of()).isEmpty()).isTrue();
        TeamPushConfig bad = TeamPushConfig.from(Map.of(
                TeamPushConfig.WECOM_WEBHOOK, "not a url " + KEY,
                TeamPushConfig.DINGTALK_WEBHOOK, "https://oapi.dingtalk.com/robot/send?access_token=x",
                TeamPushConfig.DINGTALK_SECRET, "missing-prefix-" + KEY));
        assertThat(bad.robots()).extracting(TeamRobot::platform).containsExactly(TeamRobot.Platform.DINGTALK);
        assertThat(bad.problems()).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain(KEY));
    }

    @Test
    void weComRefusesASecret() {
        assertThatThrownBy(() -> new TeamRobot(TeamRobot.Platform.WECOM, "https://q/x?key=k", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringAndIdNeverShowTheUrlOrSecret() {
        TeamRobot robot = new TeamRobot(TeamRobot.Platform.DINGTALK,
                "https://oapi.dingtalk.com/robot/send?access_token=" + KEY, SECRET);
        assertThat(robot.toString()).doesNotContain(KEY).doesNotContain(SECRET).contains("dingtalk:").contains("signed");
        assertThat(robot.id()).matches("dingtalk:[0-9a-f]{8}");
        assertThat(robot.id()).isEqualTo(new TeamRobot(TeamRobot.Platform.DINGTALK, robot.webhookUrl(), null).id());
    }

    @Test
    void wireLogRedactsRobotCredentials() {
        String wecom = RedactingLoggingInterceptor.redact(
                HttpUrl.get("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + KEY));
        String ding = RedactingLoggingInterceptor.redact(HttpUrl.get(
                "https://oapi.dingtalk.com/robot/send?access_token=" + KEY + "&timestamp=1&sign=" + KEY));
        String feishu = RedactingLoggingInterceptor.redact(
                HttpUrl.get("https://open.feishu.cn/open-apis/bot/v2/hook/" + KEY));
        assertThat(wecom).doesNotContain(KEY).contains("key=REDACTED");
        assertThat(ding).doesNotContain(KEY).contains("timestamp=1");
        assertThat(feishu).doesNotContain(KEY).endsWith("/open-apis/bot/v2/hook/REDACTED");
    }
}
