package com.stocklens.notify;

import com.stocklens.support.Redactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One chat-group robot the team's notices are pushed to.
 *
 * <p>Both the webhook URL and the signing secret are credentials: the URL alone (WeCom's {@code key},
 * DingTalk's {@code access_token}, Feishu's hook id) lets anyone post into the group. So
 * {@link #toString()} shows neither, and logs name a robot only by {@link #id()}, a one-way
 * fingerprint of the URL.
 *
 * @param platform   which chat platform's dialect the robot speaks
 * @param webhookUrl the robot's full webhook address as the platform shows it
 * @param secret     the signing secret (DingTalk "加签" secret starting with {@code SEC}, Feishu "签名校验"
 *                   secret), or null when the robot does not sign; WeCom never signs
 */
public record TeamRobot(Platform platform, String webhookUrl, String secret) {

    /** The chat platforms StockLens can push to. */
    public enum Platform {
        /** WeCom 企业微信 group robot: {@code key} in the URL, no signature. */
        WECOM("企业微信", "WeCom"),
        /** DingTalk 钉钉 custom robot: optional "加签" signature in the query. */
        DINGTALK("钉钉", "DingTalk"),
        /** Feishu 飞书 custom bot: optional signature in the JSON body. */
        FEISHU("飞书", "Feishu");

        private final String chineseName;
        private final String englishName;

        Platform(String chineseName, String englishName) {
            this.chineseName = chineseName;
            this.englishName = englishName;
        }

        public String chineseName() {
            return chineseName;
        }

        public String englishName() {
            return englishName;
        }
    }

    public TeamRobot {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        webhookUrl = webhookUrl.strip();
        // Not echoing the value: it is a credential and this message may reach a log or a dialog.
        if (HttpUrl.parse(webhookUrl) == null) {
            throw new IllegalArgumentException(platform.englishName() + " webhook is not an http(s) URL");
        }
        secret = secret == null || secret.isBlank() ? null : secret.strip();
        rememberCredentials(webhookUrl, secret);
        if (platform == Platform.WECOM && secret != null) {
            throw new IllegalArgumentException("WeCom group robots do not sign: leave the secret empty");
        }
    }

    /** The URL, its query values (WeCom's key, DingTalk's access_token) and its last segment (Feishu's hook id). */
    private static void rememberCredentials(String webhookUrl, String secret) {
        HttpUrl url = HttpUrl.get(webhookUrl);
        Redactor.remember(webhookUrl);
        Redactor.remember(secret);
        for (int i = 0; i < url.querySize(); i++) {
            Redactor.remember(url.queryParameterValue(i));
        }
        List<String> segments = url.pathSegments();
        Redactor.remember(segments.get(segments.size() - 1));
    }

    /** A robot that does not sign its messages. */
    public static TeamRobot unsigned(Platform platform, String webhookUrl) {
        return new TeamRobot(platform, webhookUrl, null);
    }

    /** True when messages carry a signature. */
    public boolean signs() {
        return secret != null;
    }

    HttpUrl url() {
        return HttpUrl.get(webhookUrl);
    }

    /**
     * A stable label safe for logs and settings: the platform and the first 8 hex digits of the
     * SHA-256 of the webhook URL (one-way, so it reveals nothing usable).
     */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(webhookUrl.getBytes(StandardCharsets.UTF_8));
            return platform.name().toLowerCase(Locale.ROOT) + ":" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Redacted: never the URL or the secret. */
    @Override
    public String toString() {
        return "TeamRobot[" + id() + (signs() ? ", signed" : "") + "]";
    }
}
