package com.stocklens.connector.tiktok;

import com.stocklens.connector.AuthenticationException;

/**
 * TikTok 105005: the authorization lacks the API scope the call needs (for a stock write, Product Modify
 * {@code seller.product.write}); a person must enable it and authorize the shop again.
 */
public final class ScopeMissingException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public ScopeMissingException(String message) {
        super(message);
    }
}
