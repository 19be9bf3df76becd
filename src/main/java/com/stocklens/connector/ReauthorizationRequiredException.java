package com.stocklens.connector;

/**
 * The authorization itself has ended: the refresh token expired or was refused, or the seller
 * de-authorized the app (TikTok 105001). Retrying or refreshing cannot help; the seller must authorize
 * the app again. The UI asks for re-authorization on this exception and on nothing else.
 */
public class ReauthorizationRequiredException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    public ReauthorizationRequiredException(String message) {
        super(message);
    }
}
