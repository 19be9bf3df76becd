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
    /**
     * TikTok Shop service id of the sandbox app, for the authorization page
     * ({@code /open/authorize?service_id=...}); the sandbox issues codes and tokens for it (TikTokAuthDialect).
     */
    public static final String TIKTOK_SERVICE_ID = "7300000000000000001";
    /** ShipBob personal access token, sent as {@code Authorization: Bearer <token>}. */
    public static final String SHIPBOB_TOKEN = "sbx_pat_7c3f9a1e5b2d4c6e8f0a1b2c3d4e5f60";

    /** WINIT seller account (app_key, not secret), API token and application credentials. */
    public static final String WINIT_APP_KEY = "seller.demo@example.com";
    public static final String WINIT_TOKEN = "8F3A1C5E7B9D2F4A6C8E0B1D3F5A7C9E";
    public static final String WINIT_CLIENT_ID = "sbxWinitClient01";
    public static final String WINIT_CLIENT_SECRET = "Q2xpZW50U2VjcmV0LUV4YW1wbGUtMDAx";
    public static final String WINIT_PLATFORM = "SELLERERP";
    /** ShipMonk store API key, sent as {@code Api-Key}. */
    public static final String SHIPMONK_API_KEY = "sm_sbx_4b1d7e2a9c6f3085e1d2c3b4a5f6e7d8";
    /** Flexport Logistics API token, sent as {@code Authorization: Bearer <token>}. */
    public static final String FLEXPORT_TOKEN = "fxp_sbx_3e9a71c2d5b84f06a1c2e3d4f5a6b7c8";
    /** GoodCang app key and token, sent as {@code app-key} / {@code app-token}. */
    public static final String GOODCANG_APP_KEY = "gc_sbx_app_key_2f6e";
    public static final String GOODCANG_APP_TOKEN = "gc_sbx_app_token_9d3c7a1b5e";

    private SandboxCredentials() {
    }
}
