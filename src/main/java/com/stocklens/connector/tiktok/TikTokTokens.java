package com.stocklens.connector.tiktok;

import com.stocklens.connector.AuthenticationException;
import com.stocklens.connector.ReauthorizationRequiredException;
import com.stocklens.connector.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token a {@link TikTokClient} sends, kept alive: renewed shortly before it expires and
 * after TikTok answers {@code 105002} (expired). Renewals are single-flight: callers that find the
 * same stale token wait for one refresh and share its result. Every new token set goes to the
 * {@code onRefresh} callback (the root stores it in the secret store and the connection's settings).
 *
 * <p>Renewal is due when less than 1 day or 10 % of the token's lifetime is left (whichever comes
 * first, at most half the lifetime): see {@link #margin}. The
 * lifetime is known for tokens issued to this process; for tokens loaded from storage it is taken to be
 * TikTok's 7 days. A dead authorization (refresh token expired, refused, or {@code 105001}) raises
 * {@link ReauthorizationRequiredException} and is remembered, so the token host is not asked again
 * until the seller authorizes anew.
 */
public final class TikTokTokens {
    private static final Logger LOG = LoggerFactory.getLogger(TikTokTokens.class);
    static final Duration DAY_MARGIN = Duration.ofDays(1);
    static final Duration ASSUMED_LIFETIME = Duration.ofDays(7);

    private final TikTokAuthClient auth;
    private final Consumer<TokenSet> onRefresh;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile TokenSet tokens;
    private volatile String deadReason;

    private TikTokTokens(TokenSet initial, TikTokAuthClient auth, Consumer<TokenSet> onRefresh, Clock clock) {
        this.tokens = Objects.requireNonNull(initial, "initial");
        this.auth = auth;
        this.onRefresh = onRefresh == null ? t -> { } : onRefresh;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A fixed access token that is never renewed (demo mode, tests, a token pasted by hand). */
    public static TikTokTokens fixed(String accessToken) {
        return new TikTokTokens(TokenSet.stored(accessToken, null, null, null), null, null, Clock.systemUTC());
    }

    /**
     * Tokens renewed through {@code auth}.
     *
     * @param onRefresh receives every renewed token set, on the renewing thread, before callers use it
     */
    public static TikTokTokens managed(TokenSet initial, TikTokAuthClient auth, Consumer<TokenSet> onRefresh,
                                       Clock clock) {
        return new TikTokTokens(initial, Objects.requireNonNull(auth, "auth"), onRefresh, clock);
    }

    /** Whether this holder can renew its token. */
    public boolean renewable() {
        return auth != null && tokens.refreshToken() != null;
    }

    /** The tokens as they stand (never log them; {@link TokenSet#toString()} redacts). */
    public TokenSet current() {
        return tokens;
    }

    /**
     * The access token to send now, renewed first when it is due. A failed early renewal is logged and
     * the old token, still valid, is used; once the token has expired a failed renewal is thrown.
     */
    public String accessToken() throws SourceException {
        TokenSet t = tokens;
        if (!renewable()) {
            return t.accessToken();
        }
        Instant now = clock.instant();
        throwIfDead(t, now);
        if (!renewalDue(t, now) || t.refreshExpired(now)) {
            return t.accessToken();
        }
        try {
            return renew(t.accessToken());
        } catch (ReauthorizationRequiredException e) {
            throw e;
        } catch (SourceException e) {
            if (t.accessExpired(clock.instant())) {
                throw e;
            }
            LOG.warn("Early renewal of the TikTok access token failed, the current one is still valid: {}",
                    e.getMessage());
            return t.accessToken();
        }
    }

    /**
     * TikTok answered {@code 105002} to {@code rejected}: renew unless another caller already has. Returns
     * the token to retry with.
     *
     * @throws AuthenticationException when the token cannot be renewed (fixed token)
     */
    public String renewAfterRejection(String rejected) throws SourceException {
        if (!renewable()) {
            throw new AuthenticationException("TikTok access token expired (105002) and StockLens holds no refresh "
                    + "token for it: authorize StockLens for the shop again, or enter a new access token.");
        }
        return renew(rejected);
    }

    /** TikTok answered {@code 105001}: the authorization has ended. */
    public ReauthorizationRequiredException deauthorized(String detail) {
        String reason = "TikTok says the access token is invalid or the shop de-authorized StockLens (105001): "
                + "authorize StockLens for the shop again. " + detail;
        deadReason = reason;
        return new ReauthorizationRequiredException(reason);
    }

    /** Replaces the tokens after a new authorization, clearing a remembered dead state. */
    public void replace(TokenSet fresh) {
        synchronized (lock) {
            tokens = Objects.requireNonNull(fresh, "fresh");
            deadReason = null;
        }
    }

    /** Whether {@code t} should be renewed at {@code now}: less than min(1 day, 10 % of its lifetime) left. */
    static boolean renewalDue(TokenSet t, Instant now) {
        if (t.accessExpiresAt() == null) {
            return false;
        }
        Duration lifetime = t.obtainedAt() != null && t.obtainedAt().isBefore(t.accessExpiresAt())
                ? Duration.between(t.obtainedAt(), t.accessExpiresAt()) : ASSUMED_LIFETIME;
        return !now.isBefore(t.accessExpiresAt().minus(margin(lifetime)));
    }

    /**
     * How long before expiry a token of {@code lifetime} is renewed: 1 day or 10 % of the lifetime,
     * whichever comes first, but never earlier than half-way (a short sandbox token is not renewed on
     * every call).
     */
    static Duration margin(Duration lifetime) {
        Duration tenth = lifetime.dividedBy(10);
        Duration margin = tenth.compareTo(DAY_MARGIN) > 0 ? tenth : DAY_MARGIN;
        Duration half = lifetime.dividedBy(2);
        return margin.compareTo(half) > 0 ? half : margin;
    }

    private void throwIfDead(TokenSet t, Instant now) throws ReauthorizationRequiredException {
        String dead = deadReason;
        if (dead != null) {
            throw new ReauthorizationRequiredException(dead);
        }
        if (t.refreshExpired(now) && (t.accessExpiresAt() == null || t.accessExpired(now))) {
            throw new ReauthorizationRequiredException("The TikTok authorization of this shop ended on "
                    + t.refreshExpiresAt() + ": authorize StockLens for the shop again.");
        }
    }

    private String renew(String stale) throws SourceException {
        synchronized (lock) {
            TokenSet t = tokens;
            if (!t.accessToken().equals(stale)) {
                return t.accessToken(); // another caller renewed while we waited
            }
            Instant now = clock.instant();
            String dead = deadReason;
            if (dead != null) {
                throw new ReauthorizationRequiredException(dead);
            }
            if (t.refreshExpired(now)) {
                deadReason = "The TikTok authorization of this shop ended on " + t.refreshExpiresAt()
                        + ": authorize StockLens for the shop again.";
                throw new ReauthorizationRequiredException(deadReason);
            }
            TokenSet fresh;
            try {
                fresh = auth.refresh(t.refreshToken());
            } catch (ReauthorizationRequiredException e) {
                deadReason = e.getMessage();
                throw e;
            }
            if (fresh.refreshToken() == null) {
                // TikTok may keep the refresh token unchanged and omit it (docs/api/tiktok-shop.md §8 item 5).
                fresh = new TokenSet(fresh.accessToken(), t.refreshToken(), fresh.accessExpiresAt(),
                        fresh.refreshExpiresAt() != null ? fresh.refreshExpiresAt() : t.refreshExpiresAt(),
                        fresh.obtainedAt(), fresh.openId(), fresh.sellerName(), fresh.region(), fresh.scopes());
            }
            tokens = fresh;
            LOG.info("TikTok access token renewed; it expires at {}", fresh.accessExpiresAt());
            try {
                onRefresh.accept(fresh);
            } catch (RuntimeException e) {
                LOG.warn("Storing the renewed TikTok tokens failed (they stay in memory for this session): {}",
                        e.toString());
            }
            return fresh.accessToken();
        }
    }

    @Override
    public String toString() {
        return "TikTokTokens[" + tokens + ", renewable=" + renewable() + "]";
    }
}
