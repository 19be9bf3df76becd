package com.stocklens.connector.tiktok;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The tokens of one TikTok Shop authorization (docs/api/tiktok-shop.md §4) and what TikTok said about the
 * seller. {@link #toString()} never shows a token.
 *
 * @param accessToken      sent as {@code x-tts-access-token}
 * @param refreshToken     trades for a new access token; null when unknown (then the access token cannot be renewed)
 * @param accessExpiresAt  when the access token stops working, or null when unknown
 * @param refreshExpiresAt when the refresh token (the authorization) ends, or null when unknown
 * @param obtainedAt       when these tokens were issued to us, or null when unknown (loaded from storage)
 * @param openId           id of the authorizing user, or null
 * @param sellerName       seller name, or null
 * @param region           seller base region, e.g. {@code GB}, or null
 * @param scopes           granted scopes (empty when not reported)
 */
public record TokenSet(String accessToken, String refreshToken, Instant accessExpiresAt, Instant refreshExpiresAt,
                       Instant obtainedAt, String openId, String sellerName, String region, List<String> scopes) {
    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** Tokens loaded from storage: only the tokens and their expiry times are known. */
    public static TokenSet stored(String accessToken, String refreshToken, Instant accessExpiresAt,
                                  Instant refreshExpiresAt) {
        return new TokenSet(accessToken, refreshToken, accessExpiresAt, refreshExpiresAt, null, null, null, null,
                List.of());
    }

    /** True when the refresh token is known to have expired at {@code now} (at the expiry instant itself, too). */
    public boolean refreshExpired(Instant now) {
        return refreshExpiresAt != null && !now.isBefore(refreshExpiresAt);
    }

    /** True when the access token is known to have expired at {@code now}. */
    public boolean accessExpired(Instant now) {
        return accessExpiresAt != null && !now.isBefore(accessExpiresAt);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=REDACTED, refreshToken=" + (refreshToken == null ? "none" : "REDACTED")
                + ", accessExpiresAt=" + accessExpiresAt + ", refreshExpiresAt=" + refreshExpiresAt
                + ", obtainedAt=" + obtainedAt + ", openId=" + openId + ", sellerName=" + sellerName
                + ", region=" + region + ", scopes=" + scopes + "]";
    }
}
