package com.stocklens.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.connector.tiktok.TokenSet;
import com.stocklens.domain.Connection;
import com.stocklens.domain.ConnectionKind;
import com.stocklens.service.InMemorySecretStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TikTokTokenStorageTest {
    private static final Connection BARE = new Connection("tiktok:main", ConnectionKind.TIKTOK_SHOP, "TikTok Shop",
            true, null, Map.of("app_key", "k"));

    @Test
    void loadsTokensAndBothExpiryForms() {
        Connection c = BARE.withSettings(Map.of("app_key", "k", "access_token_expires_at", "2025-01-08T00:00:00Z",
                "refresh_token_expires_at", "1767225600"));
        TokenSet t = TikTokTokenStorage.load(c, Map.of("access_token", "A", "refresh_token", "R")::get);
        assertThat(t.accessToken()).isEqualTo("A");
        assertThat(t.refreshToken()).isEqualTo("R");
        assertThat(t.accessExpiresAt()).isEqualTo(Instant.parse("2025-01-08T00:00:00Z"));
        assertThat(t.refreshExpiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(t.obtainedAt()).isNull();
    }

    @Test
    void noAccessTokenMeansNothingStoredAndGarbageExpiryIsUnknown() {
        assertThat(TikTokTokenStorage.load(BARE, k -> null)).isNull();
        Connection c = BARE.withSettings(Map.of("access_token_expires_at", "soon"));
        assertThat(TikTokTokenStorage.load(c, Map.of("access_token", "A")::get).accessExpiresAt()).isNull();
    }

    @Test
    void persisterWritesSecretsAndHandsOnOnlyExpirySettings() {
        InMemorySecretStore store = new InMemorySecretStore();
        Map<String, String> settings = new HashMap<>();
        TokenSet t = new TokenSet("ACCESS_canary", "REFRESH_canary", Instant.parse("2025-01-08T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"), "o", "s", "GB", List.of());
        TikTokTokenStorage.persister(BARE, store, (c, s) -> settings.putAll(s)).accept(t);
        assertThat(store.snapshot()).containsEntry("stocklens/tiktok:main/access_token", "ACCESS_canary")
                .containsEntry("stocklens/tiktok:main/refresh_token", "REFRESH_canary");
        assertThat(settings).containsOnlyKeys("access_token_expires_at", "refresh_token_expires_at");
        assertThat(settings.values()).noneMatch(v -> v.contains("canary"));
        Connection updated = TikTokTokenStorage.withExpiry(BARE, t);
        assertThat(updated.setting("access_token_expires_at")).isEqualTo("2025-01-08T00:00:00Z");
        assertThat(updated.toString()).doesNotContain("canary");
    }
}
