package com.stocklens.connector;

/** The body could not be understood: truncated, not JSON, or missing a field we cannot do without. */
public class MalformedResponseException extends SourceException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedResponseException(String message) {
        super(message);
    }
}
