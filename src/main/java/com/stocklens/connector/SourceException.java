package com.stocklens.connector;

/** A source could not be read completely. Subclasses say whether retrying later can help. */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same call may succeed later without anybody changing anything. */
    public boolean isTransient() {
        return false;
    }
}
