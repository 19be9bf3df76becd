package com.stocklens.connector.tiktok;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TikTok Shop request signature (docs/api/tiktok-shop.md §3): HMAC-SHA256 over
 * {@code secret + path + sorted(key+value…) + body + secret}, keyed by the app secret, lowercase hex.
 */
public final class TikTokSigner {
    private TikTokSigner() {
    }

    /**
     * Signs one request.
     *
     * @param appSecret the app secret (never sent)
     * @param path      the request path without host or query, e.g. {@code /product/202309/products/search}
     * @param query     decoded query parameters; {@code sign} and {@code access_token} are ignored
     * @param body      the exact body bytes sent, or null for none (multipart bodies must not be passed)
     * @return 64 lowercase hex characters
     */
    public static String sign(String appSecret, String path, Map<String, String> query, byte[] body) {
        StringBuilder sb = new StringBuilder(appSecret).append(path);
        // Ordinal order of the ASCII keys, as TreeMap's natural String order gives.
        for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
            String key = e.getKey();
            if (key.equals("sign") || key.equals("access_token")) {
                continue;
            }
            sb.append(key).append(e.getValue() == null ? "" : e.getValue());
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = appSecret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(head);
            if (body != null) {
                mac.update(body);
            }
            mac.update(tail);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
