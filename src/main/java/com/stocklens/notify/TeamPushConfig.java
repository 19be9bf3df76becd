package com.stocklens.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The team-push robots to start with, read from the environment:
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>value</th></tr>
 *   <tr><td>{@value #WECOM_WEBHOOK}</td><td>WeCom 企业微信 group robot webhook ({@code …/webhook/send?key=…})</td></tr>
 *   <tr><td>{@value #DINGTALK_WEBHOOK}</td><td>DingTalk 钉钉 custom robot webhook ({@code …/robot/send?access_token=…})</td></tr>
 *   <tr><td>{@value #DINGTALK_SECRET}</td><td>its "加签" secret ({@code SEC…}), when the robot signs</td></tr>
 *   <tr><td>{@value #FEISHU_WEBHOOK}</td><td>Feishu 飞书 custom bot webhook ({@code …/bot/v2/hook/…})</td></tr>
 *   <tr><td>{@value #FEISHU_SECRET}</td><td>its "签名校验" secret, when the bot signs</td></tr>
 * </table>
 *
 * <p>The settings dialog sets robots at run time through {@link TeamPushService#setRobots}; those last
 * only for the session. Persistent, secure storage of webhooks and secrets (the OS keychain, or a
 * passphrase-encrypted file) comes with the connections issue; until then the environment is the only
 * durable place, and neither the webhook nor the secret is ever written to the database, the settings
 * file or a log.
 *
 * @param robots   the robots configured, WeCom, DingTalk, Feishu in that order
 * @param problems what was set but unusable, worded for a person; never contains a credential
 */
public record TeamPushConfig(List<TeamRobot> robots, List<String> problems) {
    public static final String WECOM_WEBHOOK = "STOCKLENS_WECOM_WEBHOOK";
    public static final String DINGTALK_WEBHOOK = "STOCKLENS_DINGTALK_WEBHOOK";
    public static final String DINGTALK_SECRET = "STOCKLENS_DINGTALK_SECRET";
    public static final String FEISHU_WEBHOOK = "STOCKLENS_FEISHU_WEBHOOK";
    public static final String FEISHU_SECRET = "STOCKLENS_FEISHU_SECRET";

    public TeamPushConfig {
        robots = List.copyOf(robots);
        problems = List.copyOf(problems);
    }

    /** From the process environment. */
    public static TeamPushConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** From the given variables (the environment, or a map in tests). */
    public static TeamPushConfig from(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        List<TeamRobot> robots = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        add(robots, problems, TeamRobot.Platform.WECOM, env.get(WECOM_WEBHOOK), null, WECOM_WEBHOOK);
        add(robots, problems, TeamRobot.Platform.DINGTALK, env.get(DINGTALK_WEBHOOK), env.get(DINGTALK_SECRET),
                DINGTALK_WEBHOOK);
        add(robots, problems, TeamRobot.Platform.FEISHU, env.get(FEISHU_WEBHOOK), env.get(FEISHU_SECRET),
                FEISHU_WEBHOOK);
        String dingSecret = env.get(DINGTALK_SECRET);
        if (dingSecret != null && !dingSecret.isBlank() && !dingSecret.strip().startsWith("SEC")) {
            problems.add(DINGTALK_SECRET + " does not start with \"SEC\": copy the whole 加签 secret");
        }
        return new TeamPushConfig(robots, problems);
    }

    /** True when no robot is configured. */
    public boolean isEmpty() {
        return robots.isEmpty();
    }

    private static void add(List<TeamRobot> robots, List<String> problems, TeamRobot.Platform platform,
                            String webhook, String secret, String variable) {
        if (webhook == null || webhook.isBlank()) {
            return;
        }
        try {
            robots.add(new TeamRobot(platform, webhook, secret));
        } catch (IllegalArgumentException e) {
            // TeamRobot's messages never echo the value.
            problems.add(variable + ": " + e.getMessage());
        }
    }
}
