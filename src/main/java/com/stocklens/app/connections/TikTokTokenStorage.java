package com.stocklens.app.connections;

import com.stocklens.connector.tiktok.TokenSet;
import com.stocklens.domain.Connection;
import com.stocklens.service.SecretStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where a TikTok connection's tokens live: the access and refresh tokens in the secret store (fields
 * {@code access_token}, {@code refresh_token}), their expiry times as the connection's non-secret
 * settings {@code access_token_expires_at} / {@code refresh_token_expires_at} (ISO-8601 instants).
 */
public final class TikTokTokenStorage {
    public static final String ACCESS_TOKEN = "access_token";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String ACCESS_EXPIRES_AT = "access_token_expires_at";
    public static final String REFRESH_EXPIRES_AT = "refresh_token_expires_at";

    private TikTokTokenStorage() {
    }

    /**
     * The stored tokens of {@code connection}, or null when no access token is stored.
     *
     * @param secrets field key → secret value (null when not set)
     */
    public static TokenSet load(Connection connection, Function<String, String> secrets) {
        String access = secrets.apply(ACCESS_TOKEN);
        if (access == null || access.isBlank()) {
            return null;
        }
        String refresh = secrets.apply(REFRESH_TOKEN);
        return TokenSet.stored(access, refresh == null || refresh.isBlank() ? null : refresh,
                instant(connection.setting(ACCESS_EXPIRES_AT)), instant(connection.setting(REFRESH_EXPIRES_AT)));
    }

    /** The connection settings that record the expiry times of {@code tokens} (absent ones are left out). */
    public static Map<String, String> expirySettings(TokenSet tokens) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tokens.accessExpiresAt() != null) {
            out.put(ACCESS_EXPIRES_AT, tokens.accessExpiresAt().toString());
        }
        if (tokens.refreshExpiresAt() != null) {
            out.put(REFRESH_EXPIRES_AT, tokens.refreshExpiresAt().toString());
        }
        return out;
    }

    /** {@code connection} with the expiry settings of {@code tokens} merged into its settings. */
    public static Connection withExpiry(Connection connection, TokenSet tokens) {
        Map<String, String> settings = new LinkedHashMap<>(connection.settings());
        settings.putAll(expirySettings(tokens));
        return connection.withSettings(settings);
    }

    /**
     * Writes the tokens to the secret store under the connection's keys.
     *
     * @throws SecretStore.SecretStoreException when the store refuses (its message holds no secret)
     */
    public static void saveSecrets(Connection connection, TokenSet tokens, SecretStore store)
            throws SecretStore.SecretStoreException {
        store.put(connection.secretKey(ACCESS_TOKEN), tokens.accessToken());
        if (tokens.refreshToken() != null) {
            store.put(connection.secretKey(REFRESH_TOKEN), tokens.refreshToken());
        }
    }

    /**
     * The callback a token lifecycle hands renewed tokens to: secrets into {@code store}, expiry times to
     * {@code settingsSink} (the connection with its settings updated, for the caller to persist).
     */
    public static Consumer<TokenSet> persister(Connection connection, SecretStore store,
                                               BiConsumer<Connection, Map<String, String>> settingsSink) {
        Objects.requireNonNull(store, "store");
        return tokens -> {
            try {
                saveSecrets(connection, tokens, store);
            } catch (SecretStore.SecretStoreException e) {
                throw new IllegalStateException("Cannot store the renewed TikTok tokens: " + e.getMessage(), e);
            }
            if (settingsSink != null) {
                settingsSink.accept(connection, expirySettings(tokens));
            }
        };
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(v));
            } catch (NumberFormatException n) {
                return null;
            }
        }
    }
}
