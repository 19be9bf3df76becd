package com.stocklens.connector.winit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * WINIT's request signature (docs/api/warehouses.md §3.4): uppercase hex MD5 of
 * {@code secret + action{action}app_key{app_key}data{data}format{format}platform{platform}sign_method{sign_method}timestamp{timestamp}version{version} + secret}.
 * {@code sign} uses the account's API token, {@code client_sign} the application's client secret;
 * the middle part is the same. A missing value counts as empty. {@code data} must be the exact JSON
 * text sent in the body.
 */
public final class WinitSigner {
    /** The signed keys, in the fixed (alphabetical) order. */
    public static final List<String> SIGNED_KEYS =
            List.of("action", "app_key", "data", "format", "platform", "sign_method", "timestamp", "version");

    private WinitSigner() {
    }

    /**
     * @param token  the secret wrapped around the string to sign (API token, or client secret for
     *               {@code client_sign})
     * @param params the envelope's values by key; other keys are ignored
     */
    public static String sign(String token, Map<String, String> params) {
        String secret = token == null ? "" : token;
        StringBuilder sb = new StringBuilder(secret);
        for (String key : SIGNED_KEYS) {
            String value = params.get(key);
            sb.append(key).append(value == null ? "" : value);
        }
        sb.append(secret);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().withUpperCase().formatHex(md5.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }
}
