package com.stocklens.service;

import com.stocklens.domain.AuthorizedShop;
import com.stocklens.domain.Connection;
import java.net.URI;
import java.util.List;

/**
 * TikTok Shop authorization for a desktop app (docs/api/tiktok-shop.md §4): the seller opens the page in the
 * browser, approves, and pastes back the code or the whole redirect URL. Blocking: call off the FX thread.
 */
public interface ShopAuthorizer {
    /** The authorization page for {@code connection}, with a fresh random state remembered for the paste. */
    URI authorizationPage(Connection connection);

    /**
     * Exchanges a pasted code (or a redirect URL holding {@code code} and {@code state}), stores the
     * access and refresh tokens in the secret store and returns the shops the authorization reaches,
     * for the seller to choose one.
     */
    List<AuthorizedShop> completeAuthorization(Connection connection, String codeOrRedirectUrl)
            throws AuthorizationException;

    /** Authorization failed; the message says what to do, in plain words, and holds no secret. */
    final class AuthorizationException extends Exception {
        private static final long serialVersionUID = 1L;

        public AuthorizationException(String message, Throwable cause) {
            super(message, cause);
        }

        public AuthorizationException(String message) {
            super(message);
        }
    }
}
