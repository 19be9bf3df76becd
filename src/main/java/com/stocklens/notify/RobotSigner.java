package com.stocklens.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two robot signatures. Pure functions: the caller supplies the timestamp, so tests can pin it.
 *
 * <p>Both platforms hash the same string, {@code timestamp + "\n" + secret}, with HMAC-SHA256 and
 * Base64 the digest, but they use it in opposite roles:
 * <ul>
 *   <li>DingTalk 钉钉 "加签": key = the secret, message = that string; timestamp in epoch
 *       <em>milliseconds</em>; sent URL-encoded as the {@code sign} query parameter next to
 *       {@code timestamp} (DingTalk docs, 自定义机器人安全设置 — 加签).</li>
 *   <li>Feishu 飞书 "签名校验": key = that string, message = empty; timestamp in epoch
 *       <em>seconds</em>; sent as {@code "timestamp"} and {@code "sign"} in the JSON body (Feishu docs,
 *       自定义机器人使用指南 — 签名校验).</li>
 * </ul>
 */
public final class RobotSigner {
    private static final String HMAC = "HmacSHA256";

    private RobotSigner() {
    }

    /**
     * DingTalk's {@code sign}, Base64 <em>before</em> URL encoding (OkHttp's query builder encodes
     * {@code + / =} when the parameter is added).
     *
     * @param timestampMillis epoch milliseconds, also sent as {@code timestamp}
     */
    public static String dingTalk(String secret, long timestampMillis) {
        String stringToSign = timestampMillis + "\n" + secret;
        return hmacBase64(secret.getBytes(StandardCharsets.UTF_8), stringToSign.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Feishu's {@code sign}.
     *
     * @param timestampSeconds epoch seconds, also sent as {@code "timestamp"} (a string) in the body
     */
    public static String feishu(String secret, long timestampSeconds) {
        String key = timestampSeconds + "\n" + secret;
        return hmacBase64(key.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    private static String hmacBase64(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return Base64.getEncoder().encodeToString(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
