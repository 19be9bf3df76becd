package com.stocklens.connector;

/** Credentials were refused (bad token, bad signature, expired authorization): a person must act. */
public class AuthenticationException extends SourceException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
