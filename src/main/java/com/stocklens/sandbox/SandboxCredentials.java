package com.stocklens.sandbox;

/**
 * The fixed credentials the sandbox accepts. They are deliberately public constants: the sandbox
 * only ever listens on loopback and guards nothing; demo mode and tests configure the real
 * connectors with these values so that signing and auth headers are exercised end to end.
 */
public final class SandboxCredentials {
    /** TikTok Shop app key, sent as the {@code app_key} query parameter. */
    public static final String TIKTOK_APP_KEY = "6sbx0demo1app";
    /** TikTok Shop app secret, used only to sign ({@code sign} query parameter), never sent. */
    public static final String TIKTOK_APP_SECRET = "5a4e1c0d2b3f49e8a7c6b5d4e3f2a1b0c9d8e7f6";
    /** TikTok Shop seller access token, sent in the {@code x-tts-access-token} header. */
    public static final String TIKTOK_ACCESS_TOKEN = "TTP_sbxDemoAccessToken0001";
    /** ShipBob personal access token, sent as {@code Authorization: Bearer <token>}. */
    public static final String SHIPBOB_TOKEN = "sbx_pat_7c3f9a1e5b2d4c6e8f0a1b2c3d4e5f60";

    private SandboxCredentials() {
    }
}
