package com.stocklens.app.workspace;

/** The workspace could not be opened; the message tells the person what to do. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
