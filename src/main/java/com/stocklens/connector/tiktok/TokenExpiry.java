package com.stocklens.connector.tiktok;

import java.time.Instant;

/**
 * Reads TikTok's {@code access_token_expire_in} / {@code refresh_token_expire_in}. The docs say they
 * are absolute Unix times in seconds, but the name reads like a duration and older SDKs treat it as
 * one (docs/api/tiktok-shop.md §4, [UNSURE]); both readings are accepted:
 * <ul>
 *   <li>{@code value >= 1_000_000_000_000} (13+ digits): absolute Unix time in <em>milliseconds</em>;</li>
 *   <li>{@code value >= 1_000_000_000} ({@link #ABSOLUTE_FROM}, 2001-09-09): absolute Unix time in
 *       seconds, even when it lies in the past (then the token has already expired);</li>
 *   <li>{@code 0 <= value < 1_000_000_000}: a duration in seconds counted from {@code now} (a duration of
 *       31 years or more is not plausible for a token, a timestamp before 2001 is not plausible either);</li>
 *   <li>negative: malformed.</li>
 * </ul>
 */
public final class TokenExpiry {
    /** The first value read as an absolute Unix time (seconds): 2001-09-09T01:46:40Z. */
    public static final long ABSOLUTE_FROM = 1_000_000_000L;
    /** The first value read as an absolute Unix time in milliseconds. */
    public static final long MILLIS_FROM = 1_000_000_000_000L;

    private TokenExpiry() {
    }

    /**
     * The instant a token expires.
     *
     * @param value the {@code *_expire_in} value
     * @param now   when the response was received (the origin of a duration)
     * @throws IllegalArgumentException when {@code value} is negative
     */
    public static Instant read(long value, Instant now) {
        if (value < 0) {
            throw new IllegalArgumentException("negative expiry " + value);
        }
        if (value >= MILLIS_FROM) {
            return Instant.ofEpochMilli(value);
        }
        if (value >= ABSOLUTE_FROM) {
            return Instant.ofEpochSecond(value);
        }
        return now.plusSeconds(value);
    }
}
