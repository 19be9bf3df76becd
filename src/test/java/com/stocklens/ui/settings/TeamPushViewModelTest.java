package com.stocklens.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.service.TeamPush;
import com.stocklens.service.TeamPush.Platform;
import com.stocklens.service.TeamPush.RobotSetting;
import com.stocklens.service.TeamPush.TestResult;
import com.stocklens.ui.settings.TeamPushViewModel.TestState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The team-push settings without a toolkit: a fake TeamPush, same-thread UI executor. */
class TeamPushViewModelTest {
    private static final class FakeTeamPush implements TeamPush {
        List<RobotSetting> robots = new ArrayList<>();
        final List<RobotSetting> tested = new ArrayList<>();
        CompletableFuture<TestResult> next = CompletableFuture.completedFuture(new TestResult(true, null));

        @Override
        public List<RobotSetting> robots() {
            return robots;
        }

        @Override
        public void setRobots(List<RobotSetting> newRobots) {
            for (RobotSetting r : newRobots) {
                if (!r.webhookUrl().startsWith("https://")) {
                    throw new IllegalArgumentException(r.platform() + " webhook is not an http(s) URL");
                }
            }
            robots = List.copyOf(newRobots);
        }

        @Override
        public CompletionStage<TestResult> test(RobotSetting robot) {
            tested.add(robot);
            return next;
        }
    }

    private final FakeTeamPush push = new FakeTeamPush();

    @Test
    void loadsTheRobotsInUse() {
        push.robots = List.of(new RobotSetting(Platform.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=t", "SECx"));
        TeamPushViewModel vm = new TeamPushViewModel(push, Runnable::run);
        assertThat(vm.row(Platform.DINGTALK).webhookUrlProperty().get()).contains("dingtalk");
        assertThat(vm.row(Platform.DINGTALK).secretProperty().get()).isEqualTo("SECx");
        assertThat(vm.row(Platform.WECOM).webhookUrlProperty().get()).isEmpty();
        assertThat(vm.row(Platform.WECOM).signs()).isFalse();
    }

    @Test
    void saveKeepsOnlyFilledRowsAndBlankSecretsBecomeNone() {
        TeamPushViewModel vm = new TeamPushViewModel(push, Runnable::run);
        vm.row(Platform.FEISHU).webhookUrlProperty().set("  https://open.feishu.cn/open-apis/bot/v2/hook/abc ");
        vm.row(Platform.FEISHU).secretProperty().set("  ");
        assertThat(vm.save()).isTrue();
        assertThat(push.robots).containsExactly(
                new RobotSetting(Platform.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/abc", null));
        assertThat(vm.savedProperty().get()).isTrue();
    }

    @Test
    void anInvalidUrlIsNotSavedAndSaysWhy() {
        TeamPushViewModel vm = new TeamPushViewModel(push, Runnable::run);
        vm.row(Platform.WECOM).webhookUrlProperty().set("qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
        assertThat(vm.save()).isFalse();
        assertThat(vm.saveErrorProperty().get()).contains("WECOM");
        assertThat(push.robots).isEmpty();
    }

    @Test
    void testShowsDeliveredOrThePlatformsReason() {
        TeamPushViewModel vm = new TeamPushViewModel(push, Runnable::run);
        vm.row(Platform.DINGTALK).webhookUrlProperty().set("https://oapi.dingtalk.com/robot/send?access_token=t");
        vm.test(Platform.DINGTALK);
        assertThat(vm.row(Platform.DINGTALK).testStateProperty().get()).isEqualTo(TestState.DELIVERED);
        assertThat(push.tested).hasSize(1);

        push.next = new CompletableFuture<>();
        vm.test(Platform.DINGTALK);
        assertThat(vm.row(Platform.DINGTALK).testStateProperty().get()).isEqualTo(TestState.TESTING);
        push.next.complete(new TestResult(false, "钉钉 310000 签名不匹配 · sign mismatch"));
        assertThat(vm.row(Platform.DINGTALK).testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(vm.row(Platform.DINGTALK).testReasonProperty().get()).contains("310000");
    }

    @Test
    void testingAnEmptyRowSendsNothing() {
        TeamPushViewModel vm = new TeamPushViewModel(push, Runnable::run);
        vm.test(Platform.FEISHU);
        assertThat(push.tested).isEmpty();
        assertThat(vm.row(Platform.FEISHU).testStateProperty().get()).isEqualTo(TestState.FAILED);
        assertThat(vm.row(Platform.FEISHU).testReasonProperty().get()).isEmpty();
    }
}
