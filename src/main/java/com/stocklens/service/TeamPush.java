package com.stocklens.service;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The team chat robots StockLens pushes red flags to (WeCom 企业微信, DingTalk 钉钉, Feishu 飞书), as the
 * settings dialog sees them. Secrets never leave through {@code toString}.
 */
public interface TeamPush {
    /** The chat platforms. */
    enum Platform {
        WECOM,
        DINGTALK,
        FEISHU
    }

    /**
     * One robot: its webhook URL (a credential in itself) and the signing secret where the platform uses
     * one (DingTalk "加签", Feishu signature); null when none.
     */
    record RobotSetting(Platform platform, String webhookUrl, String secret) {
        public RobotSetting {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(webhookUrl, "webhookUrl");
        }

        @Override
        public String toString() {
            return "RobotSetting[" + platform + ", webhook=***, secret=" + (secret == null ? "none" : "***") + "]";
        }
    }

    /** The outcome of a test push: delivered, or the platform's reason in plain words. */
    record TestResult(boolean delivered, String reason) {
    }

    /** The robots in use now. */
    List<RobotSetting> robots();

    /**
     * Replaces the robots in use.
     *
     * @throws IllegalArgumentException with a plain reason (never echoing the credential) when one is invalid
     */
    void setRobots(List<RobotSetting> robots);

    /** Sends a test message to one robot (saved or not); never completes exceptionally. */
    CompletionStage<TestResult> test(RobotSetting robot);
}
