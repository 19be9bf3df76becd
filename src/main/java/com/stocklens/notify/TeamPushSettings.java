package com.stocklens.notify;

import com.stocklens.service.TeamPush;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The settings dialog's view of {@link TeamPushService}: platform-neutral robot settings in and out. */
public final class TeamPushSettings implements TeamPush {
    private final TeamPushService service;

    public TeamPushSettings(TeamPushService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public List<RobotSetting> robots() {
        List<RobotSetting> out = new ArrayList<>();
        for (TeamRobot r : service.robots()) {
            out.add(new RobotSetting(Platform.valueOf(r.platform().name()), r.webhookUrl(), r.secret()));
        }
        return out;
    }

    @Override
    public void setRobots(List<RobotSetting> robots) {
        List<TeamRobot> converted = new ArrayList<>();
        for (RobotSetting s : robots) {
            converted.add(toRobot(s)); // validates all before applying any
        }
        service.setRobots(converted);
    }

    @Override
    public CompletionStage<TestResult> test(RobotSetting robot) {
        TeamRobot r;
        try {
            r = toRobot(robot);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new TestResult(false, e.getMessage()));
        }
        return service.test(r).thenApply(outcome -> outcome instanceof PushOutcome.Failed f
                ? new TestResult(false, f.reason())
                : new TestResult(true, null));
    }

    private static TeamRobot toRobot(RobotSetting s) {
        return new TeamRobot(TeamRobot.Platform.valueOf(s.platform().name()), s.webhookUrl(), s.secret());
    }
}
