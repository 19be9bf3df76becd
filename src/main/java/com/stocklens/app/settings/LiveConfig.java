package com.stocklens.app.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Live connection settings, read from the environment. Secrets come only from the environment (or,
 * later, the OS keychain), never from the workspace, settings or logs.
 *
 * @param tiktokApiBase   TikTok Shop API host
 * @param tiktokAppKey    app key
 * @param tiktokAppSecret app secret (secret)
 * @param tiktokToken     seller access token (secret)
 * @param shipbobApiBase  ShipBob API host
 * @param shipbobToken    ShipBob personal access token (secret)
 * @param shipbobLinks    ShipBob fulfilment-centre id → TikTok warehouse id
 */
public record LiveConfig(
        String tiktokApiBase,
        String tiktokAppKey,
        String tiktokAppSecret,
        String tiktokToken,
        String shipbobApiBase,
        String shipbobToken,
        Map<String, String> shipbobLinks) {

    public static final String TIKTOK_DEFAULT_BASE = "https://open-api.tiktokglobalshop.com";
    public static final String SHIPBOB_DEFAULT_BASE = "https://api.shipbob.com";

    public boolean hasTikTok() {
        return tiktokAppKey != null && tiktokAppSecret != null && tiktokToken != null;
    }

    public boolean hasShipBob() {
        return shipbobToken != null;
    }

    /** The live configuration, or empty when no source is configured (then the app runs its demo). */
    public static Optional<LiveConfig> from(Map<String, String> env) {
        LiveConfig c = new LiveConfig(
                env.getOrDefault("STOCKLENS_TIKTOK_API_BASE", TIKTOK_DEFAULT_BASE),
                blankToNull(env.get("STOCKLENS_TIKTOK_APP_KEY")),
                blankToNull(env.get("STOCKLENS_TIKTOK_APP_SECRET")),
                blankToNull(env.get("STOCKLENS_TIKTOK_ACCESS_TOKEN")),
                env.getOrDefault("STOCKLENS_SHIPBOB_API_BASE", SHIPBOB_DEFAULT_BASE),
                blankToNull(env.get("STOCKLENS_SHIPBOB_TOKEN")),
                parseLinks(env.get("STOCKLENS_SHIPBOB_LINKS")));
        return c.hasTikTok() || c.hasShipBob() ? Optional.of(c) : Optional.empty();
    }

    /** Parses {@code "228=7301…401,156=7301…402"}; blanks and malformed pairs are skipped. */
    static Map<String, String> parseLinks(String text) {
        Map<String, String> links = new LinkedHashMap<>();
        if (text == null) {
            return links;
        }
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && eq < pair.length() - 1) {
                links.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return links;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        // Never let a secret reach a log line through toString.
        return "LiveConfig[tiktok=" + (hasTikTok() ? tiktokApiBase : "off")
                + ", shipbob=" + (hasShipBob() ? shipbobApiBase : "off") + ", links=" + shipbobLinks + "]";
    }
}
